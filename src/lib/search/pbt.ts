/**
 * The decisions of population-based training (PBT; Jaderberg et al. 2017, "Population based
 * training of neural networks"): K members train side by side; every `interval` epochs the
 * members are ranked, each of the worst fraction copies the weights and optimiser state of a
 * random member of the best fraction (exploit, truncation selection) and then changes the
 * copied hyperparameters (explore): each one is multiplied by 0.8 or 1.2 (ints rounded and
 * moved at least one step, choices moved to a neighbouring value) or, with a small
 * probability, drawn afresh from the space. This file only decides; the trainer copies.
 *
 * A lineage records every member at every step (who it copied, which hyperparameters it
 * trained with next), so the page can draw the tree and each survivor's schedule.
 */
import { isHypergradient, type ModelSettings } from '../core/modelSettings';
import { createRandom, type Random } from '../core/random';
import { fromUnit, isActive, validateSpace, valueFromUnit, type Dimension, type Params } from '../core/space';

/** Hyperparameters the page's PBT changes mid-training (structure and batch size are shared by the stacked members). */
export const pbtSearchable = ['learningRate', 'l1', 'l2'] as const;

/**
 * Why a base model cannot train as a PBT population ('' when it can): PBT trains networks, and it
 * sets the learning rate itself, which a hypergradient rule (sgd-hd, adam-hd) would also move.
 */
export function pbtBaseProblem(base: Pick<ModelSettings, 'kind' | 'optimizer'>): string {
  if (base.kind !== 'mlp') return 'PBT trains neural networks: choose the MLP model in the Train tab.';
  if (isHypergradient(base.optimizer)) return `PBT sets the learning rate itself, and ${base.optimizer} would move it too: choose ${base.optimizer.replace('-hd', '')} in the Train tab.`;
  return '';
}

/** Options of the PBT controller. */
export interface PbtOptions {
  /** Seed of the initial population and of every exploit and explore decision. */
  seed: number;
  /** Number of members K (at least 2). */
  population: number;
  /** Share of members in the bottom group that copy, and in the top group they copy from (default 0.25). */
  fraction?: number;
  /** Probability that an explored hyperparameter is drawn afresh instead of perturbed (default 0.25). */
  resampleProbability?: number;
  /** The two perturbation factors, picked with equal probability (default [0.8, 1.2]). */
  factors?: [number, number];
  /** The initial population (K points of the space), e.g. a random search's first K proposals; drawn from the seed when absent. */
  initial?: Params[];
  /**
   * A bottom member copies only when its score is worse than its parent's by more than
   * margin · |parent's score| (default 0: always). Like the t-test selection of Jaderberg et al.,
   * it keeps noise among equally poor members (a plateau) from discarding a trajectory.
   */
  margin?: number;
}

/** One exploit: member `to` takes a copy of member `from`'s weights and optimiser state, then trains with params. */
export interface PbtDecision {
  from: number;
  to: number;
  /** The explored hyperparameters `to` trains with from now on. */
  params: Params;
}

/** One member at one step of the lineage. */
export interface LineageEntry {
  /** 0 for the initial population, then one per call of step(). */
  step: number;
  /** Epoch of the step (0 at the start). */
  epoch: number;
  member: number;
  /** How many times this member has copied another so far. */
  generation: number;
  /** The member copied at this step, or null when it kept its own weights. */
  parent: number | null;
  /** Hyperparameters the member trains with from this step on. */
  params: Params;
  /** The score that decided this step (lower is better; null if it diverged or at step 0). */
  score: number | null;
}

/** One interval of a member's effective history: which member's weights trained, with which params. */
export interface AncestryInterval {
  /** The interval ends at this step. */
  step: number;
  member: number;
  params: Params;
  score: number | null;
}

const badScore = (score: number | null | undefined): boolean => score === null || score === undefined || !Number.isFinite(score);

/** Decides exploit and explore for a PBT population over a search space (see PbtOptions). */
export class PbtController {
  readonly space: Dimension[];
  /** Every member at every step, in order. */
  readonly lineage: LineageEntry[] = [];
  private readonly random: Random;
  private readonly fraction: number;
  private readonly resampleProbability: number;
  private readonly factors: [number, number];
  private readonly margin: number;
  private readonly current: Params[];
  private readonly generations: number[];
  private steps = 0;

  constructor(space: Dimension[], options: PbtOptions) {
    validateSpace(space);
    const { seed, population, fraction = 0.25, resampleProbability = 0.25, factors = [0.8, 1.2], initial, margin = 0 } = options;
    if (!Number.isInteger(population) || population < 2) throw new Error(`invalid population: ${population} (at least 2)`);
    if (initial && initial.length !== population) throw new Error(`invalid initial population: ${initial.length} points for ${population} members`);
    if (!(fraction > 0 && fraction <= 0.5)) throw new Error(`invalid fraction: ${fraction} (above 0, at most 0.5)`);
    this.space = space;
    this.random = createRandom(seed);
    this.fraction = fraction;
    this.resampleProbability = resampleProbability;
    this.factors = factors;
    this.margin = margin;
    this.current = initial ? initial.map((params) => ({ ...params })) : Array.from({ length: population }, () => this.sample());
    this.generations = new Array<number>(population).fill(0);
    this.current.forEach((params, member) =>
      this.lineage.push({ step: 0, epoch: 0, member, generation: 0, parent: null, params, score: null }),
    );
  }

  /** Hyperparameters each member trains with now, shape [population]. */
  get params(): Params[] {
    return [...this.current];
  }

  /** Number of members that copy at each step (and of members they copy from): ⌈fraction · K⌉, at most K/2. */
  get exploitCount(): number {
    return Math.min(Math.floor(this.current.length / 2), Math.max(1, Math.ceil(this.fraction * this.current.length)));
  }

  /**
   * Ranks the members by score (lower is better; null, NaN and ±Infinity rank last), makes each of the
   * bottom group copy a random member of the top group, explores its params, and records the step.
   */
  step(scores: (number | null)[], epoch: number): PbtDecision[] {
    const population = this.current.length;
    if (scores.length !== population) throw new Error(`invalid scores: ${scores.length} for ${population} members`);
    const order = Array.from({ length: population }, (_, member) => member).sort((a, b) => {
      const badA = badScore(scores[a]);
      const badB = badScore(scores[b]);
      if (badA || badB) return Number(badA) - Number(badB) || a - b;
      return (scores[a] as number) - (scores[b] as number) || a - b;
    });
    const count = this.exploitCount;
    const top = order.slice(0, count);
    const bottom = order.slice(population - count);
    const previous = [...this.current];
    const decisions: PbtDecision[] = [];
    for (const to of bottom) {
      const from = top[this.random.int(top.length)];
      const params = this.explore(previous[from]);
      if (this.clearlyWorse(scores[to], scores[from])) decisions.push({ from, to, params });
    }
    this.steps++;
    const parents = new Map(decisions.map((decision) => [decision.to, decision]));
    for (let member = 0; member < population; member++) {
      const decision = parents.get(member);
      if (decision) {
        this.current[member] = decision.params;
        this.generations[member]++;
      }
      const score = badScore(scores[member]) ? null : (scores[member] as number);
      this.lineage.push({
        step: this.steps,
        epoch,
        member,
        generation: this.generations[member],
        parent: decision ? decision.from : null,
        params: this.current[member],
        score,
      });
    }
    return decisions;
  }

  /** True when a member scoring `score` should copy a parent scoring `parent` (see PbtOptions.margin). */
  private clearlyWorse(score: number | null, parent: number | null): boolean {
    if (badScore(score)) return true;
    if (badScore(parent)) return false;
    return (score as number) - (parent as number) > this.margin * Math.abs(parent as number);
  }

  /** A point drawn uniformly from the space (log dimensions log-uniformly). */
  private sample(): Params {
    return fromUnit(this.space, Float64Array.from(this.space, () => this.random.next()));
  }

  /** Perturbs or resamples each hyperparameter of params, staying inside the space. */
  private explore(params: Params): Params {
    const fresh = this.sample();
    const explored: Params = {};
    for (const dimension of this.space) {
      const value = params[dimension.name];
      const up = this.random.next() < 0.5;
      const factor = up ? this.factors[1] : this.factors[0];
      if (value === undefined) {
        // A conditional hyperparameter the parent lacked: drawn afresh, kept only if now active.
        explored[dimension.name] = valueFromUnit(dimension, this.random.next());
      } else if (this.random.next() < this.resampleProbability) {
        explored[dimension.name] = fresh[dimension.name] ?? value;
      } else if (dimension.type === 'choice') {
        const index = dimension.values.indexOf(value);
        const moved = Math.min(dimension.values.length - 1, Math.max(0, index + (up ? 1 : -1)));
        explored[dimension.name] = dimension.values[moved];
      } else if (dimension.type === 'int') {
        const number = Number(value);
        let moved = Math.round(number * factor);
        if (moved === number) moved += up ? 1 : -1;
        explored[dimension.name] = Math.min(dimension.high, Math.max(dimension.low, moved));
      } else {
        explored[dimension.name] = Math.min(dimension.high, Math.max(dimension.low, Number(value) * factor));
      }
    }
    // An explored parent can switch a conditional hyperparameter off: it is left out, never set.
    for (const dimension of this.space) if (!isActive(dimension, explored)) delete explored[dimension.name];
    return explored;
  }
}

/**
 * The effective history of a member at the last recorded step, oldest first: for each interval
 * between steps, whose weights trained (following copies back to the ancestors) and with which
 * params. Its params, in order, are the hyperparameter schedule the member ended up with.
 */
export function ancestry(lineage: LineageEntry[], member: number): AncestryInterval[] {
  const byStep = new Map<string, LineageEntry>();
  let last = 0;
  for (const entry of lineage) {
    byStep.set(`${entry.step}:${entry.member}`, entry);
    last = Math.max(last, entry.step);
  }
  const entryOf = (step: number, who: number): LineageEntry => {
    const entry = byStep.get(`${step}:${who}`);
    if (!entry) throw new Error(`invalid lineage: no member ${who} at step ${step}`);
    return entry;
  };
  const chain: AncestryInterval[] = [];
  let current = member;
  for (let step = last; step >= 1; step--) {
    const start = entryOf(step - 1, current);
    chain.unshift({ step, member: current, params: start.params, score: entryOf(step, current).score });
    // A member that copied at the start of this interval carried its parent's weights before it.
    if (start.parent !== null) current = start.parent;
  }
  return chain;
}

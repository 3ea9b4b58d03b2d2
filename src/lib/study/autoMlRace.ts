/**
 * Runs an AutoML plan: one StudyRunner per candidate family, raced by successive halving. Each
 * round gives every family still racing the same number of trials (sized from the time left and
 * the trial times measured so far), then drops the worse half with its figures; the last family
 * standing wins. Every step is logged as a decision with its reason. Pure: trials go through the
 * executors it is given (the worker in the page, the pure models in Node).
 */
import { formatNumber } from '../core/formatNumber';
import { trialSettings, type ModelSettings } from '../core/modelSettings';
import type { StudyTrial } from '../core/trial';
import { trialSeed } from '../core/trialInputs';
import { formatSeconds, type AutoMlDecision } from '../search/automl/decision';
import { familyLabels, type AutoMlFamily } from '../search/automl/familyCost';
import { halve, metricLabel, nextRoundTrials, rankStandings, type FamilyStanding } from '../search/automl/halving';
import type { AutoMlPlan, FamilyPlan } from '../search/automl/plan';
import type { Proposer } from '../search/proposer';
import { createSchedule } from '../search/schedules';
import { StudyRunner, type TrialExecutor } from './studyRunner';

/** How the race trains and proposes for a family, and reads the clock. */
export interface RaceServices {
  /** Trains the family's trials; `seed` is the family's study seed. */
  executorFor(family: FamilyPlan, seed: number): TrialExecutor;
  /** Proposes the family's trials with the plan's strategy. */
  proposerFor(family: FamilyPlan, seed: number): Proposer;
  /** Milliseconds since some fixed time (injectable for tests). */
  now?: () => number;
}

/** The race's outcome: the family, its best trial and the settings to train it again. */
export interface AutoMlWinner {
  family: AutoMlFamily;
  trial: StudyTrial;
  settings: ModelSettings;
  /** The seed the trial trained with. */
  seed: number;
}

/** Where the race is. */
export type RaceStatus = 'idle' | 'running' | 'finished' | 'stopped';

/** One AutoML race. */
export class AutoMlRace {
  readonly plan: AutoMlPlan;
  decisions: AutoMlDecision[];
  standings: FamilyStanding[];
  status: RaceStatus = 'idle';
  /** Round in progress (1-based), 0 before the first. */
  round = 0;
  winner: AutoMlWinner | null = null;
  /** Each family's trials so far. */
  trials: Partial<Record<AutoMlFamily, StudyTrial[]>> = {};

  readonly #runners = new Map<AutoMlFamily, StudyRunner>();
  readonly #seeds = new Map<AutoMlFamily, number>();
  readonly #now: () => number;
  readonly #onChange: (race: AutoMlRace) => void;
  #startedAt = 0;
  #timeUp = false;
  /** Wall milliseconds a trial costs beyond its own training (messages, queueing), measured over the last batch of trials. */
  #overheadMs = 0;

  constructor(plan: AutoMlPlan, services: RaceServices, onChange: (race: AutoMlRace) => void = () => {}) {
    this.plan = plan;
    this.decisions = [...plan.decisions];
    this.#now = services.now ?? (() => performance.now());
    this.#onChange = onChange;
    const budget = plan.trialCaps.reduce((sum, cap) => sum + cap, 0);
    this.standings = plan.families.map((family) => ({ family: family.family, trials: 0, best: null, bestTrialId: null, trialMs: family.estimatedTrialMs, status: 'racing' }));
    plan.families.forEach((family, index) => {
      const seed = plan.seed + 1000 * (index + 1);
      this.#seeds.set(family.family, seed);
      const runner = new StudyRunner(
        {
          strategy: services.proposerFor(family, seed),
          schedule: createSchedule('none', { maxEpochs: family.fixed.epochs, minEpochs: 1 }),
          budget,
          metric: plan.metric,
          parallel: family.family === 'mlp' ? 4 : 1,
          now: this.#now,
        },
        services.executorFor(family, seed),
        () => this.#changed(),
      );
      this.#runners.set(family.family, runner);
    });
  }

  /** Milliseconds since the race started. */
  get elapsedMs(): number {
    return this.status === 'idle' ? 0 : this.#now() - this.#startedAt;
  }

  /** Runs every round; resolves when a family has won or the race was stopped. */
  async run(): Promise<void> {
    if (this.status !== 'idle') return;
    this.status = 'running';
    this.#startedAt = this.#now();
    const { rounds, trialCaps, budgetMs } = this.plan;
    for (let round = 0; round < rounds.length && this.status === 'running'; round++) {
      const racing = this.standings.filter((standing) => standing.status === 'racing');
      let done = 0;
      if (round === 0) {
        // The cost model is a guess: one trial of each family first measures this machine.
        this.round = 1;
        this.#say('race', 'Round 1 starts with one trial of each family.', 'the cost model is a rough guess, and how fast this machine trains each family is known only once something has trained.');
        await this.#trainEach(racing, 1);
        if ((this.status as RaceStatus) !== 'running') break;
        done = 1;
        this.#leaveOutTooSlow(rounds[0].trialsPerFamily);
      }
      const measured = this.standings.filter((standing) => standing.status === 'racing');
      // One family left: the time of every round left goes to it in one last round.
      const last = measured.length === 1 && round > 0;
      const roundsLeft = last ? 1 : rounds.length - round;
      const cap = round === 0 ? rounds[0].trialsPerFamily : last ? trialCaps.slice(round).reduce((sum, most) => sum + most, 0) : trialCaps[round];
      const count = this.#timeUp ? 0 : nextRoundTrials(budgetMs - this.elapsedMs, roundsLeft, measured.map((standing) => standing.trialMs + this.#overheadMs), cap);
      if (count === 0 && round > 0) {
        this.#say('race', `No round ${round + 1}: the race ends here.`, `${formatSeconds(this.elapsedMs)} of the ${formatSeconds(budgetMs)} are spent, and another round would not fit in the time left.`);
        break;
      }
      const total = Math.max(done, count);
      this.round = round + 1;
      this.#say('race', `Round ${round + 1}${last ? ' (the last)' : ''}: ${total} trial${total === 1 ? '' : 's'} for ${measured.length === 1 ? `the ${familyLabels[measured[0].family]}` : `each of ${measured.length} families`}.`, roundReason(measured, this.#overheadMs, budgetMs - this.elapsedMs, roundsLeft) + (last ? ' Only one family is left, so the time of the rounds left goes to it at once.' : ''));
      if (total > done) await this.#trainEach(measured, total - done);
      if ((this.status as RaceStatus) !== 'running') break;
      if (measured.length > 1 && !this.#timeUp) {
        const halved = halve(this.standings, round + 1, this.plan.metric);
        this.standings = halved.standings;
        for (const decision of halved.decisions) this.decisions = [...this.decisions, decision];
        this.#onChange(this);
      }
      if (this.#timeUp || last) break;
    }
    if ((this.status as RaceStatus) === 'stopped') return;
    this.#crown();
  }

  /** Stops every family's running trials and ends the race without a winner. */
  stop(): void {
    if (this.status !== 'running') return;
    this.status = 'stopped';
    for (const runner of this.#runners.values()) runner.stop();
    this.#say('race', 'Stopped.', 'you pressed Stop; no family is declared the winner.');
  }

  /** After the first trials: leaves out the slowest families while round 1 could not give each of the others 2 trials (at least 2 families stay). */
  #leaveOutTooSlow(planned: number): void {
    const roundsTotal = this.plan.rounds.length;
    for (;;) {
      const racing = this.standings.filter((standing) => standing.status === 'racing');
      const remaining = this.plan.budgetMs - this.elapsedMs;
      const count = nextRoundTrials(remaining, roundsTotal, racing.map((standing) => standing.trialMs + this.#overheadMs), planned);
      if (racing.length <= 2 || count >= Math.min(2, planned)) return;
      const slowest = racing.reduce((most, standing) => (standing.trialMs > most.trialMs ? standing : most));
      this.standings = this.standings.map((standing) => (standing === slowest ? { ...standing, status: 'dropped', droppedAfter: 1 } : standing));
      this.#say('race', `${capitalise(familyLabels[slowest.family])} is left out after its first trial.`, `that trial took ${formatSeconds(slowest.trialMs)}; with it in the race, round 1 could give each family only ${count} trial${count === 1 ? '' : 's'} in its share (${formatSeconds(Math.max(0, remaining) / roundsTotal)}) of the time left, too few to compare them.`);
    }
  }

  /** Gives each family in `racing` `count` more trials, side by side; resolves when all have ended. */
  async #trainEach(racing: readonly FamilyStanding[], count: number): Promise<void> {
    const before = this.#endedWork();
    const startedAt = this.#now();
    await Promise.all(racing.map((standing) => this.#runners.get(standing.family)?.step(count)));
    this.#refresh();
    const after = this.#endedWork();
    const trials = after.trials - before.trials;
    if (trials > 0) this.#overheadMs = Math.max(0, (this.#now() - startedAt - (after.trainingMs - before.trainingMs)) / trials);
  }

  /** Trials ended so far over all families, and their training milliseconds. */
  #endedWork(): { trials: number; trainingMs: number } {
    let trials = 0;
    let trainingMs = 0;
    for (const runner of this.#runners.values()) {
      for (const trial of runner.trials) {
        if (trial.state === 'running' || trial.state === 'queued') continue;
        trials += 1;
        trainingMs += trial.durationMs;
      }
    }
    return { trials, trainingMs };
  }

  #crown(): void {
    const leader = rankStandings(this.standings.filter((standing) => standing.status === 'racing'))[0];
    const runner = leader ? this.#runners.get(leader.family) : undefined;
    const best = runner?.best ?? null;
    const family = this.plan.families.find((plan) => plan.family === leader?.family);
    this.status = 'finished';
    if (!leader || !best || !family) {
      this.#say('winner', 'No winner.', 'no trial of any family ended with a score (every one failed or diverged).');
      return;
    }
    const seed = trialSeed(this.#seeds.get(leader.family) ?? this.plan.seed, best.id);
    this.winner = { family: leader.family, trial: best, settings: trialSettings(family.fixed, best.params, family.fixed.epochs), seed };
    const others = this.standings.filter((standing) => standing.status === 'racing' && standing !== leader);
    this.standings = this.standings.map((standing) => (standing === leader ? { ...standing, status: 'winner' } : standing.status === 'racing' ? { ...standing, status: 'dropped', droppedAfter: this.round } : standing));
    if (others.length > 0) {
      const names = others.map((standing) => `${familyLabels[standing.family]} (${standing.best === null ? 'no score' : formatNumber(standing.best)})`).join(', ');
      this.#say('race', `The time ran out with ${others.length + 1} families still racing; ${familyLabels[leader.family]} leads.`, `its best ${metricLabel(this.plan.metric)} ${formatNumber(leader.best ?? NaN)} is the lowest, against ${names}; ties go to the faster family.`);
    }
    const params = Object.entries(best.params).map(([name, value]) => `${name} ${typeof value === 'number' ? formatNumber(value) : value}`).join(', ');
    const total = this.standings.reduce((sum, standing) => sum + standing.trials, 0);
    this.#say('winner', `The ${familyLabels[leader.family]} wins: trial ${best.id}, ${metricLabel(this.plan.metric)} ${formatNumber(best.value ?? NaN)} with ${params}.`, `it is the best of the last family standing, after ${total} trials in ${formatSeconds(this.elapsedMs)}; judge it on the test rows before trusting the score, since it was chosen for being best on these validation rows.`);
  }

  #changed(): void {
    this.#refresh();
    if (this.status === 'running' && !this.#timeUp && this.elapsedMs > this.plan.budgetMs) {
      this.#timeUp = true;
      for (const runner of this.#runners.values()) runner.pause();
      this.#say('budget', 'Time is up: no new trial starts.', `${formatSeconds(this.elapsedMs)} have passed of the ${formatSeconds(this.plan.budgetMs)}; the trials under way finish, and the race is judged on what has ended.`);
    }
    this.#onChange(this);
  }

  #refresh(): void {
    const next: Partial<Record<AutoMlFamily, StudyTrial[]>> = {};
    this.standings = this.standings.map((standing) => {
      const runner = this.#runners.get(standing.family);
      if (!runner) return standing;
      next[standing.family] = runner.trials;
      const ended = runner.trials.filter((trial) => trial.state !== 'running' && trial.state !== 'queued');
      const best = runner.best;
      const trialMs = ended.length > 0 ? ended.reduce((sum, trial) => sum + trial.durationMs, 0) / ended.length : standing.trialMs;
      return { ...standing, trials: ended.length, best: best?.value ?? null, bestTrialId: best?.id ?? null, trialMs };
    });
    this.trials = next;
  }

  #say(topic: AutoMlDecision['topic'], decision: string, because: string): void {
    this.decisions = [...this.decisions, { topic, decision, because }];
    this.#onChange(this);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why the next round has its size: the measured trial times and the time left. */
function roundReason(racing: readonly FamilyStanding[], overheadMs: number, remainingMs: number, roundsLeft: number): string {
  const times = racing.map((standing) => `${familyLabels[standing.family]} ${formatSeconds(standing.trialMs)}`).join(', ');
  const overhead = overheadMs >= 1 ? `, plus about ${formatSeconds(overheadMs)} each for messages and waiting` : '';
  return `measured so far, a trial trains in ${times}${overhead}; ${formatSeconds(Math.max(0, remainingMs))} are left for ${roundsLeft} round${roundsLeft === 1 ? '' : 's'}.`;
}

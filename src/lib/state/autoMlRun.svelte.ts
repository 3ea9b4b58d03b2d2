/**
 * One AutoML run in the page: the plan for the data in use, and the race as it goes (decisions,
 * standings, the winner), kept as reactive state. Trials train in the trainer worker like a
 * search's; each family's strategy lives in the search worker.
 */
import type { Dataset, Split } from '../datasets/dataset';
import type { AutoMlDecision } from '../search/automl/decision';
import type { FamilyStanding } from '../search/automl/halving';
import type { AutoMlPlan, FamilyPlan } from '../search/automl/plan';
import type { StudyTrial } from '../core/trial';
import type { StudyDataset } from '../storage/studySchema';
import { AutoMlRace, type AutoMlWinner, type RaceStatus } from '../study/autoMlRace';
import type { StudySetup } from '../study/studySetup';
import { RemoteStrategy } from '../worker/remoteStrategy';
import type { Trainer } from './trainer.svelte';
import { workerExecutor } from './workerExecutor';

/** The data an AutoML run trains on (a snapshot taken when Run is pressed). */
export interface AutoMlData {
  dataset: Dataset;
  split: Split;
  datasetInfo: StudyDataset;
  baselineLoss?: number;
}

/** The study setup of one family of the race (what its trials train with). */
export function familySetup(plan: AutoMlPlan, family: FamilyPlan, seed: number, data: AutoMlData): StudySetup {
  return {
    strategy: plan.strategy,
    strategyOptions: {},
    schedule: 'none',
    space: family.space,
    budget: plan.trialCaps.reduce((sum, cap) => sum + cap, 0),
    seed,
    metric: plan.metric,
    base: family.fixed,
    dataset: data.dataset,
    split: data.split,
    datasetInfo: data.datasetInfo,
    baselineLoss: data.baselineLoss,
    parallel: family.family === 'mlp' ? 4 : 1,
  };
}

/** Reactive state of one AutoML run. */
export class AutoMlRun {
  decisions = $state.raw<AutoMlDecision[]>([]);
  standings = $state.raw<FamilyStanding[]>([]);
  status = $state<RaceStatus>('idle');
  round = $state(0);
  winner = $state.raw<AutoMlWinner | null>(null);
  /** Each family's trials so far. */
  trials = $state.raw<Partial<Record<string, StudyTrial[]>>>({});
  elapsedMs = $state(0);
  readonly plan: AutoMlPlan;
  readonly #race: AutoMlRace;
  readonly #strategies: RemoteStrategy[] = [];

  constructor(trainer: Trainer, plan: AutoMlPlan, data: AutoMlData) {
    this.plan = plan;
    this.#race = new AutoMlRace(
      plan,
      {
        executorFor: (family, seed) => workerExecutor(trainer, familySetup(plan, family, seed, data)),
        proposerFor: (family, seed) => {
          const strategy = new RemoteStrategy(plan.strategy, family.space, { seed, budget: familySetup(plan, family, seed, data).budget });
          this.#strategies.push(strategy);
          return strategy;
        },
      },
      (race) => {
        this.decisions = race.decisions;
        this.standings = race.standings;
        this.status = race.status;
        this.round = race.round;
        this.winner = race.winner;
        this.trials = race.trials;
        this.elapsedMs = race.elapsedMs;
      },
    );
    this.decisions = this.#race.decisions;
    this.standings = this.#race.standings;
  }

  /** Runs the race; resolves when it has a winner or was stopped. */
  async start(): Promise<void> {
    try {
      await this.#race.run();
    } finally {
      for (const strategy of this.#strategies) strategy.dispose();
    }
    this.status = this.#race.status;
    this.winner = this.#race.winner;
    this.decisions = this.#race.decisions;
    this.standings = this.#race.standings;
    this.elapsedMs = this.#race.elapsedMs;
  }

  /** Stops every family's trials; no winner is named. */
  stop(): void {
    this.#race.stop();
  }
}

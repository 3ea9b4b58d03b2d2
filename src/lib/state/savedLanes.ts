/**
 * Saved or imported studies as a race's lanes: each read back from storage and replayed into a
 * Study as "Show in the views" does (nothing trains: the runner hands the strategy every saved
 * result), refused all together, with the difference in words, when they are not on one problem
 * with each other and with the live race's lanes.
 */
import type { StudyProblem } from '../analysis/problemDifference';
import { distinctNames, raceMismatch } from '../analysis/raceLanes';
import { formatNumber } from '../core/formatNumber';
import type { StudySetup } from '../study/studySetup';
import { showSetup } from '../storage/showStudy';
import type { SavedStudySummary } from '../storage/studyStorage';
import { savedStudies } from './savedStudies.svelte';
import { Study } from './study.svelte';
import type { Trainer } from './trainer.svelte';

/** One lane of a race: a live search, or a saved study replayed read-only (`saved` is its summary). */
export interface RaceLane {
  key: string;
  name: string;
  color: string;
  study: Study;
  saved: SavedStudySummary | null;
}

/** Colours of saved lanes, apart from the live strategies' (Tableau 10's orange, brown, pink, and a grey). */
export const savedLaneColors = ['#f28e2b', '#9c755f', '#ff9da7', '#6b6b6b'];

/** The most saved studies one race shows beside its live lanes. */
export const maxSavedLanes = savedLaneColors.length;

/** The problem a setup searches (data, objective, space), as a saved study states it. */
export function problemOf(setup: StudySetup): StudyProblem {
  return { dataset: setup.datasetInfo, objective: { metric: setup.metric, direction: 'minimize' }, space: setup.space };
}

/** A saved study's lane name: its saved name (strategy, dataset and time unless renamed) and its best value. */
export function savedLaneName(summary: SavedStudySummary): string {
  return summary.best ? `${summary.name} · best ${formatNumber(summary.best.value, 4)}` : summary.name;
}

/**
 * Reads saved studies `ids` and replays each into a lane, or says why they cannot race: one
 * unreadable, too many, or on a different problem from the others or from `live` (the live
 * lanes' names and problems, which come first).
 */
export async function loadSavedLanes(ids: readonly string[], trainer: Trainer, live: readonly { name: string; problem: StudyProblem }[]): Promise<RaceLane[] | string> {
  if (ids.length > maxSavedLanes) return `A race shows at most ${maxSavedLanes} saved studies at once.`;
  const loaded = [];
  for (const id of ids) {
    const found = await savedStudies.load(id);
    if (!found) return savedStudies.actionError ?? 'A saved study could not be read.';
    loaded.push(found);
  }
  const names = distinctNames([...live.map((lane) => lane.name), ...loaded.map((found) => savedLaneName(found.summary))]).slice(live.length);
  const mismatch = raceMismatch([...live, ...loaded.map((found, index) => ({ name: names[index], problem: found.study }))]);
  if (mismatch) return mismatch;
  const lanes: RaceLane[] = [];
  for (const [index, found] of loaded.entries()) {
    const plan = showSetup(found.study, found.summary.resume, found.data);
    if (typeof plan === 'string') return `${names[index]}: ${plan}`;
    const study = new Study(trainer, plan.setup, plan.replay);
    lanes.push({ key: `saved:${found.summary.id}`, name: names[index], color: savedLaneColors[index], study, saved: found.summary });
  }
  // Replays only: the budget is the ended trials, so the runner trains nothing.
  for (const lane of lanes) void lane.study.run();
  return lanes;
}

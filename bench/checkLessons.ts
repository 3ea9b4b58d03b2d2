/**
 * Replays every lesson's experiment in Node (TF.js CPU backend, the lesson's own small preset —
 * what the CPU and WASM backends run — with its budgets) over many seeds, checks the lesson's
 * claim on each, and writes bench/results/lessons.json and the table in docs/BENCHMARKS.md.
 *
 *   npm run check:lessons                      every lesson, 20 seeds
 *   npm run check:lessons -- --lesson capacity           one lesson; its record replaces the old one
 *   npm run check:lessons -- --lesson halving,budget     these lessons, in this order
 *   npm run check:lessons -- --seeds 5 --lesson grid-vs-random --no-write
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { lessonClaims } from '../src/lib/lessons/lessonClaims';
import { lessons, lessonSettings } from '../src/lib/lessons/lessons';
import { replayLesson } from './lessons/replayLesson';
import { useCpuBackend } from './lessons/nodeTrial';
import { writeLessonsTable } from './lessons/lessonsTable';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const seeds = Number(option('seeds') ?? 20);
/** With --lesson: the lessons to check (one id, or ids joined by commas), in the order given; the others' records stay. */
const only = option('lesson')?.split(',');
const write = !args.includes('--no-write');
/** Settings laid over the lesson's, to try a preset before changing it (never with a write). */
const override = JSON.parse(option('override') ?? '{}') as Record<string, unknown>;
/** Required share of seeds in which each claim holds. */
const requiredShare = 0.9;

function fail(message: string): never {
  throw new Error(message);
}

type LessonRecord = { lesson: string; seeds: number; held: number; claim: string; seconds: number; measured: string };
const path = new URL('./results/lessons.json', import.meta.url);

/**
 * Writes this run's records so far over the file's: after every lesson, so a long run that is stopped keeps what it measured.
 * A record this run has not measured yet stays as it was, with its own `measured` date (until the run reaches it).
 */
function save(records: readonly LessonRecord[]): void {
  const measuredNow = new Set(records.map((record) => record.lesson));
  const kept = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { records: LessonRecord[] }).records.filter((record) => !measuredNow.has(record.lesson)) : [];
  const order = lessons.map((lesson) => lesson.id);
  const merged = [...kept, ...records].filter((record) => order.includes(record.lesson)).sort((a, b) => order.indexOf(a.lesson) - order.indexOf(b.lesson));
  const output = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, Node ${process.version}, TF.js CPU backend`, seedsEach: seeds, requiredShare, records: merged };
  writeFileSync(path, `${JSON.stringify(output, null, 2)}\n`);
  writeLessonsTable(output);
}

await useCpuBackend();
const records: LessonRecord[] = [];
const chosen = only ? only.map((id) => lessons.find((lesson) => lesson.id === id) ?? fail(`no lesson ${id}`)) : lessons;
for (const lesson of chosen) {
  const claim = lessonClaims[lesson.id];
  if (!claim) throw new Error(`lesson ${lesson.id} has no claim in lessonClaims.ts`);
  const started = performance.now();
  let held = 0;
  const misses: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const settings = { ...lessonSettings(lesson, 'cpu'), ...override, dataSeed: seed, trainingSeed: seed };
    if (lesson.run.kind === 'searches') settings.searchSeed = seed * 100;
    const result = await replayLesson(lesson.run, settings);
    if (claim.holds(result)) held += 1;
    else misses.push(seed);
  }
  const seconds = (performance.now() - started) / 1000;
  records.push({ lesson: lesson.id, seeds, held: held / seeds, claim: claim.statement, seconds: Math.round(seconds), measured: new Date().toISOString() });
  console.log(`${lesson.id}: held in ${held} of ${seeds} seeds (${Math.round((100 * held) / seeds)}%) in ${seconds.toFixed(0)} s${misses.length ? `; not in seeds ${misses.join(', ')}` : ''}`);
  if (write && Object.keys(override).length === 0) save(records);
}
const failing = records.filter((record) => record.held < requiredShare);
if (failing.length) {
  console.error(`Claims holding in under ${requiredShare * 100}% of seeds: ${failing.map((record) => record.lesson).join(', ')}`);
  process.exitCode = 1;
}

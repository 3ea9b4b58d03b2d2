/** Writes the check:lessons figures as a table between markers in docs/BENCHMARKS.md. */
import { readFileSync, writeFileSync } from 'node:fs';

const start = '<!-- lessons:start -->';
const end = '<!-- lessons:end -->';

/** Replaces (or appends) the lessons section of docs/BENCHMARKS.md with a table of `output.records`. */
export function writeLessonsTable(output: { date: string; machine: string; seedsEach: number; requiredShare: number; records: { lesson: string; seeds: number; held: number; claim: string; seconds: number; measured?: string }[] }): void {
  const path = new URL('../../docs/BENCHMARKS.md', import.meta.url);
  const rows = output.records.map((record) => `| ${record.lesson} | ${record.claim} | ${record.seeds} | ${Math.round(record.held * 100)}% | ${record.seconds} | ${record.measured ? record.measured.slice(0, 16).replace('T', ' ') : 'an earlier run'} |`);
  const section = [
    start,
    '## Lesson claims over seeds',
    '',
    `\`npm run check:lessons\` replays each lesson's experiment in Node with its small preset (what the CPU and WASM backends run) on TF.js's CPU backend, ` +
      `over ${output.seedsEach} seeds (data, training and search seeds all set from the seed), and counts how often the lesson's claim ` +
      `(src/lib/lessons/lessonClaims.ts) held. Each must hold in at least ${Math.round(output.requiredShare * 100)}% of seeds. ` +
      `The larger presets the GPU backends run are not replayed here. Seconds are wall time on a 2-core machine shared with other jobs. ` +
      `Each row says when it was measured (UTC; the file was last written on ${output.date.slice(0, 10)}), ${output.machine}; raw figures in bench/results/lessons.json.`,
    '',
    '| lesson | claim | seeds | held | seconds | measured |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    end,
  ].join('\n');
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from ? `${text.slice(0, from)}${section}${text.slice(to + end.length)}` : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}

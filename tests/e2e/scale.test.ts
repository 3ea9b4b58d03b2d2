/**
 * A study at the size limit: 200,000 trials (about 20 MiB of JSON) imports, opens, compares and
 * closes with no page error and a DOM of bounded size (tables virtualised, dots on a canvas).
 * Records main-thread long tasks with PerformanceObserver('longtask') and each task's CPU time from
 * a Chromium trace, and prints the figures (first view, every trial read, worst task after the first
 * view, each step); docs/RELIABILITY.md records them against the targets of 3 s and 200 ms. Asserted:
 * no page error, the DOM's size, and no main-thread task after the first view taking over 200 ms of
 * CPU time (what it would take on a quiet machine; wall times on a shared one are mostly waiting for
 * a core, so they are figures unless SCALE_TASK_MS asks; bench/studyScale.ts compares builds).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { maxStudyCharacters } from '../../src/lib/storage/exportStudy';
import { openPage, sessionPerFile } from './harness';
import { largeStudy, recordLongTasks, scaleScenario } from './scaleScenario';

const session = sessionPerFile({ startOn: 'wasm' });

const trialCount = 200_000;

describe('a study at the size limit', () => {
  it('imports, opens, compares and closes 200,000 trials with no page error, a quick first view and no long task after it', async () => {
    const text = largeStudy(trialCount);
    assert.ok(text.length <= maxStudyCharacters, `${text.length} characters is over the limit`);
    const { page, context, log } = await openPage(session, { initScript: recordLongTasks });
    await page.goto(session.url);
    // Files on disk: the browser reads them directly (a 20 MB buffer over the protocol is slow).
    const folder = await mkdtemp(join(tmpdir(), 'scale-'));
    const file = join(folder, 'large.json');
    const copy = join(folder, 'large copy.json');
    await writeFile(file, text);
    await writeFile(copy, text);

    const figures = await scaleScenario(page, file, copy, Number(process.env.SCALE_WAIT_MS ?? 60_000));
    // Figures for docs/RELIABILITY.md, with the machine's load (these are wall-clock times).
    console.log(JSON.stringify({ characters: text.length, trials: trialCount, ...figures, loadAverage: loadavg()[0].toFixed(1), cores: cpus().length }));

    assert.deepEqual(log.consoleErrors, []);
    assert.ok(figures.tableRows < 100, `${figures.tableRows} table rows rendered`);
    assert.ok(figures.domNodes < 5000, `${figures.domNodes} DOM nodes`);
    // The page's own work after the first view comes in tasks of under 200 ms of CPU (the study is
    // read in the worker, its dots placed over many short tasks).
    assert.ok(figures.worstTaskCpuAfterFirstViewMs <= 200, `a main-thread task of ${figures.worstTaskCpuAfterFirstViewMs} ms of CPU time after the first view`);
    // Wall times are figures, not assertions, on a shared machine; SCALE_FIRST_VIEW_MS and SCALE_TASK_MS
    // assert them where the machine is quiet (e.g. 3000 and 200).
    if (process.env.SCALE_FIRST_VIEW_MS) assert.ok(figures.firstViewMs < Number(process.env.SCALE_FIRST_VIEW_MS), `first view after ${figures.firstViewMs} ms`);
    if (process.env.SCALE_TASK_MS) assert.ok(figures.worstTaskAfterFirstViewMs <= Number(process.env.SCALE_TASK_MS), `a main-thread task of ${figures.worstTaskAfterFirstViewMs} ms after the first view`);
    await context.close();
    await rm(folder, { recursive: true });
  });
});

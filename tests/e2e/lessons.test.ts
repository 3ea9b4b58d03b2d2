import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { lessons } from '../../src/lib/lessons/lessons';
import { openPage, openSession, type PageLog, type Session } from './harness';

let session: Session;
let page: Page;
let context: BrowserContext;
let log: PageLog;
before(async () => {
  session = await openSession({ startOn: 'wasm' });
  ({ page, context, log } = await openPage(session));
  await page.goto(session.url);
  // The WASM backend takes the lessons' small presets, which keeps every run to seconds here.
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
});
after(async () => {
  await context?.close();
  await session?.close();
});

describe('lessons', () => {
  it('the Lessons menu lists every lesson and opens the one chosen', async () => {
    await page.getByTestId('lesson-menu').click();
    assert.equal(await page.getByTestId('lesson-item').count(), lessons.length);
    await page.locator('[data-testid=lesson-item][data-lesson=curves]').click();
    await page.locator('[data-testid=lesson-panel][data-lesson=curves]').waitFor();
    await page.getByTestId('close-lesson').click();
    assert.equal(await page.getByTestId('lesson-panel').count(), 0);
  });

  it("closing a lesson after its run lays the student's own settings back", async () => {
    await page.getByTestId('samples-input').fill('650');
    await page.getByTestId('samples-input').press('Tab');
    await page.getByTestId('epochs-input').fill('77');
    await page.getByTestId('epochs-input').press('Tab');
    await page.getByTestId('lesson-menu').click();
    await page.locator('[data-testid=lesson-item][data-lesson=parameters]').click();
    const panel = page.locator('[data-testid=lesson-panel][data-lesson=parameters]');
    const prediction = panel.getByTestId('prediction').first();
    await prediction.getByTestId('prediction-choice').first().check();
    await prediction.getByTestId('commit-prediction').click();
    await panel.getByTestId('lesson-run').click();
    await prediction.getByTestId('reveal').or(panel.getByTestId('lesson-error')).first().waitFor({ timeout: 90_000 });
    assert.notEqual(await page.getByTestId('samples-input').inputValue(), '650', 'the lesson laid its own preset');
    await panel.getByTestId('close-lesson').click();
    assert.equal(await page.getByTestId('samples-input').inputValue(), '650');
    assert.equal(await page.getByTestId('epochs-input').inputValue(), '77');
  });

  for (const lesson of lessons) {
    it(`Every lesson opens from its link and runs to its first reveal: ${lesson.id}`, async () => {
      await page.goto(`${session.url}#lesson=${lesson.id}`);
      const panel = page.locator(`[data-testid=lesson-panel][data-lesson=${lesson.id}]`);
      await panel.waitFor({ timeout: 10_000 });
      const prediction = panel.getByTestId('prediction').first();
      assert.equal(await panel.getByTestId('reveal').count(), 0);
      assert.ok(await panel.getByTestId('lesson-run').isDisabled(), 'the run waits for a committed guess');
      // Every prediction is committed before the run (the button waits for all of them).
      for (const card of await panel.getByTestId('prediction').all()) {
        await card.getByTestId('prediction-choice').first().check();
        await card.getByTestId('commit-prediction').click();
      }
      await panel.getByTestId('lesson-run').click();
      const reveal = prediction.getByTestId('reveal');
      await reveal.or(panel.getByTestId('lesson-error')).first().waitFor({ timeout: 90_000 });
      const errors = await panel.getByTestId('lesson-error').allTextContents();
      assert.deepEqual(errors, []);
      const answer = await reveal.getAttribute('data-answer');
      assert.ok(lesson.predictions[0].choices.some((choice) => choice.id === answer), `answer ${answer}`);
      const text = (await reveal.textContent()) ?? '';
      if (process.env.SHOW_REVEALS) console.log(lesson.id, text);
      assert.match(text, /You were right|Not this time/);
      assert.equal(await panel.getByTestId('teacher-note').count(), 1, "every lesson has a teacher's note");
      if (lesson.run.kind === 'searches' && lesson.run.repetitions) {
        // The distribution, not one draw: a strip of every repetition's best per strategy.
        const rows = panel.getByTestId('lesson-distribution-plot').getByTestId('strip-row');
        assert.equal(await rows.count(), lesson.run.strategies.length);
        for (const count of await rows.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-count'))))) assert.ok(count >= lesson.run.repetitions * 0.9, `${count} repetitions drawn`);
      }
      if (lesson.run.kind === 'splits') assert.equal(await panel.getByTestId('lesson-splits').getByTestId('strip-row').count(), 2);
      assert.equal(await panel.getByTestId('reveal').count(), lesson.predictions.length, 'every prediction is answered');
      if (lesson.run.kind === 'models') {
        // Each hand-trained run shows the seconds per epoch the trainer measured.
        const seconds = await panel.getByTestId('lesson-seconds-per-epoch').allTextContents();
        assert.equal(seconds.length, lesson.run.variants.length);
        for (const text of seconds) assert.match(text, /[\d.e-]+ s per epoch/);
      }
      if (lesson.run.kind === 'models' && lesson.run.weights) {
        // The weights of the lesson's own runs: one strip per variant, a dot per first-layer weight.
        const rows = panel.getByTestId('lesson-weights').getByTestId('strip-row');
        assert.equal(await rows.count(), lesson.run.variants.length);
        for (const count of await rows.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-count'))))) assert.ok(count > 0, `${count} weights drawn`);
        // And the regions each run's network ended with, drawn from those weights.
        assert.deepEqual(await panel.getByTestId('lesson-regions').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-run'))), lesson.run.variants.map((variant) => variant.id));
      }
      if (lesson.id === 'baseline') {
        // The lesson's search opens in the Search tab; closing the lesson still lays the page back.
        await panel.getByTestId('lesson-open-search').click();
        await page.locator('[data-testid=app][data-tab=search]').waitFor({ timeout: 10_000 });
        await page.getByTestId('opened-study').filter({ hasText: 'Lesson' }).waitFor({ timeout: 10_000 });
        assert.match((await page.getByTestId('opened-study').textContent()) ?? '', /9 trials/);
        await panel.getByTestId('close-lesson').click();
        await page.locator('[data-testid=app][data-tab=train]').waitFor({ timeout: 10_000 });
      }
    });
  }

  it('no lesson left a console error', () => {
    assert.deepEqual(log.consoleErrors, []);
  });
});

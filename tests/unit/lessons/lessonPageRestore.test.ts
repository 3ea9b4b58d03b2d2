import { describe, expect, it } from 'vitest';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';
import type { DatasetName } from '../../../src/lib/core/settings';
import { LessonPageRestore, type LessonPage } from '../../../src/lib/lessons/lessonPageRestore';
import { lessonById, lessons, lessonSettings } from '../../../src/lib/lessons/lessons';
import { applySettings, settingsFromPage, type SearchRowTemplate } from '../../../src/lib/study/linkState';

const templates: SearchRowTemplate[] = [
  { dimension: { name: 'learningRate', type: 'log', low: 1e-3, high: 1 } },
  { dimension: { name: 'units', type: 'int', low: 2, high: 32 } },
  { dimension: { name: 'l2', type: 'log', low: 1e-5, high: 0.1 } },
];

/** A student's page as plain objects: their own data, model, search form and tab. */
function studentPage(): LessonPage {
  return {
    data: {
      choice: 'circles', samples: 650, noise: 0.35, dataSeed: 7, classes: 2, trainFraction: 0.7, validationFraction: 0.15, trainingSeed: 9,
      settings: { ...defaultModelSettings, hiddenLayers: 3, units: 24, learningRate: 0.005, epochs: 120, dropout: 0.2 },
      choose(name: DatasetName) { this.choice = name; },
    },
    search: {
      strategy: 'bayesian', acquisition: 'upper-confidence-bound', xi: 0.05, kappa: 2.5, schedule: 'hyperband', budget: 30, seed: 11, parallel: 2, folds: 0, epochBudget: 0, metric: 'validationLoss',
      rows: templates.map(({ dimension }) => ({ name: dimension.name, enabled: dimension.name === 'units', low: dimension.type === 'choice' ? 0 : dimension.low, high: dimension.type === 'choice' ? 0 : dimension.high })),
    },
    view: { tab: 'diagnose', views: ['data', 'model', 'curves', 'lesson'], embed: false, lesson: 'grid-vs-random' },
    templates,
  };
}

const settingsOf = (page: LessonPage) => settingsFromPage(page.data, page.search, page.view, page.templates);

describe('LessonPageRestore', () => {
  it.each(lessons.map((lesson) => [lesson.id]))('lays back every setting lesson %s overwrote once the lesson closes', (id) => {
    const page = studentPage();
    const before = settingsOf(page);
    const restorer = new LessonPageRestore(page);
    restorer.remember();
    applySettings(lessonSettings(lessonById(id)!, 'wasm'), page.data, page.search, page.view, templates);
    expect(settingsOf(page)).not.toEqual(before);
    page.view.lesson = '';
    restorer.restore();
    expect(settingsOf(page)).toEqual({ ...before, lesson: '' });
  });

  it('keeps the first memory when the lesson runs again, and restores only once', () => {
    const page = studentPage();
    const before = settingsOf(page);
    const restorer = new LessonPageRestore(page);
    const lesson = lessonById('parameters')!;
    restorer.remember();
    applySettings(lessonSettings(lesson, 'wasm'), page.data, page.search, page.view, templates);
    restorer.remember();
    applySettings(lessonSettings(lesson, 'wasm'), page.data, page.search, page.view, templates);
    expect(restorer.remembering).toBe(true);
    page.view.lesson = '';
    restorer.restore();
    expect(settingsOf(page)).toEqual({ ...before, lesson: '' });
    page.data.samples = 321;
    expect(restorer.restore()).toEqual([]);
    expect(page.data.samples).toBe(321);
  });

  it('changes nothing when the lesson closes without having run', () => {
    const page = studentPage();
    const before = settingsOf(page);
    new LessonPageRestore(page).restore();
    expect(settingsOf(page)).toEqual(before);
  });
});

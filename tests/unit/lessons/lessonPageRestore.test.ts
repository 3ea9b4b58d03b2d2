import { describe, expect, it } from 'vitest';
import type { DatasetName } from '../../../src/lib/core/settings';
import { LessonPageRestore, type LessonPage } from '../../../src/lib/lessons/lessonPageRestore';
import { lessonById, lessons, lessonSettings } from '../../../src/lib/lessons/lessons';
import { applySettings } from '../../../src/lib/state/linkState';
import { PageSettings } from '../../../src/lib/state/pageSettings.svelte';

/** A student's page: the real settings object with their own data, model, search and tab; the picker and form as plain objects. */
function studentPage(): LessonPage {
  const page = new PageSettings();
  page.apply({
    ...page.current,
    dataset: 'circles', samples: 650, noise: 0.35, dataSeed: 7, trainFraction: 0.7, validationFraction: 0.15, testFraction: 0.15, trainingSeed: 9,
    hiddenLayers: 3, units: 24, learningRate: 0.005, epochs: 120, dropout: 0.2,
    strategy: 'bayesian', budget: 30, searchSeed: 11,
    tab: 'diagnose', lesson: 'grid-vs-random',
  } as typeof page.current);
  const playground = {
    get choice() { return page.values.dataset; },
    choose(name: DatasetName) { page.values.dataset = name; },
  };
  const form = { loadSearch: (text: string) => { page.values.search = text; return []; } };
  return { page, playground, form } as unknown as LessonPage;
}

const settingsOf = ({ page }: LessonPage) => structuredClone(page.current);
const lay = ({ page, playground, form }: LessonPage, id: string) => applySettings(lessonSettings(lessonById(id)!, 'wasm'), page, playground, form);

describe('LessonPageRestore', () => {
  it.each(lessons.map((lesson) => [lesson.id]))('lays back every setting lesson %s overwrote once the lesson closes', (id) => {
    const student = studentPage();
    const before = settingsOf(student);
    const restorer = new LessonPageRestore(student);
    restorer.remember();
    lay(student, id);
    expect(settingsOf(student)).not.toEqual(before);
    student.page.values.lesson = '';
    restorer.restore();
    expect(settingsOf(student)).toEqual({ ...before, lesson: '' });
  });

  it('keeps the first memory when the lesson runs again, and restores only once', () => {
    const student = studentPage();
    const before = settingsOf(student);
    const restorer = new LessonPageRestore(student);
    restorer.remember();
    lay(student, 'parameters');
    restorer.remember();
    lay(student, 'parameters');
    expect(restorer.remembering).toBe(true);
    student.page.values.lesson = '';
    restorer.restore();
    expect(settingsOf(student)).toEqual({ ...before, lesson: '' });
    student.page.values.samples = 321;
    expect(restorer.restore()).toEqual([]);
    expect(student.page.values.samples).toBe(321);
  });

  it('changes nothing when the lesson closes without having run', () => {
    const student = studentPage();
    const before = settingsOf(student);
    new LessonPageRestore(student).restore();
    expect(settingsOf(student)).toEqual(before);
  });
});

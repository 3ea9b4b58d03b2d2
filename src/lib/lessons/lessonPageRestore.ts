/**
 * Leaves the page as the student had it: a lesson's preset overwrites the data, model, search and
 * view settings, so the page's settings object is remembered before the first preset and laid
 * back when the lesson closes (through linkState's applySettings, as a link would be).
 */
import type { Settings } from '../core/settings';
import { applySettings } from '../state/linkState';
import type { PageSettings } from '../state/pageSettings.svelte';
import type { Playground } from '../state/playground.svelte';
import type { SearchSettings } from '../state/searchSettings.svelte';

/** The page a lesson lays its presets onto. */
export interface LessonPage {
  page: Pick<PageSettings, 'current' | 'values' | 'apply'>;
  playground: Pick<Playground, 'choice' | 'choose'>;
  form: Pick<SearchSettings, 'loadSearch'>;
}

/** Remembers the page's settings before a lesson's first preset and restores them once. */
export class LessonPageRestore {
  #saved: Settings | null = null;
  readonly #page: LessonPage;

  constructor(page: LessonPage) {
    this.#page = page;
  }

  /** Whether settings are remembered and not yet restored. */
  get remembering(): boolean {
    return this.#saved !== null;
  }

  /** Remembers the page as it is now, unless a preset was laid on it already (then the first memory stands). */
  remember(): void {
    this.#saved ??= structuredClone(this.#page.page.current);
  }

  /** Lays the remembered settings back (keeping the page's current lesson, so a closed lesson stays closed); returns applySettings' notices. */
  restore(): string[] {
    const saved = this.#saved;
    if (!saved) return [];
    this.#saved = null;
    const { page, playground, form } = this.#page;
    return applySettings({ ...saved, lesson: page.values.lesson }, page, playground, form);
  }
}

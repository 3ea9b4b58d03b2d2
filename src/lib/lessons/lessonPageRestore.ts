/**
 * Leaves the page as the student had it: a lesson's preset overwrites the data, model, search and
 * view settings, so the settings are remembered before the first preset and laid back when the
 * lesson closes. Works on the page's state objects (or plain ones in tests) through linkState.
 */
import type { Settings } from '../core/settings';
import { applySettings, settingsFromPage, type DataPageState, type SearchPageState, type SearchRowTemplate, type ViewPageState } from '../study/linkState';

/** The page a lesson lays its presets onto. */
export interface LessonPage {
  data: DataPageState;
  search: SearchPageState;
  view: ViewPageState;
  templates: readonly SearchRowTemplate[];
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
    const { data, search, view, templates } = this.#page;
    this.#saved ??= settingsFromPage(data, search, view, templates);
  }

  /** Lays the remembered settings back (keeping the page's current lesson, so a closed lesson stays closed); returns applySettings' notices. */
  restore(): string[] {
    const saved = this.#saved;
    if (!saved) return [];
    this.#saved = null;
    const { data, search, view, templates } = this.#page;
    return applySettings({ ...saved, lesson: view.lesson }, data, search, view, templates);
  }
}

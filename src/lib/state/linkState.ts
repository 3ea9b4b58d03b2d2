/**
 * The link is the page's settings object encoded (`page.link`, see core/urlState.ts); opening
 * one decodes it and lays it onto that object. What does not live in the object follows here:
 * the dataset picker loads its data, and the search form's rows take the linked ranges.
 */
import type { Settings } from '../core/settings';
import { appendAll } from '../core/extent';
import { decodeSettings } from '../core/urlState';
import type { PageSettings } from './pageSettings.svelte';
import type { Playground } from './playground.svelte';
import type { SearchSettings } from './searchSettings.svelte';

/** Lays valid settings onto the page; returns a notice for each part the page cannot show as they say. */
export function applySettings(settings: Settings, page: Pick<PageSettings, 'values' | 'apply'>, playground: Pick<Playground, 'choice' | 'choose'>, form: Pick<SearchSettings, 'loadSearch'>): string[] {
  const notices: string[] = [];
  const chosen = page.values.dataset;
  page.apply({ ...settings, dataset: chosen });
  if (chosen !== settings.dataset) playground.choose(settings.dataset);
  if (settings.dataset === 'csv') notices.push('The link uses an uploaded CSV file, which a link cannot carry: pick the file to train on it.');
  if (settings.dataset === 'drawn') notices.push('The link uses drawn points, which a link cannot carry: draw some on the plane.');
  appendAll(notices, form.loadSearch(settings.search));
  return notices;
}

/** Opens a link's fragment on the page: its notices (unknown keys, refused values) and those of applySettings. */
export function openLink(fragment: string, page: PageSettings, playground: Pick<Playground, 'choice' | 'choose'>, form: Pick<SearchSettings, 'loadSearch'>): string[] {
  const decoded = decodeSettings(fragment);
  return [...decoded.notices, ...applySettings(decoded.settings, page, playground, form)];
}

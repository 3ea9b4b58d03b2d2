/**
 * The legend entries of each chart, from what the chart shows: the objective's colour ramp
 * with its values (or the diagnosis colours), the underlay's ramp, and the marks' shapes.
 */
import { interpolateViridis, interpolateYlGnBu } from 'd3';
import { finiteExtent } from '../core/extent';
import { formatNumber } from '../core/formatNumber';
import type { DiagnosisLabel, Trial, TrialState } from '../core/trial';
import { diagnosisColors } from './diagnosisColors';
import { rampColors, type LegendItem } from './legendLayout';
import { objectiveDomain } from './objectiveScale';
import { classColor } from './palette';

/** The objective's colour ramp, best (lowest) on the left, over `domain` (the trials' own unless given); none before a trial has a value. */
export function objectiveRamp(trials: readonly Trial[], domain: [number, number] | null = objectiveDomain(trials)): LegendItem[] {
  if (!domain) return [];
  return [{ kind: 'ramp', label: 'objective (lower is better)', colors: rampColors(interpolateViridis), low: formatNumber(domain[0]), high: `≥ ${formatNumber(domain[1])}` }];
}

/** One swatch per diagnosis that some shown trial has. */
export function diagnosisSwatches(labels: Iterable<DiagnosisLabel>): LegendItem[] {
  const present = new Set(labels);
  return (Object.keys(diagnosisColors) as DiagnosisLabel[]).filter((label) => present.has(label)).map((label) => ({ kind: 'swatch', label, color: diagnosisColors[label] }));
}

/** The underlay's ramp (the GP's predicted loss, its uncertainty or the acquisition) over the values it spans. */
export function underlayRamp(kind: 'mean' | 'std' | 'acquisition', values: ArrayLike<number>): LegendItem[] {
  if (values.length === 0) return [];
  const [low, high] = finiteExtent(values);
  const colors = rampColors(interpolateYlGnBu);
  // The mean is drawn dark where the loss is low, so its ramp runs dark to light.
  if (kind === 'mean') return [{ kind: 'ramp', label: 'underlay: GP predicted loss', colors: colors.reverse(), low: formatNumber(low), high: formatNumber(high) }];
  return [{ kind: 'ramp', label: kind === 'std' ? 'underlay: GP uncertainty (±1 sd)' : 'underlay: acquisition (dark = try here)', colors, low: formatNumber(low), high: formatNumber(high) }];
}

/** The map's marks: a shape for each state some shown trial is in, then the best and selected rings. */
export function markItems(states: Iterable<TrialState>, hasSelection: boolean): LegendItem[] {
  const present = new Set(states);
  const items: LegendItem[] = [];
  if (present.has('complete')) items.push({ kind: 'mark', label: 'completed', mark: 'filled' });
  if (present.has('pruned')) items.push({ kind: 'mark', label: 'pruned (hollow)', mark: 'hollow' });
  if (present.has('running')) items.push({ kind: 'mark', label: 'running (dashed)', mark: 'dashed' });
  if (present.has('diverged') || present.has('failed')) items.push({ kind: 'mark', label: 'diverged / failed', mark: 'cross' });
  items.push({ kind: 'mark', label: 'best (black ring)', mark: 'best' });
  if (hasSelection) items.push({ kind: 'mark', label: 'selected (blue ring)', mark: 'selected' });
  return items;
}

/**
 * The 2-D data picture's legend: a swatch per class (in the points' colours), filled and hollow
 * points (training and validation rows), and the shaded background once a model has painted it.
 */
export function planeLegend(classNames: readonly string[], shaded: boolean): LegendItem[] {
  // Whole names ("class 1", "inner ring"): a legend has room for the shared word an axis drops.
  const items: LegendItem[] = classNames.map((name, k) => ({ kind: 'swatch', label: name.length <= 20 ? name : `${name.slice(0, 19)}…`, color: classColor(k) }));
  items.push({ kind: 'mark', label: 'filled: training point', mark: 'filled', color: '#555' });
  items.push({ kind: 'mark', label: 'hollow: validation point', mark: 'hollow', color: '#555' });
  if (shaded && classNames.length > 0) items.push({ kind: 'swatch', label: "shading: the model's predicted class", color: '#d9d9d9' });
  return items;
}

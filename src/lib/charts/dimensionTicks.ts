/**
 * Tick marks of a searched dimension in its unit position (log where the dimension is log,
 * one per value for a choice), for axes drawn in the strategies' unit cube.
 */
import { scaleLinear, scaleLog } from 'd3';
import { unitFromValue, type Dimension } from '../core/space';
import { formatTicks, formatValue } from '../core/formatNumber';

/** One tick: where it sits in [0, 1] and its label. */
export interface UnitTick {
  unit: number;
  label: string;
}

/** Ticks of a dimension, at most about five for numeric ranges (decades only on wide log ranges). */
export function dimensionTicks(dimension: Dimension): UnitTick[] {
  if (dimension.type === 'choice') return dimension.values.map((value) => ({ unit: unitFromValue(dimension, value), label: formatValue(value) }));
  const scale = dimension.type === 'log' ? scaleLog().domain([dimension.low, dimension.high]) : scaleLinear().domain([dimension.low, dimension.high]);
  const values = dimension.type === 'int' ? scale.ticks(5).filter((value) => Number.isInteger(value)) : scale.ticks(5);
  const shown = dimension.type === 'log' && values.length > 6 ? values.filter((value) => Math.abs(Math.log10(value) % 1) < 1e-9) : values;
  const labels = formatTicks(shown);
  return shown.map((value, i) => ({ unit: unitFromValue(dimension, value), label: labels[i] }));
}

/** The title of a dimension's axis: its name, marked when the axis is logarithmic. */
export function dimensionLabel(dimension: Dimension): string {
  return `${dimension.name}${dimension.type === 'log' ? ' (log)' : ''}`;
}

import { describe, expect, it } from 'vitest';
import { layoutLegend, itemWidth, type LegendItem } from '../../../src/lib/charts/legendLayout';
import { diagnosisSwatches, markItems, objectiveRamp, planeLegend, underlayRamp } from '../../../src/lib/charts/chartLegends';
import { axisNameRows, fitName } from '../../../src/lib/charts/parallelAxes';
import type { Trial } from '../../../src/lib/core/trial';

const trial = (id: number, value: number | null, state: Trial['state'] = 'complete'): Trial => ({ id, params: {}, state, value, epochs: [] }) as unknown as Trial;

describe('layoutLegend', () => {
  it('wraps entries into rows no wider than the chart', () => {
    const items: LegendItem[] = Array.from({ length: 8 }, (_, i) => ({ kind: 'swatch', label: `series number ${i}`, color: '#000' }));
    const { placed, height } = layoutLegend(items, 300);
    expect(placed).toHaveLength(8);
    for (const entry of placed) expect(entry.x + entry.width).toBeLessThanOrEqual(300);
    expect(new Set(placed.map((entry) => entry.y)).size).toBeGreaterThan(1);
    expect(height).toBeGreaterThan(placed[placed.length - 1].y);
  });
  it('is only as wide as its longest row, so a saved chart is no wider than the chart', () => {
    const { width } = layoutLegend([{ kind: 'swatch', label: 'train', color: '#000' }], 800);
    expect(width).toBeLessThan(80);
  });
  it('takes no room when empty', () => {
    expect(layoutLegend([], 300).height).toBe(0);
  });
  it('gives a ramp room for its label and its values', () => {
    expect(itemWidth({ kind: 'ramp', label: 'objective', colors: ['#000', '#fff'], low: '0.1', high: '0.9' })).toBeGreaterThan(90);
  });
});

describe('chart legends', () => {
  it('labels the objective ramp with the lowest value and the 90th percentile', () => {
    const trials = Array.from({ length: 11 }, (_, i) => trial(i + 1, i / 10));
    const [ramp] = objectiveRamp(trials);
    expect(ramp).toMatchObject({ kind: 'ramp', low: '0', high: '≥ 0.9' });
  });
  it('has no objective ramp before any trial has a value', () => {
    expect(objectiveRamp([trial(1, null, 'running')])).toEqual([]);
  });
  it('shows a swatch only for diagnoses some trial has', () => {
    expect(diagnosisSwatches(['overfit', 'pruned', 'overfit']).map((item) => item.label)).toEqual(['overfit', 'pruned']);
  });
  it('names each mark shape the map draws for the states present', () => {
    const labels = markItems(['complete', 'pruned', 'running'], true).map((item) => item.label);
    expect(labels).toEqual(['completed', 'pruned (hollow)', 'running (dashed)', 'best (black ring)', 'selected (blue ring)']);
    expect(markItems(['complete'], false).map((item) => item.label)).toEqual(['completed', 'best (black ring)']);
  });
  it('gives the underlay ramp the range of the drawn surface in human numbers', () => {
    const [ramp] = underlayRamp('std', Float64Array.from([0.0001, 0.02, 0.3]));
    expect(ramp).toMatchObject({ low: '1e-4', high: '0.3' });
    expect(underlayRamp('mean', [])).toEqual([]);
  });
});

describe('axisNameRows', () => {
  it('keeps one row when the names fit', () => {
    expect(axisNameRows(['lr', 'units', 'objective'], 150).every((name) => name.row === 0)).toBe(true);
  });
  it('alternates rows when neighbouring names would touch ("activationobjective")', () => {
    const rows = axisNameRows(['learningRate', 'hiddenLayers', 'activation', 'objective'], 70);
    expect(rows.map((name) => name.row)).toEqual([0, 1, 0, 1]);
    expect(rows.map((name) => name.text)).toEqual(['learningRate', 'hiddenLayers', 'activation', 'objective']);
  });
  it('shortens a name too long even for two rows', () => {
    expect(fitName('aVeryLongHyperparameterName', 60)).toMatch(/…$/);
    expect(fitName('aVeryLongHyperparameterName', 60).length).toBeLessThanOrEqual(9);
  });
});

describe('planeLegend', () => {
  it('names every class in its points\' colour, the filled and hollow points, and the shading once a model painted it', () => {
    const before = planeLegend(['class 0', 'class 1'], false);
    expect(before.filter((item) => item.kind === 'swatch').map((item) => item.label)).toEqual(['class 0', 'class 1']);
    expect(before.map((item) => item.label)).toEqual(expect.arrayContaining(['filled: training point', 'hollow: validation point']));
    expect(before.some((item) => item.label.startsWith('shading'))).toBe(false);
    expect(planeLegend(['class 0', 'class 1'], true).some((item) => item.label.startsWith('shading'))).toBe(true);
    expect(planeLegend([], true).some((item) => item.kind === 'swatch')).toBe(false);
  });
});

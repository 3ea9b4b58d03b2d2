import { hiddenWidths, type ModelSettings } from '../core/modelSettings';

/** The settings that must agree for trials to share one population (layer widths may differ: padded). */
export function structureKey(settings: ModelSettings): string {
  return `${settings.kind}|${settings.hiddenLayers}|${settings.activation}|${settings.batchSize}`;
}

/**
 * Splits trials into populations: by depth, activation and batch size always, and by layer widths too
 * when padUnits is false. Padding narrower trials to the widest is faster where kernel launches
 * dominate (WebGPU, WebGL, WASM); separate widths are faster on the CPU backend, where every
 * padded multiply costs time (figures in docs/BENCHMARKS.md). Returns trial indices per group.
 */
export function groupTrials(trials: { settings: ModelSettings }[], padUnits: boolean): number[][] {
  const groups = new Map<string, number[]>();
  trials.forEach(({ settings }, index) => {
    const key = padUnits ? structureKey(settings) : `${structureKey(settings)}|${hiddenWidths(settings).join('x')}`;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()];
}

import { describe, expect, it } from 'vitest';
import * as tf from '../../../src/lib/training/tf';
import { loadBackend } from '../../../src/lib/training/backendLoaders';
import { activateBackend } from '../../../src/lib/training/backend';

describe('backendLoaders', () => {
  it('registers the CPU backend only when loaded, after which it activates and computes', async () => {
    // This file imports TF.js core and layers only (no umbrella): no backend is registered yet.
    expect(tf.findBackendFactory('cpu')).toBeFalsy();
    await loadBackend('cpu');
    expect(tf.findBackendFactory('cpu')).toBeTruthy();
    await activateBackend('cpu', { pageHasWebGPU: false });
    expect(tf.getBackend()).toBe('cpu');
    expect(Array.from(await tf.tensor([1, 2]).mul(3).data())).toEqual([3, 6]);
  });

  it('loads a backend once however often it is asked for', async () => {
    await Promise.all([loadBackend('cpu'), loadBackend('cpu')]);
    await loadBackend('cpu');
    expect(tf.findBackendFactory('cpu')).toBeTruthy();
  });

  it('refuses WebGPU without it, before downloading its code', async () => {
    await expect(activateBackend('webgpu', { pageHasWebGPU: false })).rejects.toThrow('this browser has no WebGPU');
  });
});

import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BackendStatus from '../../../src/lib/panels/BackendStatus.svelte';
import type { CalibratedChoice } from '../../../src/lib/core/backendDecision';
import type { Trainer } from '../../../src/lib/state/trainer.svelte';

/** Text of the markup with tags and Svelte's markers removed, spaces collapsed. */
function textOf(markup: string): string {
  return markup.replace(/<!--[^]*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const wasmForHand: CalibratedChoice = {
  trials: 1,
  trialEpochs: 50,
  decision: { candidate: 'wasm', backend: 'wasm', reason: 'WebGPU here is a software adapter: WASM is 40× faster for hand-training' },
  measurements: [{ candidate: 'wasm', rate: 28, fixedMs: 20 }, { candidate: 'webgpu', rate: 0.7, fixedMs: 2400 }],
  key: 'k1-p512-s16|google swiftshader',
  cached: false,
  elapsedMs: 3480,
  oneOffMs: 3100,
  fusedFallback: null,
};

function trainer(fields: Partial<Trainer>): Trainer {
  return { requestedBackend: 'auto', backend: null, backendError: '', notice: '', handChoice: null, searchChoice: null, fusedFallback: '', readyAfterNavigationMs: null, ...fields } as Trainer;
}

describe('BackendStatus', () => {
  it('names the measured choice for hand-training with its reason once and the rates behind it', () => {
    const { body } = render(BackendStatus, { props: { trainer: trainer({ backend: { name: 'wasm', reason: wasmForHand.decision.reason, skipped: [], readyMs: 500 }, handChoice: wasmForHand }) } });
    const text = textOf(body);
    expect(text).toContain('(WebGPU here is a software adapter: WASM is 40× faster for hand-training; ready in 500 ms)');
    expect(text).toContain('Hand-training: WASM ');
    expect(text.split(wasmForHand.decision.reason).length - 1).toBe(1);
    expect(text).toContain('measured in 380 ms, plus 3,100 ms of one-off start-ups and compiles');
    expect(text).toMatch(/WebGPU 0\.70 \(after 2\.4 s once\)/);
    expect(text).not.toMatch(/WASM 28 \(after/);
    expect(text).toMatch(/WebGPU 0\.70/);
  });

  it('gives the hand-training reason in the calibration note when the status line says something else', () => {
    const { body } = render(BackendStatus, { props: { trainer: trainer({ backend: { name: 'wasm', reason: 'restarted after a lost GPU', skipped: [], readyMs: 500 }, handChoice: wasmForHand }) } });
    expect(textOf(body)).toContain(`Hand-training: WASM (${wasmForHand.decision.reason})`);
  });

  it('says which setting kept a search off the fused kernel when it fell back to the TF.js population', () => {
    const { body } = render(BackendStatus, { props: { trainer: trainer({ requestedBackend: 'webgpu', backend: { name: 'webgpu', reason: 'using WebGPU, as chosen', skipped: [], readyMs: 500 }, fusedFallback: 'more than 128 units per layer' }) } });
    expect(body).toContain('data-testid="fused-fallback"');
    expect(textOf(body)).toContain("This search trains on TF.js's WebGPU population, not the fused WebGPU kernel: more than 128 units per layer.");
  });

  it('shows no fallback line while the fused kernel trains, and no calibration when a backend is forced', () => {
    const { body } = render(BackendStatus, { props: { trainer: trainer({ requestedBackend: 'webgpu', backend: { name: 'webgpu', reason: 'using WebGPU, as chosen', skipped: [], readyMs: 500 }, handChoice: wasmForHand }) } });
    expect(body).not.toContain('fused-fallback');
    expect(body).not.toContain('data-testid="calibration"');
  });
});

import { describe, expect, it } from 'vitest';
import { fusedCompileFactor, predictedCompileMs, probeShader } from '../../../src/lib/training/compileSpeed';

describe('probeShader', () => {
  it('is one compute entry point of straight-line multiply-adds, about 3,200 characters long', () => {
    const code = probeShader();
    expect(code).toMatch(/@compute @workgroup_size\(32\)\nfn main/);
    expect(code.match(/let v\d+ = max\(/g)).toHaveLength(48);
    expect(code.length).toBeGreaterThan(3000);
    expect(code.length).toBeLessThan(3500);
  });

  it('chains every line on the one before it, so a compiler cannot drop any of them', () => {
    const code = probeShader(3);
    expect(code).toContain('let v1 = max(v0 *');
    expect(code).toContain('let v2 = max(v1 *');
    expect(code).toContain('data[index] = v2;');
  });
});

describe('predictedCompileMs', () => {
  it("scales the probe's speed per character by the kernel's length and the fused kernel's factor", () => {
    // SwiftShader: the probe at 0.08 ms per character; the default model's fused kernel is about 58,000 characters.
    expect(predictedCompileMs({ msPerChar: 0.08, probeMs: 256 }, 58_000)).toBeCloseTo(fusedCompileFactor * 0.08 * 58_000, 6);
    expect(predictedCompileMs({ msPerChar: 0.08, probeMs: 256 }, 58_000)).toBeGreaterThan(9_000);
  });
});

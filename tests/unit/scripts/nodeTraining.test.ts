import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// npm run check:lessons, bench:pbt and scripts/checkDiagnosisCases.ts train in plain Node, where
// training/tf.ts's side-effect imports of tfjs-core's ESM files need bench/resolveDirectories.mjs.
// Vitest's own resolver would hide a break there, so this runs Node itself.
describe('training code in plain Node', () => {
  it('imports and trains one epoch on the CPU backend with the hook the scripts register', async () => {
    const code = [
      "const { trainCase, useCpuBackend } = await import('./bench/lessons/nodeTrial.ts');",
      'await useCpuBackend();',
      "const result = await trainCase({ dataset: 'spiral', samples: 60, noise: 0.1, classes: 2, dataSeed: 1 }, { epochs: 1 }, 1);",
      'console.log(JSON.stringify({ epochs: result.epochs.length }));',
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--import', './bench/resolveDirectories.mjs', '--input-type=module', '-e', code], { timeout: 120_000 });
    expect(JSON.parse(stdout.trim().split('\n').pop() ?? '{}')).toEqual({ epochs: 1 });
  }, 130_000);
});

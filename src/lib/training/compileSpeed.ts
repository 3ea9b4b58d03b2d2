/**
 * How fast this WebGPU device compiles compute shaders, measured on a small generated shader of
 * the fused kernel's kind (straight-line arithmetic over many locals). A compile can't be cut
 * short once started, and a software adapter spends seconds of CPU on the fused kernel's tens of
 * kilobytes, so "fastest available" predicts that compile from this speed before starting it.
 */

/** Lines of arithmetic in the probe shader; its text is about 3,200 characters (0.1–0.5 s to compile on SwiftShader, milliseconds on a GPU's driver). */
const probeLines = 48;

/** The probe shader: a chain of multiply-adds over storage values, unrolled as the fused kernel's layers are. */
export function probeShader(lines = probeLines): string {
  const body: string[] = [];
  for (let line = 0; line < lines; line++) {
    const previous = line === 0 ? 'data[index]' : `v${line - 1}`;
    body.push(`  let v${line} = max(${previous} * data[(index + ${line + 1}u) % n] + ${(line + 1) / 64}, 0.0);`);
  }
  return `@group(0) @binding(0) var<storage, read_write> data: array<f32>;
@compute @workgroup_size(32)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let n = arrayLength(&data);
  let index = id.x % n;
${body.join('\n')}
  data[index] = v${lines - 1};
}
`;
}

/** A device's measured compile speed: milliseconds per character of WGSL, the probe's fixed costs included. */
export interface CompileSpeed {
  msPerChar: number;
  /** The probe's own compile time (ms). */
  probeMs: number;
}

/** The page's figure: the adapter is the same for every device the page opens, so one probe serves them all. */
let measured: Promise<CompileSpeed> | null = null;

/** Compiles the probe once per page and times it (later calls share the figure; a probe that failed is tried again). */
export function compileSpeed(device: GPUDevice): Promise<CompileSpeed> {
  if (!measured) {
    const code = probeShader();
    const started = performance.now();
    const module = device.createShaderModule({ code, label: 'compile-speed probe' });
    const probe = device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' }, label: 'compile-speed probe' }).then(() => {
      const probeMs = performance.now() - started;
      return { msPerChar: probeMs / code.length, probeMs };
    });
    measured = probe;
    probe.catch(() => {
      if (measured === probe) measured = null;
    });
  }
  return measured;
}

/**
 * How much slower per character the fused kernel compiles than the probe. On SwiftShader the
 * 58,000-character kernel of the default model compiled at 0.19 ms per character against the
 * probe's 0.07–0.15 (docs/BENCHMARKS.md): the probe alone would underestimate, and an
 * underestimate starts a compile that can't be stopped.
 */
export const fusedCompileFactor = 2;

/**
 * WGSL characters TF.js's WebGPU backend compiles before a small MLP's first epochs: 68 shader
 * modules, 465,866 characters, counted for the default model (2 × 16 units, Adam) on TF.js 4.22
 * (32 s of compiling on SwiftShader at load 10). A search wave's TF.js population compiles
 * kernels of the same kinds.
 */
export const tfjsTrainingShaderChars = 465_866;

/** The predicted compile time (ms) of `characters` of WGSL on a device of this speed: the fused kernel's (at fusedCompileFactor) or TF.js's. */
export function predictedCompileMs(speed: CompileSpeed, characters: number, kind: 'fused' | 'tfjs' = 'fused'): number {
  return (kind === 'fused' ? fusedCompileFactor : 1) * speed.msPerChar * characters;
}

/**
 * `node --import tsx bench/importanceTiming.ts`: wall and CPU time of one parameterImportance call
 * on 100 random trials of 6 settings (6 seeds), and on 450 trials (a seeded 200 of them fitted).
 * Prints one line per size; CPU time is the steadier figure on a shared machine.
 */
import { parameterImportance } from '../src/lib/analysis/importance';
import { createRandom } from '../src/lib/core/random';
import { fromUnit, type Dimension } from '../src/lib/core/space';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 1 },
  { name: 'dropout', type: 'real', low: 0, high: 0.5 },
  { name: 'units', type: 'int', low: 2, high: 32 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
  { name: 'momentum', type: 'real', low: 0, high: 0.99 },
  { name: 'l2', type: 'log', low: 1e-6, high: 1e-2 },
];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (const count of [100, 450]) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let seed = 1; seed <= 6; seed++) {
    const random = createRandom(seed);
    const trials = Array.from({ length: count }, () => {
      const params = fromUnit(space, Array.from(space, () => random.next()));
      const logRate = Math.log10(Number(params.learningRate));
      return { params, value: 0.2 * (logRate + 2) ** 2 + 0.6 / Math.sqrt(Number(params.units)) + 0.02 * random.normal() };
    });
    const before = process.cpuUsage();
    const started = performance.now();
    parameterImportance(space, trials, { seed });
    const used = process.cpuUsage(before);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  console.log(`${count} trials × 6 settings: median wall ${median(wall).toFixed(0)} ms, median CPU ${median(cpu).toFixed(0)} ms (6 seeds; first includes JIT warm-up)`);
}

import { describe, expect, it } from 'vitest';
import { datasetGenerators, defaultDatasetOptions, generateDataset } from '../../../src/lib/datasets/index';

describe('dataset registry', () => {
  it('generateDataset(name, options) builds every listed generator with its default options', () => {
    for (const generator of datasetGenerators) {
      const dataset = generateDataset(generator.name, defaultDatasetOptions(generator.name));
      expect(dataset.name).toBe(generator.name);
      expect(dataset.task).toBe(generator.task);
      expect(dataset.size).toBe(400);
    }
  });

  it('generateDataset throws "invalid dataset: name" on an unknown name', () => {
    expect(() => generateDataset('mandelbrot', { samples: 100, noise: 0, seed: 1 })).toThrow('invalid dataset: mandelbrot');
  });

  it('generateDataset names the option that is out of range', () => {
    expect(() => generateDataset('moons', { samples: 10, noise: 0, seed: 1 })).toThrow(/invalid samples for moons: 10/);
    expect(() => generateDataset('moons', { samples: 2001, noise: 0, seed: 1 })).toThrow(/samples/);
    expect(() => generateDataset('moons', { samples: 100, noise: 1.5, seed: 1 })).toThrow(/noise/);
    expect(() => generateDataset('blobs', { samples: 100, noise: 0, seed: 1, classes: 6 })).toThrow(/classes/);
    expect(() => generateDataset('blobs', { samples: 100, noise: 0, seed: 1.5 })).toThrow(/seed/);
  });

  it('the class count reaches the generators that take one and is ignored by the others', () => {
    expect(generateDataset('blobs', { samples: 100, noise: 0.1, seed: 1, classes: 5 }).classCount).toBe(5);
    expect(generateDataset('spiral', { samples: 100, noise: 0.1, seed: 1, classes: 4 }).classCount).toBe(4);
    expect(generateDataset('moons', { samples: 100, noise: 0.1, seed: 1, classes: 4 }).classCount).toBe(2);
  });

  it('every generator lists samples 50..2000, noise 0..1 and a seed, each with a description', () => {
    for (const generator of datasetGenerators) {
      const byName = new Map(generator.controls.map((control) => [control.name, control]));
      expect(byName.get('samples')).toMatchObject({ min: 50, max: 2000 });
      expect(byName.get('noise')).toMatchObject({ min: 0, max: 1 });
      expect(byName.has('seed')).toBe(true);
      expect(generator.description.length).toBeGreaterThan(10);
      for (const control of generator.controls) {
        expect(control.defaultValue).toBeGreaterThanOrEqual(control.min);
        expect(control.defaultValue).toBeLessThanOrEqual(control.max);
        expect(control.description.length).toBeGreaterThan(10);
      }
    }
  });

  it('the same name, options and seed give the same data through the registry', () => {
    const options = { samples: 200, noise: 0.3, seed: 77 };
    expect(generateDataset('xor', options).features).toEqual(generateDataset('xor', options).features);
  });
});

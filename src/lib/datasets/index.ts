import { blobs } from './blobs';
import { circles } from './circles';
import type { Dataset, Task } from './dataset';
import { moons } from './moons';
import { polynomial } from './polynomial';
import { sine } from './sine';
import { spiral } from './spiral';
import { xor } from './xor';

/** Settings every built-in generator takes; `classes` is read only by those that list it in their controls. */
export interface DatasetOptions {
  /** Number of points, 50 to 2,000. */
  samples: number;
  /** Noise level, 0 to 1 (what it scales is described per generator). */
  noise: number;
  /** Seed of the generator, an integer 0 to 2^32 − 1. */
  seed: number;
  /** Number of classes, where the generator has a choice. */
  classes?: number;
}

/** One control a generator takes, with its range and default, for the data panel. */
export interface DatasetControl {
  /** Which option of DatasetOptions it sets. */
  name: keyof DatasetOptions;
  /** Label shown beside the control. */
  label: string;
  /** Smallest allowed value. */
  min: number;
  /** Largest allowed value. */
  max: number;
  /** Step of the control (1 for integers). */
  step: number;
  /** Value used when none is given. */
  defaultValue: number;
  /** One line shown beside the control. */
  description: string;
}

/** A built-in generator as the page lists it. */
export interface DatasetGenerator {
  /** Registry name, passed to generateDataset. */
  name: string;
  /** Title shown in the dataset picker. */
  title: string;
  /** Classification or regression. */
  task: Task;
  /** One line about the shape and what it teaches. */
  description: string;
  /** Controls it takes, in display order. */
  controls: readonly DatasetControl[];
  /** Builds the dataset from validated options. */
  generate: (options: DatasetOptions) => Dataset;
}

const samplesControl: DatasetControl = {
  name: 'samples', label: 'Samples', min: 50, max: 2000, step: 10, defaultValue: 400,
  description: 'How many points to generate; fewer points make overfitting easier to see.',
};
const seedControl: DatasetControl = {
  name: 'seed', label: 'Seed', min: 0, max: 4294967295, step: 1, defaultValue: 1,
  description: 'The same seed and settings always give the same points.',
};
const noiseControl = (defaultValue: number, description: string): DatasetControl => ({
  name: 'noise', label: 'Noise', min: 0, max: 1, step: 0.01, defaultValue, description,
});
const classesControl = (min: number, max: number, defaultValue: number): DatasetControl => ({
  name: 'classes', label: 'Classes', min, max, step: 1, defaultValue,
  description: 'How many classes (one colour each) the points belong to.',
});

/** The built-in generators, in the order the picker shows them. */
export const datasetGenerators: readonly DatasetGenerator[] = [
  {
    name: 'spiral', title: 'Spiral', task: 'classification',
    description: 'Interleaved spiral arms: hard for a linear model, a good test of depth and width.',
    controls: [samplesControl, noiseControl(0.2, 'Jitter of the points around their arm.'), classesControl(2, 5, 2), seedControl],
    generate: ({ samples, noise, seed, classes }) => spiral({ samples, noise, seed, classes }),
  },
  {
    name: 'moons', title: 'Two moons', task: 'classification',
    description: 'Two interlocking half circles: a curved boundary that needs one hidden layer.',
    controls: [samplesControl, noiseControl(0.2, 'Jitter of the points around their arc.'), seedControl],
    generate: ({ samples, noise, seed }) => moons({ samples, noise, seed }),
  },
  {
    name: 'circles', title: 'Circles', task: 'classification',
    description: 'A ring inside a ring: no straight line separates them.',
    controls: [samplesControl, noiseControl(0.2, 'Jitter of the points around their ring, relative to the gap.'), seedControl],
    generate: ({ samples, noise, seed }) => circles({ samples, noise, seed }),
  },
  {
    name: 'xor', title: 'XOR', task: 'classification',
    description: 'Opposite quadrants share a class: the problem a single neuron cannot solve.',
    controls: [samplesControl, noiseControl(0.1, 'Jitter that pushes points across the axes.'), seedControl],
    generate: ({ samples, noise, seed }) => xor({ samples, noise, seed }),
  },
  {
    name: 'blobs', title: 'Gaussian blobs', task: 'classification',
    description: 'Round clouds, one per class: easy when apart, overlapping as noise grows.',
    controls: [samplesControl, noiseControl(0.3, 'Spread of each cloud.'), classesControl(2, 5, 3), seedControl],
    generate: ({ samples, noise, seed, classes }) => blobs({ samples, noise, seed, classes }),
  },
  {
    name: 'sine', title: 'Noisy sine', task: 'regression',
    description: 'Two periods of a sine with noise: low capacity underfits, high capacity chases the noise.',
    controls: [samplesControl, noiseControl(0.3, 'Standard deviation of the noise on y (0.5 at the top).'), seedControl],
    generate: ({ samples, noise, seed }) => sine({ samples, noise, seed }),
  },
  {
    name: 'polynomial', title: 'Noisy cubic', task: 'regression',
    description: 'A cubic with noise: degree 1 underfits, degree 3 is right, degree 15 overfits.',
    controls: [samplesControl, noiseControl(0.3, 'Standard deviation of the noise on y (0.3 at the top).'), seedControl],
    generate: ({ samples, noise, seed }) => polynomial({ samples, noise, seed }),
  },
];

/** The registry entry of a built-in generator; throws `invalid dataset: ${name}` on an unknown name. */
export function datasetGenerator(name: string): DatasetGenerator {
  const generator = datasetGenerators.find((entry) => entry.name === name);
  if (!generator) throw new Error(`invalid dataset: ${name}`);
  return generator;
}

/** Default options of a built-in generator, from its controls. */
export function defaultDatasetOptions(name: string): DatasetOptions {
  const options: DatasetOptions = { samples: samplesControl.defaultValue, noise: 0, seed: seedControl.defaultValue };
  for (const control of datasetGenerator(name).controls) options[control.name] = control.defaultValue;
  return options;
}

/**
 * Generates a built-in dataset by name. Throws `invalid dataset: ${name}` on an unknown name and a
 * RangeError naming the option when a value is outside its control's range (or not an integer where
 * the control steps by 1); options a generator does not take are ignored.
 */
export function generateDataset(name: string, options: DatasetOptions): Dataset {
  const generator = datasetGenerator(name);
  const checked: DatasetOptions = { ...defaultDatasetOptions(name), ...options };
  for (const control of generator.controls) {
    const value = checked[control.name];
    const integerOnly = control.step === 1 || control.name === 'samples';
    if (typeof value !== 'number' || !Number.isFinite(value) || value < control.min || value > control.max
      || (integerOnly && !Number.isInteger(value))) {
      throw new RangeError(
        `invalid ${control.name} for ${name}: ${value} (expected ${integerOnly ? 'an integer ' : ''}from ${control.min} to ${control.max})`,
      );
    }
  }
  return generator.generate(checked);
}

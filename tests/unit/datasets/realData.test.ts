import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDigits, decodeIris, loadRealDataset, realDatasets } from '../../../src/lib/datasets/realData';
import { classCounts } from './datasetChecks';

const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../../public/data/${file}`, import.meta.url), 'utf8'));

describe('shipped real data', () => {
  it('decodeDigits gives 1,797 images of 64 pixels in [0, 1] and 10 classes of about 180', () => {
    const digits = decodeDigits(readJson('digits.json'));
    expect([digits.size, digits.featureCount, digits.classCount]).toEqual([1797, 64, 10]);
    expect(digits.features).toHaveLength(1797 * 64);
    expect(Math.min(...digits.features)).toBe(0);
    expect(Math.max(...digits.features)).toBe(1);
    for (const count of classCounts(digits)) expect(count).toBeGreaterThanOrEqual(174);
    expect(classCounts(digits).reduce((sum, count) => sum + count, 0)).toBe(1797);
  });

  it('the first digit is the 0 that scikit-learn starts with', () => {
    const digits = decodeDigits(readJson('digits.json'));
    expect(digits.targets[0]).toBe(0);
    // Top row of sklearn's digits.images[0]: 0 0 5 13 9 1 0 0 (out of 16).
    expect(Array.from(digits.features.slice(0, 8), (value) => value * 16)).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
  });

  it('decodeIris gives 150 flowers, 4 standardised measurements and 3 classes of 50', () => {
    const iris = decodeIris(readJson('iris.json'));
    expect([iris.size, iris.featureCount, iris.classCount]).toEqual([150, 4, 3]);
    expect(classCounts(iris)).toEqual([50, 50, 50]);
    expect(iris.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    const firstColumn = Array.from({ length: 150 }, (_, row) => iris.features[row * 4]);
    expect(firstColumn.reduce((sum, value) => sum + value, 0) / 150).toBeCloseTo(0, 5);
  });

  it('decodeIris without standardising keeps the measurements in cm', () => {
    const iris = decodeIris(readJson('iris.json'), { standardized: false });
    expect(Array.from(iris.features.slice(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
    expect(iris.featureNames[0]).toBe('sepal length (cm)');
  });

  it('the decoders reject a damaged file with a sentence for the page', () => {
    expect(() => decodeDigits({ format: 'something else' })).toThrow(/digits data file is damaged/);
    const iris = readJson('iris.json') as { targets: number[] };
    expect(() => decodeIris({ ...iris, targets: iris.targets.slice(1) })).toThrow(/iris data file is damaged \(wrong lengths\)/);
  });

  it('loadRealDataset fetches the file relative to the page, so any sub-path works', async () => {
    const requested: string[] = [];
    const fetchFunction = (async (url: URL) => {
      requested.push(url.href);
      return new Response(readFileSync(new URL('../../../public/data/iris.json', import.meta.url)));
    }) as unknown as typeof fetch;
    const iris = await loadRealDataset('iris', { baseUrl: 'https://school.example/course/playground/index.html', fetchFunction });
    expect(requested).toEqual(['https://school.example/course/playground/data/iris.json']);
    expect(iris.size).toBe(150);
  });

  it('loadRealDataset reports a missing file and an unknown name', async () => {
    const notFound = (async () => new Response('', { status: 404 })) as unknown as typeof fetch;
    await expect(loadRealDataset('digits', { baseUrl: 'http://localhost/', fetchFunction: notFound })).rejects.toThrow('Could not load the digits data (HTTP 404 for data/digits.json).');
    await expect(loadRealDataset('mnist', { baseUrl: 'http://localhost/' })).rejects.toThrow('invalid dataset: mnist');
  });

  it('the listed sizes match the decoded files', () => {
    const decoded = { digits: decodeDigits(readJson('digits.json')), iris: decodeIris(readJson('iris.json')) };
    for (const info of realDatasets) {
      const dataset = decoded[info.name];
      expect([dataset.size, dataset.featureCount, dataset.classCount]).toEqual([info.size, info.featureCount, info.classCount]);
    }
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvWorkerThreshold, parseCsvFile } from '../../../src/lib/datasets/parseCsvFile';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('parseCsvFile', () => {
  it('parseCsvFile(file) reads a small file into a table', async () => {
    const result = await parseCsvFile(new Blob(['x,y\n1,a\n2,b\n']));
    expect(result.ok && result.value.columns.map((column) => column.name)).toEqual(['x', 'y']);
  });

  it('rejects a file over 5 MB from its size, without reading it', async () => {
    const text = vi.fn(async () => 'x,y\n1,a\n');
    const result = await parseCsvFile({ size: 6 * 1024 * 1024, text } as unknown as Blob);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('tooLarge');
    expect(text).not.toHaveBeenCalled();
  });

  it('reads a file over the worker threshold inline where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    const rows = Array.from({ length: 20_000 }, (_, row) => `${row},${row % 3},${'x'.repeat(60)}`);
    const big = new Blob([['a,b,label', ...rows.slice(0, 19_999)].join('\n')]);
    expect(big.size).toBeGreaterThan(csvWorkerThreshold);
    const result = await parseCsvFile(big);
    expect(result.ok && result.value.rows.length).toBe(19_999);
  });

  it('turns a read failure into an "unreadable" error instead of rejecting', async () => {
    const result = await parseCsvFile({ size: 10, text: async () => { throw new Error('disk gone'); } } as unknown as Blob);
    expect(!result.ok && result.error).toMatchObject({ kind: 'unreadable', message: 'The file could not be read (disk gone).' });
  });
});

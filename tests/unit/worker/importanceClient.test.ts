import { describe, expect, it } from 'vitest';
import { importanceResult } from '../../../src/lib/analysis/importanceResult';
import type { Observation } from '../../../src/lib/analysis/observations';
import { createRandom } from '../../../src/lib/core/random';
import type { Dimension } from '../../../src/lib/core/space';
import { createImportanceClient } from '../../../src/lib/worker/importanceClient';
import type { ImportanceAnswer, ImportanceRequest } from '../../../src/lib/worker/importanceProtocol';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 0.001, high: 1 },
  { name: 'dropout', type: 'real', low: 0, high: 0.5 },
];

function observations(count: number, seed: number): Observation[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const learningRate = 10 ** random.uniform(-3, 0);
    const dropout = random.uniform(0, 0.5);
    return { params: { learningRate, dropout }, value: (Math.log10(learningRate) + 1.5) ** 2 + 0.01 * dropout };
  });
}

/** A stand-in for the module worker: runs the worker's analysis on a later turn, through structured clone, and counts requests. */
class FakeWorker {
  onmessage: ((event: MessageEvent<ImportanceAnswer>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: number[] = [];
  terminated = false;
  constructor(private readonly fail = false) {}
  postMessage(request: ImportanceRequest): void {
    const copy = structuredClone(request);
    this.received.push(copy.id);
    setTimeout(() => {
      if (this.fail) {
        this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
        return;
      }
      this.onmessage?.({ data: { id: copy.id, ok: true, ...importanceResult(copy.space, copy.observations, copy.seed) } } as MessageEvent<ImportanceAnswer>);
    }, 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('createImportanceClient', () => {
  it('answers with what the analysis gives on the page\'s thread, through the worker', async () => {
    const worker = new FakeWorker();
    const client = createImportanceClient(() => worker as unknown as Worker);
    const data = observations(30, 1);
    const answer = await client.analyse(space, data, 4);
    expect(answer).toEqual(importanceResult(space, data, 4));
    expect(answer!.importances[0].name).toBe('learningRate');
    expect(worker.received).toEqual([1]);
    client.close();
    expect(worker.terminated).toBe(true);
  });

  it('keeps only the newest waiting request: one replaced before it started resolves with null and never reaches the worker', async () => {
    const worker = new FakeWorker();
    const client = createImportanceClient(() => worker as unknown as Worker);
    const first = client.analyse(space, observations(20, 1), 1);
    const replaced = client.analyse(space, observations(21, 2), 1);
    const newest = client.analyse(space, observations(22, 3), 1);
    expect(await replaced).toBeNull();
    expect((await first)?.importances).toHaveLength(2);
    expect(await newest).toEqual(importanceResult(space, observations(22, 3), 1));
    expect(worker.received).toEqual([1, 3]);
  });

  it('still answers, inline, when the worker fails or cannot start', async () => {
    const data = observations(25, 5);
    const failing = createImportanceClient(() => new FakeWorker(true) as unknown as Worker);
    expect(await failing.analyse(space, data, 2)).toEqual(importanceResult(space, data, 2));
    const unstartable = createImportanceClient(() => {
      throw new Error('no workers');
    });
    expect(await unstartable.analyse(space, data, 2)).toEqual(importanceResult(space, data, 2));
    expect(await createImportanceClient(null).analyse(space, data, 2)).toEqual(importanceResult(space, data, 2));
    const refusing = new FakeWorker();
    refusing.postMessage = () => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    };
    expect(await createImportanceClient(() => refusing as unknown as Worker).analyse(space, data, 2)).toEqual(importanceResult(space, data, 2));
  });
});

import { describe, expect, it } from 'vitest';
import { throttledYield, yieldToEventLoop } from '../../../src/lib/training/eventLoop';

describe('yieldToEventLoop', () => {
  it('lets a message that was already posted be handled before it resolves', async () => {
    const heard: string[] = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => heard.push(String(event.data));
    channel.port2.postMessage('watch');
    // A microtask loop (as TF.js's CPU backend awaits) never hears it.
    for (let i = 0; i < 100; i++) await Promise.resolve();
    expect(heard).toEqual([]);
    await yieldToEventLoop();
    await yieldToEventLoop();
    expect(heard).toEqual(['watch']);
    channel.port1.close();
  });
});

describe('throttledYield', () => {
  it('yields only once its interval has passed since the last yield', async () => {
    const heard: number[] = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = () => heard.push(1);
    const maybeYield = throttledYield(40);
    channel.port2.postMessage(null);
    await maybeYield();
    await maybeYield();
    expect(heard).toEqual([]);
    const until = performance.now() + 45;
    while (performance.now() < until) await Promise.resolve();
    await maybeYield();
    await yieldToEventLoop();
    expect(heard).toEqual([1]);
    channel.port1.close();
  });
});

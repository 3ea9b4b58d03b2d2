/**
 * Letting a busy trainer hear its messages: TF.js's CPU and WASM backends resolve data() without
 * returning to the worker's event loop, so a loop of epochs would hear 'stop' or 'watch' only
 * when it ends. A MessageChannel round trip yields without setTimeout's 4 ms clamping.
 */

/** Resolves after one turn of the event loop (pending messages are handled first). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A yield to the event loop at most every `intervalMs` (calls in between resolve at once): about once per frame by default. */
export function throttledYield(intervalMs = 16): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < intervalMs) return;
    await yieldToEventLoop();
    last = performance.now();
  };
}

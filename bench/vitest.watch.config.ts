import { defineConfig } from 'vitest/config';

// `npx vitest run --config bench/vitest.watch.config.ts`: the watched-trial overhead benchmark (not part of npm test).
export default defineConfig({
  test: { include: ['bench/watchOverhead.ts'], environment: 'node', testTimeout: 600_000 },
});

import { defineConfig } from 'vitest/config';

// End-to-end tests drive real Chromium with the built extension (dist/). One file at a time:
// each launches its own browser and the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Waits sized for a loaded two-core machine, set once: expect.poll's own default is 1 s.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});

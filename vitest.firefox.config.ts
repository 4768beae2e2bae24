import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox (firefox-esr, headless) with the Firefox build (dist/firefox).
// One file at a time: each launches its own browser and the machine has two cores. Waits are
// generous: Firefox under WebDriver BiDi on a loaded machine is slower than Chromium over CDP.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});

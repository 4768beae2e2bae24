import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Sized for a loaded 2-core machine: the property tests and the 10,000-paper upgrades took
    // over vitest's default 5 s there (2026-12-02). A timeout is a ceiling, not a timing assertion.
    testTimeout: 60_000,
    environmentOptions: {
      // DOM tests load real page captures: their scripts and stylesheets must not run or load.
      happyDOM: {
        url: 'https://huggingface.co/papers?date=2024-08-01',
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          handleDisabledFileLoadingAsSuccess: true,
        },
      },
    },
  },
});

import { defineConfig } from 'vitest/config';

// One run covers the unit tests (test/) and the contract suite (contract-tests/):
// `npm test` is everything a clean checkout can check.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'contract-tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

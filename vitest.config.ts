import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files that share a worker's module graph (isolate: false), so their imports load once per worker: each stops
 * every server and child process it starts, mocks no module, fakes no timers and leaves no global changed.
 * A file not listed here runs isolated, the safe default.
 */
const shared = [
  'contract-tests/budget.test.ts',
  'contract-tests/channels.test.ts',
  'contract-tests/checks.test.ts',
  'contract-tests/cleanup.test.ts',
  'contract-tests/learn-har.test.ts',
  'contract-tests/learn.test.ts',
  'contract-tests/operations.test.ts',
  'contract-tests/paging.test.ts',
  'contract-tests/provenance.test.ts',
  'contract-tests/reproduce.test.ts',
  'contract-tests/severity.test.ts',
  'contract-tests/silent-values.test.ts',
  'contract-tests/stateful-links.test.ts',
  'test/bench/bench.test.ts',
  'test/contract-spec/family-samples.test.ts',
  'test/contract-spec/ids.test.ts',
  'test/contract-spec/negative.test.ts',
  'test/contract-spec/samples.test.ts',
  'test/contract-spec/validity.test.ts',
  'test/diff/classification.test.ts',
  'test/diff/gate.test.ts',
  'test/docs/layout.test.ts',
  'test/docs/samples.test.ts',
  'test/infra/openapi-document.test.ts',
  'test/infra/variables.test.ts',
  'test/mock/cli.test.ts',
  'test/mock/errors-agree.test.ts',
  'test/mock/mock-server.test.ts',
  'test/postman/cli.test.ts',
  'test/postman/collection.test.ts',
  'test/postman/newman.test.ts',
  'test/postman/schema.test.ts',
  'test/sandbox/answer-shapes.test.ts',
  'test/sandbox/auth.test.ts',
  'test/sandbox/bounds.test.ts',
  'test/sandbox/client-mistakes.test.ts',
  'test/sandbox/cors.test.ts',
  'test/sandbox/create-task.test.ts',
  'test/sandbox/drift.test.ts',
  'test/sandbox/family-lists.test.ts',
  'test/sandbox/family-state.test.ts',
  'test/sandbox/family-updates.test.ts',
  'test/sandbox/family.test.ts',
  'test/sandbox/faults.test.ts',
  'test/sandbox/fuzz.test.ts',
  'test/sandbox/hostile-input.test.ts',
  'test/sandbox/http-errors.test.ts',
  'test/sandbox/node-refusals.test.ts',
  'test/sandbox/request-body.test.ts',
  'test/sandbox/store-listing.test.ts',
  'test/sandbox/tenant-data.test.ts',
  'test/sandbox/test-endpoints.test.ts',
  'test/sandbox/validation.test.ts',
  'test/sdk/bundle.test.ts',
  'test/sdk/errors.test.ts',
  'test/sdk/family.sandbox.test.ts',
  'test/sdk/family.test.ts',
  'test/sdk/hostile.test.ts',
  'test/sdk/hover.test.ts',
  'test/sdk/options.test.ts',
  'test/sdk/paging.test.ts',
  'test/sdk/redaction.test.ts',
  'test/sdk/resilience.sandbox.test.ts',
  'test/sdk/retry.test.ts',
  'test/sdk/validation.test.ts',
  'test/sdk/validator-agreement.test.ts',
];

// One run covers the unit tests (test/) and the contract suite (contract-tests/):
// `npm test` is everything a clean checkout can check.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/run-scratch.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // both cores: the run is CPU-bound, and vitest's default (cores - 1) leaves one of two idle
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'shared', include: shared, isolate: false } },
      {
        extends: true,
        test: { name: 'isolated', include: ['test/**/*.test.ts', 'contract-tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...shared] },
      },
    ],
  },
});

/**
 * The documentation page's own samples, as copied byte for byte into test/fixtures/createTask/ (provenance in
 * test/fixtures/README.md). Tests compare the contract with this copy of the page, not with a retyped version.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** One sample of one operation, parsed: `pageSample('createTask', 'request')`. */
function pageSample(operation: string, kind: 'request' | 'response'): Record<string, unknown> {
  return JSON.parse(readFileSync(`${FIXTURES_DIR}${operation}/${kind}.json`, 'utf8'));
}

/** The JSON body of the page's curl sample (`--data-raw '…'`). */
export const seedSampleRequest = (): Record<string, unknown> => pageSample('createTask', 'request');

/** The page's "Sample Response" JSON. */
export const seedSampleResponse = (): Record<string, unknown> => pageSample('createTask', 'response');

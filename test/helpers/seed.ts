/**
 * The seed page's own samples, read from the page itself (../shared/seed/), so tests compare the contract with the
 * source rather than with a copy of it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_PATH = fileURLToPath(new URL('../../../shared/seed/000_e9505e338a70cb61.txt', import.meta.url));

function seedText(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

/** The JSON body of the page's curl sample (`--data-raw '…'`). */
export function seedSampleRequest(): Record<string, unknown> {
  const text = seedText();
  const start = text.indexOf("--data-raw '") + "--data-raw '".length;
  return JSON.parse(text.slice(start, text.indexOf("}'", start) + 1));
}

/** The page's "Sample Response" JSON. */
export function seedSampleResponse(): Record<string, unknown> {
  const text = seedText();
  return JSON.parse(text.slice(text.indexOf('Sample Response') + 'Sample Response'.length).trim());
}

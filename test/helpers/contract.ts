/**
 * The bundled contract (generated/openapi.json) and a JSON Schema 2020-12 validator over it, formats on.
 * Schemas are addressed by their component name: `validatorFor('Task')`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const BUNDLE_PATH = fileURLToPath(new URL('../../generated/openapi.json', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function loadBundle(): Json {
  return JSON.parse(readFileSync(BUNDLE_PATH, 'utf8'));
}

export function createValidator(bundle: Json = loadBundle()) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ ...bundle, $id: 'openapi.json' });
  const cache = new Map<string, ValidateFunction>();
  return (component: string): ValidateFunction => {
    let validate = cache.get(component);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi.json#/components/schemas/${component}` });
      cache.set(component, validate);
    }
    return validate;
  };
}

/** Follows a local `$ref` (`#/components/...`) inside the bundle. */
export function resolve(bundle: Json, node: Json): Json {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((at: Json, key: string) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], bundle);
  }
  return current;
}

/**
 * The contract as the suite reads it: generated/openapi.json (the bundle every tool reads), its createTask
 * operation, and JSON Schema 2020-12 validation (Ajv, formats on) of any schema inside it, addressed by pointer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { provenanceReader } from './provenance.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const BUNDLE_PATH = fileURLToPath(new URL('../generated/openapi.json', import.meta.url));
export const OPERATION_PATH = '/caseManagement/api/public/analytics/{streamId}/createTask';

export const bundle: Json = JSON.parse(readFileSync(BUNDLE_PATH, 'utf8'));

/** Follows local `$ref`s (`#/components/...`) until a node that is not a reference. */
export function deref(node: Json): Json {
  let current = node;
  while (current && typeof current.$ref === 'string') current = atPointer(current.$ref.slice(1));
  return current;
}

function atPointer(pointer: string): Json {
  return pointer
    .split('/')
    .slice(1)
    .reduce((at: Json, key: string) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], bundle);
}

export const operation: Json = bundle.paths[OPERATION_PATH].post;
export const requestSchema: Json = deref(operation.requestBody.content['application/json'].schema);
export const sampleRequest: Json = deref(operation.requestBody.content['application/json'].examples.seedSample).value;
export const sampleStreamId: string = deref(bundle.components.parameters.StreamId).example;
export const sampleAccountId: string = deref(bundle.components.parameters.AccountId).example;

/** The documented response for a status, with its pointer (for schema validation), or undefined. */
export function documentedResponse(status: number): { pointer: string; response: Json } | undefined {
  const raw = operation.responses[String(status)];
  if (!raw) return undefined;
  const pointer = raw.$ref ? raw.$ref.slice(1) : `/paths/${OPERATION_PATH.replace(/\//g, '~1')}/post/responses/${status}`;
  return { pointer, response: deref(raw) };
}

/** Documented or inferred, read from the bundle's `x-provenance` markers (defaults as the convention states). */
export const provenance = provenanceReader(bundle, OPERATION_PATH);

/**
 * The response an answer is judged against: the one documented for its status, or, for another 2xx (a warning
 * of its own), the 200's: its body is still the task. `status` is the documented status used.
 */
export function judgedResponse(status: number): { pointer: string; response: Json; status: number } | undefined {
  const own = documentedResponse(status);
  if (own) return { ...own, status };
  const success = status >= 200 && status < 300 ? documentedResponse(200) : undefined;
  return success && { ...success, status: 200 };
}

export const documentedStatuses: number[] = Object.keys(operation.responses).map(Number).sort();

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ ...bundle, $id: 'openapi.json' });
const compiled = new Map<string, ValidateFunction>();

/** A validator of the schema at a JSON pointer of the bundle, e.g. `/components/schemas/Task`. */
export function validatorAt(pointer: string): ValidateFunction {
  let validate = compiled.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi.json#${pointer}` });
    compiled.set(pointer, validate);
  }
  return validate;
}

export const validateRequestBody = (body: unknown) => validatorAt('/components/schemas/CreateTaskRequest')(body);

/**
 * Each Ajv error as `<path>: <message>`, the path a JSON pointer that names the field (a missing one included),
 * with the keyword that failed (for its provenance).
 */
export function describeErrors(errors: ErrorObject[] | null | undefined): { path: string; message: string; keyword: string }[] {
  const seen = new Set<string>();
  const out: { path: string; message: string; keyword: string }[] = [];
  for (const e of errors ?? []) {
    const path = e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath || '/';
    const message = e.keyword === 'required' ? 'is required but missing' : `${e.message}${e.keyword === 'const' || e.keyword === 'enum' ? ` ${JSON.stringify(e.params)}` : ''}`;
    const key = `${path} ${message}`;
    if (!seen.has(key)) out.push({ path, message, keyword: e.keyword }), seen.add(key);
  }
  return out;
}

/**
 * Ids are opaque: a variable or an answer's id is plausible when it has the prefix of the contract's pattern and a
 * plausible character set, whatever its digit counts (the samples' 7 hex digits and their `xxxx` mask are
 * observations, not rules). The prefix is the pattern's literal start (`^ti-[0-9a-f]...` -> `ti-`, `^CS[0-9]+$` -> `CS`).
 */
export function plausibleId(schemaName: string, value: string): boolean {
  const prefix = patternPrefix(bundle.components.schemas[schemaName]?.pattern);
  return new RegExp(`^${prefix}[A-Za-z0-9-]+$`).test(value);
}

export const patternPrefix = (pattern: string | undefined): string => /^\^([A-Za-z]+-?)/.exec(pattern ?? '')?.[1] ?? '';

/** The properties a schema declares, through allOf/anyOf/oneOf; undefined when it declares none (any key allowed). */
export function declaredProperties(schema: Json): Map<string, Json> | undefined {
  const s = deref(schema);
  if (!s || typeof s !== 'object') return undefined;
  const out = new Map<string, Json>();
  for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Json>)) out.set(k, v);
  for (const part of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    for (const [k, v] of declaredProperties(part) ?? []) if (!out.has(k)) out.set(k, v);
  }
  return out.size > 0 ? out : undefined;
}

/**
 * The contract as the suite reads it: generated/openapi.json (the bundle every tool reads), its six operations
 * (`specOf`: path, request schema, responses, links, provenance),
 * and JSON Schema 2020-12 validation (Ajv, formats on) of any schema inside it, addressed by pointer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { deref as derefIn, operationById, pointerOf, refPointer, type Json } from '../scripts/lib/openapi-document.js';
import { codesIn } from './error-codes.js';
import { withOverlayFile } from './learn/overlay.js';
import { provenanceReader } from './provenance.js';

export type { Json };

const BUNDLE_PATH = fileURLToPath(new URL('../generated/openapi.json', import.meta.url));

/** `--overlay FILE` (CONTRACT_OVERLAY): the tenant's contract, the contract with that overlay applied, is what is judged. */
const OVERLAY_PATH = process.env.CONTRACT_OVERLAY || undefined;

const contract: Json = JSON.parse(readFileSync(BUNDLE_PATH, 'utf8'));
/** The contract the suite judges by. An overlay that cannot apply stops the run at once (exit 2), naming the file and why. */
export const bundle: Json = OVERLAY_PATH
  ? await withOverlayFile(contract, OVERLAY_PATH).catch((error: Error) => {
      console.error(`contract suite could not run: ${error.message}`);
      process.exit(2);
    })
  : contract;

/** Follows local `$ref`s (`#/components/...`) of the contract until a node that is not a reference. */
export const deref = (node: Json): Json => derefIn(bundle, node);

/** The six operations of the family, by operationId, as the bundle names them. */
export const operationIds = ['createCase', 'getCases', 'updateCase', 'createTask', 'getTasks', 'updateTask'] as const;
export type OperationId = (typeof operationIds)[number];

/**
 * One operation as the checks read it: its path, its request schema, the responses it documents (with their
 * pointers, for schema validation) and the provenance of its rules. Built once per operation from the bundle.
 */
function operationSpec(id: OperationId) {
  const { path, operation: op } = operationById(bundle, id);
  const item: Json = bundle.paths[path];
  const requestRef: string = op.requestBody.content['application/json'].schema.$ref;
  const documentedResponse = (status: number): { pointer: string; response: Json } | undefined => {
    const raw = op.responses[String(status)];
    if (!raw) return undefined;
    const pointer = raw.$ref ? refPointer(raw.$ref) : pointerOf(['paths', path, 'post', 'responses', status]);
    return { pointer, response: deref(raw) };
  };
  const parameters: Json[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
  return {
    id,
    path,
    operation: op,
    /** Path-item and operation parameters, dereferenced. */
    parameters,
    /** Path parameters other than streamId, e.g. `taskId`. */
    pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((p) => p !== 'streamId'),
    /** Whether the `accountId` header is required (getCases, updateCase, getTasks, updateTask). */
    accountIdRequired: parameters.some((p: Json) => p.in === 'header' && p.name === 'accountId' && p.required),
    requestPointer: refPointer(requestRef),
    requestSchema: deref({ $ref: requestRef }) as Json,
    sampleRequest: Object.values((op.requestBody.content['application/json'].examples ?? {}) as Record<string, Json>).map(
      (e) => deref(e).value,
    )[0] as Json,
    documentedResponse,
    /**
     * The response an answer is judged against: the one documented for its status, or, for another 2xx (a warning
     * of its own), the 200's: its body is still the resource. `status` is the documented status used.
     */
    judgedResponse(status: number): { pointer: string; response: Json; status: number } | undefined {
      const own = documentedResponse(status);
      if (own) return { ...own, status };
      const success = status >= 200 && status < 300 ? documentedResponse(200) : undefined;
      return success && { ...success, status: 200 };
    },
    /**
     * The pointer of the body schema an error answer of this status is judged by: the operation's own response for
     * that status (so a tenant's overlay applies), else the shared envelope.
     */
    errorBodyPointer(status: number): string {
      const own = documentedResponse(status);
      return own?.response?.content?.['application/json']?.schema
        ? `${own.pointer}/content/application~1json/schema`
        : '/components/schemas/ErrorEnvelope';
    },
    /** The platform codes a documented error answer carries (its examples' `code` values and any `code` enum). */
    errorCodes(status: number): (string | number)[] {
      const content = documentedResponse(status)?.response?.content?.['application/json'];
      const codes = codesIn(Object.values((content?.examples ?? {}) as Record<string, Json>).map((e) => deref(e)?.value));
      // a learned overlay lists the codes it saw as an enum of a `code` property
      const enums = (node: Json, depth = 0): void => {
        const n = deref(node);
        if (!n || typeof n !== 'object' || depth > 8) return;
        if (Array.isArray(deref(n.properties?.code)?.enum)) deref(n.properties.code).enum.forEach((c: string | number) => codes.add(c));
        for (const child of [...Object.values((n.properties ?? {}) as Record<string, Json>), n.items]) enums(child, depth + 1);
      };
      enums(content?.schema);
      return [...codes];
    },
    documentedStatuses: Object.keys(op.responses).map(Number).sort() as number[],
    /** The 200 body's schema pointer (Task, TaskPage, Case …). */
    successSchemaPointer: refPointer(deref(op.responses['200']).content['application/json'].schema.$ref),
    links: (deref(op.responses['200']).links ?? {}) as Record<
      string,
      { operationId: OperationId; parameters?: Record<string, string>; requestBody?: string }
    >,
    /** Documented or inferred, read from the bundle's `x-provenance` markers (defaults as the convention states). */
    provenance: provenanceReader(bundle, path),
  };
}
export type OperationSpec = ReturnType<typeof operationSpec>;

const specs = new Map<OperationId, OperationSpec>();
/** The spec of an operation, built on first use. */
export function specOf(id: OperationId): OperationSpec {
  let s = specs.get(id);
  if (!s) specs.set(id, (s = operationSpec(id)));
  return s;
}

export const sampleStreamId: string = deref(bundle.components.parameters.StreamId).example;
export const sampleAccountId: string = deref(bundle.components.parameters.AccountId).example;

// strictNumbers: JSON carries no NaN or Infinity, so neither is a number here (Ajv's default takes Infinity as an integer)
const ajv = new Ajv2020({ allErrors: true, strict: false, strictNumbers: true });
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

export const validateRequestBody = (body: unknown, op: OperationId) => validatorAt(specOf(op).requestPointer)(body);

/**
 * Each Ajv error as `<path>: <message>`, the path a JSON pointer that names the field (a missing one included),
 * with the keyword that failed (for its provenance).
 */
export function describeErrors(errors: ErrorObject[] | null | undefined): { path: string; message: string; keyword: string }[] {
  const seen = new Set<string>();
  const out: { path: string; message: string; keyword: string }[] = [];
  for (const e of errors ?? []) {
    const path = e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath || '/';
    const message =
      e.keyword === 'required'
        ? 'is required but missing'
        : `${e.message}${e.keyword === 'const' || e.keyword === 'enum' ? ` ${JSON.stringify(e.params)}` : ''}`;
    const key = `${path} ${message}`;
    if (seen.has(key)) continue;
    out.push({ path, message, keyword: e.keyword });
    seen.add(key);
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

/**
 * Evidence of how a tenant behaves, from three sources read into one shape: the suite's JSON reports (their
 * recorded exchanges), the proxy's recordings and HAR files exported by a browser or Postman (both HAR). Only
 * exchanges to the six operations are kept; everything else in a file is ignored.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { operationIds, specOf, type OperationId } from '../spec.js';

/** One answer of one operation, as learned from: what the server said, never the credentials that asked. */
export interface Observation {
  operation: OperationId;
  status: number;
  /** Response headers, names lower-cased. */
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when the body was empty or not JSON. */
  body?: unknown;
  /** When the exchange happened (ISO 8601), when the source says. */
  at?: string;
  /** The file it came from (its base name: a path may name a user's folders). */
  source: string;
}

/** The operation a request path calls, read from the contract's paths (`…/{streamId}/updateTask/{taskId}`). */
const routes = operationIds.map((id) => ({ id, pattern: new RegExp(`^${specOf(id).path.replace(/\{\w+\}/g, '[^/]+')}/?$`) }));
const operationOfPath = (path: string): OperationId | undefined => routes.find((r) => r.pattern.test(path))?.id;

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A suite report (reports/contract-<target>.json): its `exchanges`, each with the operation and the answer. */
function fromReport(doc: Json, source: string): Observation[] {
  const exchanges = Array.isArray(doc.exchanges) ? doc.exchanges : [];
  const at = typeof doc.startedAt === 'string' ? doc.startedAt : undefined;
  return exchanges.flatMap((x: Json): Observation[] => {
    const response = isObject(x.response) ? x.response : undefined;
    const request = isObject(x.request) ? x.request : undefined;
    const operation = (
      typeof x.operation === 'string' && (operationIds as readonly string[]).includes(x.operation)
        ? x.operation
        : operationOfPath(String(request?.path ?? ''))
    ) as OperationId | undefined;
    if (!response || !operation || typeof response.status !== 'number') return [];
    const headers = isObject(response.headers)
      ? Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]))
      : {};
    return [{ operation, status: response.status, headers, body: response.json, ...(at ? { at } : {}), source }];
  });
}

/** A HAR 1.2 log (Chromium's "Save all as HAR", Postman, or `npm run proxy -- --record FILE`). */
function fromHar(doc: Json, source: string): Observation[] {
  const entries = isObject(doc.log) && Array.isArray(doc.log.entries) ? doc.log.entries : [];
  return entries.flatMap((entry: Json): Observation[] => {
    const request = isObject(entry.request) ? entry.request : {};
    const response = isObject(entry.response) ? entry.response : {};
    let path: string;
    try {
      path = new URL(String(request.url)).pathname;
    } catch {
      return [];
    }
    const operation = operationOfPath(path);
    // A preflight (OPTIONS) or a request the browser never completed (status 0) says nothing of the operation.
    if (!operation || String(request.method).toUpperCase() !== 'POST' || typeof response.status !== 'number' || response.status < 100) return [];
    const headers = Object.fromEntries(
      (Array.isArray(response.headers) ? response.headers : []).filter(isObject).map((h) => [String(h.name).toLowerCase(), String(h.value)]),
    );
    const content = isObject(response.content) ? response.content : {};
    const text =
      typeof content.text === 'string'
        ? content.encoding === 'base64'
          ? Buffer.from(content.text, 'base64').toString('utf8')
          : content.text
        : undefined;
    const at = typeof entry.startedDateTime === 'string' ? entry.startedDateTime : undefined;
    return [{ operation, status: response.status, headers, body: parseJson(text), ...(at ? { at } : {}), source }];
  });
}

/** Reads one evidence file, whichever of the formats it is; a file that is none of them is refused by name. */
export function readEvidence(file: string): Observation[] {
  const source = basename(file);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not a JSON file (${(error as Error).message})`);
  }
  if (isObject(doc) && isObject(doc.log) && Array.isArray(doc.log.entries)) return fromHar(doc, source);
  if (isObject(doc) && Array.isArray(doc.exchanges)) return fromReport(doc, source);
  throw new Error(`${file}: neither a HAR file (log.entries) nor a contract suite report with exchanges (reports/contract-<target>.json)`);
}

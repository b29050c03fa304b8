/**
 * The mock: Prism on an internal port behind a node:http front that rewrites Prism's refusals into the contract's error
 * envelope, each `msg` naming the field as the sandbox does, and refuses a `Bearer` token as the platform does.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { deref, type Json } from './openapi-document.js';
import { BUNDLE, startPrism, type RunningPrism } from './prism.js';

export interface MockOptions {
  port?: number; // default 0 (any free port)
  host?: string; // default 127.0.0.1
  spec?: string; // default generated/openapi.json
  /** Prism's log lines and one line per rewritten answer (`npm run mock` passes console.log under MOCK_VERBOSE). */
  log?: (line: string) => void;
}

export interface RunningMock {
  url: string;
  prism: RunningPrism; // the internal Prism, on its own port
  close(): Promise<void>;
}

/** A request body the front buffers at most (Prism has no limit; the reference sandbox takes the same). */
const MAX_BODY_BYTES = 1024 * 1024;

/** One entry of Prism's `sl-violations` header (prism-http's validator: `location` is ['request', where, …path]). */
interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

interface ErrorItem {
  msg: string;
  code: number;
}

/**
 * The platform code of an error answer (inferred, like the envelope): the HTTP status's class then its rest, 4000 +
 * (status − 400) for a 4xx and 5000 + (status − 500) for a 5xx; a token problem is 4002, the one code observed.
 */
export function platformCode(status: number): number {
  if (status === 401) return 4002;
  return status >= 500 ? 5000 + (status - 500) : 4000 + (status - 400);
}

/** The messages the sandbox gives the same mistakes (a test holds the two, and the contract's examples, together). */
const messages = {
  authMissing: 'auth: the auth header is required: the JWT itself, with no Bearer prefix',
  authBearer: 'auth: send the JWT itself in the auth header, without "Bearer"',
  contentType: (sent: string | undefined) => `content-type must be application/json (got ${sent || 'none'})`,
  notJson: (why?: string) => `body is not valid JSON${why ? ` (${why})` : ''}`,
  tooLarge: (limit: number) => `body is larger than ${limit} bytes`,
};

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

/**
 * The envelope's entries for Prism's violations of a refused request, those that made this status: the security
 * violation for a 401, the content type for a 415, the input's schema violations otherwise. Prism words schema
 * violations as "Request body property userInfo.name must be string"; here that is "userInfo.name: must be string".
 * A failed `anyOf` with its branches' missing properties becomes one entry ("userInfo: must have _id, emailId or
 * phoneNumber"), not one per branch.
 */
interface ViolationContext {
  spec?: Json; // the contract, to tell an anyOf's alternatives from an object's own required fields
  body?: Json; // the request body schema of the operation
  contentType?: string; // the request's, for a 415
  names?: Map<string, string>; // parameter names as the contract spells them, by lower case (Prism lowercases them)
}

function envelopeFromViolations(violations: Violation[], status: number, context: ViolationContext = {}): ErrorItem[] {
  const errors = violations.filter((v) => v.severity == 'Error');
  const byStatus = errors.filter((v) => v.code === status);
  const code = platformCode(status);
  if (status == 401 && byStatus.length) return [{ msg: messages.authMissing, code }];
  if (status == 415 && byStatus.length) return [{ msg: messages.contentType(context.contentType), code }];
  const schema = errors.filter((v) => typeof v.code == 'string');
  const items: ErrorItem[] = [];
  const anyOfAt = new Set(schema.filter((v) => v.code == 'anyOf' || v.code == 'oneOf').map((v) => where(v).field));
  const alternatives = new Map<string, string[]>(); // field of a failed anyOf → its branches' missing properties
  for (const violation of schema) {
    const { field: raw, problem } = where(violation);
    const field = violation.location[1] == 'body' ? raw : (context.names?.get(raw.toLowerCase()) ?? raw);
    if (violation.code == 'anyOf' || violation.code == 'oneOf') continue;
    const reported = violation.code == 'required' ? /property '([^']+)'/.exec(problem)?.[1] : undefined;
    // A missing header or parameter is named as the contract spells it (`accountId`), not as Prism lowercases it.
    const missing = reported && violation.location[1] != 'body' ? (context.names?.get(reported.toLowerCase()) ?? reported) : reported;
    // Prism reports each anyOf branch's missing property beside the anyOf failure; the object's own are separate.
    const own = () => ownRequired(context.spec, schemaAt(context.spec, context.body, violation.location.slice(2)));
    if (missing && anyOfAt.has(field) && violation.location[1] == 'body' && context.body && !own().has(missing)) {
      alternatives.set(field, [...(alternatives.get(field) ?? []), missing]);
    } else if (missing) {
      items.push({ msg: `${join(field, missing)} is required`, code });
    } else {
      items.push({ msg: `${field || 'body'} ${problem}`, code });
    }
  }
  // Every branch missing its property: none was sent. Otherwise a branch failed on a field it has (`emailId` not an
  // email address), which its own violation names.
  for (const [field, names] of alternatives) {
    const node = schemaAt(context.spec, context.body, field ? field.split('.') : []);
    const branches = [node, ...(node?.allOf ?? [])].map((n) => deref(context.spec, n)?.anyOf?.length ?? 0).reduce((a, b) => a + b, 0);
    if (names.length < branches) continue;
    items.push({ msg: `${field || 'body'} must have ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' or ' : ''}${names.at(-1)}`, code });
  }
  const unique = [...new Map(items.map((item) => [item.msg, item])).values()]; // Prism repeats a branch's violations
  return unique.length ? unique : errors.map((v) => ({ msg: v.message, code }));
}

/** A violation's field (`userInfo.name`, a header's or parameter's name) and Prism's message without its preamble. */
function where(violation: Violation): { field: string; problem: string } {
  const [, kind = '', ...path] = violation.location;
  const preamble = `Request ${kind} ${path.length ? `${kind == 'body' ? 'property' : 'parameter'} ${path.join('.')} ` : ''}`;
  const problem = violation.message.startsWith(preamble) ? violation.message.slice(preamble.length) : violation.message;
  return { field: path.join('.'), problem };
}

const join = (field: string, name: string) => (field ? `${field}.${name}` : name);

/** The request body schema of the operation a request reaches, found in the contract by method and path template. */
function requestSchema(spec: Json, method: string, url: string): Json {
  const path = new URL(url, 'http://mock').pathname;
  for (const [template, item] of Object.entries<Json>(spec.paths ?? {})) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);
    if (pattern.test(path)) return item?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
  }
  return undefined;
}

/** The schema at a body path (`['userInfo']`), looking through `allOf` members and array items. */
function schemaAt(spec: Json, schema: Json, path: string[]): Json {
  let node = deref(spec, schema);
  for (const key of path) {
    const candidates = [node, ...(node?.allOf ?? []).map((m: Json) => deref(spec, m))];
    node = deref(spec, /^\d+$/.test(key) ? node?.items : candidates.map((c) => c?.properties?.[key]).find(Boolean));
  }
  return node;
}

/** Every parameter name the contract declares, by its lower case: Prism reports `streamid` for `streamId`. */
function parameterNames(spec: Json): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of Object.values<Json>(spec.paths ?? {})) {
    const operations = Object.values<Json>(item).filter((op) => op && typeof op == 'object' && !Array.isArray(op));
    for (const parameter of [...(item.parameters ?? []), ...operations.flatMap((op) => op.parameters ?? [])]) {
      const name = deref(spec, parameter)?.name;
      if (typeof name == 'string') names.set(name.toLowerCase(), name);
    }
  }
  return names;
}

/** The properties an object schema requires itself (its `required` and its `allOf` members'), not through `anyOf`. */
function ownRequired(spec: Json, node: Json): Set<string> {
  node = deref(spec, node);
  return new Set([...(node?.required ?? []), ...(node?.allOf ?? []).flatMap((m: Json) => [...ownRequired(spec, m)])]);
}

/** Prism's own error bodies (problem+json, or `{"error": {"code": "invalid_json"}}`) for a refused request. */
function envelopeFromPrismBody(body: string, status: number, requestBody: Buffer): ErrorItem[] | undefined {
  let parsed: { error?: { code?: string }; title?: string; detail?: string };
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (parsed?.error?.code == 'invalid_json') {
    try {
      JSON.parse(requestBody.toString('utf8'));
      return [{ msg: messages.notJson(), code: platformCode(status) }];
    } catch (error) {
      return [{ msg: messages.notJson((error as Error).message), code: platformCode(status) }];
    }
  }
  if (typeof parsed?.title == 'string')
    return [{ msg: parsed.detail ? `${parsed.title}: ${parsed.detail}` : parsed.title, code: platformCode(status) }];
  return undefined;
}

/** The body to send instead of Prism's, or undefined to pass Prism's answer through. */
function rewrite(
  status: number,
  headers: IncomingHttpHeaders,
  body: string,
  request: { body: Buffer } & Omit<ViolationContext, 'body'> & { schema?: Json },
): ErrorItem[] | undefined {
  if (status < 400 || status >= 500) return undefined;
  const header = headers['sl-violations'];
  if (typeof header == 'string') {
    let violations: Violation[];
    try {
      violations = JSON.parse(header);
    } catch {
      return undefined;
    }
    if (violations.some((v) => v.severity == 'Error')) {
      return envelopeFromViolations(violations, status, { ...request, body: request.schema });
    }
  }
  // No violation: a requested example (Prefer: code=…), which the contract documents, passes through.
  return envelopeFromPrismBody(body, status, request.body);
}

function readAll(stream: IncomingMessage, limit = Infinity): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    stream.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    stream.on('error', reject);
  });
}

function sendEnvelope(res: ServerResponse, status: number, errors: ErrorItem[], extra: Record<string, string> = {}): void {
  const body = JSON.stringify({ errors });
  res.writeHead(status, { ...extra, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const log = options.log;
  const specFile = options.spec ?? BUNDLE;
  const spec = JSON.parse(readFileSync(specFile, 'utf8'));
  const names = parameterNames(spec);
  // Prism's own address is internal: say so in its log, which MOCK_VERBOSE shows beside the mock's address.
  const prismLog = log && ((line: string) => log(line.replace('Prism is listening on', 'Prism (internal, behind the mock) is listening on')));
  const prism = await startPrism({ port: 0, host: '127.0.0.1', spec: specFile, log: prismLog });
  const upstream = new URL(prism.url);

  const server = createServer(async (req, res) => {
    try {
      const body = await readAll(req, MAX_BODY_BYTES);
      // the token is judged before the body, as the platform (and the sandbox) do
      if (/^\s*bearer\s/i.test(String(req.headers.auth ?? '')))
        return sendEnvelope(res, 401, [{ msg: messages.authBearer, code: platformCode(401) }]);
      if (!body) return sendEnvelope(res, 413, [{ msg: messages.tooLarge(MAX_BODY_BYTES), code: platformCode(413) }]);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
      const answer = await new Promise<IncomingMessage>((resolve, reject) => {
        const forwarded = httpRequest(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...headers, 'content-length': body.length } },
          resolve,
        );
        forwarded.on('error', reject);
        forwarded.end(body);
      });
      const answerBody = (await readAll(answer))!;
      const status = answer.statusCode ?? 502;
      const passed = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name) && name != 'content-type')) as Record<
        string,
        string
      >;
      const schema = requestSchema(spec, req.method ?? 'GET', req.url ?? '/');
      const errors = rewrite(status, answer.headers, answerBody.toString('utf8'), {
        body,
        contentType: req.headers['content-type'],
        schema,
        spec,
        names,
      });
      if (errors) {
        log?.(`mock: ${req.method} ${req.url} → ${status}: ${errors.map((e) => e.msg).join('; ')}`);
        return sendEnvelope(res, status, errors, passed);
      }
      res.writeHead(status, {
        ...passed,
        ...(answer.headers['content-type'] ? { 'content-type': answer.headers['content-type'] } : {}),
        'content-length': answerBody.length,
      });
      res.end(answerBody);
    } catch (error) {
      // Prism unreachable or a broken exchange: the mock's own failure, said as such.
      if (!res.headersSent) sendEnvelope(res, 502, [{ msg: `mock: Prism did not answer (${(error as Error).message})`, code: platformCode(502) }]);
      else res.destroy();
    }
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await prism.close();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    prism,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await prism.close();
    },
  };
}

/**
 * Walks two OpenAPI documents operation by operation: parameters, request bodies, responses, security, servers.
 * Schemas are handed to schema-diff with the side they travel on.
 */
import { ChangeLog, type Change, type Side } from './changes.js';
import { canonical, deref, isObject, type Json } from './resolve.js';
import { diffSchema } from './schema-diff.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Docs {
  base: Json;
  head: Json;
  log: ChangeLog;
}

export function diffDocuments(base: Json, head: Json): Change[] {
  const docs: Docs = { base, head, log: new ChangeLog() };
  diffInfo(docs);
  diffServers(docs);
  diffOperations(docs);
  diffTopLevel(docs);
  return docs.log.changes;
}

function diffTopLevel({ base, head, log }: Docs): void {
  diffUnwalked(log, base, head, ['openapi', 'info', 'servers', 'paths', 'components', 'security'], []);
}

/**
 * The keys of an object that the walk does not judge: documentation-only ones are description changes,
 * extensions extension changes, and anything else (operation `servers`, `callbacks`, a parameter's `content`,
 * a media type's `encoding` …) is unclassified, which the gate treats as breaking: it fails closed.
 */
function diffUnwalked(log: ChangeLog, a: Json, b: Json, walked: string[], where: string[]): void {
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].filter((k) => !walked.includes(k));
  for (const key of keys.filter((k) => canonical(a?.[k]) != canonical(b?.[k]))) {
    if (key == 'tags' || key == 'externalDocs' || key == 'links') log.add('description-changed', [...where, key], `${key} changed`);
    else if (key.startsWith('x-')) log.add('extension-changed', [...where, key], `${key} changed`);
    else log.add('unclassified', [...where, key], `${key} changed`);
  }
}

function diffInfo({ base, head, log }: Docs): void {
  for (const key of ['title', 'summary', 'description']) {
    if (base.info?.[key] !== head.info?.[key]) log.add('description-changed', ['info'], `${key} changed`);
  }
}

function diffServers({ base, head, log }: Docs): void {
  const urls = (doc: Json): Map<string, Json> => new Map((doc.servers ?? []).map((s: Json) => [s.url, s]));
  const before = urls(base);
  const after = urls(head);
  for (const url of before.keys()) if (!after.has(url)) log.add('server-removed', ['servers'], `server ${url} removed`);
  for (const url of after.keys()) if (!before.has(url)) log.add('server-added', ['servers'], `server ${url} added`);
  for (const [url, server] of before) {
    const next = after.get(url);
    if (!next) continue;
    for (const [name, variable] of Object.entries<Json>(server.variables ?? {})) {
      const nextDefault = next.variables?.[name]?.default;
      if (variable.default !== nextDefault) {
        log.add('server-default-changed', ['servers', url], `variable ${name} default ${variable.default} → ${nextDefault}`);
      }
      if (canonical(variable.enum) != canonical(next.variables?.[name]?.enum)) {
        log.add('unclassified', ['servers', url], `variable ${name} enum ${canonical(variable.enum)} → ${canonical(next.variables?.[name]?.enum)}`);
      }
    }
    if (canonical(server) != canonical(next) && !log.changes.some((c) => c.where.startsWith(`servers › ${url}`))) {
      log.add('description-changed', ['servers', url], 'server description or variables changed');
    }
  }
}

/**
 * Path templates compare by shape: renaming `{id}` to `{taskId}` is not a new path, and path parameters are
 * matched by their place in the template, not by name (the name never travels on the wire).
 */
const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');
const templateNames = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

interface Operation {
  label: string;
  path: string;
  pathItem: Json;
  op: Json;
}

function operations(doc: Json): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries<Json>(doc.paths ?? {})) {
    const pathItem = deref(doc, rawItem);
    for (const method of METHODS) {
      if (pathItem[method]) found.set(`${method} ${shape(path)}`, { label: `${method.toUpperCase()} ${path}`, path, pathItem, op: pathItem[method] });
    }
  }
  return found;
}

function diffOperations(docs: Docs): void {
  const before = operations(docs.base);
  const after = operations(docs.head);
  for (const [key, { label }] of before) if (!after.has(key)) docs.log.add('operation-removed', [label], 'operation removed');
  for (const [key, { label }] of after) if (!before.has(key)) docs.log.add('operation-added', [label], 'operation added');
  for (const [key, a] of before) {
    const b = after.get(key);
    if (!b) continue;
    const where = [b.label];
    if (a.op.operationId !== b.op.operationId) {
      docs.log.add('operation-id-changed', where, `operationId ${a.op.operationId} → ${b.op.operationId}`);
    }
    for (const k of ['summary', 'description']) {
      if (a.op[k] !== b.op[k]) docs.log.add('description-changed', where, `${k} changed`);
    }
    if (!!a.op.deprecated != !!b.op.deprecated) docs.log.add('deprecated', where, b.op.deprecated ? 'now deprecated' : 'no longer deprecated');
    const judged = ['operationId', 'summary', 'description', 'deprecated', 'parameters', 'requestBody', 'responses', 'security'];
    diffUnwalked(docs.log, a.op, b.op, judged, where);
    diffUnwalked(docs.log, a.pathItem, b.pathItem, [...METHODS, 'parameters', 'summary', 'description'], where);
    diffParameters(docs, a, b, where);
    diffRequestBody(docs, a.op.requestBody, b.op.requestBody, [...where, 'request body']);
    diffResponses(docs, a.op.responses ?? {}, b.op.responses ?? {}, where);
    diffSecurity(docs, a.op.security ?? docs.base.security ?? [], b.op.security ?? docs.head.security ?? [], where);
  }
}

/** Path-level and operation-level parameters, keyed by location and name (header names ignore case; path ones by place). */
function parameters(doc: Json, { path, pathItem, op }: Operation): Map<string, Json> {
  const all = new Map<string, Json>();
  const places = templateNames(path);
  for (const raw of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
    const p = deref(doc, raw);
    const key = p.in == 'path' && places.includes(p.name) ? `#${places.indexOf(p.name)}` : p.in == 'header' ? String(p.name).toLowerCase() : p.name;
    all.set(`${p.in} ${key}`, p);
  }
  return all;
}

function diffParameters({ base, head, log }: Docs, a: Operation, b: Operation, where: string[]): void {
  const before = parameters(base, a);
  const after = parameters(head, b);
  for (const [key, p] of before) if (!after.has(key)) log.add('parameter-removed', [...where, `${p.in} parameter ${p.name}`], 'parameter removed');
  for (const [key, p] of after) {
    if (before.has(key)) continue;
    const at = [...where, `${p.in} parameter ${p.name}`];
    if (p.required) log.add('parameter-made-required', at, 'new required parameter');
    else log.add('parameter-added', at, 'new optional parameter');
  }
  for (const [key, p] of before) {
    const q = after.get(key);
    if (!q) continue;
    const at = [...where, `${q.in} parameter ${q.name}`];
    if (!!p.required != !!q.required) {
      log.add(q.required ? 'parameter-made-required' : 'parameter-made-optional', at, q.required ? 'now required' : 'now optional');
    }
    if (p.description !== q.description) log.add('description-changed', at, 'description changed');
    if (canonical([p.example, p.examples]) != canonical([q.example, q.examples])) log.add('example-changed', at, 'examples changed');
    if (canonical([p.style, p.explode]) != canonical([q.style, q.explode])) log.add('unclassified', at, 'serialisation (style/explode) changed');
    if (!!p.deprecated != !!q.deprecated) log.add('deprecated', at, q.deprecated ? 'now deprecated' : 'no longer deprecated');
    if (p.in == 'path' && p.name !== q.name) log.add('description-changed', at, `renamed from ${p.name} (the name does not travel)`);
    diffUnwalked(log, p, q, ['name', 'in', 'required', 'description', 'example', 'examples', 'style', 'explode', 'deprecated', 'schema'], at);
    diffSchema({ base, head, log, side: 'request' }, p.schema ?? {}, q.schema ?? {}, [...at, '']);
  }
}

function diffRequestBody(docs: Docs, rawA: Json, rawB: Json, where: string[]): void {
  if (!rawA && !rawB) return;
  const a = rawA ? deref(docs.base, rawA) : { content: {} };
  const b = rawB ? deref(docs.head, rawB) : { content: {} };
  if (!!a.required != !!b.required) {
    docs.log.add(
      b.required ? 'request-body-made-required' : 'request-body-made-optional',
      where,
      b.required ? 'body now required' : 'body now optional',
    );
  }
  if (a.description !== b.description) docs.log.add('description-changed', where, 'description changed');
  diffUnwalked(docs.log, a, b, ['required', 'description', 'content'], where);
  diffContent(docs, a.content ?? {}, b.content ?? {}, where, 'request');
}

function diffContent(docs: Docs, before: Json, after: Json, where: string[], side: Side): void {
  for (const type of Object.keys(before)) if (!(type in after)) docs.log.add('media-type-removed', [...where, type], `media type ${type} removed`);
  for (const type of Object.keys(after)) if (!(type in before)) docs.log.add('media-type-added', [...where, type], `media type ${type} added`);
  for (const type of Object.keys(before)) {
    if (!(type in after)) continue;
    const a = before[type];
    const b = after[type];
    const examples = (m: Json, doc: Json) => canonical([m.example, Object.values(m.examples ?? {}).map((e) => deref(doc, e))]);
    if (examples(a, docs.base) != examples(b, docs.head)) docs.log.add('example-changed', where, `${type} examples changed`);
    diffUnwalked(docs.log, a, b, ['schema', 'example', 'examples'], [...where, type]);
    diffSchema({ ...docs, side }, a.schema ?? {}, b.schema ?? {}, [...where, '']);
  }
}

function diffResponses(docs: Docs, before: Json, after: Json, where: string[]): void {
  for (const status of Object.keys(before))
    if (!(status in after)) docs.log.add('status-removed', [...where, `response ${status}`], `status ${status} removed`);
  for (const status of Object.keys(after))
    if (!(status in before)) docs.log.add('status-added', [...where, `response ${status}`], `status ${status} added`);
  for (const status of Object.keys(before)) {
    if (!(status in after)) continue;
    const a = deref(docs.base, before[status]);
    const b = deref(docs.head, after[status]);
    const at = [...where, `response ${status}`];
    if (a.description !== b.description) docs.log.add('description-changed', at, 'description changed');
    diffUnwalked(docs.log, a, b, ['description', 'headers', 'content'], at);
    diffResponseHeaders(docs, a.headers ?? {}, b.headers ?? {}, at);
    diffContent(docs, a.content ?? {}, b.content ?? {}, at, 'response');
  }
}

function diffResponseHeaders(docs: Docs, before: Json, after: Json, where: string[]): void {
  const byName = (headers: Json) => new Map(Object.entries<Json>(headers).map(([name, h]) => [name.toLowerCase(), { name, h }]));
  const a = byName(before);
  const b = byName(after);
  for (const [key, { name }] of a) if (!b.has(key)) docs.log.add('response-header-removed', [...where, `header ${name}`], 'header removed');
  for (const [key, { name }] of b) if (!a.has(key)) docs.log.add('response-header-added', [...where, `header ${name}`], 'header added');
  for (const [key, { name, h }] of a) {
    const next = b.get(key);
    if (!next) continue;
    const x = deref(docs.base, h);
    const y = deref(docs.head, next.h);
    const at = [...where, `header ${name}`];
    if (x.required && !y.required) docs.log.add('property-made-optional', at, 'header no longer always sent', 'response');
    if (!x.required && y.required) docs.log.add('property-made-required', at, 'header now always sent', 'response');
    if (x.description !== y.description) docs.log.add('description-changed', at, 'description changed');
    diffUnwalked(docs.log, x, y, ['required', 'description', 'schema', 'example', 'examples', 'deprecated'], at);
    diffSchema({ ...docs, side: 'response' }, x.schema ?? {}, y.schema ?? {}, [...at, '']);
  }
}

/** Any change to what a call must present, or to the schemes it names, is breaking. */
function diffSecurity(docs: Docs, before: Json[], after: Json[], where: string[]): void {
  const requirement = (reqs: Json[]) => canonical(reqs.map(canonical).sort());
  if (requirement(before) != requirement(after)) {
    docs.log.add('security-changed', [...where, 'security'], `requirements ${requirement(before)} → ${requirement(after)}`);
    return;
  }
  const schemes = new Set(before.flatMap((r: Json) => Object.keys(r)));
  for (const name of schemes) {
    const strip = (s: Json) => (isObject(s) ? { ...s, description: undefined } : s);
    const a = strip(docs.base.components?.securitySchemes?.[name]);
    const b = strip(docs.head.components?.securitySchemes?.[name]);
    if (canonical(a) != canonical(b))
      docs.log.add('security-changed', [...where, `security scheme ${name}`], `scheme ${canonical(a)} → ${canonical(b)}`);
  }
}

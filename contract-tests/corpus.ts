/**
 * The shared corpus: one run of named probes against a target (valid bodies through both typed clients, invalid
 * bodies, bad tokens, a provoked 429), recorded once and judged by every response check. The checks that own a
 * kind of probe (positive, negative, auth) judge their own intent; the response checks judge every answer.
 */
import { bodyWithUser, invalidBodies, invalidBodiesOf, seedSampleBody, userVariants, validBase } from './bodies.js';
import { sendOperationWithGeneratorClient, sendOperationWithSdk, sendRaw, type PathParams, type Sender } from './channels.js';
import { exampleResources, operationTable, rowOf, tagged, unknownId, type Resources } from './operations.js';
import { creates, selectionOf, writes, type Selection } from './selection.js';
import { specOf, type OperationId } from './spec.js';
import { expiredToken, tamperSignature, validToken } from './tokens.js';
import type { Exchange, Intent } from './types.js';

export interface Probe {
  name: string;
  intent: Intent;
  field?: string;
  /** The answer's `_id` is this resource (a created case or task), for the operations whose path needs it. */
  provides?: keyof Resources;
  /** Cannot write whatever the server does (no token, or a body that is not JSON): a read-only run sends it. */
  harmless?: boolean;
  /** Sent only to obtain a selected operation's path id: recorded in the run's log, not judged. */
  dependency?: boolean;
  operation: OperationId;
  send(ctx: Sender): Promise<Exchange>;
}

/** A probe as an operation's probe list makes it, before it is tagged with that operation. */
type OperationProbes = { probes: Omit<Probe, 'operation'>[]; unsendable: Unsendable[] };

/** A probe the target cannot take (no fixture, no switch, a known limitation): reported as not run. */
export interface Unsendable {
  name: string;
  intent: Intent;
  reason: string;
}

export function probesFor(ctx: Sender, selection: Selection = selectionOf(undefined), ids: Resources = {}): { probes: Probe[]; unsendable: Unsendable[] } {
  // Creates first (their answers give the updates their path ids), then the reads and updates.
  const operations = [...selection.selected, ...selection.dependencies];
  const order = operationTable.map((r) => r.id).filter((op) => operations.includes(op)).sort((a, b) => Number(b.startsWith('create')) - Number(a.startsWith('create')));
  const all = order.map((op) => {
    const own = op === 'createTask' ? createTaskProbes(ctx) : familyProbes(ctx, op, ids);
    return scoped(selection, op, { ...own, probes: own.probes.map((probe) => ({ ...probe, operation: op })) });
  });
  // The probes that give path ids go first: under a create budget they are the creates that matter most.
  const probes = all.flatMap((p) => p.probes);
  return { probes: [...probes.filter((p) => p.provides), ...probes.filter((p) => !p.provides)], unsendable: all.flatMap((p) => p.unsendable) };
}

/**
 * An operation's probes as the selection allows: a dependency sends only the probe that gives the path id it is
 * called for (its answer is not judged); a read-only run sends a write operation only its harmless probes.
 */
function scoped(selection: Selection, op: OperationId, all: { probes: Probe[]; unsendable: Unsendable[] }): { probes: Probe[]; unsendable: Unsendable[] } {
  if (selection.dependencies.includes(op)) {
    const needed = new Set(selection.selected.map((id) => rowOf(id).pathIdFrom).filter((from) => from?.operation === op).map((from) => from!.param));
    const provider = all.probes.find((p) => p.provides && needed.has(p.provides));
    return { probes: provider ? [{ ...provider, dependency: true }] : [], unsendable: [] };
  }
  if (!selection.readOnly || !writes.has(op)) return all;
  // One line per kind of probe held back, not one per probe: the report stays readable.
  const held = all.probes.filter((p) => !p.harmless);
  const unsendable = [...new Set(held.map((p) => p.intent))].map((intent) => {
    const n = held.filter((p) => p.intent === intent).length;
    const kind = { accept: 'valid', 'reject-invalid': 'invalid', 'reject-auth': 'bad-token', 'rate-limited': 'rate-limit' }[intent];
    return { name: `${op}: ${n} ${kind} request(s)`, intent, reason: 'not run (read-only): they could create or change a record' };
  });
  return { probes: all.probes.filter((p) => p.harmless), unsendable: [...all.unsendable, ...unsendable] };
}

/**
 * One operation's probes other than createTask's, from the operation table: its valid bodies through the SDK and
 * the openapi-generator client, invalid bodies derived from its request schema, malformed JSON, no accountId (where
 * required), an unknown path id (stateful targets) and no token, through raw fetch.
 */
function familyProbes(ctx: Sender, op: OperationId, ids: Resources): OperationProbes {
  const t = ctx.target;
  const f = t.fixtures;
  const row = rowOf(op);
  const probes: OperationProbes['probes'] = [];
  const unsendable: Unsendable[] = [];
  const valid = async () => ({ value: await validToken(t.credentials), label: 'valid token' });
  const [body, generatorBody] = row.valid(f);
  const param = row.pathIdFrom?.param;
  // The path id is read when the probe is sent: the create that gives it runs earlier in the corpus.
  const params = (): PathParams | string => {
    if (!param) return {};
    const id = ids[param];
    return id ? { [param]: id } : `not sent: no ${param} to call it with (${row.pathIdFrom!.operation} gave none)`;
  };
  const withParams = (meta: Omit<Exchange, 'request' | 'via' | 'operation'>, send: (p: PathParams) => Promise<Exchange>) => async (): Promise<Exchange> => {
    const p = params();
    return typeof p === 'string' ? { ...meta, operation: op, via: 'fetch', request: { method: 'POST', path: specOf(op).path, headers: {} }, error: p } : send(p);
  };
  const missing = row.needs && !f[row.needs.fixture];
  if (missing || !body) {
    const reason = `no ${row.needs?.fixture} for this target (${row.needs?.variable})`;
    for (const [name, intent] of [[`${op}: valid request`, 'accept'], [`${op}: invalid requests`, 'reject-invalid']] as const) unsendable.push({ name, intent, reason });
    return { probes, unsendable };
  }
  const accept = `${op}: valid request`;
  probes.push({ name: accept, intent: 'accept', field: `${op} (valid body)`, provides: op === 'createCase' ? 'caseId' : undefined, send: (c) => withParams({ probe: accept, intent: 'accept' }, (p) => sendOperationWithSdk(c, op, { probe: accept, intent: 'accept', field: `${op} (valid body)` }, body, p))() });
  if (generatorBody) {
    const name = `${op}: valid request (openapi-generator client)`;
    probes.push({ name, intent: 'accept', field: `${op} (valid body)`, send: (c) => withParams({ probe: name, intent: 'accept' }, (p) => sendOperationWithGeneratorClient(c, op, { probe: name, intent: 'accept', field: `${op} (valid body)` }, generatorBody, p))() });
  }
  const raw = (name: string, intent: Intent, field: string, request: (p: PathParams) => Promise<Parameters<typeof sendRaw>[2]>, rule?: 'inferred', harmless?: true) =>
    probes.push({ name, intent, field, harmless, send: (c) => withParams({ probe: name, intent, field }, async (p) => sendRaw(c, { operation: op, probe: name, intent, field, rule }, await request(p)))() });
  for (const invalid of invalidBodiesOf(op, body)) raw(invalid.name, 'reject-invalid', invalid.field, async (p) => ({ body: invalid.body, token: await valid(), params: p }));
  raw(`${op}: malformed JSON`, 'reject-invalid', `${op} (body)`, async (p) => ({ body: '{"name": "', token: await valid(), params: p }), undefined, true);
  if (specOf(op).accountIdRequired && t.accountId) raw(`${op}: no accountId header`, 'reject-invalid', `${op} accountId`, async (p) => ({ body, token: await valid(), params: p, withoutAccountId: true }));
  if (param) {
    const name = `${op}: unknown ${param}`;
    if (t.stateful) {
      const unknown = unknownId(exampleResources()[param]!);
      probes.push({ name, intent: 'reject-invalid', field: `${op} ${param}`, send: async (c) => sendRaw(c, { operation: op, probe: name, intent: 'reject-invalid', field: `${op} ${param}` }, { body, token: await valid(), params: { [param]: unknown } }) });
    } else unsendable.push({ name, intent: 'reject-invalid', reason: `${t.name} keeps no state: any ${param} is found` });
  }
  raw(`${op}: no auth header`, 'reject-auth', 'auth', async (p) => ({ body, token: null, params: p }), undefined, true);
  return { probes, unsendable };
}

/** createTask's probes: the seed sample, its user variants, and the auth, content-type and rate-limit probes. */
function createTaskProbes(ctx: Sender): OperationProbes {
  const t = ctx.target;
  const f = t.fixtures;
  const probes: OperationProbes['probes'] = [];
  const unsendable: Unsendable[] = [];
  const valid = async () => ({ value: await validToken(t.credentials), label: 'valid token' });

  const seed = seedSampleBody(f);
  if (seed) probes.push({ name: 'seed sample request', intent: 'accept', send: (c) => sendOperationWithSdk(c, 'createTask', { probe: 'seed sample request', intent: 'accept' }, seed) });
  else unsendable.push({ name: 'seed sample request', intent: 'accept', reason: 'no user id for this target (KORE_USER_ID)' });
  for (const [key, make] of Object.entries(userVariants)) {
    const name = `user identified by ${key} only`;
    const user = make(f);
    const field = `userInfo.${key}`;
    if (user) probes.push({ name, intent: 'accept', field, provides: key === 'emailId' ? 'taskId' : undefined, send: (c) => sendOperationWithSdk(c, 'createTask', { probe: name, intent: 'accept', field }, bodyWithUser(f, user)) });
    else unsendable.push({ name, intent: 'accept', reason: 'no user id for this target (KORE_USER_ID)' });
  }
  // The openapi-generator client's type requires id, emailId AND phoneNumber: the only user it can send as typed.
  const allIds = 'user with _id, emailId and phoneNumber (openapi-generator client)';
  if (f.userId) {
    probes.push({
      name: allIds,
      intent: 'accept',
      send: (c) =>
        sendOperationWithGeneratorClient(c, 'createTask', { probe: allIds, intent: 'accept' }, {
          caseId: f.caseId, caseRefId: f.caseRefId, taskTmp: f.taskTemplateId, name: tagged(f, 'This is demo task'), source: 'rtm',
          userInfo: { id: f.userId!, name: 'dummy', emailId: 'dummy@mailinator.com', phoneNumber: '+14155550123' },
        }),
    });
  } else unsendable.push({ name: allIds, intent: 'accept', reason: 'no user id for this target (KORE_USER_ID)' });
  // It can send an email-only user only by lying to its types (contract-tests/generator-client-limits.ts proves it).
  const emailCast = 'user identified by emailId only (openapi-generator client, needs a type cast)';
  probes.push({
    name: emailCast,
    intent: 'accept',
    field: 'userInfo.emailId',
    send: (c) =>
      sendOperationWithGeneratorClient(c, 'createTask', { probe: emailCast, intent: 'accept', field: 'userInfo.emailId' }, {
        caseId: f.caseId, caseRefId: f.caseRefId, taskTmp: f.taskTemplateId, name: tagged(f, 'This is demo task'), source: 'rtm',
        userInfo: { name: 'dummy', emailId: 'dummy@mailinator.com' } as never,
      }),
  });

  for (const invalid of invalidBodies(f)) {
    probes.push({
      name: invalid.name,
      intent: 'reject-invalid',
      field: invalid.field,
      send: async (c) => sendRaw(c, { operation: 'createTask', probe: invalid.name, intent: 'reject-invalid', field: invalid.field }, { body: invalid.body, token: await valid() }),
    });
  }
  probes.push({
    name: 'malformed JSON',
    intent: 'reject-invalid',
    field: '(body)',
    harmless: true,
    send: async (c) => sendRaw(c, { operation: 'createTask', probe: 'malformed JSON', intent: 'reject-invalid', field: '(body)' }, { body: '{"caseId": "ci-', token: await valid() }),
  });
  probes.push({
    name: 'wrong content type',
    intent: 'reject-invalid',
    field: 'Content-Type',
    send: async (c) =>
      sendRaw(c, { operation: 'createTask', probe: 'wrong content type', intent: 'reject-invalid', field: 'Content-Type', rule: 'inferred' }, { body: validBase(f), contentType: 'text/plain', token: await valid() }),
  });

  probes.push({ name: 'no auth header', intent: 'reject-auth', field: 'auth', harmless: true, send: (c) => sendRaw(c, { operation: 'createTask', probe: 'no auth header', intent: 'reject-auth', field: 'auth' }, { body: validBase(f), token: null }) });
  if (t.verifiesTokens) {
    probes.push({
      name: 'token with a tampered signature',
      intent: 'reject-auth',
      field: 'auth',
      send: async (c) =>
        sendRaw(c, { operation: 'createTask', probe: 'token with a tampered signature', intent: 'reject-auth', field: 'auth' }, {
          body: validBase(f),
          token: { value: tamperSignature(await validToken(t.credentials)), label: 'tampered signature' },
        }),
    });
    const expired = expiredToken(t.credentials);
    if (expired) {
      probes.push({
        name: 'expired token',
        intent: 'reject-auth',
        field: 'auth',
        send: async (c) => sendRaw(c, { operation: 'createTask', probe: 'expired token', intent: 'reject-auth', field: 'auth' }, { body: validBase(f), token: { value: await expired, label: 'expired token' } }),
      });
    } else unsendable.push({ name: 'expired token', intent: 'reject-auth', reason: 'a static KORE_JWT was given: minting an expired token needs KORE_CLIENT_ID + KORE_CLIENT_SECRET' });
  } else {
    for (const name of ['token with a tampered signature', 'expired token'])
      unsendable.push({ name, intent: 'reject-auth', reason: `${t.name} does not verify tokens (it only checks that auth is present)` });
  }

  if (t.rateLimitSwitch) {
    const headers = t.rateLimitSwitch;
    probes.push({
      name: 'over the rate limit',
      intent: 'rate-limited',
      send: async (c) => sendRaw(c, { operation: 'createTask', probe: 'over the rate limit', intent: 'rate-limited' }, { body: validBase(f), token: await valid(), headers }),
    });
  } else unsendable.push({ name: 'over the rate limit', intent: 'rate-limited', reason: `${t.name} has no switch to provoke a 429 without spending the account's real rate limit` });

  const exempt = t.exemptProbes ?? {};
  return {
    probes: probes.filter((p) => !(p.name in exempt)),
    unsendable: [...unsendable, ...probes.filter((p) => p.name in exempt).map((p) => ({ name: p.name, intent: p.intent, reason: exempt[p.name]! }))],
  };
}

export interface Corpus {
  exchanges: Exchange[];
  unsendable: Unsendable[];
  /** The path ids the corpus used (the case and task it created, on a stateful target). */
  ids: Resources;
}

/**
 * Sends every probe, one at a time (a target's rate limit and the order of refIds stay predictable). Everything
 * recorded belongs to the corpus, a rate-limited first attempt included.
 */
export async function runCorpus(ctx: Sender & { progress?: (line: string) => void; selection?: Selection }): Promise<Corpus> {
  // A read-only run creates nothing to update: its harmless update probes name a record that does not exist.
  const unknown = () => Object.fromEntries(Object.entries(exampleResources()).map(([k, v]) => [k, unknownId(v!)]));
  const ids: Resources = !ctx.target.stateful ? exampleResources() : ctx.selection?.readOnly ? unknown() : {};
  const { probes, unsendable } = probesFor(ctx, ctx.selection, ids);
  const exchanges: Exchange[] = [];
  const recording: Sender = { ...ctx, record: (x) => (exchanges.push(x), ctx.record(x)) };
  for (const [i, probe] of probes.entries()) {
    // A dead target or a spent deadline: the probes left are not run, each saying why (never a pass).
    const spent = ctx.limits?.budget?.spent();
    if (spent) {
      unsendable.push(...probes.slice(i).map((p) => ({ name: p.name, intent: p.intent, reason: spent })));
      ctx.progress?.(`corpus stopped after ${i}/${probes.length} probes: ${spent}`);
      break;
    }
    const kept = lastCreateKept(ctx, probe);
    if (kept) {
      unsendable.push({ name: probe.name, intent: probe.intent, reason: kept });
      continue;
    }
    const x = await probe.send(probe.dependency ? ctx : recording);
    // Held back before it went (read-only, the create budget): not run, with the reason.
    if (x.error?.startsWith('not sent:') && !x.response) unsendable.push({ name: probe.name, intent: probe.intent, reason: x.error.slice('not sent: '.length) });
    const id = (x.response?.json as { _id?: unknown } | undefined)?._id;
    if (probe.provides && x.response && x.response.status < 300 && typeof id === 'string') ids[probe.provides] ??= id;
    if ((i + 1) % 10 === 0 || i + 1 === probes.length) ctx.progress?.(`corpus: ${i + 1}/${probes.length} probes sent`);
  }
  return { exchanges, unsendable, ids };
}

/**
 * Under a create budget, a valid create that gives no path id does not take the last create left: the refusals
 * (invalid bodies, bad tokens) need a place while they are in flight, and give it back when refused.
 */
function lastCreateKept(ctx: Sender, probe: Probe): string | undefined {
  const budget = ctx.limits?.budget;
  if (!budget || probe.intent !== 'accept' || probe.provides || !creates.has(probe.operation)) return undefined;
  const { created, max } = budget.creates();
  return max !== undefined && max - created <= 1 ? `the last create of --max-creates ${max} is kept for the refusals` : undefined;
}

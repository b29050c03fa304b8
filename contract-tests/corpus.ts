/**
 * The shared corpus: one run of named probes against a target (valid bodies through both typed clients, invalid
 * bodies, bad tokens, a provoked 429), recorded once and judged by every response check. The checks that own a
 * kind of probe (positive, negative, auth) judge their own intent; the response checks judge every answer.
 */
import { invalidBodiesOf, type Alternative, type Body } from './bodies.js';
import { sendOperationWithGeneratorClient, sendOperationWithSdk, sendRaw, type PathParams, type RawRequest, type Sender } from './channels.js';
import { exampleResources, operationTable, rowOf, unknownId, type Resources } from './operations.js';
import { creates, selectionOf, writes, type Selection } from './selection.js';
import { specOf, type OperationId } from './spec.js';
import { expiredToken, tamperSignature, validToken } from './tokens.js';
import type { Exchange, Intent } from './types.js';

interface Probe {
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

function probesFor(ctx: Sender, selection: Selection = selectionOf(undefined), ids: Resources = {}): { probes: Probe[]; unsendable: Unsendable[] } {
  // Creates first (their answers give the updates their path ids), then the reads and updates.
  const operations = [...selection.selected, ...selection.dependencies];
  const order = operationTable
    .map((r) => r.id)
    .filter((op) => operations.includes(op))
    .sort((a, b) => Number(b.startsWith('create')) - Number(a.startsWith('create')));
  const all = order.map((op) => {
    const own = operationProbes(ctx, op, ids);
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
function scoped(
  selection: Selection,
  op: OperationId,
  all: { probes: Probe[]; unsendable: Unsendable[] },
): { probes: Probe[]; unsendable: Unsendable[] } {
  if (selection.dependencies.includes(op)) {
    const needed = new Set(
      selection.selected
        .map((id) => rowOf(id).pathIdFrom)
        .filter((from) => from?.operation === op)
        .map((from) => from!.param),
    );
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

type ProbeList = OperationProbes['probes'];

/** How one operation's probes send: its path id read when sent, and a valid token minted for each. */
function sendersOf(ctx: Sender, op: OperationId, ids: Resources) {
  const row = rowOf(op);
  const param = row.pathIdFrom?.param;
  // The path id is read when the probe is sent: the create that gives it runs earlier in the corpus.
  const params = (): PathParams | string => {
    if (!param) return {};
    const id = ids[param];
    return id ? { [param]: id } : `not sent: no ${param} to call it with (${row.pathIdFrom!.operation} gave none)`;
  };
  const withParams =
    (meta: Omit<Exchange, 'request' | 'via' | 'operation'>, send: (p: PathParams) => Promise<Exchange>) => async (): Promise<Exchange> => {
      const p = params();
      return typeof p === 'string'
        ? { ...meta, operation: op, via: 'fetch', request: { method: 'POST', path: specOf(op).path, headers: {} }, error: p }
        : send(p);
    };
  const valid = async () => ({ value: await validToken(ctx.target.credentials), label: 'valid token' });
  /** A probe sent through raw fetch: what the typed clients refuse to send. */
  const raw = (
    name: string,
    intent: Intent,
    field: string | undefined,
    request: (p: PathParams) => Promise<RawRequest>,
    extra: { rule?: 'inferred'; harmless?: true } = {},
  ): ProbeList[number] => ({
    name,
    intent,
    field,
    harmless: extra.harmless,
    send: (c) =>
      withParams({ probe: name, intent, field }, async (p) =>
        sendRaw(c, { operation: op, probe: name, intent, field, rule: extra.rule }, await request(p)),
      )(),
  });
  /** A valid request through a typed client. */
  const typed = (name: string, via: Alternative['via'], field: string, body: unknown, provides?: keyof Resources): ProbeList[number] => ({
    name,
    intent: 'accept',
    field,
    provides,
    send: (c) =>
      withParams({ probe: name, intent: 'accept' }, (p) =>
        via === 'sdk'
          ? sendOperationWithSdk(c, op, { probe: name, intent: 'accept', field }, body as Body, p)
          : sendOperationWithGeneratorClient(c, op, { probe: name, intent: 'accept', field }, body, p),
      )(),
  });
  return { valid, raw, typed };
}

/**
 * One operation's probes, from the operation table: its valid bodies through the SDK and the openapi-generator
 * client and its documented alternatives; invalid bodies derived from its request schema, malformed JSON, no
 * accountId (where required), an unknown path id (stateful targets) and no token, through raw fetch; and, for the
 * operation that carries them, the probes about the request itself (content type, tokens, rate limit).
 */
function operationProbes(ctx: Sender, op: OperationId, ids: Resources): OperationProbes {
  const t = ctx.target;
  const f = t.fixtures;
  const row = rowOf(op);
  const [body, generatorBody] = row.valid(f);
  if ((row.needs && !f[row.needs.fixture]) || !body) {
    const reason = `no ${row.needs?.fixture} for this target (${row.needs?.variable})`;
    return {
      probes: [],
      unsendable: [
        [`${op}: valid request`, 'accept'],
        [`${op}: invalid requests`, 'reject-invalid'],
      ].map(([name, intent]) => ({ name: name!, intent: intent as Intent, reason })),
    };
  }
  const { valid, raw, typed } = sendersOf(ctx, op, ids);
  const probes: ProbeList = [typed(`${op}: valid request`, 'sdk', `${op} (valid body)`, body, row.provides)];
  const unsendable: Unsendable[] = [];
  if (generatorBody) probes.push(typed(`${op}: valid request (openapi-generator client)`, 'openapi-generator', `${op} (valid body)`, generatorBody));
  for (const a of row.alternatives?.(f) ?? []) {
    const name = `${op}: ${a.name}`;
    if (a.missing) unsendable.push({ name, intent: 'accept', reason: a.missing });
    else probes.push(typed(name, a.via, `${op} ${a.field ?? '(valid body)'}`, a.body));
  }
  for (const invalid of invalidBodiesOf(op, body, row.generated, row.probedObjects))
    probes.push(raw(invalid.name, 'reject-invalid', invalid.field, async (p) => ({ body: invalid.body, token: await valid(), params: p })));
  probes.push(
    raw(`${op}: malformed JSON`, 'reject-invalid', `${op} (body)`, async (p) => ({ body: '{"name": "', token: await valid(), params: p }), {
      harmless: true,
    }),
  );
  if (specOf(op).accountIdRequired && t.accountId)
    probes.push(
      raw(`${op}: no accountId header`, 'reject-invalid', `${op} accountId`, async (p) => ({
        body,
        token: await valid(),
        params: p,
        withoutAccountId: true,
      })),
    );
  const param = row.pathIdFrom?.param;
  if (param) {
    const name = `${op}: unknown ${param}`;
    const unknown = unknownId(exampleResources()[param]!);
    if (t.stateful)
      probes.push(raw(name, 'reject-invalid', `${op} ${param}`, async () => ({ body, token: await valid(), params: { [param]: unknown } })));
    else unsendable.push({ name, intent: 'reject-invalid', reason: `${t.name} keeps no state: any ${param} is found` });
  }
  probes.push(raw(`${op}: no auth header`, 'reject-auth', 'auth', async (p) => ({ body, token: null, params: p }), { harmless: true }));
  if (row.requestProbes) {
    const own = requestProbes(ctx, op, body, raw);
    probes.push(...own.probes);
    unsendable.push(...own.unsendable);
  }
  return { probes, unsendable };
}

/** The probes about the request rather than its body: a wrong content type, bad tokens, a provoked 429. */
function requestProbes(ctx: Sender, op: OperationId, body: Body, raw: ReturnType<typeof sendersOf>['raw']): OperationProbes {
  const t = ctx.target;
  const valid = async () => ({ value: await validToken(t.credentials), label: 'valid token' });
  const probes: ProbeList = [
    raw(
      `${op}: wrong content type`,
      'reject-invalid',
      `${op} Content-Type`,
      async (p) => ({ body, contentType: 'text/plain', token: await valid(), params: p }),
      { rule: 'inferred' },
    ),
  ];
  const unsendable: Unsendable[] = [];
  const [tampered, expiredName] = [`${op}: token with a tampered signature`, `${op}: expired token`];
  if (!t.verifiesTokens) {
    for (const name of [tampered, expiredName])
      unsendable.push({ name, intent: 'reject-auth', reason: `${t.name} does not verify tokens (it only checks that auth is present)` });
  } else {
    probes.push(
      raw(tampered, 'reject-auth', 'auth', async (p) => ({
        body,
        token: { value: tamperSignature(await validToken(t.credentials)), label: 'tampered signature' },
        params: p,
      })),
    );
    const expired = expiredToken(t.credentials);
    if (expired)
      probes.push(
        raw(expiredName, 'reject-auth', 'auth', async (p) => ({ body, token: { value: await expired, label: 'expired token' }, params: p })),
      );
    else
      unsendable.push({
        name: expiredName,
        intent: 'reject-auth',
        reason: 'a static KORE_JWT was given: minting an expired token needs KORE_CLIENT_ID + KORE_CLIENT_SECRET',
      });
  }
  const overLimit = `${op}: over the rate limit`;
  if (t.rateLimitSwitch)
    probes.push(raw(overLimit, 'rate-limited', undefined, async (p) => ({ body, token: await valid(), headers: t.rateLimitSwitch, params: p })));
  else
    unsendable.push({
      name: overLimit,
      intent: 'rate-limited',
      reason: `${t.name} has no switch to provoke a 429 without spending the account's real rate limit`,
    });
  return { probes, unsendable };
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
    if (x.error?.startsWith('not sent:') && !x.response)
      unsendable.push({ name: probe.name, intent: probe.intent, reason: x.error.slice('not sent: '.length) });
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

/**
 * The contract's `links` followed: createCase → getCases → createTask in it → getTasks → updateTask → getTasks →
 * updateCase → getCases, each call built from the answers before it, so the first refusal ends the sequence.
 */
import { bodyWithUser, userVariants } from '../bodies.js';
import { sendOperationWithSdk } from '../channels.js';
import { follow, type Step } from '../links.js';
import { rowOf, tagged } from '../operations.js';
import type { Json, OperationId } from '../spec.js';
import type { RunContext, Scenario } from '../context.js';
import type { Exchange } from '../types.js';

/** One call of the sequence: its name, what went and came back, and (when it was answered) the step links follow. */
interface LinkCall {
  name: string;
  operation: OperationId;
  exchange: Exchange;
  step?: Step;
}

export interface LinksSequence {
  /** The names the sequence gave (each with the run's tag and mixed case, for `lname`). */
  names: { case: string; task: string; taskRenamed: string; caseRenamed: string };
  calls: LinkCall[];
  /** Why the sequence stopped sending before its end (deadline, budget), if it did: not a finding. */
  notSent?: string;
}

class Stop extends Error {}

const answered = (x: Exchange) => !!x.response && x.response.status < 300 && !!x.response.json && typeof x.response.json === 'object';

/** Sends one call and records it; a refusal or a stop of the run ends the sequence (nothing further can be read). */
async function call(
  ctx: RunContext,
  out: LinksSequence,
  operation: OperationId,
  name: string,
  body: Json,
  params: Record<string, string> = {},
): Promise<Step> {
  const exchange = await sendOperationWithSdk(ctx, operation, { probe: `links: ${name}`, intent: 'accept' }, body, params);
  if (exchange.error?.startsWith('not sent:')) {
    out.notSent = `the links sequence from ${name} on: ${exchange.error}`;
    throw new Stop();
  }
  const headers: Record<string, string> = ctx.target.accountId ? { accountId: ctx.target.accountId } : {};
  const step: Step | undefined = answered(exchange)
    ? { operation, path: params, headers, body, response: exchange.response!.json as Json }
    : undefined;
  out.calls.push({ name, operation, exchange, ...(step ? { step } : {}) });
  if (!step) throw new Stop();
  return step;
}

/** A list call that looks for `name` by its searchText. */
async function find(ctx: RunContext, out: LinksSequence, from: Step, link: string, name: string): Promise<void> {
  const next = follow(from, link);
  await call(ctx, out, next.operation, `${next.operation} finds ${JSON.stringify(name)}`, { ...next.body, searchText: name }, next.params);
}

async function send(ctx: RunContext, out: LinksSequence): Promise<void> {
  const f = ctx.target.fixtures;
  const { names } = out;
  const created = await call(ctx, out, 'createCase', 'createCase', { ...rowOf('createCase').valid(f)[0], name: names.case });
  await find(ctx, out, created, 'getCases', names.case);
  const toTask = follow(created, 'createTask');
  const task = await call(
    ctx,
    out,
    toTask.operation,
    'createTask in the new case',
    { ...bodyWithUser(f, userVariants.emailId()), ...toTask.body, name: names.task },
    toTask.params,
  );
  await find(ctx, out, task, 'getTasks', names.task);
  const toUpdate = follow(task, 'updateTask');
  const updated = await call(ctx, out, toUpdate.operation, 'updateTask renames it', { ...toUpdate.body, name: names.taskRenamed }, toUpdate.params);
  await find(ctx, out, updated, 'getTasks', names.taskRenamed);
  const toCase = follow(created, 'updateCase');
  const caseUpdated = await call(
    ctx,
    out,
    toCase.operation,
    'updateCase renames the case',
    { ...toCase.body, name: names.caseRenamed },
    toCase.params,
  );
  await find(ctx, out, caseUpdated, 'getCases', names.caseRenamed);
}

export const linksSequence: Scenario<LinksSequence> = async (ctx) => {
  const f = ctx.target.fixtures;
  const names = {
    case: tagged(f, 'Links Case (MixedCase)'),
    task: tagged(f, 'Links Task (MixedCase)'),
    taskRenamed: tagged(f, 'Links Task Renamed (MixedCase)'),
    caseRenamed: tagged(f, 'Links Case Renamed (MixedCase)'),
  };
  const out: LinksSequence = { names, calls: [] };
  try {
    await send(ctx, out);
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return out;
};

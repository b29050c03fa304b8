/**
 * What property_based sends: one generated body at a time (fast-check asks for the next case only once the last
 * was judged, to shrink a counterexample), and the values the pages are silent on, each once.
 */
import { sendOperationWithSdk, sendRaw, type PathParams } from '../channels.js';
import { silentProbes, type SilentProbe } from '../silent-values.js';
import type { OperationId } from '../spec.js';
import { validToken } from '../tokens.js';
import type { RunContext } from '../context.js';
import type { Exchange } from '../types.js';

export const sendValidBody = (ctx: RunContext, op: OperationId, params: PathParams, body: Record<string, unknown>): Promise<Exchange> =>
  sendOperationWithSdk(ctx, op, { probe: 'property: valid body', intent: 'accept' }, body, params);

/** An invalid body goes through raw fetch: the typed clients refuse to send it. */
export async function sendInvalidBody(ctx: RunContext, op: OperationId, params: PathParams, body: unknown, mutation: string): Promise<Exchange> {
  const token = { value: await validToken(ctx.target.credentials), label: 'valid token' };
  return sendRaw(
    ctx,
    { operation: op, probe: `property: invalid body (${mutation})`, intent: 'reject-invalid' },
    { body: body as Record<string, unknown>, token, params },
  );
}

/** Each silent value of an operation, sent once, or why the run stopped sending them. */
export async function sendSilentValues(
  ctx: RunContext,
  op: OperationId,
  params: PathParams,
): Promise<{ sent: { probe: SilentProbe; exchange: Exchange }[]; notSent?: string }> {
  const sent: { probe: SilentProbe; exchange: Exchange }[] = [];
  const probes = silentProbes(op, ctx.target.fixtures);
  for (const probe of probes) {
    const exchange = await sendOperationWithSdk(
      ctx,
      op,
      { probe: `property: silent value (${probe.kind} ${probe.field})`, intent: 'accept' },
      probe.body,
      params,
    );
    if (exchange.error?.startsWith('not sent:')) return { sent, notSent: exchange.error };
    sent.push({ probe, exchange });
  }
  return { sent };
}

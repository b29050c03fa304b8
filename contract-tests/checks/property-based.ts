/**
 * property_based: generated valid bodies are accepted with a conforming answer, invalid ones refused with a 4xx,
 * seeded and shrunk (CONTRACT_PBT_SEED, CONTRACT_PBT_RUNS). What breaks only an inferred rule warns, once per field;
 * the values the pages are silent on are sent apart, and their refusal warns.
 */
import fc from 'fast-check';
import { invalidBodiesOf, validBodiesOf, type Mutation } from '../arbitraries.js';
import type { PathParams } from '../channels.js';
import { rowOf } from '../operations.js';
import { propertyScope } from '../scope.js';
import { sendInvalidBody, sendSilentValues, sendValidBody } from '../scenarios/generated-bodies.js';
import { shown, type SilentProbe } from '../silent-values.js';
import { describeErrors, specOf, validatorAt, type OperationId } from '../spec.js';
import { severity } from '../severity.js';
import type { Check, RunContext } from '../context.js';
import type { Exchange } from '../types.js';
import { messageOf, verdict, type Finding } from './verdict.js';

class Refuted extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** The run stopped sending (deadline, silent target, request budget): the property was not refuted, it did not run. */
class NotSent extends Error {}
const unsent = (x: { error?: string }) => {
  if (x.error?.startsWith('not sent:')) throw new NotSent(x.error);
};

/** Differences from inferred rules, once per field however many generated cases show them. */
type Warnings = Map<string, Finding>;
const warn = (warnings: Warnings, op: OperationId, pointer: string, message: string) =>
  warnings.set(pointer, { message, pointer, operation: op, severity: 'warning' });

/** The judge of a valid body's answer: a breaking difference refutes the property; an inferred one only warns. */
function judgeValidAnswer(x: Exchange, warnings: Warnings): void {
  const op = x.operation;
  unsent(x);
  if (!x.response) throw new Refuted(`no answer: ${x.error}`, '(request)');
  if (x.response.status < 200 || x.response.status > 299)
    throw new Refuted(`valid body refused with ${x.response.status}: ${messageOf(x)}`, 'status');
  const validate = validatorAt(specOf(op).successSchemaPointer);
  if (x.response.json === undefined) throw new Refuted(`the ${x.response.status} body is not JSON`, '(body)');
  if (validate(x.response.json)) return;
  const errors = describeErrors(validate.errors).map((e) => ({
    ...e,
    severity: severity({ about: 'body', status: 200, keyword: e.keyword, path: e.path }, specOf(op).provenance),
  }));
  for (const e of errors.filter((e) => e.severity === 'warning')) warn(warnings, op, e.path, `an answer's ${e.path} ${e.message} (an inferred rule)`);
  const first = errors.find((e) => e.severity === 'breaking');
  if (first) throw new Refuted(`answer does not conform: ${first.path} ${first.message}`, first.path);
}

/** The judge of an invalid body's answer: refused with a 4xx; accepting it only warns where the rule is inferred or the call a read. */
function judgeInvalidAnswer(x: Exchange, warnings: Warnings, mutation: string, inferred: boolean): void {
  const op = x.operation;
  unsent(x);
  if (!x.response) throw new Refuted(`no answer: ${x.error}`, '(request)');
  const lenient = severity({ about: 'invalid-accepted', rule: inferred ? 'inferred' : 'documented', operation: op }) === 'warning';
  if (x.response.status < 300 && lenient)
    warn(
      warnings,
      op,
      mutation,
      `invalid body (${mutation}) accepted with ${x.response.status} (${inferred ? 'the rule is inferred' : 'a read: nothing was stored'})`,
    );
  else if (x.response.status < 400) throw new Refuted(`invalid body (${mutation}) accepted with ${x.response.status}`, mutation);
  if (x.response.status >= 500) throw new Refuted(`invalid body (${mutation}) answered with ${x.response.status}`, mutation);
}

/** The judge of the silent values: accepted is what a lenient server does; a refusal only warns, showing the value. */
function judgeSilentValues(op: OperationId, sent: { probe: SilentProbe; exchange: Exchange }[]): { findings: Finding[]; summary: string } {
  const findings: Finding[] = [];
  let accepted = 0;
  for (const { probe: p, exchange: x } of sent) {
    if (x.response && x.response.status >= 200 && x.response.status < 300) accepted++;
    else
      findings.push({
        message: `${op} ${p.field}: a value the pages are silent on (${p.kind}) ${shown(p.value)} was ${x.response ? `refused with ${x.response.status}: ${messageOf(x)}` : `not answered: ${x.error}`}`,
        pointer: `${op} ${p.field}`,
        operation: op,
        exchanges: [x],
        severity: severity({ about: 'silent-value-refused' }),
      });
  }
  return {
    findings,
    summary: `${op}: ${accepted} of ${sent.length} values the pages are silent on accepted (${[...new Set(sent.map((s) => s.probe.kind))].join(', ') || 'none apply'})`,
  };
}

async function silentValues(
  ctx: RunContext,
  warnings: Finding[],
  op: OperationId,
  params: PathParams,
): Promise<string | { text: string; notRun: true }> {
  // Under --max-creates the creates are shared out to the valid bodies and the later checks: none is left for these.
  if (propertyScope(ctx, op).maxValidRuns !== undefined)
    return { text: `${op}: values the pages are silent on: not run under --max-creates (each would spend a create)`, notRun: true };
  const { sent, notSent } = await sendSilentValues(ctx, op, params);
  if (notSent) return { text: `${op}: values the pages are silent on: ${notSent}`, notRun: true };
  const judged = judgeSilentValues(op, sent);
  warnings.push(...judged.findings);
  return judged.summary;
}

async function runProperty<T>(
  name: string,
  ctx: RunContext,
  arb: fc.Arbitrary<T>,
  predicate: (v: T) => Promise<void>,
  runs = ctx.pbt.runs,
): Promise<Finding | string | { text: string; notRun: true }> {
  const { seed } = ctx.pbt;
  const details = await fc.check(fc.asyncProperty(arb, predicate), { numRuns: runs, seed });
  if (!details.failed) return `${name}: ${details.numRuns} cases held (seed ${seed})`;
  const error = details.errorInstance;
  if (error instanceof NotSent) return { text: `${name}: ${error.message}`, notRun: true };
  const why = error instanceof Error ? error.message : String(error);
  return {
    message:
      `${name}: ${why}; counterexample (shrunk ${details.numShrinks} times): ${JSON.stringify(details.counterexample?.[0])}; ` +
      `reproduce with CONTRACT_PBT_SEED=${details.seed} (path ${details.counterexamplePath})`,
    ...(error instanceof Refuted ? { pointer: error.field } : {}),
    // A refuted property broke a documented rule: what breaks only an inferred one was noted as a warning instead.
    severity: severity({ about: 'rule', rule: 'documented' }),
  };
}

export const propertyBased: Check = async (ctx) => {
  const spent = ctx.budget.spent();
  if (spent) return verdict('property_based', { ran: false, skipReason: `not run: ${spent}`, notRun: [`generated bodies: ${spent}`] });
  const f = ctx.target.fixtures;
  const warnings: Warnings = new Map();
  const silentRefusals: Finding[] = [];
  const results: (Finding | string | { text: string; notRun: true })[] = [];
  const notRun: string[] = [];
  // The path ids (a created case and task) come from the corpus, as for the other checks.
  const { ids } = await ctx.corpus();
  for (const op of ctx.operations) {
    // The run's selection and create budget (scope.ts): a write in a read-only run is skipped, a create gets its share.
    const scope = propertyScope(ctx, op);
    if (scope.skip) {
      notRun.push(scope.skip);
      continue;
    }
    const validRuns = (runs: number) => Math.min(runs, scope.maxValidRuns ?? runs);
    const valid = async (name: string, arb: fc.Arbitrary<Record<string, unknown>>, runs: number) =>
      validRuns(runs) > 0
        ? runProperty(name, ctx, arb, async (body) => judgeValidAnswer(await sendValidBody(ctx, op, params, body), warnings), validRuns(runs))
        : { text: `${name}: ${scope.noCreates}`, notRun: true as const };
    const row = rowOf(op);
    const param = row.pathIdFrom?.param;
    if ((row.needs && !f[row.needs.fixture]) || (param && !ids[param])) {
      notRun.push(
        `${op}: generated bodies: ${param && !ids[param] ? `no ${param} (${row.pathIdFrom!.operation} gave none)` : `no ${row.needs!.fixture} (${row.needs!.variable})`}`,
      );
      continue;
    }
    const params: PathParams = param ? { [param]: ids[param]! } : {};
    const runs = Math.max(2, Math.ceil(ctx.pbt.runs * (row.generatedShare ?? 1 / 3)));
    const invalid = async ({ body, mutation }: { body: unknown; mutation: Mutation }) => {
      const label = `${op} ${mutation.kind} ${mutation.path}`;
      judgeInvalidAnswer(await sendInvalidBody(ctx, op, params, body, label), warnings, label, mutation.inferred ?? false);
    };
    results.push(
      await valid(
        `${op}: valid bodies are accepted and answered conforming to ${specOf(op).successSchemaPointer.split('/').pop()}`,
        validBodiesOf(op, f),
        runs,
      ),
      await runProperty(`${op}: invalid bodies are refused with a 4xx`, ctx, invalidBodiesOf(op, f), invalid, runs),
      await silentValues(ctx, silentRefusals, op, params),
    );
  }
  return verdict('property_based', {
    findings: [...results.filter((r): r is Finding => typeof r !== 'string' && !('notRun' in r)), ...warnings.values(), ...silentRefusals],
    ran: results.some((r) => typeof r === 'string' || !('notRun' in r)),
    passed: results.filter((r): r is string => typeof r === 'string'),
    notRun: [...notRun, ...results.flatMap((r) => (typeof r !== 'string' && 'notRun' in r ? [r.text] : []))],
  });
};

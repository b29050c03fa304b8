/**
 * Fault injection (only with --faults), for the SDK's resilience tests over real HTTP: the spec grammar, its caps
 * and the queue of armed faults. sandbox/README.md (Fault injection) lists each spec and what it does.
 */

type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: 429 | 500 | 503; retryAfterSeconds?: number }
  | { kind: 'reset' }
  | { kind: 'truncate' }
  | { kind: 'malformed' }
  | { kind: 'slow-body'; ms: number };

export interface FaultPlan {
  latencyMs: number;
  action?: Exclude<Fault, { kind: 'latency' }>;
}

const maxFaultValue = 60_000;
export const maxHoldMs = 120_000;

function parseOne(part: string): Fault | string {
  const [name = '', arg] = part.split('=', 2).map((s) => s.trim());
  if (part.length > 40) return `fault "${part.slice(0, 40)}…": too long to be a fault (e.g. latency=200, 503=2)`; // never echo kilobytes
  const num = arg === undefined ? undefined : Number(arg);
  if (arg !== undefined && (!Number.isInteger(num) || num! < 0 || num! > maxFaultValue))
    return `fault "${part}": the value must be an integer from 0 to ${maxFaultValue}`;
  switch (name) {
    case 'latency':
      return num === undefined ? 'fault "latency" needs a value in ms, e.g. latency=200' : { kind: 'latency', ms: num };
    case '429':
      return { kind: 'status', status: 429, retryAfterSeconds: num ?? 1 };
    case '503':
      return { kind: 'status', status: 503, retryAfterSeconds: num };
    case '500':
      return { kind: 'status', status: 500 };
    case 'reset':
    case 'truncate':
    case 'malformed':
      return { kind: name };
    case 'slow-body':
      return { kind: 'slow-body', ms: num ?? 1000 };
    default:
      return `unknown fault "${name}" (known: latency=MS, 429[=S], 503[=S], 500, reset, truncate, malformed, slow-body[=MS])`;
  }
}

/** Parses a spec into a plan, or returns the message saying what is wrong with it. */
export function parseFaultSpec(spec: string): FaultPlan | string {
  const plan: FaultPlan = { latencyMs: 0 };
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const fault = parseOne(part);
    if (typeof fault === 'string') return fault;
    if (fault.kind === 'latency') plan.latencyMs += fault.ms;
    else if (plan.action) return `fault "${spec}": at most one fault besides latency`;
    else plan.action = fault;
  }
  if (plan.latencyMs === 0 && !plan.action) return 'fault: empty spec';
  const held = plan.latencyMs + (plan.action?.kind === 'slow-body' ? plan.action.ms : 0);
  if (held > maxHoldMs) return `fault "${spec.slice(0, 80)}": holds the request ${held} ms in all (latency + slow-body); the cap is ${maxHoldMs} ms`;
  return plan;
}

/** Faults armed for the next N operation requests, used in order. */
export function faultQueue() {
  const armed: { spec: string; plan: FaultPlan; remaining: number }[] = [];
  return {
    arm(spec: string, plan: FaultPlan, count: number) {
      armed.push({ spec, plan, remaining: count });
    },
    take(): FaultPlan | undefined {
      const next = armed[0];
      if (!next) return undefined;
      next.remaining -= 1;
      if (next.remaining <= 0) armed.shift();
      return next.plan;
    },
    clear() {
      armed.length = 0;
    },
    pending: () => armed.map(({ spec, remaining }) => ({ fault: spec, remaining })),
  };
}

export type FaultQueue = ReturnType<typeof faultQueue>;

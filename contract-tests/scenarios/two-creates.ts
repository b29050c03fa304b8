/** Two createTask calls with one body through the SDK, for the semantic check to compare their answers. */
import { bodyWithUser, userVariants } from '../bodies.js';
import { sendOperationWithSdk } from '../channels.js';
import { tagged } from '../operations.js';
import type { Scenario } from '../context.js';
import type { Exchange } from '../types.js';

export interface TwoCreates {
  /** The name both tasks were given (it carries the run's tag, and mixed case for `lname`). */
  name: string;
  creates: Exchange[];
}

export const twoCreates: Scenario<TwoCreates> = async (ctx) => {
  const f = ctx.target.fixtures;
  const name = tagged(f, 'Contract Suite Task (MixedCase)');
  const body = { ...bodyWithUser(f, userVariants.emailId()), name };
  const creates: Exchange[] = [];
  for (const n of [1, 2]) creates.push(await sendOperationWithSdk(ctx, 'createTask', { probe: `semantic create ${n}`, intent: 'accept' }, body));
  return { name, creates };
};

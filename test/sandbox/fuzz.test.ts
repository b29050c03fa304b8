/** Property: whatever body arrives, the sandbox answers 200 with a task or a 4xx in the envelope, never a 5xx. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/server.js';
import { createTask, devToken, validBody, withSandbox } from './helpers.js';

let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await withSandbox();
  token = await devToken(sb);
});
afterAll(() => sb.close());

async function expectNo5xx(raw: string) {
  const sent = await createTask(sb, undefined, { auth: token, raw });
  expect(sent.status, sent.text).toBeLessThan(500);
  if (sent.status === 200) expect(sent.json.refId).toMatch(/^TS\d{6}$/);
  else expect(sent.json.errors.every((e: { msg: unknown; code: unknown }) => typeof e.msg === 'string' && Number.isInteger(e.code))).toBe(true);
}

describe('no body makes the sandbox fail', () => {
  it('any JSON value', async () => {
    await fc.assert(fc.asyncProperty(fc.json(), expectNo5xx), { numRuns: 150 });
  });

  it('the valid body with any of its fields replaced by any value or removed', async () => {
    const base = validBody(sb);
    const keys = [...Object.keys(base), 'userInfo._id', 'userInfo.name', 'userInfo.emailId', 'userInfo.phoneNumber'];
    const change = fc.record({ key: fc.constantFrom(...keys), value: fc.option(fc.jsonValue(), { nil: undefined }) });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
        const body = structuredClone(base) as Record<string, Record<string, unknown>>;
        for (const { key, value } of changes) {
          const [top, inner] = key.split('.') as [string, string | undefined];
          const target = inner ? body.userInfo : body;
          if (typeof target !== 'object' || target === null) continue;
          if (value === undefined) delete target[inner ?? top];
          else target[inner ?? top] = value as never;
        }
        await expectNo5xx(JSON.stringify(body));
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary text that is not JSON', async () => {
    await fc.assert(fc.asyncProperty(fc.string(), expectNo5xx), { numRuns: 100 });
  });
});

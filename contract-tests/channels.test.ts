/**
 * The channels against a server on loopback that answers the first call 429: the unprovoked 429 is recorded as
 * rate-limited and the whole call is made again, so the probe still gets (and is judged on) its real answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBody, sampleTask } from '../test/sdk/helpers.js';
import { sendOperationWithSdk, sendRaw } from './channels.js';
import type { Target } from './targets/target.js';
import type { Exchange } from './types.js';

let server: Server;
let calls = 0;
let target: Target;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      if (calls % 2 === 1)
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"errors":[{"msg":"slow down","code":4029}]}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(sampleTask));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = {
    name: 'loopback',
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    streamId: 'st-084d3c5e-376a-559f-9987-a012bb2bxxxx',
    fixtures: { caseId: 'ci-1', caseRefId: 'CS1', taskTemplateId: 'ttm-1' },
    credentials: { kind: 'jwt', jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln' },
    stateful: true,
    verifiesTokens: true,
    close: async () => {},
  };
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('an unprovoked 429 (a live tenant sharing its rate limit)', () => {
  it.each([
    [
      'the SDK',
      (record: (x: Exchange) => void) =>
        sendOperationWithSdk({ target, record }, 'createTask', { probe: 'seed sample', intent: 'accept' }, sampleBody as never),
    ],
    [
      'raw fetch',
      (record: (x: Exchange) => void) =>
        sendRaw({ target, record }, { operation: 'createTask', probe: 'seed sample', intent: 'accept' }, { body: {}, token: null }),
    ],
  ])('through %s: recorded as rate-limited, then the call is made again and judged on its answer', async (_via, send) => {
    const recorded: Exchange[] = [];
    const last = await send((x) => recorded.push(x));
    expect(recorded.map((x) => [x.intent, x.response?.status])).toEqual([
      ['rate-limited', 429],
      ['accept', 200],
    ]);
    expect(recorded[0]!.probe).toBe('seed sample (rate limited, sent again)');
    expect(recorded[1]!.request.body).toBe(recorded[0]!.request.body); // the same request, sent again
    expect(last).toBe(recorded[1]);
    expect(last.clientError).toBeUndefined();
  });
});

/**
 * The Prism proxy (what `npm run proxy` starts) in front of a drifted sandbox reports the drift in `sl-violations`,
 * and in front of a healthy one reports nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/server.js';
import { startPrism, type RunningPrism } from '../scripts/lib/prism.js';
import { validBase } from './bodies.js';
import { freePort } from './targets/mock.js';
import { mintJwt } from './tokens.js';

let drifted: RunningSandbox;
let healthy: RunningSandbox;
let proxies: RunningPrism[] = [];

beforeAll(async () => {
  [drifted, healthy] = await Promise.all([startSandbox({ drift: 'wrong-type' }), startSandbox()]);
  proxies = await Promise.all([drifted, healthy].map(async (s) => startPrism({ mode: 'proxy', upstream: s.url, port: await freePort() })));
}, 30_000);

afterAll(async () => {
  await Promise.all([...proxies.map((p) => p.close()), drifted?.close(), healthy?.close()]);
});

async function createThrough(proxy: RunningPrism, sandbox: RunningSandbox): Promise<Response> {
  const { seed } = sandbox;
  const token = await mintJwt({ kind: 'app', clientId: seed.clientId, clientSecret: seed.clientSecret, sub: seed.userId });
  return fetch(`${proxy.url}/caseManagement/api/public/analytics/${seed.streamId}/createTask`, {
    method: 'POST',
    headers: { auth: token, 'content-type': 'application/json' },
    body: JSON.stringify(validBase({ caseId: seed.caseId, caseRefId: seed.caseRefId, taskTemplateId: seed.taskTemplateId, userId: seed.userId })),
  });
}

describe('npm run proxy (Prism proxy validating live traffic)', () => {
  it('lists the drifted field of the answer in sl-violations', async () => {
    const res = await createThrough(proxies[0]!, drifted);
    expect(res.status).toBe(200);
    const violations = JSON.parse(res.headers.get('sl-violations') ?? '[]') as { location: string[]; message: string }[];
    expect(violations.some((v) => v.location.includes('timestampValue') && v.location[0] === 'response')).toBe(true);
  });

  it('reports nothing for a healthy answer', async () => {
    const res = await createThrough(proxies[1]!, healthy);
    expect(res.status).toBe(200);
    expect(res.headers.get('sl-violations')).toBeNull();
  });
});

/** Reproductions: the curl a report prints for a failing request, the judgement `replay` applies, and --seed. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { strictVerdict, verdict } from './checks/verdict.js';
import { curlOf, failing, stillFails } from './reproduce.js';
import type { Reproduction } from './types.js';
import type { Exchange } from './types.js';
import { runSettings } from './settings.js';
import { replay } from './replay.js';

const request = {
  method: 'POST',
  path: '/caseManagement/api/public/analytics/st-1/createTask',
  headers: { auth: 'valid token', accountid: 'a1', 'content-type': 'application/json', 'content-length': '20' },
  body: `{"name":"it's $HOME"}`,
};
const repro = (over: Partial<Reproduction>): Reproduction => ({
  check: 'negative_data_rejection',
  operation: 'createTask',
  probe: 'p',
  intent: 'reject-invalid',
  via: 'fetch',
  request,
  answered: 200,
  severity: 'breaking',
  ...over,
});

describe('curlOf', () => {
  it('reads the token from $KORE_JWT and quotes the rest so the shell expands nothing', () => {
    const curl = curlOf('http://127.0.0.1:9', request);
    expect(curl).toContain(`-H "auth: $KORE_JWT"`);
    expect(curl).not.toContain('content-length');
    // bash parses it back to the very body that was sent ($HOME and the quote untouched)
    const echoed = spawnSync('bash', ['-c', curl.replace(/^curl /, 'printf "%s\\n" ').replaceAll(' \\\n', ' ')], {
      encoding: 'utf8',
      env: { KORE_JWT: 'T' },
    }).stdout.split('\n');
    expect(echoed).toContain(`{"name":"it's $HOME"}`);
    expect(echoed).toContain('auth: T');
    expect(echoed).toContain('http://127.0.0.1:9/caseManagement/api/public/analytics/st-1/createTask');
  });

  it('sends no auth header where the suite sent none, and says which token kind a probe sent', () => {
    expect(curlOf('http://h', { ...request, headers: { auth: 'none' } })).not.toContain('auth');
    expect(curlOf('http://h', { ...request, headers: { auth: 'expired token' } })).toContain('# the suite sent: expired token');
  });
});

describe('replay', () => {
  it('does not clear a failure judged over a sequence (pages walked): one re-sent request cannot tell', async () => {
    const paging = repro({ check: 'paging_conformance', operation: 'getTasks', intent: 'accept' });
    const report = { verdicts: [{ reproduce: [paging] }] } as unknown as Parameters<typeof replay>[0];
    // nothing listens on port 1: a request sent would be an error, not an undecided result
    const [result] = await replay(report, 'http://127.0.0.1:1', { kind: 'jwt', jwt: 'x' });
    expect(result).toMatchObject({ undecided: true, failure: expect.stringMatching(/re-run the suite with --operation getTasks/) });
  });
});

describe('stillFails', () => {
  it('judges a new answer by what the probe expected', () => {
    expect(stillFails(repro({}), 200, {})).toMatch(/invalid input accepted/);
    expect(stillFails(repro({}), 400, { errors: [{ msg: 'caseId is required', code: 4000 }] })).toBeUndefined();
    expect(stillFails(repro({ intent: 'accept', check: 'positive_data_acceptance' }), 400, {})).toMatch(/valid input refused/);
    expect(stillFails(repro({ intent: 'reject-auth', check: 'auth' }), 200, {})).toMatch(/not refused/);
    expect(stillFails(repro({ intent: 'accept' }), 302, {})).toMatch(/redirect/);
  });

  it('a success whose body breaks the schema still fails', () => {
    expect(stillFails(repro({ intent: 'accept', check: 'response_schema_conformance' }), 200, { refId: 12 })).toMatch(/body invalid/);
  });
});

describe('--seed', () => {
  it('wins over CONTRACT_PBT_SEED, and a bad one is refused naming the flag', () => {
    expect(runSettings({ seed: '42' }, { CONTRACT_PBT_SEED: '7' }).pbt.seed).toBe(42);
    expect(runSettings({}, { CONTRACT_PBT_SEED: '7' }).pbt.seed).toBe(7);
    expect(() => runSettings({ seed: 'x1' }, {})).toThrow('--seed must be a whole number, got "x1"');
  });
});

describe('the reproductions of a verdict', () => {
  const x = (probe: string): Exchange => ({
    operation: 'createTask',
    probe,
    intent: 'reject-invalid',
    via: 'fetch',
    request,
    response: { status: 422, headers: {}, text: '' },
  });
  const v = verdict('negative_data_rejection', {
    findings: [
      { message: 'a', severity: 'breaking', exchanges: [x('broke')] },
      { message: 'b', severity: 'warning', exchanges: [x('warned')] },
    ],
    ran: true,
  });

  it('keeps the exchanges of every finding, and only the breaking ones fail (are re-sent)', () => {
    expect(v.reproduce?.map((r) => [r.probe, r.severity])).toEqual([
      ['broke', 'breaking'],
      ['warned', 'warning'],
    ]);
    expect(failing(v.reproduce).map((r) => r.probe)).toEqual(['broke']);
  });

  it('under --strict the warnings fail too, so theirs are re-sent as well', () => {
    expect(failing(strictVerdict(v).reproduce).map((r) => r.probe)).toEqual(['broke', 'warned']);
  });
});

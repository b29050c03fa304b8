/**
 * Running part of the suite: `--operation`, `--tag`, `--read-only` and `--max-creates`, through the CLI as a user
 * runs them against a tenant (here the sandbox, reached as the live target), and what the reports say of the rest.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/server.js';
import { createBudget } from './budget.js';
import { runCli } from './cli-run.js';
import { selectionFrom } from './selection.js';
import { defaultLimits } from './settings.js';
import { neededLiveVariables } from './targets/live.js';
import { mintJwt } from './tokens.js';

let sandbox: RunningSandbox;
let reports: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  reports = mkdtempSync(join(tmpdir(), 'contract-select-'));
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(reports, { recursive: true, force: true });
});

const base = (s: RunningSandbox, url = s.url) => ({
  KORE_BASE_URL: url,
  KORE_STREAM_ID: s.seed.streamId,
  KORE_ACCOUNT_ID: s.seed.accountId,
  KORE_CLIENT_ID: s.seed.clientId,
  KORE_CLIENT_SECRET: s.seed.clientSecret,
  KORE_USER_ID: s.seed.userId,
  CONTRACT_RATE_PER_MINUTE: '60000',
  CONTRACT_PBT_RUNS: '5',
});
const createTaskVariables = (s: RunningSandbox) => ({
  KORE_CASE_ID: s.seed.caseId,
  KORE_CASE_REF_ID: s.seed.caseRefId,
  KORE_TASK_TEMPLATE_ID: s.seed.taskTemplateId,
});
const live = (args: string[], env: Record<string, string>) => runCli(['--target', 'live', '--reports', reports, ...args], env);
const report = () => JSON.parse(readFileSync(join(reports, 'contract-live.json'), 'utf8'));

/** What the tenant holds: every task (the sandbox's test listing, behind a valid token) and every case (getCases). */
async function holdings(s: RunningSandbox): Promise<string> {
  const token = await mintJwt({ kind: 'app', clientId: s.seed.clientId, clientSecret: s.seed.clientSecret, sub: s.seed.userId });
  const listing = await fetch(`${s.url}/__sandbox/tasks?streamId=${s.seed.streamId}`, { headers: { auth: token } });
  expect(listing.status).toBe(200); // a refusal would compare equal before and after, and prove nothing
  const tasks = await listing.text();
  const cases = await fetch(`${s.url}/caseManagement/api/public/analytics/${s.seed.streamId}/getCases`, {
    method: 'POST',
    headers: { auth: token, accountId: s.seed.accountId, 'content-type': 'application/json' },
    body: JSON.stringify({ limit: 100 }),
  });
  expect(cases.status).toBe(200);
  return `${tasks}\n${await cases.text()}`;
}

const counts = async (s: RunningSandbox) => (await (await fetch(`${s.url}/__sandbox/health`)).json()) as { tasks: number; cases: number };

describe('selection', () => {
  it('takes operations repeated or comma-separated, from CONTRACT_OPERATIONS, and tags; a dependency is called for a path id only', () => {
    expect(selectionFrom({ operation: ['createTask,getTasks', 'updateTask'] }, {})).toEqual({
      selected: ['createTask', 'getTasks', 'updateTask'],
      dependencies: [],
      readOnly: false,
    });
    expect(selectionFrom({}, { CONTRACT_OPERATIONS: 'updateCase' })).toEqual({
      selected: ['updateCase'],
      dependencies: ['createCase'],
      readOnly: false,
    });
    expect(selectionFrom({ operation: ['getCases'] }, { CONTRACT_OPERATIONS: 'updateCase' }).selected).toEqual(['getCases']);
    expect(selectionFrom({ tag: ['Tasks'] }, {}).selected).toEqual(['createTask', 'getTasks', 'updateTask']);
    expect(selectionFrom({ operation: ['updateTask'], readOnly: true }, {}).dependencies).toEqual([]);
    expect(selectionFrom({}, {}).selected).toHaveLength(6);
    expect(() => selectionFrom({ operation: ['createTask', 'deleteTask'] }, {})).toThrow('unknown operation deleteTask (--operation)');
    expect(() => selectionFrom({ tag: ['Users'] }, {})).toThrow('unknown tag Users (--tag); the contract has Cases, Tasks');
  });

  it('asks the live target only for the variables the selected operations need', () => {
    const needs = (operation: string[], readOnly = false) => neededLiveVariables(selectionFrom({ operation, readOnly }, {}));
    expect(needs(['createTask'])).toEqual(['KORE_BASE_URL', 'KORE_STREAM_ID', 'KORE_CASE_ID', 'KORE_CASE_REF_ID', 'KORE_TASK_TEMPLATE_ID']);
    expect(needs(['getTasks'])).toEqual(['KORE_BASE_URL', 'KORE_STREAM_ID']);
    expect(needs(['updateCase'])).toEqual(['KORE_BASE_URL', 'KORE_STREAM_ID', 'KORE_CASE_TEMPLATE_ID']);
    expect(needs(['createCase', 'createTask'], true)).toEqual(['KORE_BASE_URL', 'KORE_STREAM_ID']);
  });

  it('refuses an unknown operation by name (exit 2), and names only the missing variables this run needs', async () => {
    const unknown = await live(['--operation', 'createTask,deleteTask'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('unknown operation deleteTask (--operation)');
    const missing = await live(['--operation', 'createTask'], { ...base(sandbox), KORE_CASE_ID: sandbox.seed.caseId });
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('live target: missing KORE_CASE_REF_ID, KORE_TASK_TEMPLATE_ID.');
    expect(missing.output).not.toMatch(/missing[^\n]*KORE_CASE_TEMPLATE_ID/);
  }, 30_000);
});

describe('--operation createTask against a server that serves only createTask', () => {
  let only: Server;
  beforeAll(async () => {
    // Everything but createTask is 404: the run must neither need nor judge the other five.
    only = createServer((req, res) => {
      if (req.method !== 'POST' || !req.url?.endsWith('/createTask'))
        return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"msg":"not found","code":404}]}');
      const target = new URL(req.url, sandbox.url);
      req.pipe(
        httpRequest(
          target,
          { method: 'POST', headers: req.headers },
          (answer) => (res.writeHead(answer.statusCode!, answer.headers), answer.pipe(res)),
        ),
      );
    });
    await new Promise<void>((resolve) => only.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => only?.close(() => resolve())));

  it('runs and passes it; the other five are reported as not selected in every report, never as passed', async () => {
    const url = `http://127.0.0.1:${(only.address() as AddressInfo).port}`;
    const { code, output } = await live(['--operation', 'createTask'], { ...base(sandbox, url), ...createTaskVariables(sandbox) });
    expect(code, output).toBe(0);
    expect(output).toMatch(/PASS {2}positive_data_acceptance/);
    expect(output).toMatch(/PASS {2}semantic/);
    expect(output).toMatch(/SKIP {2}stateful_links/);
    expect(output).toContain('not selected: createCase, getCases, updateCase, getTasks, updateTask');
    const json = report();
    expect(json.selection.selected).toEqual(['createTask']);
    expect(json.selection.notSelected).toEqual(['createCase', 'getCases', 'updateCase', 'getTasks', 'updateTask']);
    expect(json.verdicts.find((v: { check: string }) => v.check === 'stateful_links').status).toBe('skip');
    const junit = readFileSync(join(reports, 'contract-live.xml'), 'utf8');
    for (const op of ['createCase', 'getCases', 'updateCase', 'getTasks', 'updateTask'])
      expect(junit).toContain(`name="operation ${op}"><skipped message="not selected"/>`);
    expect(readFileSync(join(reports, 'contract-summary.md'), 'utf8')).toContain('## Not selected on live\n\n- `createCase`: not selected');
  }, 40_000);
});

describe('--read-only', () => {
  it('creates and changes nothing (the tenant is the same before and after), runs the reads and the harmless refusals', async () => {
    const before = await holdings(sandbox);
    const { code, output } = await live(['--read-only'], base(sandbox));
    expect(code, output).toBe(0);
    expect(await holdings(sandbox)).toBe(before);
    expect(output).toMatch(/PASS {2}positive_data_acceptance/);
    expect(output).toContain('createCase: 2 valid request(s): not run (read-only)');
    expect(output).toContain('semantic');
    const json = report();
    expect(json.selection.readOnly).toBe(true);
    expect(json.cleanup.created).toEqual([]);
    // Reads and harmless refusals went out; a write with a token and a JSON body never did.
    expect(json.requests).toBeGreaterThan(10);
    for (const check of ['semantic', 'stateful_links'])
      expect(json.verdicts.find((v: { check: string }) => v.check === check).evidence[0]).toContain('read-only');
  }, 40_000);
});

describe('--max-creates', () => {
  it('never creates more than N records, and reports what could not run for lack of creates', async () => {
    const before = await counts(sandbox);
    const { code, output } = await live(['--max-creates', '6'], {
      ...base(sandbox),
      ...createTaskVariables(sandbox),
      KORE_CASE_TEMPLATE_ID: sandbox.seed.caseTemplateId,
    });
    expect(code, output).toBe(0);
    const after = await counts(sandbox);
    const made = after.tasks - before.tasks + after.cases - before.cases;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThanOrEqual(6);
    expect(report().selection.creates).toEqual({ created: made, max: 6 });
    expect(output).toContain(`creates: ${made} of --max-creates 6`);
    expect(output).toMatch(/not run: .*--max-creates 6/);
  }, 40_000);

  it('counts a create as it goes out and gives it back when it is refused', async () => {
    const budget = createBudget({ ...defaultLimits, maxCreates: 1 });
    const create = { operation: 'createTask' as const, token: true, json: true };
    const settle = await budget.take(create);
    expect(budget.refusal(create)).toBe('the create budget of 1 (--max-creates) is spent');
    settle(400);
    expect(budget.refusal(create)).toBeUndefined();
    (await budget.take(create))(200);
    await expect(budget.take(create)).rejects.toThrow('not sent: the create budget of 1');
    expect(budget.refusal({ ...create, json: false })).toBeUndefined();
    expect(budget.refusal({ ...create, operation: 'getTasks' })).toBeUndefined();
    budget.dispose();
    const readOnly = createBudget({ ...defaultLimits, readOnly: true });
    expect(readOnly.refusal({ operation: 'updateTask', token: true, json: true })).toBe(
      'read-only: updateTask with a token and a JSON body could write',
    );
    expect(readOnly.refusal({ operation: 'updateTask', token: false, json: true })).toBeUndefined();
    expect(readOnly.refusal({ operation: 'createCase', token: true, json: false })).toBeUndefined();
    expect(readOnly.refusal({ operation: 'getCases', token: true, json: true })).toBeUndefined();
    readOnly.dispose();
  });
});

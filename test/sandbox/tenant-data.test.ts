import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTenant } from '../../sandbox/tenant/seed.js';
import { checkTenantData, loadTenantData } from '../../sandbox/tenant/tenant.js';
import { callOp, createTask, envelopeMessages, validBody, validCaseBody, withSandbox } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tenant data from a JSON file (--data FILE)', () => {
  it('serves the tenant of the file: its ids, its app, its case references', async () => {
    const data = defaultTenant('cs-file-app', 'a-secret-from-the-file-long-enough-32b');
    data.cases[0]!.refId = 'CS000900';
    const file = join(dir, 'tenant.json');
    writeFileSync(file, JSON.stringify(data));
    const sb = await withSandbox({ data: loadTenantData(file) });
    try {
      expect(sb.seed.clientId).toBe('cs-file-app');
      expect(sb.seed.caseRefId).toBe('CS000900');
      const sent = await createTask(sb, validBody(sb));
      expect(sent.status).toBe(200);
      expect(sent.json.caseRefId).toBe('CS000900');
    } finally {
      await sb.close();
    }
  });

  it('ids are opaque: a tenant whose ids are shaped otherwise (8 hex digits, upper case, no uuid) works', async () => {
    const data = defaultTenant();
    data.cases[0]!._id = 'ci-31D91840-d64d-42d9-8c75-5edba5313a6f';
    data.cases[0]!.refId = 'CS7';
    data.templates[0]!._id = 'ttm-16623a9f';
    data.users[1]!._id = 'u-X1';
    const file = join(dir, 'shapes.json');
    writeFileSync(file, JSON.stringify(data));
    const sb = await withSandbox({ data: loadTenantData(file) });
    try {
      const body = { ...validBody(sb), userInfo: { _id: 'u-X1', name: 'dummy' } };
      const sent = await createTask(sb, body);
      expect(sent.status, sent.text).toBe(200);
      expect(sent.json).toMatchObject({ caseId: data.cases[0]!._id, caseRefId: 'CS7', taskTmp: 'ttm-16623a9f', userInfo: { _id: 'u-X1' } });
    } finally {
      await sb.close();
    }
  });

  it('refuses ids a request could never name (no prefix), saying what requests are checked for', () => {
    const data = defaultTenant();
    data.cases[1]!._id = 'case-2';
    data.templates[0]!._id = 'template 1';
    expect(checkTenantData(data)).toEqual([
      'cases[1]._id must match /^ci-[A-Za-z0-9-]+$/ (requests are checked for it)',
      'templates[0]._id must match /^ttm-[A-Za-z0-9-]+$/ (requests are checked for it)',
    ]);
  });

  it('refuses a file that is not JSON without quoting it (it may hold secrets)', () => {
    const notJson = join(dir, 'bad.json');
    writeFileSync(notJson, '{"apps":[{"clientSecret":s3cr3t-unquoted-value}]}');
    expect(() => loadTenantData(notJson)).toThrow(/bad\.json: not valid JSON$/);
    expect(() => loadTenantData(join(dir, 'absent.json'))).toThrow(/absent\.json: cannot be read \(ENOENT\)/);
  });

  it('refuses values of the wrong type, naming each field and never its value', () => {
    const data = defaultTenant() as unknown as Record<string, Record<string, unknown>[]>;
    data.apps![0]!.scopes = null;
    data.apps![0]!.streams = 'st-1';
    data.apps![0]!.clientSecret = 42;
    data.users![0]!.emailId = 5;
    data.templates![0]!.status = null;
    expect(checkTenantData(data)).toEqual([
      'apps[0].clientSecret must be a string',
      'apps[0].streams must be an array of strings',
      'apps[0].scopes must be an array of strings',
      'users[0].emailId must be a string',
      'templates[0].status must be an object',
    ]);
  });

  it('a tenant file of the createTask era (no case templates, statuses, priorities, queues) still serves the family', async () => {
    const { caseTemplates: _c, statuses: _s, priorities: _p, queues: _q, ...data } = defaultTenant();
    expect(checkTenantData(data)).toEqual([]);
    const sb = await withSandbox({ data });
    try {
      expect(sb.seed.caseTemplateId).toBe('');
      const headers = { accountId: sb.seed.accountId };
      const created = await callOp(sb, 'createCase', validCaseBody(sb, { caseTmp: 'ctm-1' }), { headers });
      expect(created.status).toBe(400);
      expect(envelopeMessages(created)).toEqual([expect.stringMatching(/^caseTmp: no case template ctm-1/)]);
      // the seeded cases are listed, built from the stream's task template; statuses come from the templates
      const cases = await callOp(sb, 'getCases', {}, { headers });
      expect(cases.json.results.map((c: { refId: string }) => c.refId).sort()).toEqual([data.cases[0]!.refId, data.cases[1]!.refId]);
      const moved = await callOp(sb, `updateCase/${sb.seed.caseId}`, { status: { name: 'Resolved' } });
      expect(envelopeMessages(moved)).toEqual(['status: no status "Resolved" in this tenant (known: Open)']);
    } finally {
      await sb.close();
    }
  });

  it('checks the optional lists when a file has them', () => {
    const data = { ...defaultTenant(), statuses: [{ _id: 'sts-1', name: 'Open' }], queues: 'none' };
    expect(checkTenantData(data)).toEqual(['statuses[0].statusCategory is missing', '"queues" must be an array']);
  });

  it('refuses a file that lacks what the sandbox needs, naming it', () => {
    const missing = join(dir, 'missing.json');
    writeFileSync(missing, JSON.stringify({ streams: [], apps: [{ clientId: 'x' }] }));
    expect(() => loadTenantData(missing)).toThrow(/"streams" must be a non-empty array.*apps\[0\]\.clientSecret is missing/);
    expect(checkTenantData(defaultTenant())).toEqual([]);
  });
});

describe('independence: the sandbox never reads the contract', () => {
  const sandboxDir = new URL('../../sandbox/', import.meta.url);
  const files = readdirSync(sandboxDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const codeOf = (file: string) =>
    readFileSync(new URL(file, sandboxDir), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line)); // comments may say why; code may not reach

  it('no sandbox module names anything under openapi/ or generated/', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files)
      expect(
        codeOf(file).filter((line) => /openapi|generated\//i.test(line)),
        file,
      ).toEqual([]);
  });

  it('nothing in sandbox/ cites a document a clone of the repository does not have', () => {
    const all = readdirSync(sandboxDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|md)$/.test(f));
    for (const file of all) expect(readFileSync(new URL(file, sandboxDir), 'utf8'), file).not.toMatch(/DESIGN\.md|\.\.\/shared|shared\/seed/);
  });

  it('no sandbox module imports from outside sandbox/ (src/ and contract-tests/ read the contract)', () => {
    for (const file of files) {
      const relative = codeOf(file).flatMap((line) => [...line.matchAll(/(?:from|import\()\s*['"](\.[^'"]*)['"]/g)].map((m) => m[1]!));
      const outside = relative.filter((path) => !new URL(path, new URL(file, sandboxDir)).href.startsWith(sandboxDir.href));
      expect(outside, file).toEqual([]);
    }
  });
});

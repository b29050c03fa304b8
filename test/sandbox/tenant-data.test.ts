import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTenant } from '../../sandbox/seed.js';
import { checkTenantData, loadTenantData } from '../../sandbox/tenant.js';
import { createTask, validBody, withSandbox } from './helpers.js';

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

  it('refuses a file that is not JSON, or lacks what the sandbox needs, naming it', () => {
    const notJson = join(dir, 'bad.json');
    writeFileSync(notJson, '{nope');
    expect(() => loadTenantData(notJson)).toThrow(/not readable JSON/);
    const missing = join(dir, 'missing.json');
    writeFileSync(missing, JSON.stringify({ streams: [], apps: [{ clientId: 'x' }] }));
    expect(() => loadTenantData(missing)).toThrow(/"streams" must be a non-empty array.*apps\[0\]\.clientSecret is missing/);
    expect(checkTenantData(defaultTenant())).toEqual([]);
  });
});

describe('independence: the sandbox never reads the contract', () => {
  it('no sandbox module imports or opens anything under openapi/ or generated/', () => {
    const sandboxDir = new URL('../../sandbox/', import.meta.url);
    const files = readdirSync(sandboxDir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const code = readFileSync(new URL(file, sandboxDir), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line)); // comments may say why; code may not reach
      expect(code.filter((line) => /openapi|generated\//i.test(line)), file).toEqual([]);
    }
  });
});

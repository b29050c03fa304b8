// The bundled contract is a valid OpenAPI 3.1 document for an independent validator, and the lint rules of our
// own (redocly.yaml) pass on it and fire on a contract that breaks them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { bundle } from '../helpers/contract.js';

/**
 * The rule ids redocly reports for each document, in order: one redocly process for all of them (it prints one
 * JSON report per document, back to back), as its start costs more than a lint.
 */
function lint(...roots: string[]): string[][] {
  const result = spawnSync('node_modules/.bin/redocly', ['lint', '--config', 'redocly.yaml', '--format', 'json', ...roots], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  const reports = result.stdout.slice(result.stdout.indexOf('{')).split(/(?<=^\})(?=\{)/m);
  if (reports.length !== roots.length)
    throw new Error(`redocly printed ${reports.length} reports for ${roots.length} documents: ${result.stdout}${result.stderr}`);
  return reports.map((report) => (JSON.parse(report).problems as { ruleId: string }[]).map((p) => p.ruleId));
}

describe('the bundled contract', () => {
  it('is valid OpenAPI 3.1 for @seriousme/openapi-schema-validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(bundle));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });
});

describe('redocly.yaml', () => {
  /** A copy of the contract with the given edits (each must apply). */
  function editedCopy(edits: [file: string, from: RegExp, to: string][]): string {
    const copy = mkdtempSync(join(tmpdir(), 'contract-'));
    copies.push(copy);
    cpSync('openapi', copy, { recursive: true });
    for (const [file, from, to] of edits) {
      const path = join(copy, file);
      const text = readFileSync(path, 'utf8');
      if (!from.test(text)) throw new Error(`fixture edit did not apply to ${file}`);
      writeFileSync(path, text.replace(from, to));
    }
    return join(copy, 'openapi.yaml');
  }
  const copies: string[] = [];
  let clean: string[];
  let broken: Set<string>;
  let renamed: string[];
  beforeAll(() => {
    const brokenCopy = editedCopy([
      ['components/schemas/TaskStatus.yaml', /\n    description: Status name, for example `Open`\./, ''],
      ['components/responses/NotFound.yaml', /ErrorEnvelope\.yaml/, 'ErrorItem.yaml'],
      ['components/responses/NotFound.yaml', /\n    examples:\n      notFound:\n        \$ref: \.\.\/examples\/ErrorNotFound\.yaml/, ''],
      ['components/responses/TooManyRequests.yaml', /headers:\n  Retry-After:\n    \$ref: \.\.\/headers\/RetryAfter\.yaml\n/, ''],
      ['paths/createTask.yaml', /\n  tags:\n    - Tasks/, ''],
      ['components/responses/Forbidden.yaml', /\nx-provenance: inferred/, ''],
      ['components/schemas/ids/CaseId.yaml', /\nx-provenance: inferred/, ''],
    ]);
    // headers present, but not Retry-After: the second rate-limit rule (the first is satisfied)
    const renamedCopy = editedCopy([['components/responses/TooManyRequests.yaml', /\n  Retry-After:\n/, '\n  X-Retry-In:\n']]);
    const [cleanRules, brokenRules, renamedRules] = lint('openapi/openapi.yaml', brokenCopy, renamedCopy);
    [clean, broken, renamed] = [cleanRules!, new Set(brokenRules), renamedRules!]; // lint checked there are three
  });
  afterAll(() => {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  });

  it('reports no problem on the contract', () => {
    expect(clean).toEqual([]);
  });

  it('fires each rule of our own on a contract that breaks it', () => {
    const rules = broken;
    expect(rules).toContain('rule/schema-has-description');
    expect(rules).toContain('rule/error-responses-use-envelope');
    expect(rules).toContain('rule/media-type-has-examples');
    expect(rules).toContain('rule/rate-limit-has-headers');
    expect(rules).toContain('rule/operation-has-summary-and-tags');
    expect(rules).toContain('rule/response-has-provenance');
    expect(rules).toContain('provenance/id-schema-has-provenance');
    expect([...new Set(renamed)]).toEqual(['rule/rate-limit-has-retry-after']);
  });
});

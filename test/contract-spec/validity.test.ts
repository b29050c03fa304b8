// The bundled contract is a valid OpenAPI 3.1 document for an independent validator, and the lint rules of our
// own (redocly.yaml) pass on it and fire on a contract that breaks them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { bundle } from '../helpers/contract.js';

function lint(root: string) {
  const result = spawnSync('node_modules/.bin/redocly', ['lint', '--config', 'redocly.yaml', '--format', 'json', root], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
  return (report.problems as { ruleId: string }[]).map((p) => p.ruleId);
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
  it('reports no problem on the contract', () => {
    expect(lint('openapi/openapi.yaml')).toEqual([]);
  });

  /** The rules that fire on a copy of the contract with the given edits (each must apply). */
  function rulesFiredBy(edits: [file: string, from: RegExp, to: string][]): Set<string> {
    const copy = mkdtempSync(join(tmpdir(), 'contract-'));
    try {
      cpSync('openapi', copy, { recursive: true });
      for (const [file, from, to] of edits) {
        const path = join(copy, file);
        const text = readFileSync(path, 'utf8');
        if (!from.test(text)) throw new Error(`fixture edit did not apply to ${file}`);
        writeFileSync(path, text.replace(from, to));
      }
      return new Set(lint(join(copy, 'openapi.yaml')));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }

  it('fires each rule of our own on a contract that breaks it', () => {
    const rules = rulesFiredBy([
      ['components/schemas/TaskStatus.yaml', /\n    description: Status name, for example `Open`\./, ''],
      ['components/responses/NotFound.yaml', /ErrorEnvelope\.yaml/, 'ErrorItem.yaml'],
      ['components/responses/NotFound.yaml', /\n    examples:\n      notFound:\n        \$ref: \.\.\/examples\/ErrorNotFound\.yaml/, ''],
      ['components/responses/TooManyRequests.yaml', /headers:\n  Retry-After:\n    \$ref: \.\.\/headers\/RetryAfter\.yaml\n/, ''],
      ['paths/createTask.yaml', /\n  tags:\n    - Tasks/, ''],
      ['components/responses/Forbidden.yaml', /\nx-provenance: inferred/, ''],
      ['components/schemas/ids/CaseId.yaml', /\nx-provenance: inferred/, ''],
    ]);
    expect(rules).toContain('rule/schema-has-description');
    expect(rules).toContain('rule/error-responses-use-envelope');
    expect(rules).toContain('rule/media-type-has-examples');
    expect(rules).toContain('rule/rate-limit-has-headers');
    expect(rules).toContain('rule/operation-has-summary-and-tags');
    expect(rules).toContain('rule/response-has-provenance');
    expect(rules).toContain('provenance/id-schema-has-provenance');
    // headers present, but not Retry-After: the second rate-limit rule (the first is satisfied)
    const renamed = rulesFiredBy([['components/responses/TooManyRequests.yaml', /\n  Retry-After:\n/, '\n  X-Retry-In:\n']]);
    expect([...renamed]).toEqual(['rule/rate-limit-has-retry-after']);
  });
});

/**
 * The checks on hand-made exchanges: each finds what it exists to find (including what no sandbox drift mode
 * provokes, such as a 429 without Retry-After), and a check with nothing to judge says skip, never pass.
 */
import { describe, expect, it } from 'vitest';
import { checks } from './checks/index.js';
import { undeclaredPaths } from './checks/undocumented-fields.js';
import type { RunContext } from './context.js';
import type { Corpus, Unsendable } from './corpus.js';
import { strictVerdict } from './checks/verdict.js';
import { redact } from './redact.js';
import { bundle } from './spec.js';
import { tamperSignature, mintJwt } from './tokens.js';
import type { Exchange, Intent } from './types.js';

const envelope = (code = 4000) => ({ errors: [{ msg: 'caseId is required', code }] });

function exchange(intent: Intent, status: number, json: unknown, headers: Record<string, string> = {}, field?: string): Exchange {
  return {
    operation: 'createTask',
    probe: `probe ${status}`,
    intent,
    field,
    via: 'fetch',
    request: { method: 'POST', path: '/x', headers: {} },
    response: { status, headers: { 'content-type': 'application/json', ...headers }, text: JSON.stringify(json), json },
  };
}

function ctxWith(exchanges: Exchange[], unsendable: Unsendable[] = []): RunContext {
  const corpus: Corpus = { exchanges, unsendable, ids: {} };
  return { corpus: async () => corpus } as unknown as RunContext;
}

describe('response_header_conformance (Retry-After is inferred: a warning)', () => {
  it('warns of a 429 without Retry-After, naming the header', async () => {
    const v = await checks.response_header_conformance(ctxWith([exchange('rate-limited', 429, envelope(4029))]));
    expect(v.status).toBe('warn');
    expect(v.warningFields).toEqual(['createTask Retry-After']);
    expect(v.fields).toEqual([]);
  });
  it('warns of a Retry-After that is not a number of seconds; --strict makes it a failure', async () => {
    const v = await checks.response_header_conformance(ctxWith([exchange('rate-limited', 429, envelope(4029), { 'retry-after': 'soon' })]));
    expect(v.status).toBe('warn');
    expect(v.warnings[0]).toContain('"soon" is not a number of seconds');
    const strict = strictVerdict(v);
    expect([strict.status, strict.fields]).toEqual(['fail', ['createTask Retry-After']]);
    expect(strict.evidence[0]).toMatch(/^\(strict\) .*"soon" is not a number of seconds/);
  });
  it('skips, with the reason, when no answer with documented headers was seen', async () => {
    const why = { name: 'over the rate limit', intent: 'rate-limited' as const, reason: 'live has no switch' };
    const v = await checks.response_header_conformance(ctxWith([exchange('accept', 200, {})], [why]));
    expect(v.status).toBe('skip');
    expect(v.evidence[0]).toContain('live has no switch');
  });
});

describe('negative_data_rejection', () => {
  it('fails a 5xx and a 2xx; warns of another 4xx (inferred); leaves the error body to response_schema_conformance', async () => {
    const answers = [
      exchange('reject-invalid', 500, envelope(5000), {}, 'caseId'),
      exchange('reject-invalid', 200, {}, {}, 'source'),
      exchange('reject-invalid', 400, { error: 'bad' }, {}, 'userInfo'),
      exchange('reject-invalid', 422, envelope(), {}, 'taskTmp'),
    ];
    const v = await checks.negative_data_rejection(ctxWith(answers));
    expect(v.status).toBe('fail');
    expect(v.fields.sort()).toEqual(['caseId', 'source']);
    expect(v.warningFields.sort()).toEqual(['taskTmp']);
    // the 400's body in another shape is said once, where every body is judged
    const schema = await checks.response_schema_conformance(ctxWith(answers));
    expect(schema.warnings.join('\n')).toMatch(/error answers \/errors: is required but missing \(createTask 400\), in 1 answer\(s\): probe 400/);
  });
  it('a body breaking only an inferred rule (a wrong content type) accepted is a warning', async () => {
    const v = await checks.negative_data_rejection(ctxWith([{ ...exchange('reject-invalid', 200, {}, {}, 'Content-Type'), rule: 'inferred' }]));
    expect([v.status, v.warningFields]).toEqual(['warn', ['Content-Type']]);
  });
  it('a redirect is breaking and names its Location', async () => {
    const v = await checks.negative_data_rejection(
      ctxWith([exchange('reject-invalid', 307, {}, { location: 'http://elsewhere.example/x' }, 'caseId')]),
    );
    expect(v.status).toBe('fail');
    expect(v.evidence[0]).toContain('a redirect to http://elsewhere.example/x, not followed');
  });
  it('skips when there was no invalid request to judge', async () => {
    expect((await checks.negative_data_rejection(ctxWith([]))).status).toBe('skip');
  });
});

describe('auth', () => {
  it('warns of a 401 without platform code 4002 (codes are inferred)', async () => {
    const v = await checks.auth(ctxWith([exchange('reject-auth', 401, envelope(4000), {}, 'auth')]));
    expect(v.status).toBe('warn');
    expect(v.warnings[0]).toContain('4002');
  });
  it('fails a request without a token that is accepted', async () => {
    const v = await checks.auth(ctxWith([exchange('reject-auth', 200, {}, {}, 'auth')]));
    expect([v.status, v.fields]).toEqual(['fail', ['auth']]);
  });
});

describe('status_code_conformance', () => {
  it('another 2xx or 4xx is a warning; a 3xx is breaking, naming where it pointed', async () => {
    const warned = await checks.status_code_conformance(ctxWith([exchange('accept', 201, {}), exchange('reject-invalid', 422, envelope())]));
    expect([warned.status, warned.warningFields]).toEqual(['warn', ['createTask status']]);
    const failed = await checks.status_code_conformance(ctxWith([exchange('accept', 302, {}, { location: 'http://other.example/' })]));
    expect(failed.status).toBe('fail');
    expect(failed.evidence[0]).toContain('302 (a redirect to http://other.example/, not followed)');
  });
});

describe('content_type_conformance', () => {
  it('another Content-Type on a body that parses as JSON is a warning; on a 2xx body that does not, breaking', async () => {
    const json = await checks.content_type_conformance(ctxWith([exchange('accept', 200, {}, { 'content-type': 'text/plain' })]));
    expect(json.status).toBe('warn');
    const garbage: Exchange = {
      ...exchange('accept', 200, {}),
      response: { status: 200, headers: { 'content-type': 'text/html' }, text: '<html>', jsonError: 'Unexpected token' },
    };
    expect((await checks.content_type_conformance(ctxWith([garbage]))).status).toBe('fail');
  });
});

describe('undocumented_fields', () => {
  const task = bundle.components.schemas.Task;
  it('lists undeclared paths at any depth, through arrays', () => {
    const body = { refId: 'TS000001', extra: 1, userInfo: { name: 'a', locale: 'en' }, fields: [{ required: true, newFlag: 1 }] };
    expect(undeclaredPaths(body, task).sort()).toEqual(['/extra', '/fields/0/newFlag', '/userInfo/locale']);
  });
  it('does not report inside objects the contract leaves open (UndocumentedObject)', () => {
    expect(undeclaredPaths({ anything: 1 }, bundle.components.schemas.UndocumentedObject)).toEqual([]);
  });
});

describe('secrets', () => {
  it('minted and tampered tokens are redacted from any report text', async () => {
    const jwt = await mintJwt({ kind: 'app', clientId: 'cs-x', clientSecret: 'a-secret-of-some-length' });
    const tampered = tamperSignature(jwt);
    expect(tampered).not.toBe(jwt);
    expect(redact(`sent ${jwt} then ${tampered}`)).toBe('sent [redacted] then [redacted]');
  });

  it('finds each of many secrets, those ending alike and those shorter than the lookup key included', async () => {
    const { addSecret } = await import('./redact.js');
    const many = Array.from({ length: 300 }, (_, i) => addSecret(`secret-number-${i}-ends-alike-0123456789`));
    const short = addSecret('a b c d e f g'); // 7 characters once its spaces are dropped
    const text = `x ${many[7]} y ${many[299]}z${short.replaceAll(' ', '')} ${many[42]!.slice(1)}`;
    expect(redact(text)).toBe(`x [redacted] y [redacted]z[redacted] ${many[42]!.slice(1)}`);
  });

  it('a JWT nobody registered is redacted whole even where a registered secret takes its first characters', async () => {
    const { addSecret } = await import('./redact.js');
    addSecret('eyJeyJeyJ');
    expect(redact('eyJeyJeyJeyJhdr.eyJpay.sig')).toBe('[redacted]');
    addSecret(' \t\n \r\n  '); // separators only: nothing to find (it once made the search loop forever)
    expect(redact('text with no secret')).toBe('text with no secret');
  });
});

describe('a token echoed in another form never reaches a report', () => {
  const secret = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJlY2hvIn0.Zm9yLXRoZS1lY2hvLXRlc3Qtb25seS1zaWduYXR1cmU';
  const signature = secret.split('.')[2]!;
  const forms = {
    raw: secret,
    'percent-encoded dots': secret.replace(/\./g, '%2E'),
    'every character percent-encoded': [...secret].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join(''),
    'split by spaces': secret.match(/.{1,9}/g)!.join(' '),
    'split by newlines and +': secret.match(/.{1,20}/g)!.join('+\n'),
    'the signature alone': `sig=${signature}`,
    'the signature split by spaces': signature.match(/.{1,5}/g)!.join(' '),
  };
  // What a reader could recover: whitespace and + dropped, percent-encoding decoded.
  const normalised = (text: string) => decodeURIComponent(text.replace(/%(?![0-9a-f]{2})/gi, '%25')).replace(/[\s+]/g, '');

  it.each(Object.entries(forms))('%s: redacted in the console summary, JUnit and Markdown', async (_form, echoed) => {
    const { addSecret } = await import('./redact.js');
    const { humanSummary } = await import('./report/human.js');
    const { junitXml } = await import('./report/junit.js');
    const { markdownSummary } = await import('./report/markdown.js');
    const { verdict } = await import('./checks/verdict.js');
    addSecret(secret);
    const v = verdict('auth', {
      ran: true,
      findings: [
        { severity: 'breaking', message: `server echoed ${echoed} back`, pointer: 'auth' },
        { severity: 'warning', message: `x-request-id: ${echoed}` },
      ],
    });
    const report = {
      target: 'live',
      baseUrl: 'http://127.0.0.1:1',
      verdicts: [v],
      requests: 1,
      durationMs: 1,
      pbt: { runs: 1, seed: 1 },
      strict: false,
    };
    for (const out of [humanSummary(report), junitXml(report), markdownSummary([report])]) {
      expect(out).toContain('[redacted]');
      expect(normalised(out)).not.toContain(signature);
    }
  });
});

describe('reports show warnings apart from failures', () => {
  it('console counts them, Markdown lists them in their own section, JUnit keeps a warned check passing', async () => {
    const { humanSummary } = await import('./report/human.js');
    const { junitXml } = await import('./report/junit.js');
    const { markdownSummary } = await import('./report/markdown.js');
    const { verdict } = await import('./checks/verdict.js');
    const failed = verdict('auth', {
      ran: true,
      findings: [
        { severity: 'breaking', message: 'no auth header: accepted with 200', pointer: 'auth' },
        { severity: 'warning', message: '401 without code 4002', pointer: 'auth' },
      ],
    });
    const warned = verdict('status_code_conformance', {
      ran: true,
      findings: [{ severity: 'warning', message: 'status 201 is not one the contract lists', pointer: 'status' }],
      passed: ['3 answers'],
    });
    const report = {
      target: 'live',
      baseUrl: 'http://127.0.0.1:1',
      verdicts: [failed, warned],
      requests: 3,
      durationMs: 1,
      pbt: { runs: 1, seed: 1 },
      strict: false,
    };
    expect(humanSummary(report)).toContain('0 passed, 1 failed (breaking), 1 passed with warnings (2 warning(s)), 0 skipped');
    const md = markdownSummary([report]);
    const [breaking, warnings] = [md.indexOf('## Breaking'), md.indexOf('## Warnings')];
    expect(breaking).toBeGreaterThan(0);
    expect(md.slice(breaking, warnings)).toContain('accepted with 200');
    expect(md.slice(breaking, warnings)).not.toContain('status 201');
    expect(md.slice(warnings)).toContain('status 201 is not one the contract lists');
    expect(md.slice(warnings)).toContain('401 without code 4002');
    const xml = junitXml(report);
    expect(xml).toContain('failures="1"');
    expect(xml).toMatch(/name="status_code_conformance"><properties><property name="warnings" value="1"\/><\/properties><system-out>WARNING/);
    expect(xml).not.toMatch(/name="status_code_conformance">[^\n]*<(failure|skipped)/);
  });
});

describe('reports read in order: failures, warnings, then what was created (grouped)', () => {
  it('in the console and in contract-summary.md; 30 records left open for one reason say it once', async () => {
    const { humanSummary } = await import('./report/human.js');
    const { markdownSummary } = await import('./report/markdown.js');
    const { verdict } = await import('./checks/verdict.js');
    const failed = verdict('paging_conformance', {
      ran: true,
      findings: [{ severity: 'breaking', message: 'getTasks: skip 2 answered the same items', pointer: 'getTasks skip' }],
    });
    const warned = verdict('status_code_conformance', {
      ran: true,
      findings: [{ severity: 'warning', message: 'status 201 is not one the contract lists', pointer: 'status' }],
      passed: ['3 answers'],
    });
    const why = 'not closed: no status named Closed or Resolved among what getTasks returns; set KORE_CLOSED_STATUS (a status id or name)';
    const created = Array.from({ length: 30 }, (_, i) => ({
      operation: 'createTask' as const,
      id: `ti-${String(i).padStart(7, '0')}`,
      name: `contract-run x ${i}`,
      closed: false,
      note: why,
    }));
    created[1]!.name = `contract-run x long ${'x'.repeat(5000)}`;
    const report = {
      target: 'live',
      baseUrl: 'http://127.0.0.1:1',
      verdicts: [warned, failed],
      requests: 3,
      durationMs: 1,
      pbt: { runs: 1, seed: 1 },
      strict: false,
      cleanup: { created, summary: `30 created, none closed: ${why.slice(12)}` },
    };
    for (const out of [humanSummary(report), markdownSummary([report])]) {
      const at = (text: string) => out.indexOf(text);
      expect(at('skip 2 answered the same items')).toBeGreaterThan(0);
      expect(at('skip 2 answered the same items')).toBeLessThan(at('status 201 is not one'));
      expect(at('status 201 is not one')).toBeLessThan(at('ti-0000000'));
      expect(out.split(why).length - 1).toBe(1);
      expect(out).toContain('ti-0000029');
      expect(out).toContain('... (5020 characters)');
      expect(out).not.toContain('x'.repeat(100));
    }
  });
});

describe('client_agreement', () => {
  const sent = (via: 'sdk' | 'openapi-generator', body: unknown, status = 200, json: unknown = {}, clientError?: string): Exchange => ({
    ...exchange('accept', status, json),
    via,
    clientError,
    request: { method: 'POST', path: '/x', headers: {}, body: JSON.stringify(body) },
  });
  const body = {
    caseId: 'ci-31d9184-d64d-42d9-8c75-5edba531xxxx',
    caseRefId: 'CS000131',
    taskTmp: 'ttm-16623a9-c63c-4bda-b1e4-14754939xxxx',
    source: 'rtm',
  };

  it('fails a client that put a body on the wire the contract refuses (id instead of _id, no identifier)', async () => {
    const v = await checks.client_agreement(
      ctxWith([sent('openapi-generator', { ...body, userInfo: { id: 'u-1', name: 'dummy' } }, 400, envelope())]),
    );
    expect(v.status).toBe('fail');
    expect(v.evidence.join('\n')).toContain('the client sent a body the contract refuses');
  });

  it('fails an SDK that accepted a 2xx answer breaking the Task schema', async () => {
    const v = await checks.client_agreement(ctxWith([sent('sdk', { ...body, userInfo: { name: 'dummy', emailId: 'd@x.io' } }, 200, { refId: 1 })]));
    expect(v.status).toBe('fail');
    expect(v.fields).toEqual(['(SDK response validation)']);
  });

  it('passes when the SDK refused exactly the non-conforming answer', async () => {
    const v = await checks.client_agreement(
      ctxWith([
        sent(
          'sdk',
          { ...body, userInfo: { name: 'dummy', emailId: 'd@x.io' } },
          200,
          { refId: 1 },
          'ResponseValidationError: the response breaks the contract',
        ),
      ]),
    );
    expect(v.status).toBe('pass');
  });
});

describe('findings are data', () => {
  it('each carries its probe, channel and pointer; the same message on several exchanges is one line, grouped by those fields', async () => {
    const answers = ['caseId', 'source', 'taskTmp'].map((field) => ({
      ...exchange('reject-invalid', 422, envelope(), {}, field),
      probe: `no ${field}`,
    }));
    const v = await checks.negative_data_rejection(ctxWith(answers));
    expect(v.findings.map((f) => [f.probe, f.channel, f.pointer, f.message])).toEqual(
      ['caseId', 'source', 'taskTmp'].map((field) => [
        `no ${field}`,
        'fetch',
        field,
        'refused with 422, not a 4xx the contract lists (400, 401, 403, 404, 413, 415, 429)',
      ]),
    );
    expect(v.warnings).toEqual([
      'refused with 422, not a 4xx the contract lists (400, 401, 403, 404, 413, 415, 429), in 3 answers: no caseId (createTask) [fetch]; no source (createTask) [fetch]; no taskTmp (createTask) [fetch]',
    ]);
  });
  it('a message that only looks like "<probe> [channel]: …" is not taken apart', async () => {
    const { verdict } = await import('./checks/verdict.js');
    const message = 'a [sdk]: b';
    const v = verdict('semantic', {
      ran: true,
      findings: [
        { message, severity: 'breaking' },
        { message, severity: 'breaking' },
      ],
    });
    expect(v.evidence).toEqual([message, message]);
  });
});

describe('evidence is redacted where it is made', () => {
  it('a registered secret or a JWT in a finding never reaches a verdict (test messages, reports)', async () => {
    const { addSecret } = await import('./redact.js');
    const { verdict } = await import('./checks/verdict.js');
    const secret = addSecret('a-client-secret-for-this-test');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const v = verdict('auth', {
      ran: true,
      findings: [{ severity: 'breaking', message: `server echoed ${secret} and ${jwt}` }],
      notRun: [`case with ${secret}: why`],
    });
    expect(v.evidence).toEqual(['server echoed [redacted] and [redacted jwt]']);
    expect(v.notRun).toEqual(['case with [redacted]: why']);
  });
});

describe('run settings (flags over variables over defaults)', () => {
  it('defaults bound a run; variables and flags override; strict from --strict or CONTRACT_STRICT=1', async () => {
    const { runSettings, defaultLimits } = await import('./settings.js');
    expect(runSettings({}, {})).toMatchObject({ ...defaultLimits, strict: false });
    expect(runSettings({}, { CONTRACT_REQUEST_TIMEOUT_MS: '500', CONTRACT_STRICT: '1' })).toMatchObject({ requestTimeoutMs: 500, strict: true });
    expect(runSettings({ 'request-timeout': '700', strict: true }, { CONTRACT_REQUEST_TIMEOUT_MS: '500' })).toMatchObject({
      requestTimeoutMs: 700,
      strict: true,
    });
  });
  it('a bad value is refused naming the flag or the variable', async () => {
    const { runSettings } = await import('./settings.js');
    expect(() => runSettings({ deadline: '0' }, {})).toThrow('--deadline must be a positive whole number, got "0"');
    expect(() => runSettings({}, { CONTRACT_MAX_BODY_BYTES: '1e3x' })).toThrow('CONTRACT_MAX_BODY_BYTES must be a positive whole number');
    expect(() => runSettings({}, { CONTRACT_STRICT: 'yes' })).toThrow('CONTRACT_STRICT must be 1 or 0');
  });
});

describe('response_schema_conformance on ids and required fields', () => {
  const taskSample = bundle.components.examples.TaskSeedSample.value;
  const caseSample = bundle.components.examples.CaseCreatedSample.value;
  const answer = (operation: Exchange['operation'], json: unknown, probe: string): Exchange => ({
    ...exchange('accept', 200, json),
    operation,
    probe,
  });
  const uuid = (prefix: string, n: number) => `${prefix}1b4e28ba-2fa1-11d2-883f-0016d3cca4${String(n).padStart(2, '0')}`;

  it('no warning for ids that are whole UUIDs after their prefix', async () => {
    const tasks = [1, 2, 3].map((n) => answer('createTask', { ...taskSample, _id: uuid('ti-', n), caseId: uuid('ci-', n) }, `task ${n}`));
    const v = await checks.response_schema_conformance(ctxWith([...tasks, answer('createCase', { ...caseSample, _id: uuid('ci-', 9) }, 'case')]));
    expect(v.warnings).toEqual([]);
    expect(v.status).toBe('pass');
  });

  it('ids in characters no sample uses: one warning per id field, whatever the number of answers and operations', async () => {
    const odd = (n: number) => `ti-ghijklmnopq${'rstuv'[n]}`;
    const xs = [0, 1, 2, 3].flatMap((n) => [
      answer('createTask', { ...taskSample, _id: odd(n) }, `create ${n}`),
      answer('updateTask', { ...taskSample, _id: odd(n) }, `update ${n}`),
    ]);
    const v = await checks.response_schema_conformance(ctxWith(xs));
    expect(v.status).toBe('warn');
    expect(v.warnings).toHaveLength(1);
    expect(v.warnings[0]).toMatch(/^TaskId: .*"ti-ghijklmnopqr".*at createTask \/_id, updateTask \/_id, in 8 answer\(s\)/);
  });

  it('a createCase answer without _id is breaking', async () => {
    const { _id: _dropped, ...withoutId } = caseSample;
    const v = await checks.response_schema_conformance(ctxWith([answer('createCase', withoutId, 'createCase sample')]));
    expect(v.status).toBe('fail');
    expect(v.fields).toEqual(['createCase /_id']);
    expect(v.findings).toEqual([
      {
        check: 'response_schema_conformance',
        operation: 'createCase',
        pointer: 'createCase /_id',
        field: 'createCase /_id',
        severity: 'breaking',
        message: expect.stringContaining('is required but missing'),
        line: expect.any(String),
      },
    ]);
  });
});

describe('checks are pure judges', () => {
  it('no check sends: none imports a sender or a token minter (scenarios send, checks judge what they recorded)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('./checks/', import.meta.url);
    const senders = readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /^import (?!type )[^;]*from '\.\.\/(channels|tokens|record)\.js'/m.test(readFileSync(new URL(file, dir), 'utf8')));
    expect(senders).toEqual([]);
  });

  it('semantic judges two recorded creates: one _id twice is breaking, an lname not lower-cased a warning', async () => {
    const { judgeTwoCreates } = await import('./checks/semantic.js');
    const { verdict } = await import('./checks/verdict.js');
    const f = { caseId: 'ci-1', caseRefId: 'CS1', taskTemplateId: 'ttm-1' };
    const now = Date.parse('2026-12-07T06:00:00Z');
    const task = {
      _id: 'ti-1',
      caseId: 'ci-1',
      caseRefId: 'CS1',
      name: 'T',
      lname: 'T',
      refId: 'TS100',
      createdAt: '2026-12-07T06:00:00Z',
      timestampValue: now,
    };
    const created = (json: object): Exchange => ({ ...exchange('accept', 200, json), probe: 'semantic create' });
    const v = verdict('semantic', judgeTwoCreates({ name: 'T', creates: [created(task), created({ ...task, refId: 'TS101' })] }, f, now));
    expect([v.status, v.fields, v.warningFields]).toEqual(['fail', ['/_id'], ['/lname']]);
  });
});

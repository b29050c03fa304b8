/**
 * `learn` on evidence made here: each kind of difference is proposed once, with its evidence; the overlay applies
 * to the contract and then accepts what was observed; nothing private in the evidence reaches the overlay.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, validatorAt, specOf } from './spec.js';
import { readEvidence, type Observation } from './learn/evidence.js';
import { learn, overlayOf } from './learn/learn.js';
import { applyOverlay } from './learn/overlay.js';
import { shapeOf, syntheticId } from './learn/shapes.js';
import { scratchDir } from '../test/helpers/run-scratch.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8'));
const task = fixture('createTask/response.json');
const at = (i: number) => `2026-12-0${1 + (i % 5)}T10:00:00.000Z`;
const observe = (o: Partial<Observation> & Pick<Observation, 'operation' | 'status'>, i = 0): Observation => ({
  headers: {},
  source: 'evidence.json',
  at: at(i),
  ...o,
});
const successPointer = (op: Parameters<typeof specOf>[0]) => `${specOf(op).documentedResponse(200)!.pointer}/content/application~1json/schema`;

describe('shapes', () => {
  it.each([
    ['ti-1b4e28ba-2fa1-11d2-883f-0016d3cca427', 'ti-hex8-hex4-hex4-hex4-hex12'],
    ['ci-31d9184-d64d-42d9-8c75-5edba531xxxx', 'ci-alnum7-alnum4-alnum4-alnum4-alnum12'],
    ['ti-12345678-1234-11d2-883f-0016d3cca427', 'ti-hex8-hex4-hex4-hex4-hex12'],
    ['CS000131', 'CSdigits6'],
  ])('%s is shaped %s, and a synthetic id keeps the shape but none of the characters', (id, shape) => {
    expect(shapeOf(id)).toBe(shape);
    expect(shapeOf(syntheticId(shape))).toBe(shape);
    expect(syntheticId(shape)).not.toBe(id);
  });
});

describe('learn', () => {
  it('proposes nothing for answers that keep the contract', () => {
    const proposals = learn([observe({ operation: 'createTask', status: 200, body: task })], { absentAfter: 100 });
    expect(proposals.filter((p) => p.kind !== 'id-shape')).toEqual([]);
  });

  it('proposes each difference once, with how often, when and where it was seen', () => {
    const uuidTask = { ...task, _id: 'ti-1b4e28ba-2fa1-11d2-883f-0016d3cca427', slaBreached: false };
    const evidence = [0, 1, 2].map((i) => observe({ operation: 'createTask', status: 201, body: { ...uuidTask, slaBreached: i === 1 } }, i));
    evidence.push(observe({ operation: 'createTask', status: 400, body: { error: { message: 'caseId is required', reason: 'MISSING_FIELD' } } }, 3));
    const proposals = learn(evidence, { absentAfter: 100 });
    const byKind: Record<string, typeof proposals> = {};
    for (const p of proposals) (byKind[p.kind] ??= []).push(p);
    expect(Object.keys(byKind).sort()).toEqual(['error-body', 'field-added', 'id-shape', 'status']);
    expect(byKind.status![0]!.summary).toMatch(/createTask answered 201.*3 time\(s\).*body of its 200/);
    expect(byKind.status![0]!.seen).toEqual({ count: 3, first: at(0), last: at(2), sources: ['evidence.json'] });
    const added = byKind['field-added']!;
    expect(added).toHaveLength(1);
    expect(added[0]!.actions[0]!.update.properties.slaBreached).toMatchObject({
      type: 'boolean',
      'x-provenance': 'observed',
      'x-observed': { count: 3 },
    });
    expect(byKind['id-shape']!.map((p) => p.summary)).toContainEqual(
      expect.stringMatching(/^TaskId: ids shaped ti-hex8-hex4-hex4-hex4-hex12 \(3 time/),
    );
    expect(byKind['error-body']![0]!.summary).toMatch(/createTask 400/);
  });

  it('reports a documented field never seen, and removes nothing', () => {
    const { refId: _dropped, ...abridged } = { ...task, refId: 'TS000126' };
    const evidence = [0, 1, 2, 3, 4].map((i) => observe({ operation: 'createTask', status: 200, body: abridged }, i));
    const never = learn(evidence, { absentAfter: 5 }).filter((p) => p.kind === 'field-never-seen');
    expect(never.map((p) => p.summary).join('\n')).toMatch(/^Task: \d+ documented field\(s\) never seen in 5 answers: .*\brefId\b/m);
    for (const p of never) expect(p.actions.every((a) => a.update?.['x-observed-absent'] && !a.remove)).toBe(true);
  });

  it("an enum value and an error code seen are proposed by value: they are the platform's words, not data", () => {
    const evidence = [
      observe({ operation: 'createTask', status: 401, body: { errors: [{ msg: 'token expired for jane@example.com', code: 'TOKEN_EXPIRED' }] } }),
    ];
    const [proposal] = learn(evidence);
    expect(proposal!.summary).toMatch(/codes seen: TOKEN_EXPIRED/);
    expect(JSON.stringify(proposal)).not.toContain('jane@example.com');
  });
});

describe('the overlay', () => {
  it('applies to the contract, after which what was observed is valid', async () => {
    const uuidTask = { ...task, _id: 'ti-1b4e28ba-2fa1-11d2-883f-0016d3cca427', slaBreached: true };
    const envelope = { error: { message: 'bad', reason: 'MISSING_FIELD' } };
    const evidence = [
      observe({ operation: 'createTask', status: 201, body: uuidTask }),
      observe({ operation: 'createTask', status: 400, body: envelope }),
    ];
    const overlay = overlayOf(learn(evidence), { title: 't', version: '1', sources: ['evidence.json'] });
    const tenant = await applyOverlay(bundle, overlay);
    const ops = tenant.paths[specOf('createTask').path].post;
    expect(ops.responses['201']['x-provenance']).toBe('observed');
    expect(ops.responses['400'].content['application/json'].schema.properties.error.properties.reason.type).toBe('string');
    expect(tenant.components.schemas.Task.properties?.slaBreached ?? tenant.components.schemas.Task.allOf).toBeTruthy();
    // the contract itself is untouched
    expect(bundle.paths[specOf('createTask').path].post.responses['201']).toBeUndefined();
    expect(validatorAt(successPointer('createTask'))(uuidTask)).toBe(true);
  });

  it('refuses what is not an overlay, and an action that targets nothing', async () => {
    await expect(applyOverlay(bundle, { openapi: '3.1.0' }, 'x.yaml')).rejects.toThrow(/x.yaml: not an OpenAPI Overlay 1.0 document/);
    await expect(
      applyOverlay(bundle, { overlay: '1.0.0', info: {}, actions: [{ target: "$.paths['/nowhere']", update: { a: 1 } }] }, 'x.yaml'),
    ).rejects.toThrow(/match nothing.*\/nowhere/);
  });
});

describe('nothing private leaks', () => {
  const secrets = [
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWFrIn0.c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ',
    'cs-5ecret-cl1ent-value-77',
    'jane.doe@example.com',
    '+1-202-555-0147',
    'Jane Q. Doe',
    'Customer says the invoice 4471 was charged twice',
    'u-9f1c2d3e-aaaa-bbbb-cccc-123456789abc',
  ];
  it('the overlay holds none of the secrets and personal data planted in the evidence', async () => {
    const [jwt, clientSecret, email, phone, name, text, userId] = secrets;
    const body = {
      ...task,
      _id: 'ti-1b4e28ba-2fa1-11d2-883f-0016d3cca427',
      name: text,
      userInfo: { _id: userId, name, emailId: email, phoneNumber: phone },
      reporter: { email, phone, note: text, token: jwt },
      [email!]: 'a key that is data',
      extraTags: [name, email],
    };
    const dir = scratchDir('learn-leak-');
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [201, 400, 401, 418].map((status) => ({
          startedDateTime: at(status),
          request: {
            method: 'POST',
            url: `http://127.0.0.1:1/caseManagement/api/public/analytics/st-1/createTask`,
            headers: [
              { name: 'auth', value: jwt },
              { name: 'x-client-secret', value: clientSecret },
            ],
            postData: { text: JSON.stringify({ clientSecret, name }) },
          },
          response: {
            status,
            headers: [
              { name: 'set-cookie', value: `session=${jwt}` },
              { name: 'x-echo', value: email },
            ],
            content: {
              mimeType: 'application/json',
              text: JSON.stringify(status === 201 ? body : { errors: [{ msg: `${text} ${email} ${phone} ${jwt}`, code: 4001, detail: name }] }),
            },
          },
        })),
      },
    };
    const file = join(dir, 'leaky.har');
    writeFileSync(file, JSON.stringify(har));
    const proposals = learn(readEvidence(file), { absentAfter: 1 });
    expect(proposals.length).toBeGreaterThan(3);
    const overlay = JSON.stringify(overlayOf(proposals, { title: 'leak', version: '1', sources: ['leaky.har'] }));
    for (const secret of secrets) expect(overlay, `the overlay carries "${secret}"`).not.toContain(secret);
    for (const piece of ['jane', '555-0147', 'invoice', 'c2lnbmF0dXJl', '5ecret']) expect(overlay.toLowerCase()).not.toContain(piece.toLowerCase());
  });
});

import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/server.js';
import { createTask, createTaskUrl, devToken, envelopeMessages, validBody, withSandbox } from './helpers.js';

let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await withSandbox();
  token = await devToken(sb);
});
afterAll(() => sb.close());

/** A raw request (node:http), so the body can be sent chunked, without a content-length. */
function rawPost(url: string, headers: Record<string, string>, chunks: Buffer[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('bad input is a 4xx in the envelope, never a 5xx', () => {
  it('malformed JSON: 400 naming the body', async () => {
    const sent = await createTask(sb, undefined, { auth: token, raw: '{"caseId": ' });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)[0]).toMatch(/^body is not valid JSON/);
  });

  it('an empty body: 400', async () => {
    const sent = await createTask(sb, undefined, { auth: token, raw: '' });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)[0]).toMatch(/^body/);
  });

  it('a body over 1 MiB (declared length): 413', async () => {
    const big = JSON.stringify({ ...validBody(sb), desc: 'x'.repeat(1024 * 1024) });
    const sent = await createTask(sb, undefined, { auth: token, raw: big });
    expect(sent.status).toBe(413);
    expect(envelopeMessages(sent)[0]).toMatch(/larger than 1048576 bytes/);
  });

  it('a chunked body that grows past 1 MiB: 413', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'x');
    const res = await rawPost(createTaskUrl(sb), { auth: token, 'content-type': 'application/json' }, [chunk, chunk, chunk, chunk, chunk]);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0].code).toBe(4013);
  });

  it('a body just under the limit is read (and judged on its content)', async () => {
    const body = JSON.stringify({ ...validBody(sb), padding: 'x'.repeat(1024 * 1024 - 400) }); // unknown: ignored
    expect(body.length).toBeLessThan(1024 * 1024);
    const sent = await createTask(sb, undefined, { auth: token, raw: body });
    expect(sent.status).toBe(200);
  });

  it('a wrong content type: 415; charset parameters are fine', async () => {
    const wrong = await createTask(sb, validBody(sb), { auth: token, headers: { 'content-type': 'text/plain' } });
    expect(wrong.status).toBe(415);
    expect(envelopeMessages(wrong)[0]).toMatch(/^content-type must be application\/json/);
    const withCharset = await createTask(sb, validBody(sb), { auth: token, headers: { 'content-type': 'application/json;charset=UTF-8' } });
    expect(withCharset.status).toBe(200);
  });

  it('an unknown stream: 404 naming streamId', async () => {
    const sent = await createTask(sb, validBody(sb), { auth: token, streamId: 'st-00000000-0000-4000-8000-000000000000' });
    expect(sent.status).toBe(404);
    expect(envelopeMessages(sent)[0]).toMatch(/^streamId: no stream/);
  });

  it('a stream id that is not valid percent-encoding: 404, not 500', async () => {
    const sent = await createTask(sb, validBody(sb), { auth: token, streamId: '%E0%A4%A' });
    expect(sent.status).toBe(404);
    expect(envelopeMessages(sent)[0]).toMatch(/^streamId: no stream %E0%A4%A/);
  });

  it('an unknown route: 404', async () => {
    const response = await fetch(`${sb.url}/caseManagement/api/public/analytics/${sb.seed.streamId}/createTasks`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0]).toEqual({ msg: expect.stringMatching(/^no route POST/), code: 4004 });
  });

  it('a wrong method: 405 with Allow', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await fetch(createTaskUrl(sb), { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect((await response.json()).errors[0].code).toBe(4005);
    }
    const health = await fetch(`${sb.url}/__sandbox/health`, { method: 'POST' });
    expect(health.status).toBe(405);
  });

  it('the fault control endpoint is off without --faults', async () => {
    const response = await fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0].msg).toMatch(/--faults/);
  });

  it('ignores x-sandbox-fault without --faults', async () => {
    const sent = await createTask(sb, validBody(sb), { auth: token, headers: { 'x-sandbox-fault': '500' } });
    expect(sent.status).toBe(200);
  });
});

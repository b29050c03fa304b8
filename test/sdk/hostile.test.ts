/**
 * Hostile and odd servers, over real HTTP on 127.0.0.1: redirects must not carry the token anywhere.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { APIError, createKoreClient, type KoreClientOptions } from '../../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, STATIC_JWT, STREAM_ID, rejection, sampleBody } from './helpers.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))));
});

/** A server on 127.0.0.1:0 that records every request it receives, whole, and answers with `handle`. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void = (_, res) => res.end('{}')) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handle(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, received, server };
}

const auths: [string, Partial<KoreClientOptions>][] = [
  ['static jwt', { jwt: STATIC_JWT }],
  ['app credentials', { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }],
];

describe('redirects are never followed: the token goes nowhere else', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    for (const [authName, auth] of auths) {
      it(`${status} (${authName}) → an APIError naming the Location; the target receives nothing`, async () => {
        const target = await serve((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"_id":"not-a-task"}'));
        const location = `${target.url}/elsewhere?from=kore`;
        const origin = await serve((_, res) => res.writeHead(status, { location }).end('moved'));
        const client = createKoreClient({ baseUrl: origin.url, streamId: STREAM_ID, ...auth, sleep: async () => {} });
        const e = await rejection(client.createTask(sampleBody));
        expect(e).toBeInstanceOf(APIError);
        expect(e.status).toBe(status);
        expect(e.message).toContain(location);
        expect(e.message).toMatch(/not followed/);
        expect(e.message).toMatch(/the task was not created/);
        expect(origin.received).toHaveLength(1); // nothing re-sent, no retry
        expect(target.received).toEqual([]);
      });
    }
  }

  it('kore.api (the openapi-fetch client) does not follow them either', async () => {
    const target = await serve();
    const origin = await serve((_, res) => res.writeHead(307, { location: `${target.url}/x` }).end());
    const client = createKoreClient({ baseUrl: origin.url, streamId: STREAM_ID, jwt: STATIC_JWT });
    const { response } = await client.api.POST('/caseManagement/api/public/analytics/{streamId}/createTask', {
      params: { path: { streamId: STREAM_ID } },
      body: sampleBody,
    });
    expect(response.status).toBe(307);
    expect(target.received).toEqual([]);
  });

  it("a browser's opaque redirect (status 0, no Location) is an APIError too", async () => {
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    Object.defineProperties(opaque, { status: { value: 0 }, ok: { value: false } });
    const client = createKoreClient({ streamId: STREAM_ID, jwt: STATIC_JWT, fetch: async () => opaque });
    const e = await rejection(client.createTask(sampleBody));
    expect(e).toBeInstanceOf(APIError);
    expect(e.message).toMatch(/redirect.*not followed.*the task was not created/);
  });
});

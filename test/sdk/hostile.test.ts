/**
 * Hostile and odd servers, over real HTTP on 127.0.0.1: redirects must not carry the token anywhere, and an answer
 * is read only up to maxResponseBytes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { APIError, createKoreClient, InvalidArgumentError, type KoreClientOptions } from '../../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, STATIC_JWT, STREAM_ID, rejection, sampleBody, sampleTask } from './helpers.js';

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
        expect(e.message).toMatch(/the task may have been created/);
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
    expect(e.message).toMatch(/redirect.*not followed.*the task may have been created/);
  });
});

const MiB = 1024 * 1024;

/**
 * Answers `total` bytes of `status` in 64 KiB chunks as fast as the client reads them (backpressure), with a
 * Content-Length when `declare` is set; `written()` is how many bytes left before the client dropped the connection.
 */
async function flood(total: number, { status = 200, declare = false } = {}) {
  let sent = 0;
  let closed!: () => void;
  const dropped = new Promise<void>((r) => (closed = r));
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const server = await serve((_, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...(declare ? { 'content-length': String(total) } : {}) });
    res.on('close', closed);
    const pump = () => {
      while (sent < total && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (sent >= total) res.end();
    };
    pump();
  });
  return { ...server, written: () => sent, dropped };
}

describe('answers are read only up to maxResponseBytes (default 10 MiB)', () => {
  const client = (baseUrl: string, options: Partial<KoreClientOptions> = {}) =>
    createKoreClient({ baseUrl, streamId: STREAM_ID, jwt: STATIC_JWT, validateRequests: false, maxRetries: 0, ...options });

  it('a 200 MB answer without Content-Length: the SDK stops reading past 10 MiB and says so', async () => {
    const server = await flood(200 * 1024 * 1024);
    const e = await rejection(client(server.url).createTask(sampleBody));
    expect(e).toBeInstanceOf(APIError);
    expect(e.status).toBe(200);
    expect(e.message).toBe(
      '200 the response body is over 10485760 bytes (maxResponseBytes); the SDK stopped reading it (the task may have been created)',
    );
    await server.dropped; // the connection was dropped...
    expect(server.written()).toBeLessThan(40 * MiB); // ...long before the 200 MB (socket buffers hold a few MB)
  });

  it('a declared Content-Length over the cap is refused before the body is read', async () => {
    const server = await flood(200 * 1024 * 1024, { declare: true });
    const e = await rejection(client(server.url).createTask(sampleBody));
    expect(e.message).toMatch(/^200 the response body is over 10485760 bytes/);
    await server.dropped;
    expect(server.written()).toBeLessThan(10 * MiB);
  });

  it('an error answer is capped too (its status kept)', async () => {
    const server = await flood(30 * MiB, { status: 502 });
    const e = await rejection(client(server.url).createTask(sampleBody));
    expect(e.status).toBe(502);
    expect(e.message).toMatch(/^502 the response body is over 10485760 bytes \(maxResponseBytes\); the SDK stopped reading it$/);
  });

  it('a small gzip answer that decodes to 50 MiB is counted as decoded', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * MiB, ' '));
    const server = await serve((_, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb));
    expect(bomb.length).toBeLessThan(MiB);
    const e = await rejection(client(server.url).createTask(sampleBody));
    expect(e.message).toMatch(/^200 the response body is over 10485760 bytes/);
  });

  it('the cap is set per client and per call; within it, answers with or without Content-Length are read whole', async () => {
    const task = JSON.stringify(sampleTask);
    const server = await serve((req, res) => {
      if (req.url!.includes('chunked')) {
        res.writeHead(200, { 'content-type': 'application/json' }).write(task); // written before end(): no Content-Length, sent chunked
        res.end();
      } else res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(task)) }).end(task);
    });
    const small = client(`${server.url}/chunked`, { maxResponseBytes: 100 });
    expect((await rejection(small.createTask(sampleBody))).message).toMatch(/^200 the response body is over 100 bytes/);
    await expect(small.createTask(sampleBody, { maxResponseBytes: 10_000 })).resolves.toEqual(sampleTask);
    const declared = client(server.url, { maxResponseBytes: 100 });
    expect((await rejection(declared.createTask(sampleBody))).message).toMatch(/^200 the response body is over 100 bytes/);
    await expect(declared.createTask(sampleBody, { maxResponseBytes: Buffer.byteLength(task) })).resolves.toEqual(sampleTask);
    await expect(client(`${server.url}/chunked`).createTask(sampleBody)).resolves.toEqual(sampleTask);
  });

  it('maxResponseBytes must be a positive integer (client and call)', async () => {
    for (const bad of [0, -1, 1.5, '10MB', 2 ** 40])
      expect(() => client('http://127.0.0.1:1', { maxResponseBytes: bad as never })).toThrow(
        /option "maxResponseBytes" must be an integer from 1 to/,
      );
    const e = await rejection(client('http://127.0.0.1:1').createTask(sampleBody, { maxResponseBytes: 0 }));
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect(e.message).toMatch(/option "maxResponseBytes"/);
  });
});

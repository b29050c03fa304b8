/**
 * `npm run proxy -- --record FILE.har`: a small front that passes every exchange through to the proxy and writes
 * it to a HAR 1.2 file, the format browsers and Postman export, so `npm run learn` reads all three alike. The
 * `auth` header is never written; the token it carried is registered as a secret and redacted wherever the
 * server echoes it. Redirects are passed back, never followed.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addSecret, redact } from './redact.js';

interface Header {
  name: string;
  value: string;
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Starts the front on host:port, forwarding to `upstream` (recorded as `recordedOrigin`); each exchange is written to `file` as it ends. */
export async function startHarRecorder(options: {
  upstream: string;
  file: string;
  port: number;
  host: string;
  recordedOrigin?: string;
}): Promise<{ url: string; server: Server; entries: () => number }> {
  const entries: unknown[] = [];
  const save = () =>
    writeFileSync(
      options.file,
      `${JSON.stringify({ log: { version: '1.2', creator: { name: 'kore contract proxy', version: '1' }, entries } }, null, 1)}\n`,
    );
  save();
  const server = createServer(async (req, res) => {
    const started = new Date();
    const body = await readBody(req);
    const headers = new Headers();
    const recorded: Header[] = [];
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || hopByHop.has(name)) continue;
      const text = Array.isArray(value) ? value.join(', ') : value;
      headers.set(name, text);
      if (name === 'auth') addSecret(text);
      recorded.push({ name, value: name === 'auth' ? '[redacted]' : text });
    }
    let answer: Response;
    try {
      answer = await fetch(new URL(req.url ?? '/', options.upstream), {
        method: req.method,
        headers,
        body: body.length ? new Uint8Array(body) : undefined,
        redirect: 'manual',
      });
    } catch (error) {
      res
        .writeHead(502, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ msg: `the proxy did not answer: ${redact((error as Error).message)}`, code: 502 }] }));
      return;
    }
    const text = Buffer.from(await answer.arrayBuffer());
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => !hopByHop.has(name) && name !== 'content-encoding' && (out[name] = value));
    // Written before it is answered: once the client has its answer, the file has the exchange.
    entries.push({
      startedDateTime: started.toISOString(),
      time: Date.now() - started.getTime(),
      request: {
        method: req.method,
        url: new URL(req.url ?? '/', options.recordedOrigin ?? options.upstream).href,
        httpVersion: 'HTTP/1.1',
        headers: recorded,
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: body.length,
        ...(body.length ? { postData: { mimeType: req.headers['content-type'] ?? '', text: redact(body.toString('utf8')) } } : {}),
      },
      response: {
        status: answer.status,
        statusText: answer.statusText,
        httpVersion: 'HTTP/1.1',
        headers: Object.entries(out).map(([name, value]) => ({ name, value: redact(value) })),
        cookies: [],
        content: { size: text.length, mimeType: answer.headers.get('content-type') ?? '', text: redact(text.toString('utf8')) },
        redirectURL: redact(answer.headers.get('location') ?? ''),
        headersSize: -1,
        bodySize: text.length,
      },
      cache: {},
      timings: { send: 0, wait: Date.now() - started.getTime(), receive: 0 },
    });
    save();
    res.writeHead(answer.status, out).end(text);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${options.host}:${port}`, server, entries: () => entries.length };
}

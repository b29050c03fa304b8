/** Reading request bodies and writing JSON responses (including the damaged ones fault injection asks for). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, isProblem, problem, type Problem } from './errors.js';

const maxBodyBytes = 1024 * 1024;

/** The body, or 413 once it passes the limit (the connection is then closed: the rest is never read). */
function readBody(req: IncomingMessage, limit = maxBodyBytes): Promise<Buffer | Problem> {
  const tooLarge = () => problem(413, ErrorCode.payloadTooLarge, `body is larger than ${limit} bytes`, { connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.resolve(tooLarge());
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve(tooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    // A client that gives up mid-body made the mistake: a 4xx (it will not read it), not an internal error.
    req.on('error', () => resolve(problem(400, ErrorCode.invalidRequest, 'body: the request ended before its body was complete')));
  });
}

/**
 * One header's value. Header names are case-insensitive, so `accountId` and `AccountId` are the same header, sent
 * twice; Node joins the values of such an unknown header with ", ". The same value twice is that value; different
 * values are a 400 naming the header. (Only a value with a comma is looked at again: the common case costs nothing.)
 */
export function singleHeader(req: IncomingMessage, name: string, label = name): string | undefined | Problem {
  const value = req.headers[name];
  if (typeof value !== 'string' || !value.includes(',')) return Array.isArray(value) ? value[0] : value;
  const values = req.headersDistinct[name] ?? [value];
  const distinct = new Set(values.map((v) => v.trim()));
  if (distinct.size === 1) return values[0]!.trim();
  return problem(
    400,
    ErrorCode.invalidRequest,
    `${label}: sent ${values.length} times with different values (header names are case-insensitive: send it once)`,
  );
}

/** A JSON request body, in the order the platform refuses it: content type (415), size (413), syntax (400). */
export async function readJsonBody(req: IncomingMessage): Promise<{ body: unknown } | Problem> {
  const type = req.headers['content-type'];
  if (!isJsonContentType(type)) {
    return problem(415, ErrorCode.unsupportedMediaType, `content-type must be application/json (got ${type ?? 'none'})`);
  }
  const raw = await readBody(req);
  if (isProblem(raw)) return raw;
  try {
    return { body: JSON.parse(raw.toString('utf8')) };
  } catch (err) {
    return problem(400, ErrorCode.invalidRequest, `body is not valid JSON (${(err as Error).message})`);
  }
}

/** `application/json` with any parameters (the seed's curl sends `application/json;charset=UTF-8`). */
function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json';
}

export type BodyFault = { kind: 'truncate' } | { kind: 'malformed' } | { kind: 'slow-body'; ms: number };

export interface SendOptions {
  headers?: Record<string, string>;
  contentType?: string;
  bodyFault?: BodyFault;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, o: SendOptions = {}): void {
  sendJsonText(res, status, JSON.stringify(body), o);
}

/** Sends what is already JSON (a stored task), damaged first when a body fault asks for it. */
export function sendJsonText(res: ServerResponse, status: number, json: string, o: SendOptions = {}): void {
  if (o.bodyFault) return sendDamaged(res, status, Buffer.from(json), o.bodyFault, o);
  // A string goes out with the head in one write; no Buffer of its own to make first.
  res.writeHead(status, headersOf(Buffer.byteLength(json), o));
  res.end(json);
}

function headersOf(contentLength: number, o: SendOptions): Record<string, string | number> {
  return { 'content-type': o.contentType ?? 'application/json; charset=utf-8', 'content-length': contentLength, ...o.headers };
}

function sendDamaged(res: ServerResponse, status: number, json: Buffer, fault: BodyFault, o: SendOptions): void {
  const data = fault.kind === 'malformed' ? Buffer.concat([json.subarray(0, -1), Buffer.from(',}')]) : json; // a trailing comma: not JSON
  res.writeHead(status, headersOf(data.length, o));
  if (fault.kind === 'truncate') {
    // Promise the whole length, send half, then drop the connection: the client sees a cut body.
    res.write(data.subarray(0, Math.floor(data.length / 2)), () => res.socket?.destroy());
    return;
  }
  if (fault.kind === 'slow-body') {
    writeSlowly(res, data, fault.ms);
    return;
  }
  res.end(data);
}

function writeSlowly(res: ServerResponse, data: Buffer, totalMs: number): void {
  const pieces = 10;
  const size = Math.ceil(data.length / pieces);
  let i = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    const piece = data.subarray(i * size, (i + 1) * size);
    i += 1;
    if (i >= pieces) {
      clearInterval(timer);
      res.end(piece);
    } else res.write(piece);
  }, totalMs / pieces);
}

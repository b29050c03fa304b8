/**
 * Node's own refusals, made before a request reaches the router (a request line or header it cannot parse,
 * headers over its 16 KiB limit, a request not received within headersTimeout / requestTimeout): answered in the
 * same envelope as every other refusal, with the status Node would use, instead of Node's bodiless default.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode, problem, type Problem } from './errors.js';

const refusals: Record<string, () => Problem> = {
  HPE_HEADER_OVERFLOW: () => problem(431, ErrorCode.headersTooLarge, 'headers: larger than the server accepts (16 KiB in all)'),
  HPE_CHUNK_EXTENSIONS_OVERFLOW: () => problem(413, ErrorCode.payloadTooLarge, 'body: chunk extensions larger than the server accepts'),
  ERR_HTTP_REQUEST_TIMEOUT: () => problem(408, ErrorCode.requestTimeout, 'request: not received in time (headers or body too slow)'),
};

/** A rendered refusal: what sendProblem would send, as text (drift modes included). */
export interface RenderedProblem {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export function clientErrorHandler(render: (p: Problem) => RenderedProblem) {
  return (err: NodeJS.ErrnoException, socket: Duplex): void => {
    // As Node does: answer only while nothing of a response has gone out on this socket (else it would corrupt it).
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const refusal =
      refusals[err.code ?? '']?.() ?? problem(400, ErrorCode.invalidRequest, `request: not valid HTTP/1.1 (${err.code ?? 'unparsable'})`);
    const { status, body, headers = {} } = render(refusal);
    const lines = Object.entries({
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines}\r\n${body}`, () => socket.destroy());
  };
}

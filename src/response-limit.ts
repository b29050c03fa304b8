/**
 * Answers are read up to `maxResponseBytes` (default 10 MiB), so a hostile answer cannot fill memory. A Content-Length
 * is trusted only without Content-Encoding (a compressed body decodes to more than it declares); otherwise bytes are
 * counted as they arrive and the stream is cancelled past the cap.
 */
import { tooLarge } from './failures.js';

export const defaultMaxResponseBytes = 10 * 1024 * 1024;

/** Told the bytes of a body as read (decoded), or its declared length when that was trusted: `.all()` bounds their sum. */
export type BodySize = (bytes: number) => void;

/** The response, its body bounded: openapi-fetch reads every body with text() (parseAs 'text'), so text() is replaced. */
export function capped(response: Response, max: number, op: string, sized?: BodySize): Response | Promise<never> {
  const declared = response.headers.get('content-length');
  if (declared !== null && !response.headers.has('content-encoding') && /^\d+$/.test(declared)) {
    if (Number(declared) <= max) {
      sized?.(Number(declared));
      return response;
    }
    response.body?.cancel().catch(() => {});
    return Promise.reject(tooLarge(response, max, op));
  }
  if (response.body) response.text = () => readText(response, max, op, sized);
  return response;
}

const utf8 = new TextDecoder();

async function readText(response: Response, max: number, op: string, sized: BodySize | undefined): Promise<string> {
  const reader = response.body!.getReader();
  let size = 0;
  let text = '';
  let decoder: TextDecoder | undefined; // only when the body comes in more than one chunk
  let last: Uint8Array | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if ((size += value.byteLength) > max) {
      reader.cancel().catch(() => {});
      throw tooLarge(response, max, op);
    }
    if (last) text += (decoder ??= new TextDecoder()).decode(last, { stream: true });
    last = value;
  }
  sized?.(size);
  return decoder ? text + decoder.decode(last) : last ? utf8.decode(last) : '';
}

/**
 * Answers are read up to `maxResponseBytes` (default 10 MiB: a task is about 1 kB and an error envelope less, so
 * even the family's future list answers fit with a wide margin, while a hostile 200 MB answer no longer costs
 * ~630 MB of memory). A Content-Length is trusted when there is no Content-Encoding, as HTTP framing holds the body
 * to it (a compressed body decodes to more than it declares): over the cap the body is never read, within it the
 * Response is used as is (the fast path). Otherwise the bytes are counted as they arrive and, past the cap, the
 * stream is cancelled (fetch drops the connection). In a browser a cross-origin answer may hide its
 * Content-Encoding, so a compressed body could be trusted at its declared size there.
 * The counter stays in the entry (a compressed answer, the common case, needs it on a first call); a too-large
 * answer's error is made by the failure chunk (failures.ts: tooLarge).
 */
import { loadFailures } from './errors.js';

export const defaultMaxResponseBytes = 10 * 1024 * 1024;

// the size of each body read through `capped`, for `.all()`'s bound on the bytes of all its pages
const sizes = new WeakMap<Response, number>();

/** The bytes of `response`'s body as read (decoded), its declared length when that was trusted, or 0 when unknown. */
export const bodySize = (response: Response): number => sizes.get(response) ?? 0;

/** The response, its body bounded: openapi-fetch reads every body with text() (parseAs 'text'), so text() is replaced. */
export function capped(response: Response, max: number, op: string): Response | Promise<never> {
  const declared = response.headers.get('content-length');
  if (declared !== null && !response.headers.has('content-encoding') && /^\d+$/.test(declared)) {
    if (Number(declared) <= max) {
      sizes.set(response, Number(declared));
      return response;
    }
    response.body?.cancel().catch(() => {});
    return loadFailures(op).then((f) => Promise.reject(f.tooLarge(response, max, op)));
  }
  if (response.body) response.text = () => readText(response, max, op);
  return response;
}

const utf8 = new TextDecoder();

async function readText(response: Response, max: number, op: string): Promise<string> {
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
      throw (await loadFailures(op)).tooLarge(response, max, op);
    }
    if (last) text += (decoder ??= new TextDecoder()).decode(last, { stream: true });
    last = value;
  }
  sizes.set(response, size);
  return decoder ? text + decoder.decode(last) : last ? utf8.decode(last) : '';
}

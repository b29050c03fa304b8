/**
 * What a failed attempt becomes: the APIError of an answer that is not a success, or the connection error of a fetch
 * that threw (timeout, abort, refused, reset).
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, KoreError, requestIdOf, type APIErrorInit } from './errors.js';
import { redactorOf, redactValue, type Redact } from './redact.js';
import type { Secrets } from './secrets.js';
import type { ErrorEnvelope } from './types.js';
import { field, isRecord, messageOf } from './values.js';

/**
 * What a failure says about the operation's effect, for messages: a create may have created its item (or surely did
 * not), an update may have been applied; a read changes nothing, so there is nothing to say. By the family's names.
 */
const effect = (op: string, maybe: boolean): string => {
  const state = maybe ? 'may have been' : 'was not';
  return op.startsWith('create') ? `the ${op.slice(6).toLowerCase()} ${state} created` : op.startsWith('update') ? `the update ${state} applied` : '';
};

/** What every error of an HTTP answer carries. */
const answerInit = (response: Response): APIErrorInit => ({
  status: response.status,
  headers: response.headers,
  requestId: requestIdOf(response),
});

/** The APIError of an answer over `maxResponseBytes` . */
export const tooLarge = (response: Response, max: number, op: string) =>
  new APIError(
    `${response.status} the response body is over ${max} bytes (maxResponseBytes); the SDK stopped reading it${response.ok ? paren(effect(op, true)) : ''}`,
    answerInit(response),
  );

/**
 * The APIError of an answer: `error` is what openapi-fetch parsed from a failed answer's body (the envelope, or
 * the text when it is not JSON); `unreadable` marks a success whose body is not JSON (the operation was done).
 */
export function answerError(op: string, response: Response, error: unknown, secrets: Secrets, unreadable?: boolean): APIError {
  const redact = redactorOf(secrets);
  const init = answerInit(response);
  if (isRedirect(response)) return redirectError(op, response, init, redact);
  if (unreadable) return APIError.generate(response.status, init, 'the response body is not valid JSON' + paren(effect(op, true)));
  // Every string of the answer is redacted before anything reads it: any field may quote a token.
  const said = redactValue(error, redact);
  const envelope = isEnvelope(said) ? envelopeOf(said) : undefined;
  return APIError.generate(response.status, { ...init, envelope }, envelope ? undefined : detailOf(said));
}

// Fetched with redirect 'manual': Node answers the 3xx itself, a browser an opaque redirect (status 0, no headers).
const isRedirect = (r: Response) => r.type == 'opaqueredirect' || (r.status > 299 && r.status < 400);

// " (the task may have been created)", or nothing for a read, whose effect() is empty
const paren = (said: string) => (said ? ` (${said})` : '');

function redirectError(op: string, response: Response, init: APIErrorInit, redact: Redact): APIError {
  const location = response.headers.get('location');
  const to = location ? ` to ${redact(location)}` : '';
  const said = effect(op, true); // a server may act on a POST before redirecting (a 303 after a POST says it did)
  return new APIError(`${response.status} redirect${to} not followed (the SDK never sends its credentials elsewhere)${said && ': ' + said}`, init);
}

// Errors with these causes come before any byte of the request left, so it cannot have been processed: the
// connection never opened (refused, no address, unreachable, connect timeout), TLS refused the server's
// certificate, the URL was unusable, or fetch itself refused: undici's "bad port" (6000, 10080…; it has no code),
// a scheme it does not fetch. Anything else (ECONNRESET, UND_ERR_SOCKET, a browser's bare "Failed to fetch") may
// have been sent.
const notSentCodes =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_NONAME|ENETUNREACH|EHOSTUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT|ERR_INVALID_URL|ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID)$/;
const notSentMessages = /^(bad port|unknown scheme|URL scheme must be a HTTP\(S\) scheme)$/;
const causeOf = (e: unknown) => field(e, 'cause');
const errorCode = (e: unknown): string =>
  String(field(e, 'code') ?? field(causeOf(e), 'code') ?? field(field(field(causeOf(e), 'errors'), '0'), 'code') ?? '');
const neverSent = (e: unknown, code: string) => notSentCodes.test(code) || (!code && notSentMessages.test(String(field(causeOf(e), 'message'))));

/**
 * What an attempt that threw becomes: a timeout (`timedOut`), a caller's abort (`aborted`), a connection error, or
 * before fetch was reached (`reached` false) a KoreError: the SDK's failure or the body's, never the connection's.
 */
export function thrownError(
  op: string,
  e: unknown,
  reached: boolean,
  timedOut: boolean,
  aborted: boolean | undefined,
  timeoutMs: number,
  secrets: Secrets,
): KoreError {
  // redacted at the boundary (client.ts, withRetries), as every error
  if (!reached && !timedOut && !aborted) return new KoreError(`${op}: the request could not be made (nothing was sent): ${messageOf(e)}`);
  if (timedOut) return new APIConnectionTimeoutError(`no complete answer within ${timeoutMs} ms${paren(effect(op, true))}`, true);
  if (aborted) return new APIUserAbortError('the call was aborted', true);
  const why = redactorOf(secrets)(messageOf(e));
  const code = errorCode(e);
  const sent = !neverSent(e, code);
  const detail = code || (sent ? '' : String(field(causeOf(e), 'message')));
  return new APIConnectionError(`connection failed${detail ? ` (${detail})` : ''}: ${why}`, sent, safeCause(e, why, code));
}

function isEnvelope(value: unknown): value is { errors: unknown[] } {
  return isRecord(value) && Array.isArray(value.errors) && value.errors.some(isRecord);
}

/** The envelope's error items; `msg` filled from `message` where a page spells it that way. */
function envelopeOf(body: { errors: unknown[] }): ErrorEnvelope {
  const errors = body.errors.filter(isRecord).map((e) => (typeof e.msg != 'string' && typeof e.message == 'string' ? { ...e, msg: e.message } : e));
  return { ...body, errors } as ErrorEnvelope;
}

/** What a failed answer that is not an envelope said: its text (cut after redaction), or a JSON body's message. */
function detailOf(said: unknown): string | undefined {
  const text =
    typeof said == 'string'
      ? said
      : isRecord(said) && typeof said.message == 'string'
        ? said.message
        : said === undefined
          ? undefined
          : JSON.stringify(said);
  return text ? text.slice(0, 200) : undefined;
}

// The original error may quote a token (a custom fetch's message, say): keep its name and code, redact its text.
function safeCause(e: unknown, message: string, code: string): Error {
  const cause = new Error(message);
  cause.name = (e as Error)?.name ?? 'Error';
  if (code) Object.assign(cause, { code });
  return cause;
}

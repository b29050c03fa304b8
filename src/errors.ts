/**
 * One error hierarchy: every failure of a call is a KoreError; one from an HTTP answer carries its status, headers,
 * envelope and request id. Messages are redacted before they get here, and toJSON() lists only safe fields.
 */
import type { ErrorEnvelope } from './types.js';

export interface Problem {
  path: string; // e.g. "userInfo.emailId"; "(body)" for the whole value
  message: string; // e.g. "must be a string"
}

export interface APIErrorInit {
  status?: number;
  headers?: Headers;
  envelope?: ErrorEnvelope;
  requestId?: string;
  cause?: unknown;
}

/** The platform's request id, when the answer carries one. */
export const requestIdOf = (response: Response): string | undefined => response.headers.get('x-request-id') ?? undefined;

export class KoreError extends Error {
  override name = 'KoreError';
  toJSON(): Record<string, unknown> {
    const { cause: _cause, headers, ...fields } = this as Record<string, unknown>;
    return { ...fields, message: this.message, headers: headers && Object.fromEntries(headers as Headers) };
  }
}

export class APIError extends KoreError {
  override name = 'APIError';
  declare readonly status: number | undefined;
  declare readonly headers: Headers | undefined;
  /** The parsed platform error body, `{ errors: [{ msg, code }] }`, when the answer had one. */
  declare readonly envelope: ErrorEnvelope | undefined;
  /** What the platform said: the first `msg` of the envelope. */
  declare readonly platformMessage: string | undefined;
  declare readonly requestId: string | undefined;

  constructor(message: string, init: APIErrorInit = {}) {
    super(message, init);
    const { cause: _cause, ...fields } = init;
    Object.assign(this, { status: undefined, headers: undefined, envelope: undefined, requestId: undefined }, fields, {
      platformMessage: init.envelope?.errors?.[0]?.msg,
    });
  }

  /** The error for an HTTP answer that is not a success, its class by status; `detail` stands in when there is no envelope. */
  static generate(status: number, init: APIErrorInit, detail?: string): APIError {
    const said =
      init.envelope?.errors
        ?.map((e) => e.msg)
        .filter((m) => typeof m == 'string')
        .join('; ') || detail;
    const message = status + (said ? ' ' + said : '');
    const fields = { ...init, status };
    if (status == 400) return new BadRequestError(message, fields);
    if (status == 401) return new AuthenticationError(message, fields);
    if (status == 403) return new PermissionDeniedError(message, fields);
    if (status == 404) return new NotFoundError(message, fields);
    if (status == 429) return new RateLimitError(message, fields);
    if (status > 499) return new InternalServerError(message, fields);
    return new APIError(message, fields);
  }
}

export class BadRequestError extends APIError {
  override name = 'BadRequestError';
  declare readonly status: 400;
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
  declare readonly status: 401;
}
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
  declare readonly status: 403;
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
  declare readonly status: 404;
}
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
  declare readonly status: 429;
}
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
  declare readonly status: number;
}
/** No HTTP answer: the connection failed. `sent` is false only when the request surely never left (safe to retry). */
export class APIConnectionError extends APIError {
  override name = 'APIConnectionError';
  declare readonly status: undefined;
  declare readonly sent: boolean;
  constructor(message: string, sent: boolean, cause?: unknown) {
    super(message, { cause });
    Object.assign(this, { sent });
  }
}
/** The call took longer than `timeoutMs`; the platform may still have done it (a create may have created its item). */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
}
/** The caller's `signal` aborted the call. Never retried. */
export class APIUserAbortError extends APIConnectionError {
  override name = 'APIUserAbortError';
}

/** An argument of the SDK (a client or call option, a path parameter, the accountId an operation requires) is unusable; nothing was sent. */
export class InvalidArgumentError extends KoreError {
  override name = 'InvalidArgumentError';
  /** The option or parameter at fault, e.g. "timeoutMs", "taskId", "accountId". */
  declare readonly argument: string;
  constructor(message: string, argument: string) {
    super(message);
    Object.assign(this, { argument });
  }
}

/** What a `.all()` loop refuses: a page that breaks the page envelope, a repeated item, or a bound reached. */
export type PaginationRule = 'envelope' | 'empty-page' | 'item' | 'repeated-id' | 'maxPages' | 'maxItems' | 'maxTotalBytes';

/** A `.all()` loop stopped: page number `page` (from 1, requested with `skip`) broke `rule`. Its items were not given. */
export class PaginationError extends KoreError {
  override name = 'PaginationError';
  declare readonly page: number;
  declare readonly skip: number;
  declare readonly rule: PaginationRule;
  constructor(message: string, fields: { page: number; skip: number; rule: PaginationRule }) {
    super(message);
    Object.assign(this, fields);
  }
}

const listed = (problems: Problem[]) => problems.map((p) => `${p.path}: ${p.message}`).join('; ');

/** The body breaks the contract; nothing was sent. `problems` lists every one, by path. */
export class RequestValidationError extends KoreError {
  override name = 'RequestValidationError';
  declare readonly problems: Problem[];
  constructor(problems: Problem[], operation: string) {
    super(`invalid ${operation} body (nothing was sent): ` + listed(problems));
    Object.assign(this, { problems });
  }
}
/** The platform's answer breaks the contract (only with `validateResponses: true`). A create did create its item. */
export class ResponseValidationError extends KoreError {
  override name = 'ResponseValidationError';
  declare readonly problems: Problem[];
  declare readonly status: number;
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  constructor(problems: Problem[], status: number, headers: Headers, requestId: string | undefined) {
    super('the response breaks the contract: ' + listed(problems));
    Object.assign(this, { problems, status, headers, requestId });
  }
}

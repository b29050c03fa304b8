/**
 * Client and call options, checked and normalised once, at the edge (as ky does): everything past this module
 * can trust them. A bad option throws an InvalidArgumentError naming the option; a secret's value is never echoed.
 */
import { InvalidArgumentError } from './errors.js';
import type { Logger } from './log.js';
import type { RetryPolicy, RetryOn } from './retry.js';
import { defaultMaxResponseBytes } from './response-limit.js';
import { field } from './values.js';

export interface KoreClientOptions {
  /** Origin of the platform, e.g. `https://platform.kore.ai` (wins over `host`). */
  baseUrl?: string | undefined;
  /** Platform host; default `platform.kore.ai` (others: `bots.kore.ai`, `jp-platform.kore.ai`, `de-platform.kore.ai`). */
  host?: string | undefined;
  /** The bot (stream) id, `st-…`. */
  streamId: string;
  /** Sent as the `accountId` header on every call (a call may override it). */
  accountId?: string | undefined;
  /** A ready JWT for the `auth` header. Give this, or `clientId` + `clientSecret`. */
  jwt?: string | undefined;
  /** App credentials: the SDK mints HS256 JWTs (payload `{sub, appId}`, 1 h at most) and refreshes them. */
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** `sub` claim of minted tokens; default the client id. */
  jwtSubject?: string | undefined;
  /**
   * App credentials are refused in a browser page or worker: the client secret would be shipped to every visitor,
   * who could then mint tokens as your app. Mint tokens on a server and pass `jwt`; set this only if you accept that.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Custom fetch (default `globalThis.fetch`). */
  fetch?: typeof fetch | undefined;
  /** Per attempt, in ms; default 30 000. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt; default 2, at most 10. */
  maxRetries?: number | undefined;
  /**
   * Extra retry cases for the create operations, off by default because the platform may already have created the item
   * (a retry can duplicate it): HTTP statuses (e.g. 500, 502, 504), `'timeout'`, `'network'` (a connection that failed
   * after the request may have been sent). 429, 503 and refused connections are always retried.
   */
  retryOn?: readonly RetryOn[] | undefined;
  /** Receives one line per attempt, retry and failure; secrets are redacted. Off by default. */
  logger?: Logger | undefined;
  /** Check bodies against the contract before sending; default true. */
  validateRequests?: boolean | undefined;
  /** Check answers against the contract; default false (the contract suite turns it on). */
  validateResponses?: boolean | undefined;
  /** For tests: how to wait between retries (default: setTimeout, cut short by the call's signal). */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Answers are read up to this many bytes; past it the call fails with an APIError. Default 10 MiB. */
  maxResponseBytes?: number | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  accountId?: string | undefined;
  /** The client's maxResponseBytes, for this call. */
  maxResponseBytes?: number | undefined;
}

/** `.all()`'s options: a call's (for each page) and the loop's bounds; past a bound the loop stops with a PaginationError. */
export interface PagingOptions extends CallOptions {
  /** Pages fetched at most; default 1 000. */
  maxPages?: number | undefined;
  /** Items given at most; default 100 000. */
  maxItems?: number | undefined;
  /** Bytes of answers read at most, all pages together (each page is also held to maxResponseBytes); default 256 MiB. */
  maxTotalBytes?: number | undefined;
}

export type PagingBounds = Record<'maxPages' | 'maxItems' | 'maxTotalBytes', number>;

/** What a call uses, from its options over the client's (the client's own are these over the defaults). */
export interface NormalizedCall {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
  accountId: string | undefined;
  maxResponseBytes: number;
}

export interface NormalizedOptions extends NormalizedCall {
  baseUrl: string;
  streamId: string;
  auth: { jwt: string } | { clientId: string; clientSecret: string; subject: string };
  fetch: typeof fetch | undefined;
  logger: Logger | undefined;
  validateRequests: boolean;
  validateResponses: boolean;
  sleep: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined; // undefined: retry.ts's sleepFor
}

const fail = (option: string, rule: string, what = 'option'): never => {
  throw new InvalidArgumentError(`kore client: ${what} "${option}" ${rule}`, option);
};
const str = (o: Record<string, unknown>, key: string, required?: boolean, what?: string): string | undefined => {
  const v = o[key];
  if (v === undefined && !required) return undefined;
  return typeof v == 'string' && v.trim() ? v : fail(key, 'must be a non-empty string', what);
};
// the integer options' ranges: maxResponseBytes up to 1 GiB (past it, a string of the body may not even fit in memory)
const ranges = {
  timeoutMs: [1, 600_000],
  maxRetries: [0, 10],
  maxResponseBytes: [1, 2 ** 30],
  maxPages: [1, Number.MAX_SAFE_INTEGER],
  maxItems: [1, Number.MAX_SAFE_INTEGER],
  maxTotalBytes: [1, Number.MAX_SAFE_INTEGER],
} as const;
const int = (o: Record<string, unknown>, key: keyof typeof ranges, fallback: number): number => {
  const v = o[key] ?? fallback;
  const [min, max] = ranges[key];
  return Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : fail(key, `must be an integer from ${min} to ${max}`);
};
const bool = (o: Record<string, unknown>, key: string, fallback: boolean): boolean => {
  const v = o[key] ?? fallback;
  return typeof v == 'boolean' ? v : fail(key, 'must be true or false');
};

/**
 * A path parameter (streamId, and at call time caseId, taskId: `what` names it in the error) is opaque (its shape is the platform's business), but it must stay one segment of its own path:
 * "." and ".." climb it (even percent-encoded: URL parsers read %2e%2e as ".."), "/", "?" and "#" end it, and a
 * control character has no place in a URL. openapi-fetch percent-encodes the rest (encodeURIComponent).
 */
export const pathSegment = (o: Record<string, unknown>, key: string, what?: string): string => {
  const v = str(o, key, true, what)!;
  return v == '.' || v == '..' || /[/?#\x00-\x1f\x7f]/.test(v)
    ? fail(key, 'must be one path segment: not "." or "..", and without "/", "?", "#" or control characters', what)
    : v;
};
/**
 * A browser page (as openai-node detects one) or a browser's worker: code that every visitor downloads. Node, Deno
 * (whose `window` has no `document`) and other server runtimes are not.
 */
const isBrowserLike = (): boolean =>
  (field(field(globalThis, 'window'), 'document') !== undefined && field(globalThis, 'navigator') !== undefined) ||
  typeof field(globalThis, 'importScripts') == 'function';

export function normalizeOptions(input: KoreClientOptions): NormalizedOptions {
  if (!input || typeof input != 'object') fail('options', 'must be an object');
  const o = input as unknown as Record<string, unknown>;
  const host = str(o, 'host');
  if (host && !/^[\w.-]+(:\d+)?$/.test(host)) fail('host', 'must be a host name such as platform.kore.ai (no scheme, no path)');
  const baseUrl = (str(o, 'baseUrl') ?? `https://${host ?? 'platform.kore.ai'}`).replace(/\/+$/, '');
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {}
  if (!url || !/^https?:\/\/[^/]+/.test(baseUrl)) fail('baseUrl', 'must be an http(s) URL, e.g. https://platform.kore.ai');
  // every later error and log line would quote it; fetch refuses such URLs anyway (never quoted here)
  if (url!.username || url!.password)
    fail('baseUrl', 'must not carry credentials (user:password@); authenticate with "jwt" or "clientId" + "clientSecret"');
  const jwt = str(o, 'jwt');
  const clientId = str(o, 'clientId');
  const clientSecret = str(o, 'clientSecret');
  if (jwt && (clientId || clientSecret)) fail('jwt', 'excludes "clientId" and "clientSecret": give one way to authenticate');
  if (!jwt && !(clientId && clientSecret)) fail(clientId ? 'clientSecret' : 'clientId', 'must be given (with its pair), or else option "jwt"');
  if (!bool(o, 'dangerouslyAllowBrowser', false) && !jwt && isBrowserLike())
    fail(
      'clientSecret',
      'is refused in a browser: the secret would be shipped to every visitor. Mint tokens on a server and pass "jwt" (or set dangerouslyAllowBrowser: true)',
    );
  for (const key of ['fetch', 'sleep'] as const) if (o[key] !== undefined && typeof o[key] != 'function') fail(key, 'must be a function');
  const logger = o.logger as Logger | undefined;
  if (logger !== undefined && !['debug', 'info', 'warn', 'error'].every((l) => typeof field(logger, l) == 'function'))
    fail('logger', 'must have debug, info, warn and error functions');
  const retryOn = (o.retryOn ?? []) as unknown[];
  if (
    !Array.isArray(retryOn) ||
    !retryOn.every((r) => r == 'timeout' || r == 'network' || (Number.isInteger(r) && (r as number) >= 500 && (r as number) < 600))
  )
    fail('retryOn', 'must be a list of 5xx statuses, "timeout" or "network"');
  return {
    ...callFields(o, {
      timeoutMs: 30_000,
      retry: { maxRetries: 2, retryOn: new Set(retryOn as RetryOn[]) },
      maxResponseBytes: defaultMaxResponseBytes,
    }),
    baseUrl,
    streamId: pathSegment(o, 'streamId'),
    auth: jwt ? { jwt } : { clientId: clientId!, clientSecret: clientSecret!, subject: str(o, 'jwtSubject') ?? clientId! },
    fetch: o.fetch as typeof fetch | undefined,
    logger,
    validateRequests: bool(o, 'validateRequests', true),
    validateResponses: bool(o, 'validateResponses', false),
    sleep: o.sleep as NormalizedOptions['sleep'],
  };
}

/** The options a call shares with the client, `o`'s over `d`'s. */
const callFields = (
  o: Record<string, unknown>,
  d: Omit<NormalizedCall, 'signal' | 'accountId'> & { accountId?: string | undefined },
): NormalizedCall => ({
  signal: undefined,
  timeoutMs: int(o, 'timeoutMs', d.timeoutMs),
  retry: { ...d.retry, maxRetries: int(o, 'maxRetries', d.retry.maxRetries) },
  accountId: str(o, 'accountId') ?? d.accountId,
  maxResponseBytes: int(o, 'maxResponseBytes', d.maxResponseBytes),
});

/** A task is about 1 kB: the defaults let 100 000 of them through, and stop a server that pages without end. */
const pagingDefaults: PagingBounds = { maxPages: 1000, maxItems: 100_000, maxTotalBytes: 256 * 1024 * 1024 };

/** `.all()`'s bounds, from its options over the defaults. */
export function normalizePaging(input: PagingOptions | undefined): PagingBounds {
  const o = (input ?? {}) as Record<string, unknown>;
  const { maxPages, maxItems, maxTotalBytes } = pagingDefaults;
  return { maxPages: int(o, 'maxPages', maxPages), maxItems: int(o, 'maxItems', maxItems), maxTotalBytes: int(o, 'maxTotalBytes', maxTotalBytes) };
}

/** A call's options over the client's: the client's own when the call gives none (the hot path). */
export function normalizeCall(input: CallOptions | undefined, client: NormalizedOptions): NormalizedCall {
  if (input === undefined) return client;
  if (!input || typeof input != 'object') fail('(call options)', 'must be an object');
  if (input.signal !== undefined && !(input.signal instanceof AbortSignal)) fail('signal', 'must be an AbortSignal');
  return { ...callFields(input as Record<string, unknown>, client), signal: input.signal };
}

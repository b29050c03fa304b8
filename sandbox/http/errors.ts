/**
 * The platform's error envelope, `{"errors":[{"msg","code"}]}`, and the sandbox's codes: 4002 is observed on the
 * platform, the others inferred (docs/contract-decisions.md): 4000 + (status − 400) for a 4xx, 5000 + … for a 5xx.
 */
export const ErrorCode = {
  invalidRequest: 4000, // malformed JSON, failed validation, unknown case or template
  unauthorized: 4002, // observed on the platform: missing, invalid, expired or wrong-scope token
  forbidden: 4003, // the app is not allowed on this stream / account
  notFound: 4004, // unknown stream or route
  methodNotAllowed: 4005,
  requestTimeout: 4008,
  payloadTooLarge: 4013,
  unsupportedMediaType: 4015,
  rateLimited: 4029,
  headersTooLarge: 4031,
  internal: 5000,
  unavailable: 5003,
} as const;

interface ErrorItem {
  msg: string;
  code: number;
}

/** A refusal decided before any task is created: status, envelope items and extra headers. */
export interface Problem {
  status: number;
  errors: ErrorItem[];
  headers?: Record<string, string>;
}

export function problem(status: number, code: number, msgs: string | string[], headers?: Record<string, string>): Problem {
  const list = Array.isArray(msgs) ? msgs : [msgs];
  return { status, errors: list.map((msg) => ({ msg, code })), headers };
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'errors' in value;
}

/** The platform's documented rate-limit message, word for word (when to retry is in the Retry-After header). */
export const rateLimitMessage = "You've exceeded the per-minute rate limit. Please wait for sometime before retrying.";

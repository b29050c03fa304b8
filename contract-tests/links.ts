/**
 * The contract's OpenAPI `links`, followed: a link of an operation's 200 names the next operation and, as runtime
 * expressions, where its path parameters and body come from (`$response.body#/_id`, `$request.path.streamId`,
 * a request body template `{"caseId": "{$response.body#/_id}"}`). Only the expressions the contract uses are read.
 */
import { get } from '../scripts/lib/openapi-document.js';
import { specOf, type Json, type OperationId } from './spec.js';

/** A call as a link's expressions see it. */
export interface Step {
  operation: OperationId;
  path: Record<string, string>;
  headers: Record<string, string>;
  body: Json;
  response: Json;
}

export function evaluate(expression: string, from: Step): Json {
  const m = /^\$(request|response)\.(path|header|body)(?:\.([\w-]+))?(?:#(.*))?$/.exec(expression);
  if (!m) throw new Error(`unsupported runtime expression ${expression}`);
  const [, side, part, name, ptr] = m;
  if (side === 'response' && part === 'body') return get(from.response, ptr ?? '');
  if (side === 'request' && part === 'path') return from.path[name!];
  if (side === 'request' && part === 'header') return from.headers[name!];
  if (side === 'request' && part === 'body') return get(from.body, ptr ?? '');
  throw new Error(`unsupported runtime expression ${expression}`);
}

/** What a link gives the next call: its path parameters (other than streamId) and the body fields it fixes. */
export function follow(from: Step, linkName: string): { operation: OperationId; params: Record<string, string>; body: Json } {
  const link = specOf(from.operation).links[linkName];
  if (!link) throw new Error(`${from.operation}'s 200 has no link ${linkName}`);
  const params: Record<string, string> = {};
  for (const [name, expression] of Object.entries(link.parameters ?? {})) {
    if (name === 'streamId' || name === 'accountId') continue; // the channel sends the target's own
    params[name] = String(evaluate(expression, from));
  }
  const body = link.requestBody
    ? JSON.parse(link.requestBody.replace(/\{(\$[^}]+)\}/g, (_, expression: string) => String(evaluate(expression, from))))
    : {};
  return { operation: link.operationId, params, body };
}

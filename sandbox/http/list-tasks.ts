/**
 * GET /__sandbox/tasks (test-only): one stream's stored tasks in creation order, written 500 at a time, so a listing
 * works however many tasks there are (one JSON string of them all can pass V8's string limit). Query and answer:
 * sandbox/README.md; it takes a token for the stream in the `auth` header, as the operations do (server.ts).
 */
import type { ServerResponse } from 'node:http';
import { ErrorCode, problem, type Problem } from './errors.js';
import type { TaskStore } from '../store/store.js';
import type { Task } from '../operations/task.js';

const batchSize = 500;

interface TaskListing {
  streamId: string;
  skip?: number;
  limit?: number;
  fields?: string[];
}

/** The query's listing, or a 400 naming the parameter that is wrong. */
export function listQueryOf(params: URLSearchParams): TaskListing | Problem {
  const problems: string[] = [];
  const streamId = params.get('streamId');
  if (!streamId) problems.push('streamId is required (the stream whose tasks to list; the auth token must be for it)');
  const count = (name: string): number | undefined => {
    const text = params.get(name);
    if (text === null) return undefined;
    if (/^\d{1,15}$/.test(text)) return Number(text);
    problems.push(`${name} must be a non-negative integer (got ${JSON.stringify(text.slice(0, 40))})`);
    return undefined;
  };
  const query = {
    streamId: streamId ?? '',
    skip: count('skip'),
    limit: count('limit'),
    fields: params.get('fields')?.split(',').filter(Boolean),
  };
  return problems.length > 0 ? problem(400, ErrorCode.invalidRequest, problems) : query;
}

export async function streamTasks(res: ServerResponse, store: TaskStore, query: TaskListing): Promise<void> {
  const { fields, skip = 0, limit = Infinity } = query;
  const toJson = fields
    ? (t: Task) =>
        JSON.stringify(Object.fromEntries(fields.map((f) => [f, Object.hasOwn(t, f) ? (t as unknown as Record<string, unknown>)[f] : undefined])))
    : (t: Task) => JSON.stringify(t);
  const all = store.list(query.streamId); // what exists now; tasks created while this is written are not listed
  const tasks = all.slice(skip, skip + limit);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  if (!(await write(res, `{"total":${all.length},"skip":${skip},"tasks":[`))) return;
  for (let at = 0; at < tasks.length; at += batchSize) {
    const text =
      (at === 0 ? '' : ',') +
      tasks
        .slice(at, at + batchSize)
        .map(toJson)
        .join(',');
    if (!(await write(res, text))) return; // the client went away
  }
  res.end(`],"count":${tasks.length}}`);
}

/** Writes and waits while the socket's buffer is full; false once the response can no longer be written. */
function write(res: ServerResponse, text: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(text)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

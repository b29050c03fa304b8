/**
 * stateful_links against a small in-memory server whose updateTask is partial only in name: it moves the task to
 * another case and leaves `lname` behind. The sequence must fail naming the field the patch did not touch, and
 * warn of `lname`; the same server with a correct updateTask passes, and so does one whose updateTask and getTasks
 * answer abridged records (the keys the page's current sample shows: no `refId`): absent is not changed.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inMemoryTarget, runCheck } from '../test/helpers/in-memory-target.js';
import type { Target } from './targets/target.js';

type Item = Record<string, unknown> & { _id: string; name: string };
let server: Server;
let target: Target;
let buggy = true;
let abridged = false;
/** The keys of the updateTask page's current sample. */
const abridgedKeys = ['_id', 'caseId', 'caseRefId', 'name', 'lname', 'taskTmp', 'tags', 'userInfo', 'ETA'];
const abridge = (item: Item) => (abridged ? Object.fromEntries(Object.entries(item).filter(([k]) => abridgedKeys.includes(k))) : item);

beforeAll(async () => {
  const items: Item[] = [];
  let n = 0;
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}');
      const [op, id] = req.url!.split('/').slice(6);
      const answer = (json: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      const create = (prefix: string, extra: object) => {
        const item = { ...body, ...extra, _id: `${prefix}-${String(++n).padStart(7, '0')}`, lname: String(body.name).toLowerCase() } as Item;
        items.push(item);
        return answer(item);
      };
      const page = (prefix: string) => {
        const results = items.filter((i) => i._id.startsWith(prefix) && i.name.toLowerCase().includes(String(body.searchText ?? '').toLowerCase()));
        return answer({ results: results.map(abridge), page: 1, limit: 50, hasMore: false, totalPages: 1, totalResults: results.length });
      };
      const update = () => {
        const item = items.find((i) => i._id === id)!;
        Object.assign(item, body, buggy ? { caseId: 'ci-moved' } : { lname: String(body.name ?? item.name).toLowerCase() });
        return answer(abridge(item));
      };
      if (op === 'createCase') return create('ci', { refId: `CS${n}` });
      if (op === 'createTask') return create('ti', { refId: `TS${n}` });
      if (op === 'getCases') return page('ci');
      if (op === 'getTasks') return page('ti');
      return update();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = inMemoryTarget(server, 'contract-run test');
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function abridgedRun(withBug: boolean) {
  [buggy, abridged] = [withBug, true];
  const { v } = await runCheck(target, 'stateful_links');
  abridged = false;
  return v;
}

describe('stateful_links', () => {
  it('fails naming a field an update changed outside its patch, and warns that lname did not follow name', async () => {
    buggy = true;
    const { v, log } = await runCheck(target, 'stateful_links');
    expect(v.status).toBe('fail');
    expect(v.fields).toContain('updateTask caseId');
    expect(v.warningFields).toContain('updateTask /lname');
    expect(log.map((x) => x.operation)).toEqual([
      'createCase',
      'getCases',
      'createTask',
      'getTasks',
      'updateTask',
      'getTasks',
      'updateCase',
      'getCases',
    ]);
  });

  it('passes a server whose updates are partial and keep lname', async () => {
    buggy = false;
    const { v } = await runCheck(target, 'stateful_links');
    expect(v.evidence.join('\n')).toContain('written and read back');
    expect(v.status).toBe('pass');
  });

  it('passes abridged update and list answers (no refId): a field an answer does not carry has not changed', async () => {
    const v = await abridgedRun(false);
    expect(v.evidence.join('\n')).toContain('written and read back');
    expect(v.status).toBe('pass');
  });

  it('still fails an abridged answer that changed a field it carries', async () => {
    const v = await abridgedRun(true);
    expect(v.status).toBe('fail');
    expect(v.fields).toContain('updateTask caseId');
  });
});

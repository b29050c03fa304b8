import { describe, expect, it } from 'vitest';
import { byteLog } from '../../sandbox/store/byte-log.js';
import { defaultTenant, SEED } from '../../sandbox/tenant/seed.js';
import { buildTask, type TaskParts } from '../../sandbox/operations/task.js';
import { shareInTasks, taskJson } from '../../sandbox/store/task-json.js';

const tenant = defaultTenant();
const template = tenant.templates[0]!;
shareInTasks(template.fields, template.status, template.priority);

const parts = (over: Partial<TaskParts> = {}): TaskParts => ({
  id: 'ti-73acd32-0123-4114-9891-00a950aa1b2c',
  refId: 'TS000102',
  now: Date.UTC(2025, 5, 4, 10, 18, 0, 725),
  stream: tenant.streams[0]!,
  template,
  caseId: SEED.caseId,
  caseRefId: SEED.caseRefId,
  source: 'rtm',
  userInfo: { _id: SEED.contactUserId, name: 'dummy' },
  createdBy: { name: 'hi hi', _id: SEED.creatorUserId, profImage: 'no-avatar' },
  ...over,
});

describe('taskJson: the fast serialiser is JSON.stringify, byte for byte', () => {
  it.each([
    ['the sample task', parts({ name: 'This is demo task' })],
    ['no name (the template name)', parts()],
    ['quotes, backslashes, control and non-ASCII characters', parts({ name: 'Ré "quoted" \\ back\nline \u2028 😀', source: 'e-mail\t"x"' })],
  ])('%s', (_label, p) => {
    const task = buildTask(p);
    expect(taskJson(task)).toBe(JSON.stringify(task));
  });

  it('follows a task whose lists are not empty', () => {
    const task = { ...buildTask(parts()), tags: ['a', 'b'], queues: [{ _id: 'qu-1', name: 'Default Queue', type: 'ASSIGNED' as const, status: 'ACTIVE' as const, startTime: '2025-06-04T08:17:35.417Z' }] };
    expect(taskJson(task)).toBe(JSON.stringify(task));
  });

  it('freezes the shared template parts, so no task can change another', () => {
    expect(Object.isFrozen(template.fields)).toBe(true);
    expect(Object.isFrozen(template.fields[0]!.metaData)).toBe(true);
    expect(() => {
      (template.priority as { score: number }).score = 1;
    }).toThrow(TypeError);
  });
});

describe('byteLog', () => {
  it('returns each record as appended, across chunk boundaries and with multi-byte text', () => {
    const log = byteLog();
    const big = 'x'.repeat(9 * 1024 * 1024); // two of these cannot share a 16 MiB chunk
    const records = ['{"a":1}', big, 'é😀', big, ''];
    const views = records.map((r) => log.append(r));
    expect(log.length).toBe(records.length);
    records.forEach((r, i) => {
      expect(log.get(i).toString('utf8')).toBe(r);
      expect(views[i]!.toString('utf8')).toBe(r);
    });
  });
});

/**
 * The two answer shapes (`--answers`): `current` answers updateCase, updateTask and getTasks with exactly the keys
 * of the current pages' samples, nested objects included; `full` with the whole record, as the older pages' samples
 * show it. The expected keys are read from the fixtures copied from the pages, not restated here.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerShapes, defaultAnswerShape, type AnswerShape } from '../../sandbox/operations/answer-shapes.js';
import type { RunningSandbox } from '../../sandbox/server.js';
import { callOp, validBody, validCaseBody, withSandbox, type Sent } from './helpers.js';

type Json = Record<string, unknown>;
const fixture = (file: string): Json => JSON.parse(readFileSync(new URL(`../fixtures/family/${file}`, import.meta.url), 'utf8'));
const samples: Record<AnswerShape, Record<'updateCase' | 'updateTask' | 'getTasks', Json>> = {
  current: {
    updateCase: fixture('updateCase.response.json'),
    updateTask: fixture('updateTask.response.json'),
    getTasks: (fixture('getTasks.response.json').results as Json[])[0]!,
  },
  full: {
    updateCase: fixture('variants/updateCase.response.legacy-full.json'),
    updateTask: fixture('variants/updateTask.response.legacy-full.json'),
    getTasks: (fixture('variants/getTasks.response.legacy-full.json').results as Json[])[0]!,
  },
};

/** Every key, nested objects' as `parent.key` (arrays are values: their items are not keys of the record). */
function keysOf(value: Json, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0
      ? [prefix + key, ...keysOf(v as Json, `${prefix}${key}.`)]
      : [prefix + key],
  );
}
const topKeys = (value: Json) => Object.keys(value).sort();

const ok = (sent: Sent) => {
  expect(sent.status, sent.text).toBe(200);
  return sent.json;
};

/** The three answers, after a case and a task were created and both renamed (the pages' update samples rename). */
async function answersOf(sb: RunningSandbox) {
  const c = ok(await callOp(sb, 'createCase', validCaseBody(sb)));
  const t = ok(await callOp(sb, 'createTask', { ...validBody(sb), caseId: c._id, caseRefId: c.refId }));
  return {
    updateCase: ok(await callOp(sb, `updateCase/${c._id}`, { name: 'Renamed case' })) as Json,
    updateTask: ok(await callOp(sb, `updateTask/${t._id}`, { name: 'Task Testing' })) as Json,
    getTasks: ok(await callOp(sb, 'getTasks', { searchText: 'Task Testing' })).results[0] as Json,
    created: { case: c as Json, task: t as Json },
  };
}

const running: RunningSandbox[] = [];
const answers = {} as Record<AnswerShape, Awaited<ReturnType<typeof answersOf>>>;
beforeAll(async () => {
  for (const shape of answerShapes) {
    const sb = await withSandbox({ answers: shape });
    running.push(sb);
    answers[shape] = await answersOf(sb);
  }
});
afterAll(() => Promise.all(running.map((sb) => sb.close())));

describe("--answers current: the current pages' samples", () => {
  it('is the default', () => {
    expect(defaultAnswerShape).toBe('current');
  });

  it.each(['updateCase', 'updateTask', 'getTasks'] as const)('%s answers exactly the keys of its sample, in its order, nested ones too', (op) => {
    expect(keysOf(answers.current[op])).toEqual(keysOf(samples.current[op]));
  });

  it('the abridged answers carry the values of the record (the rename, the ids)', () => {
    const { updateTask, getTasks, created } = answers.current;
    expect(updateTask).toMatchObject({ _id: created.task._id, caseId: created.case._id, name: 'Task Testing', lname: 'task testing' });
    expect(getTasks).toMatchObject({ _id: created.task._id, name: 'Task Testing', priority: { name: 'Medium' }, status: { name: 'Open' } });
  });

  it('createCase and createTask answer whole records, as their current pages do', () => {
    expect(topKeys(answers.current.created.task)).toEqual(topKeys(fixture('createTask.response.json')));
    expect(topKeys(answers.current.created.case)).toEqual(expect.arrayContaining(topKeys(fixture('createCase.response.json'))));
  });
});

describe("--answers full: the older pages' whole records", () => {
  it.each(['updateTask', 'getTasks'] as const)('%s answers exactly the keys of the older sample', (op) => {
    expect(topKeys(answers.full[op])).toEqual(topKeys(samples.full[op]));
  });

  it("updateCase answers the older sample's keys, but for what depends on the tenant or the case", () => {
    // `currQueue` comes only with a queue routing; "new field" and "field1" are that page's custom fields, keyed by
    // their names; `desc` and `dueDate` are the case's own (the getCases sample shows them on a whole case).
    const dependsOnCase = ['currQueue', 'new field', 'field1'];
    const expected = [...topKeys(samples.full.updateCase).filter((k) => !dependsOnCase.includes(k)), 'desc', 'dueDate'].sort();
    expect(topKeys(answers.full.updateCase)).toEqual(expected);
    expect(Object.keys((fixture('getCases.response.json').results as Json[])[0]!)).toEqual(expect.arrayContaining(['desc', 'dueDate']));
  });

  it('nested objects keep the keys they were created with, all of them known to the older samples', () => {
    for (const op of ['updateCase', 'updateTask', 'getTasks'] as const) {
      expect(keysOf(samples.full[op])).toEqual(
        expect.arrayContaining(keysOf(answers.full[op]).filter((k) => k.includes('.') && !k.startsWith('fields.'))),
      );
    }
  });
});

it('an unknown shape is refused at start, naming the known ones', async () => {
  await expect(withSandbox({ answers: 'short' as AnswerShape })).rejects.toThrow('unknown answers "short"; known: current, full');
});

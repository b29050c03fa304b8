/** getCases and getTasks: one list operation over the stream's cases or tasks (filters: list-query.ts). */
import { shapeAnswer } from './answer-shapes.js';
import { driftFor, linkedCase } from './answers.js';
import { pageTooLarge } from './bounds.js';
import { isProblem } from '../http/errors.js';
import { listRequestOf, pageOf, type Listed } from './list-query.js';
import type { FamilyDeps, Operation } from './operation.js';
import type { OperationName } from './operation-name.js';
import { taskCreator } from './resolve.js';
import type { Task } from './task.js';

interface ListSource {
  name: Extract<OperationName, 'getCases' | 'getTasks'>;
  items(deps: FamilyDeps, streamId: string): Listed[];
  render(deps: FamilyDeps, item: Listed): object;
}

function listOperation(source: ListSource) {
  return (deps: FamilyDeps): Operation => ({
    name: source.name,
    accountIdRequired: true,
    handle({ caller, stream, body }) {
      const me = caller ? taskCreator(caller.sub, caller.app, deps.tenant)._id : undefined;
      const request = listRequestOf(body, me);
      if (isProblem(request)) return request;
      const drift = driftFor(deps, source.name);
      const page = pageOf(source.items(deps, stream._id), drift.ignoreSkip ? { ...request, skip: 0 } : request, !drift.ignoreFilters);
      const answer = { ...page, results: page.results.map((item) => shapeAnswer(deps.answers, source.name, source.render(deps, item))) };
      const json = JSON.stringify(drift.mapPage ? drift.mapPage(answer) : answer);
      return pageTooLarge(json, request.limit) ?? { json };
    },
  });
}

export const getCasesOperation = listOperation({
  name: 'getCases',
  items: (deps, streamId) => deps.cases.list(streamId),
  render: (deps, item) => linkedCase(deps, item as Parameters<typeof linkedCase>[1]),
});

export const getTasksOperation = listOperation({
  name: 'getTasks',
  items(deps, streamId) {
    const all: Task[] = [];
    for (const batch of deps.tasks.list({ streamId }, 500)) all.push(...batch);
    return all;
  },
  render: (_deps, item) => item,
});

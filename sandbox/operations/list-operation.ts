/** getCases and getTasks: one list operation over the stream's cases or tasks (filters: list-query.ts). */
import { shapeAnswer } from './answer-shapes.js';
import { driftFor, linkedCase } from './answers.js';
import { pageTooLarge } from './bounds.js';
import type { CaseRecord } from './case.js';
import { isProblem } from '../http/errors.js';
import { listRequestOf, type ListRequest, type Listed, type Page } from './list-query.js';
import type { FamilyDeps, Operation } from './operation.js';
import type { OperationName } from './operation-name.js';
import { taskCreator } from './resolve.js';

interface ListSource {
  name: Extract<OperationName, 'getCases' | 'getTasks'>;
  page(deps: FamilyDeps, streamId: string, request: ListRequest): Page<Listed>;
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
      const asked = { ...request, ...(drift.ignoreSkip ? { skip: 0 } : {}), ...(drift.ignoreFilters ? { filters: [] } : {}) };
      const page = source.page(deps, stream._id, asked);
      const answer = { ...page, results: page.results.map((item) => shapeAnswer(deps.answers, source.name, source.render(deps, item))) };
      const json = JSON.stringify(drift.mapPage ? drift.mapPage(answer) : answer);
      return pageTooLarge(json, request.limit) ?? { json };
    },
  });
}

export const getCasesOperation = listOperation({
  name: 'getCases',
  page: (deps, streamId, request) => deps.cases.page(streamId, request),
  render: (deps, item) => linkedCase(deps, item as CaseRecord),
});

export const getTasksOperation = listOperation({
  name: 'getTasks',
  page: (deps, streamId, request) => deps.tasks.page(streamId, request),
  render: (_deps, item) => item,
});

/**
 * Drift modes of the family's other operations (createCase, getCases, updateCase, getTasks, updateTask), each
 * named for the one operation it changes. Exported apart from createTask's `driftModes` (drift.ts), which the
 * contract suite's self-test reads whole; `--drift NAME` takes a name from either list. The breaking/harmless
 * split is the same provenance convention: documented fields and behaviour broken → breaking; inferred rules
 * (status codes, Content-Type, undocumented fields) → harmless.
 */
import { driftBehaviour, driftModes, type DriftBehaviour, type DriftMode } from './drift.js';
import type { OperationName } from '../operations/operation-name.js';

export interface FamilyDriftMode extends DriftMode {
  operation: Exclude<OperationName, 'createTask'>;
}

type Entry = FamilyDriftMode & { behaviour: Omit<DriftBehaviour, 'operation'> };

const entries: Entry[] = [
  {
    name: 'createCase-missing-refId',
    operation: 'createCase',
    summary: 'the created case has no refId',
    breaking: true,
    behaviour: { mapItem: ({ refId: _dropped, ...rest }) => rest },
  },
  {
    name: 'getCases-ignores-filters',
    operation: 'getCases',
    summary: 'searchText and every other filter are ignored: all the stream\'s cases come back',
    breaking: true,
    behaviour: { ignoreFilters: true },
  },
  {
    name: 'getCases-totalResults-string',
    operation: 'getCases',
    summary: 'the page envelope\'s totalResults is a string ("1") instead of a number',
    breaking: true,
    behaviour: { mapPage: (p) => ({ ...p, totalResults: String(p.totalResults) }) },
  },
  {
    name: 'updateCase-unknown-id-500',
    operation: 'updateCase',
    summary: 'an unknown caseId gets 500 instead of a 4xx',
    breaking: true,
    behaviour: { unknownIdStatus: 500 },
  },
  {
    name: 'getTasks-no-hasMore',
    operation: 'getTasks',
    summary: 'the page envelope has no hasMore',
    breaking: true,
    behaviour: { mapPage: ({ hasMore: _dropped, ...rest }) => rest },
  },
  {
    name: 'getTasks-ignores-skip',
    operation: 'getTasks',
    summary: 'skip is ignored: every request gets the first page, hasMore still true (a pager never ends)',
    breaking: true,
    behaviour: { ignoreSkip: true },
  },
  {
    name: 'updateTask-drops-name',
    operation: 'updateTask',
    summary: 'the updated task has no name (a field the abridged sample shows), though the rename is stored',
    breaking: true,
    behaviour: { mapItem: ({ name: _dropped, ...rest }) => rest },
  },
  {
    name: 'updateTask-ignores-patch',
    operation: 'updateTask',
    summary: 'answers 200 with the task unchanged: the patch (a new name …) is not applied',
    breaking: true,
    behaviour: { ignorePatch: true },
  },
  {
    name: 'createCase-status-201',
    operation: 'createCase',
    summary: 'a created case is answered with 201 instead of 200',
    breaking: false,
    behaviour: { successStatus: 201 },
  },
  {
    name: 'getTasks-extra-page-field',
    operation: 'getTasks',
    summary: 'the page envelope carries an undocumented "nextSkip"',
    breaking: false,
    behaviour: { mapPage: (p) => ({ ...p, nextSkip: Number(p.limit) * Number(p.page) }) },
  },
  {
    name: 'updateTask-wrong-content-type',
    operation: 'updateTask',
    summary: 'the 200 response says Content-Type text/plain (the body is still JSON)',
    breaking: false,
    behaviour: { successContentType: 'text/plain; charset=utf-8' },
  },
];

export const familyDriftModes: ReadonlyArray<FamilyDriftMode> = entries.map(({ name, operation, summary, breaking }) => ({ name, operation, summary, breaking }));

/** `--drift NAME` from either list. */
export function resolveDrift(name: string | undefined): DriftBehaviour {
  const entry = entries.find((e) => e.name === name);
  if (entry) return { ...entry.behaviour, operation: entry.operation };
  if (name !== undefined && name !== 'none' && !driftModes.some((d) => d.name === name)) {
    throw new Error(`unknown drift "${name}"; known: ${[...driftModes, ...familyDriftModes].map((d) => d.name).join(', ')}`);
  }
  return driftBehaviour(name);
}

/** `--drift list`: every mode `--drift` takes, createTask's first, one line each with its operation. */
export function formatDriftList(): string {
  const all = [...driftModes.map((d) => ({ ...d, operation: 'createTask' })), ...familyDriftModes];
  const width = Math.max(...all.map((d) => d.name.length));
  return all.map((d) => `${d.name.padEnd(width)}  ${d.breaking ? 'breaking' : 'harmless'}  ${d.operation}: ${d.summary}`).join('\n');
}

/**
 * What a run covers: the operations asked for (`--operation`, `--tag`, CONTRACT_OPERATIONS; all six by default),
 * the ones called only to obtain a selected operation's path id, and whether the run may write (`--read-only`).
 * Names are checked against the contract here, once; an unknown one is refused by name.
 */
import { withDependencies } from './operations.js';
import { operationIds, specOf, type OperationId } from './spec.js';

export interface Selection {
  /** The operations judged by this run, in the table's order. */
  selected: OperationId[];
  /** Operations called only to obtain a selected one's path id (createTask for updateTask): not judged. */
  dependencies: OperationId[];
  /** Nothing is created or changed: reads, and refusals that cannot write (no token, a malformed body). */
  readOnly: boolean;
}

/** Operations that create or change a record. */
export const writes: ReadonlySet<OperationId> = new Set<OperationId>(['createCase', 'updateCase', 'createTask', 'updateTask']);
/** Operations that create one. */
export const creates: ReadonlySet<OperationId> = new Set<OperationId>(['createCase', 'createTask']);

/** The contract's tags (Cases, Tasks) and their operations. */
const operationsByTag: Record<string, OperationId[]> = {};
for (const id of operationIds) for (const tag of (specOf(id).operation.tags ?? []) as string[]) (operationsByTag[tag] ??= []).push(id);
const tagNames = Object.keys(operationsByTag);

const list = (values: (string | undefined)[]) =>
  values
    .flatMap((v) => (v ?? '').split(','))
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * The selection from flags and variables: `--operation` wins over CONTRACT_OPERATIONS; `--tag` adds its operations.
 * Throws an Error naming what it does not know (the caller exits 2).
 */
export function selectionFrom(flags: { operation?: string[]; tag?: string[]; readOnly?: boolean }, env: NodeJS.ProcessEnv = process.env): Selection {
  const names = list(flags.operation?.length ? flags.operation : [env.CONTRACT_OPERATIONS]);
  const tags = list(flags.tag ?? []);
  const unknownOps = names.filter((n) => !(operationIds as readonly string[]).includes(n));
  if (unknownOps.length)
    throw new Error(
      `unknown operation ${unknownOps.join(', ')} (${flags.operation?.length ? '--operation' : 'CONTRACT_OPERATIONS'}); the contract has ${operationIds.join(', ')}`,
    );
  const unknownTags = tags.filter((t) => !tagNames.includes(t));
  if (unknownTags.length) throw new Error(`unknown tag ${unknownTags.join(', ')} (--tag); the contract has ${tagNames.join(', ')}`);
  const asked = [...names, ...tags.flatMap((t) => operationsByTag[t]!)] as OperationId[];
  return selectionOf(asked.length ? asked : undefined, !!flags.readOnly);
}

/** The selection of these operations (all six when undefined). A read-only run creates nothing, so it needs no dependency. */
export function selectionOf(operations: OperationId[] | undefined, readOnly = false): Selection {
  const selected = operationIds.filter((id) => !operations || operations.includes(id));
  const dependencies = readOnly ? [] : withDependencies(selected).filter((id) => !selected.includes(id));
  return { selected, dependencies, readOnly };
}

/** One line for reports: what was selected, what was called only for a path id, what was not selected. */
export function describeSelection(s: Selection): { notSelected: OperationId[]; lines: string[] } {
  const notSelected = operationIds.filter((id) => !s.selected.includes(id) && !s.dependencies.includes(id));
  const lines = [`operations: ${s.selected.join(', ')}${s.readOnly ? ' (read-only: nothing created or changed)' : ''}`];
  for (const d of s.dependencies)
    lines.push(
      `${d}: not selected; called only to obtain a path id for ${s.selected.filter((id) => withDependencies([id]).includes(d) && id !== d).join(', ')} (not judged)`,
    );
  if (notSelected.length) lines.push(`not selected: ${notSelected.join(', ')}`);
  return { notSelected, lines };
}

/** The tags and their operations, for --help. */
export const tagHelp = () => tagNames.map((t) => `${t} (${operationsByTag[t]!.join(', ')})`).join(', ');

/** What a run created, grouped by what became of it: one reason per group, however many records share it. */
import type { CreatedItem } from '../cleanup.js';

export interface CreatedGroup {
  /** "closed", or why not (the cleanup's note). */
  outcome: string;
  items: CreatedItem[];
}

/** A record's name as a listing shows it: cut when long (a run probes a 5000-character name). */
export const listedName = (name: string | undefined) => {
  const n = name ?? '';
  return n.length > 80 ? `${n.slice(0, 77)}... (${n.length} characters)` : n;
};

export function groupCreated(created: CreatedItem[]): CreatedGroup[] {
  const groups = new Map<string, CreatedItem[]>();
  for (const c of created) {
    const outcome = c.closed ? 'closed' : (c.note ?? 'not closed');
    groups.set(outcome, [...(groups.get(outcome) ?? []), c]);
  }
  return [...groups].map(([outcome, items]) => ({ outcome, items }));
}

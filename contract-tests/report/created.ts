/** What a run created, grouped by what became of it: one reason per group, however many records share it. */
import type { CreatedItem } from '../cleanup.js';

export interface CreatedGroup {
  /** "closed", or why not (the cleanup's note). */
  outcome: string;
  items: CreatedItem[];
}

export function groupCreated(created: CreatedItem[]): CreatedGroup[] {
  const groups = new Map<string, CreatedItem[]>();
  for (const c of created) {
    const outcome = c.closed ? 'closed' : (c.note ?? 'not closed');
    groups.set(outcome, [...(groups.get(outcome) ?? []), c]);
  }
  return [...groups].map(([outcome, items]) => ({ outcome, items }));
}

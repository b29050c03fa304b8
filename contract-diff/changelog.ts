/** The changelog as people read it: breaking changes first, then the rest, then the verdict. */
import type { Change } from './changes.js';
import type { Verdict } from './gate.js';

const line = (c: Change) => `  - [${c.kind}] ${c.where ? `${c.where}: ` : ''}${c.detail}`;

export function formatChangelog(verdict: Verdict, baseLabel: string, headLabel: string): string {
  const out = [`Contract changes ${verdict.baseVersion} (${baseLabel}) → ${verdict.headVersion} (${headLabel})`, ''];
  out.push(`Breaking (${verdict.breaking.length}):`, ...(verdict.breaking.length ? verdict.breaking.map(line) : ['  (none)']), '');
  out.push(`Non-breaking (${verdict.nonBreaking.length}):`, ...(verdict.nonBreaking.length ? verdict.nonBreaking.map(line) : ['  (none)']), '');
  out.push(`${verdict.ok ? 'PASS' : 'FAIL'}: ${verdict.reason}`);
  return out.join('\n');
}

/**
 * The shape every benchmark module returns. Speed goals are ratios against a peer measured in the same run
 * (this machine is shared and noisy), so a goal is a `target` check, never an absolute time. Every target says
 * PASS, or by how much it misses.
 */
export interface BenchTarget {
  name: string; // e.g. "createTask: SDK >= 0.93x bare openapi-fetch"
  ok: boolean;
  measured: string; // the figure that decided it, e.g. "0.98x"
  verdict: string; // "PASS", or "MISS by 0.02x (2.2%)"
}

export interface BenchSection {
  title: string;
  rows: Record<string, string | number>[];
  targets: BenchTarget[];
}

/** A benchmark module under bench/ named `*.bench.ts` default-exports one of these. */
export type Bench = () => Promise<BenchSection>;

/**
 * A numeric target: `value` must be at least (`>=`) or at most (`<=`) `limit`. `unit` follows each figure
 * ("x", " B", " s"); a miss is given in that unit and as a share of the limit.
 */
export function target(name: string, value: number, op: '>=' | '<=', limit: number, unit: string, digits = 2, detail = ''): BenchTarget {
  const ok = op == '>=' ? value >= limit : value <= limit;
  const figure = (n: number) => `${Number(n.toFixed(digits)).toLocaleString('en-US')}${unit}`;
  const gap = Math.abs(value - limit);
  return {
    name,
    ok,
    measured: figure(value) + (detail ? ` (${detail})` : ''),
    verdict: ok ? 'PASS' : `MISS by ${figure(gap)} (${((gap / limit) * 100).toFixed(1)}%)`,
  };
}

/** A yes/no target (e.g. every answer was a 2xx); `measured` says what was seen. */
export function check(name: string, ok: boolean, measured: string): BenchTarget {
  return { name, ok, measured, verdict: ok ? 'PASS' : `MISS: ${measured}` };
}

export function printSection(section: BenchSection): void {
  console.log(`\n## ${section.title}\n`);
  if (section.rows.length > 0) console.table(section.rows);
  for (const t of section.targets) console.log(`${t.ok ? 'PASS' : 'MISS'}  ${t.name}: ${t.measured}${t.ok ? '' : ` -> ${t.verdict}`}`);
}

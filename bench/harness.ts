/**
 * The shape every benchmark module returns. Goals are ratios against a peer measured in the same run
 * (this machine is shared and noisy), so a goal is a `target` check, never an absolute time.
 */
export interface BenchTarget {
  name: string; // e.g. "SDK >= 0.95 x bare openapi-fetch"
  ok: boolean;
  measured: string; // the figure that decided it, e.g. "0.98x"
}

export interface BenchSection {
  title: string;
  rows: Record<string, string | number>[];
  targets: BenchTarget[];
}

/** A benchmark module under bench/ named `*.bench.ts` default-exports one of these. */
export type Bench = () => Promise<BenchSection>;

export function printSection(section: BenchSection): void {
  console.log(`\n## ${section.title}\n`);
  if (section.rows.length > 0) console.table(section.rows);
  for (const t of section.targets) console.log(`${t.ok ? 'PASS' : 'FAIL'}  ${t.name}: ${t.measured}`);
}

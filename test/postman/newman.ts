/** newman (the npm package, as a library) run over the collection, reduced to what the tests assert on. */
import { createRequire } from 'node:module';

interface NewmanCount {
  total: number;
  failed: number;
}
interface NewmanSummary {
  run: {
    stats: { requests: NewmanCount; assertions: NewmanCount; testScripts: NewmanCount; prerequestScripts: NewmanCount };
    failures: { error: { name: string; test?: string; message: string }; at: string; source?: { name: string } }[];
  };
}
interface Newman {
  run(
    options: { collection: object; environment: object; envVar: { key: string; value: string }[]; reporters: string[] },
    callback: (error: Error | null, summary: NewmanSummary) => void,
  ): {
    on(event: 'console', listener: (error: unknown, args: { messages: unknown[] }) => void): void;
    on(event: 'assertion', listener: (error: unknown, args: { assertion: string; skipped: boolean; item: { name: string } }) => void): void;
  };
}

// newman ships no types and is CommonJS.
const newman = createRequire(import.meta.url)('newman') as Newman;

export interface NewmanRun {
  requests: NewmanCount;
  assertions: NewmanCount;
  /** Each failure as `request › test` (or `request › <where>` for a script error). */
  failed: string[];
  /** Each skipped test as `request › test` (newman counts them in assertions.total, as not failed). */
  skipped: string[];
  /** Everything failures and scripts said, to look for leaked secrets. */
  text: string;
}

export function runNewman(collection: object, environment: object, vars: Record<string, string>): Promise<NewmanRun> {
  const logged: unknown[] = [];
  const skipped: string[] = [];
  return new Promise((resolve, reject) => {
    const emitter = newman.run(
      { collection, environment, envVar: Object.entries(vars).map(([key, value]) => ({ key, value })), reporters: [] },
      (error, summary) => {
        if (error) return reject(error);
        const { stats, failures } = summary.run;
        resolve({
          requests: { total: stats.requests.total, failed: stats.requests.failed },
          assertions: { total: stats.assertions.total, failed: stats.assertions.failed },
          failed: failures.map((f) => `${f.source?.name ?? '(run)'} › ${f.error.test ?? f.at}`),
          skipped,
          text: JSON.stringify([failures.map((f) => f.error.message), logged]),
        });
      },
    );
    emitter.on('console', (_, args) => logged.push(args.messages));
    emitter.on('assertion', (_, args) => args.skipped && skipped.push(`${args.item.name} › ${args.assertion}`));
  });
}

/** What every check receives: the target, a way to send, the shared corpus (sent once, on first use) and PBT settings. */
import { createBudget, type Budget } from './budget.js';
import { runCorpus, type Corpus } from './corpus.js';
import type { Sender } from './channels.js';
import { defaultLimits, pbtSettingsFromEnv, type Limits, type PbtSettings } from './settings.js';
import { selectionOf, type Selection } from './selection.js';
import type { OperationId } from './spec.js';
import type { Target } from './targets/target.js';
import type { Exchange, Verdict } from './types.js';

export interface RunContext extends Sender {
  corpus(): Promise<Corpus>;
  /** What a scenario sent and got back, sent once per run however many checks judge it (as the corpus is). */
  recorded<T>(scenario: Scenario<T>): Promise<T>;
  pbt: PbtSettings;
  budget: Budget;
  /** A line of progress for the console (a no-op unless the caller asked for progress). */
  progress(line: string): void;
  /** Every exchange of the run, corpus or not (for the report's request count). */
  log: Exchange[];
  /** The operations this run judges (all six unless narrowed, e.g. to one drift mode's operation). */
  operations: OperationId[];
  /** The operations judged, those called only for a path id, and whether the run may write. */
  selection: Selection;
}

export type Check = (ctx: RunContext) => Promise<Verdict>;

/** Sends and records: what it returns is judged by checks, which send nothing themselves. */
export type Scenario<T> = (ctx: RunContext) => Promise<T>;

export function createContext(
  target: Target,
  pbt: PbtSettings = pbtSettingsFromEnv(),
  limits: Limits = defaultLimits,
  progress: (line: string) => void = () => {},
  selection: Selection = selectionOf(undefined),
): RunContext {
  const log: Exchange[] = [];
  let corpus: Promise<Corpus> | undefined;
  const recordings = new Map<Scenario<unknown>, Promise<unknown>>();
  const budget = createBudget({ ...limits, readOnly: selection.readOnly || limits.readOnly });
  const ctx: RunContext = {
    target,
    record: (x) => log.push(x),
    log,
    pbt,
    budget,
    limits: { ...limits, budget },
    progress,
    operations: selection.selected,
    selection,
    corpus: () => (corpus ??= runCorpus(ctx)),
    recorded: <T>(scenario: Scenario<T>) => {
      if (!recordings.has(scenario)) recordings.set(scenario, scenario(ctx));
      return recordings.get(scenario) as Promise<T>;
    },
  };
  return ctx;
}

/**
 * How two `pattern`s relate, judged by examples: strings drawn from each pattern (fast-check's `stringMatching`,
 * a fixed seed, so the verdict is repeatable) are tried against the other. A string of one that the other refuses is
 * proof that the other does not contain it; finding none in SAMPLES draws is taken as containment. So `looser`
 * (every old string still matches, some new ones did not before) and `tighter` are sampled verdicts, `changed` is
 * proven both ways; two patterns the sampler cannot read, or that it finds equivalent, are `changed` (fail closed).
 */
import fc from 'fast-check';

export type PatternRelation = 'looser' | 'tighter' | 'changed';

const SAMPLES = 500;

function escapesFrom(from: RegExp, to: RegExp): boolean {
  return fc.sample(fc.stringMatching(from), { numRuns: SAMPLES, seed: 20261130 }).some((s) => !to.test(s));
}

/** How `after` relates to `before`. */
export function comparePatterns(before: string, after: string): PatternRelation {
  let a: RegExp;
  let b: RegExp;
  try {
    a = new RegExp(before, 'u');
    b = new RegExp(after, 'u');
    const lost = escapesFrom(a, b); // an old string the new pattern refuses
    const gained = escapesFrom(b, a); // a new string the old pattern refused
    if (gained && !lost) return 'looser';
    if (lost && !gained) return 'tighter';
  } catch {
    // a pattern the sampler cannot generate from: not judged
  }
  return 'changed';
}

/**
 * How two `pattern`s relate, judged by strings drawn from each (fast-check, fixed seed) and tried on the other: a
 * refused string proves non-containment, none in SAMPLES draws is taken as containment; unreadable is `changed`.
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

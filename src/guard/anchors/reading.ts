/**
 * How the anchor reader combines what the parts of a pattern can match: a sequence joins runs of
 * exact strings, an alternation unites its branches, a quantifier keeps what one repetition
 * must hold.
 */

/** What a part of a pattern can match: exact strings when few, else strings one of which any match contains. */
export interface Reading {
  /** Every string the part can match; null when unknown or too many. */
  exact: Set<string> | null;
  /** Strings one of which every match contains; null when none is known. */
  some: Set<string> | null;
}

const MAX_EXACT = 48;
const MAX_SOME = 160;
export const UNKNOWN: Reading = { exact: null, some: null };
export const EMPTY: Reading = { exact: new Set([""]), some: null };

/** The strings any match contains, as this reading knows them (exact ones when none is empty). */
export function someOf(reading: Reading): Set<string> | null {
  if (reading.exact && !reading.exact.has("")) return reading.exact;
  return reading.some;
}

/** How much a set of anchors narrows a search: its shortest string counts most, then its size. */
function strength(set: Set<string> | null): number {
  if (!set || set.size === 0) return 0;
  let shortest = Number.POSITIVE_INFINITY;
  for (const s of set) shortest = Math.min(shortest, s.length);
  return shortest * 1000 - set.size;
}

function stronger(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  return strength(b) > strength(a) ? b : a;
}

function cross(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** A sequence of parts: runs of exact parts joined, the strongest anchor set kept. */
export function sequence(parts: readonly Reading[]): Reading {
  let run = new Set([""]);
  let best: Set<string> | null = null;
  let exactAll = true;
  const close = () => {
    if (!run.has("")) best = stronger(best, run);
  };
  for (const part of parts) {
    const joined = part.exact ? cross(run, part.exact) : null;
    if (joined) {
      run = joined;
      continue;
    }
    exactAll = false;
    close();
    best = stronger(best, someOf(part));
    run = part.exact ? new Set(part.exact) : new Set([""]);
  }
  close();
  return { exact: exactAll ? run : null, some: best };
}

export function alternation(branches: readonly Reading[]): Reading {
  let exact: Set<string> | null = new Set();
  let some: Set<string> | null = new Set();
  for (const branch of branches) {
    if (exact && branch.exact) for (const s of branch.exact) exact.add(s);
    else exact = null;
    const branchSome = someOf(branch);
    if (some && branchSome) for (const s of branchSome) some.add(s);
    else some = null;
  }
  if (exact && exact.size > MAX_EXACT) exact = null;
  if (some && some.size > MAX_SOME) some = null;
  return { exact, some };
}

export function repeat(part: Reading, min: number, max: number): Reading {
  if (min === 1 && max === 1) return part;
  if (min === 0) {
    if (max === 1 && part.exact) return { exact: new Set([...part.exact, ""]), some: null };
    return UNKNOWN;
  }
  return { exact: null, some: someOf(part) };
}

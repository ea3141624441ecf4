/** The arithmetic of insights: weeks, sums, rounding for the JSON, and the divergence drift is measured with. */

export const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Monday 00:00 UTC of the week holding `time`. */
export function weekStart(time: Date): Date {
  const day = new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 24 * 3600 * 1000);
}

export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Three decimals: enough for shares and drift scores in the JSON. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Jensen–Shannon divergence in bits, 0..1. */
export function jensenShannon(p: ReadonlyMap<string, number>, q: ReadonlyMap<string, number>): number {
  const keys = new Set([...p.keys(), ...q.keys()]);
  const totalP = sum(p.values());
  const totalQ = sum(q.values());
  if (totalP === 0 || totalQ === 0) return 0;
  let divergence = 0;
  for (const key of keys) {
    const a = (p.get(key) ?? 0) / totalP;
    const b = (q.get(key) ?? 0) / totalQ;
    const m = (a + b) / 2;
    if (a > 0) divergence += 0.5 * a * Math.log2(a / m);
    if (b > 0) divergence += 0.5 * b * Math.log2(b / m);
  }
  return Math.min(1, Math.max(0, divergence));
}

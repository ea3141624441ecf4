import type {
  Exemplar,
  ExemplarFamily,
  ExemplarThresholds,
  FamilyMatch,
  FamilyThresholds,
  Neighbour,
} from "./types.ts";

/** Unit-length copy of a vector, as 32-bit floats (cosine becomes a dot product). */
export function unitVector(vector: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += (vector[i] as number) ** 2;
  const norm = Math.sqrt(sum) || 1;
  const out = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = (vector[i] as number) / norm;
  return out;
}

function dotProduct(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/**
 * A course's exemplars embedded by one model. `match` finds, for each family, the nearest attack
 * exemplar, and the nearest benign exemplar of any family (a benign look-alike is benign whatever
 * family it was written next to). A linear scan: a few hundred dot products per message.
 */
export class ExemplarIndex {
  private readonly vectors: Float32Array[];
  // A message's embedding is matched by the input rule and again after retrieval: once is enough.
  private readonly matched = new WeakMap<ArrayLike<number>, FamilyMatch[]>();

  constructor(
    readonly model: string,
    readonly exemplars: readonly Exemplar[],
    vectors: readonly ArrayLike<number>[],
  ) {
    this.vectors = vectors.map(unitVector);
  }

  /** The nearest exemplars of each family to this vector (the same vector object is matched once). */
  match(vector: ArrayLike<number>): readonly FamilyMatch[] {
    let matches = this.matched.get(vector);
    if (!matches) {
      matches = this.scan(vector);
      this.matched.set(vector, matches);
    }
    return matches;
  }

  private scan(vector: ArrayLike<number>): FamilyMatch[] {
    const query = unitVector(vector);
    const attacks = new Map<ExemplarFamily, Neighbour>();
    let benign: Neighbour | null = null;
    for (let i = 0; i < this.exemplars.length; i++) {
      const exemplar = this.exemplars[i] as Exemplar;
      const similarity = dotProduct(query, this.vectors[i] as Float32Array);
      if (exemplar.label === "benign") {
        if (!benign || similarity > benign.similarity) benign = { id: exemplar.id, similarity };
        continue;
      }
      const best = attacks.get(exemplar.family);
      if (!best || similarity > best.similarity)
        attacks.set(exemplar.family, { id: exemplar.id, similarity });
    }
    const nearestBenign = benign;
    return [...attacks].map(([family, attack]) => ({
      family,
      attack,
      benign: nearestBenign,
      margin: attack.similarity - (nearestBenign?.similarity ?? 0),
    }));
  }
}

/** Whether a family's match clears its thresholds. */
export function clears(match: FamilyMatch, thresholds: FamilyThresholds | undefined): boolean {
  return (
    thresholds !== undefined &&
    match.attack.similarity >= thresholds.minSimilarity &&
    match.margin >= thresholds.minMargin
  );
}

/**
 * The deciding match among the families allowed: of those that clear their thresholds, the one
 * furthest past its margin; undefined when none does.
 */
export function decide(
  matches: readonly FamilyMatch[],
  thresholds: ExemplarThresholds,
  families: ReadonlySet<ExemplarFamily>,
): FamilyMatch | undefined {
  let best: { match: FamilyMatch; lead: number } | undefined;
  for (const match of matches) {
    if (!families.has(match.family)) continue;
    const t = thresholds[match.family];
    if (!t || !clears(match, t)) continue;
    const lead = match.margin - t.minMargin;
    if (!best || lead > best.lead) best = { match, lead };
  }
  return best?.match;
}

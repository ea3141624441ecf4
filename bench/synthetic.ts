import { normalizeVector } from "../src/text/vector.ts";

/** A small seeded PRNG (mulberry32): the same seed gives the same synthetic course. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Sentences of usable length from real course text, the raw material of synthetic sections. */
export function sentencePool(texts: readonly string[]): string[] {
  const pool = new Set<string>();
  for (const text of texts) {
    for (const sentence of text.replace(/\s+/g, " ").split(/(?<=[.!?])\s+/)) {
      if (sentence.length >= 40 && sentence.length <= 280 && /^[A-Z]/.test(sentence))
        pool.add(sentence.trim());
    }
  }
  return [...pool];
}

export interface SyntheticDocument {
  /** Relative path, e.g. `unit-0042.md`. */
  path: string;
  markdown: string;
}

/**
 * A markdown document of `sections` sections, each 600–900 characters of shuffled course
 * sentences under its own heading, so the chunker makes one chunk per section.
 */
export function syntheticDocument(
  index: number,
  sections: number,
  sentences: readonly string[],
  random: () => number,
): SyntheticDocument {
  const pick = () => sentences[Math.floor(random() * sentences.length)] as string;
  const words = (count: number) =>
    Array.from({ length: count }, () => {
      const candidates = pick()
        .split(" ")
        .filter((w) => /^[A-Za-z]{5,}$/.test(w));
      return candidates[Math.floor(random() * candidates.length)] ?? "topic";
    }).join(" ");
  const parts = [`# Unit ${index}: ${words(3)}`, ""];
  for (let s = 0; s < sections; s++) {
    parts.push(`## Part ${s + 1}: ${words(2)}`, "");
    let body = "";
    while (body.length < 600) body += `${body ? " " : ""}${pick()}`;
    parts.push(body.slice(0, 900), "");
  }
  return { path: `unit-${String(index).padStart(4, "0")}.md`, markdown: parts.join("\n") };
}

/**
 * A synthetic embedding: a random blend of two real course vectors plus a little Gaussian noise,
 * normalised. The vectors keep the real model's geometry (clusters, typical similarities), which
 * uniformly random vectors would not, so vector search behaves as it would on real material.
 */
export function blendVector(base: readonly (readonly number[])[], random: () => number): number[] {
  const a = base[Math.floor(random() * base.length)] as readonly number[];
  const b = base[Math.floor(random() * base.length)] as readonly number[];
  const mix = 0.55 + 0.3 * random();
  const noise = 0.15 / Math.sqrt(a.length);
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) {
    // Box–Muller for one normal sample.
    const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    out[i] = mix * (a[i] as number) + (1 - mix) * (b[i] as number) + noise * gaussian;
  }
  return normalizeVector(out);
}

/** What synthetic courses are made of: real course sentences and real course vectors. */
export interface SyntheticMaterial {
  sentences: readonly string[];
  baseVectors: readonly (readonly number[])[];
}

/** A synthetic course's documents with, per document, the vectors of its chunks by content hash. */
export interface SyntheticCourse {
  documents: SyntheticDocument[];
  /** Chunks per document, as the loaders and chunker will make them. */
  chunksPerDocument: number[];
  vectors: Map<string, number[]>;
}

/**
 * `documents` documents of `SECTIONS_PER_DOCUMENT` sections (one chunk each) from `seed`, and a
 * vector for every text ingestion will embed (`inputsOf` says which texts those are).
 */
export async function syntheticCourse(
  material: SyntheticMaterial,
  options: { seed: number; documents: number; sections: number },
  inputsOf: (document: SyntheticDocument) => Promise<string[]>,
  hash: (text: string) => string,
): Promise<SyntheticCourse> {
  const random = seededRandom(options.seed);
  const vectorRandom = seededRandom(options.seed + 1);
  const documents = Array.from({ length: options.documents }, (_, i) =>
    syntheticDocument(i, options.sections, material.sentences, random),
  );
  const vectors = new Map<string, number[]>();
  const chunksPerDocument: number[] = [];
  for (const document of documents) {
    const inputs = await inputsOf(document);
    chunksPerDocument.push(inputs.length);
    for (const input of inputs) {
      const key = hash(input);
      if (!vectors.has(key)) vectors.set(key, blendVector(material.baseVectors, vectorRandom));
    }
  }
  return { documents, chunksPerDocument, vectors };
}

import type { Bm25Options } from "./bm25.ts";

/** The analysed terms of one chunk's three fields. */
export interface FieldTerms {
  title: readonly string[];
  heading: readonly string[];
  body: readonly string[];
}

/**
 * A built BM25 index as flat arrays: for term t, its postings are `offsets[t]..offsets[t+1]` of
 * `docs` (document indexes, ascending) and `units` (that document's score for the term, in units
 * of 1e-4). Documents are the chunks in the order the index was built from.
 */
export interface Bm25Postings {
  /** Real documents (chunks). */
  documents: number;
  /** Documents BM25 counted: at least three, as wink-bm25-text-search needs (the rest are empty). */
  totalDocuments: number;
  terms: string[];
  idfs: Float64Array;
  offsets: Int32Array;
  docs: Int32Array;
  units: Int32Array;
}

// wink-bm25-text-search's consolidation needs three documents; tiny courses count empty ones.
const MIN_DOCUMENTS = 3;
const FIELDS = ["title", "heading", "body"] as const;

/**
 * Weighted term frequencies and lengths per document, then wink-bm25-text-search's consolidation:
 * idf = ln((N − n + 0.5)/(n + 0.5) + 1), and each (document, term) score is
 * tf·(k1+1)/(k1·(1 − b + b·len/avglen) + tf)·idf rounded to four decimals, kept as an integer
 * count of 1e-4 (which divides back into exactly the rounded number).
 */
export function buildPostings(documents: readonly FieldTerms[], options: Bm25Options): Bm25Postings {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const frequencies: Map<number, number>[] = [];
  const lengths: number[] = [];
  const documentCounts: number[] = [];
  let totalLength = 0;
  for (const fields of documents) {
    const frequency = new Map<number, number>();
    let length = 0;
    for (const field of FIELDS) {
      const weight = options.fieldWeights[field];
      const tokens = fields[field];
      for (const term of tokens) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(term, id);
          terms.push(term);
          documentCounts.push(0);
        }
        const before = frequency.get(id);
        if (before === undefined) documentCounts[id] = (documentCounts[id] as number) + 1;
        frequency.set(id, before === undefined ? weight : before + weight);
      }
      length += tokens.length * Math.abs(weight);
    }
    frequencies.push(frequency);
    lengths.push(length);
    totalLength += length;
  }
  const totalDocuments = Math.max(documents.length, MIN_DOCUMENTS);
  const idfs = Float64Array.from(documentCounts, (n) => Math.log((totalDocuments - n + 0.5) / (n + 0.5) + 1));
  const offsets = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++)
    offsets[t + 1] = (offsets[t] as number) + (documentCounts[t] as number);
  const docs = new Int32Array(offsets[terms.length] as number);
  const units = new Int32Array(docs.length);
  const next = offsets.slice(0, terms.length);
  const average = totalLength / totalDocuments;
  const { k1, b } = options;
  frequencies.forEach((frequency, doc) => {
    const norm = 1 - b + b * ((lengths[doc] as number) / average);
    for (const [term, tf] of frequency) {
      const score =
        Math.sign(tf) *
        Number((Math.abs((tf * (k1 + 1)) / (k1 * norm + tf)) * (idfs[term] as number)).toFixed(4));
      const at = next[term] as number;
      next[term] = at + 1;
      docs[at] = doc;
      units[at] = Math.round(score * 1e4);
    }
  });
  return { documents: documents.length, totalDocuments, terms, idfs, offsets, docs, units };
}

import { type ChunkRecord, matchesFilters, type SearchFilters } from "../../core/chunks.ts";
import { contentTerms } from "../../text/terms.ts";
import { type Bm25Postings, buildPostings, type FieldTerms } from "./bm25-build.ts";
import { type ChunkHeader, ChunkRecords } from "./chunk-records.ts";
import { TopHits } from "./top-hits.ts";

export interface Bm25Options {
  /** BM25F field weights: a heading match says more about a chunk than a body match. */
  fieldWeights: { title: number; heading: number; body: number };
  k1: number;
  b: number;
}

export const defaultBm25Options: Bm25Options = {
  fieldWeights: { title: 1, heading: 2, body: 1 },
  k1: 1.2,
  b: 0.75,
};

export interface Bm25Hit {
  id: string;
  score: number;
}

/** Scores are summed in units of 1e-4 (see bm25-build.ts), so every sum is exact and repeatable. */
const UNIT = 1e4;
const ARRAY_INDEX_LIMIT = 4_294_967_295;

/**
 * Lexical retrieval over one course's chunks: BM25F over title, heading path and body, with
 * wink-nlp's stemmed content terms, scored exactly as wink-bm25-text-search scores them (which
 * this replaced: same formula, same four-decimal term scores, same order of equal scores) but
 * held in flat posting arrays that can be stored and loaded without rebuilding. A search scores
 * only the postings of the query's terms and keeps the best `limit` in a heap; the expanded
 * query of hybrid search continues from the plain query's sums instead of starting over.
 */
export class Bm25Index {
  private readonly chunks: ChunkRecords;
  private readonly byId = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly data: Bm25Postings;
  /** Per document: its id as a number when wink would order it numerically, else -1. */
  private readonly tieKeys: Float64Array;
  // Scratch space reused by every search (searches are synchronous, so never shared).
  private readonly sums: Float64Array;
  private readonly marks: Int32Array;
  private readonly touched: Int32Array;
  private epoch = 0;
  private count = 0;

  /**
   * Builds the index from chunk rows, or restores it from stored postings. `bodyTerms` may hand
   * over each chunk's analysed text (by chunk id) when the caller has analysed it already.
   */
  constructor(
    chunks: readonly ChunkRecord[],
    source: Bm25Options | Bm25Postings = defaultBm25Options,
    bodyTerms?: ReadonlyMap<string, readonly string[]>,
  ) {
    this.chunks = new ChunkRecords(chunks);
    this.data = "units" in source ? source : buildPostings(analyseFields(chunks, bodyTerms), source);
    if (this.data.documents !== chunks.length) throw new Error("BM25 postings do not match the chunks");
    chunks.forEach((chunk, i) => {
      this.byId.set(chunk.chunkId, i);
    });
    this.data.terms.forEach((term, i) => {
      this.termIds.set(term, i);
    });
    this.tieKeys = Float64Array.from(chunks, (chunk) => arrayIndexKey(chunk.chunkId));
    this.sums = new Float64Array(chunks.length);
    this.marks = new Int32Array(chunks.length);
    this.touched = new Int32Array(chunks.length);
  }

  /** What storing the index needs (the chunks themselves are stored as rows). */
  get postings(): Bm25Postings {
    return this.data;
  }

  /** Inverse document frequency of an analysed term; undefined for terms the course never uses. */
  idf(term: string): number | undefined {
    const id = this.termIds.get(term);
    return id === undefined ? undefined : this.data.idfs[id];
  }

  /** The largest IDF a term could have here: what an unseen term is worth. */
  get maxIdf(): number {
    return Math.log((this.data.totalDocuments + 0.5) / 0.5 + 1);
  }

  get size(): number {
    return this.chunks.length;
  }

  /** The chunk's position in the index's chunk order (which every table of a snapshot shares). */
  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  chunk(id: string): ChunkRecord | undefined {
    const index = this.byId.get(id);
    return index === undefined ? undefined : this.chunks.at(index);
  }

  /** The chunk at a position of the index's chunk order (see `indexOf`). */
  chunkAt(index: number): ChunkRecord | undefined {
    return this.chunks.at(index);
  }

  /** A chunk's row without its text (no text decoded). */
  header(index: number): ChunkHeader | undefined {
    return this.chunks.header(index);
  }

  /** Every chunk, each text decoded as it is reached. */
  allChunks(): IterableIterator<ChunkRecord> {
    return this.chunks.values();
  }

  /** Memory the chunk rows hold (texts and headers). */
  get chunkBytes(): number {
    return this.chunks.bytes;
  }

  search(query: string, limit: number, filters: SearchFilters = {}): Bm25Hit[] {
    this.begin();
    this.add(this.queryTerms(query), filters);
    return this.best(limit);
  }

  /**
   * The plain query's hits and the expanded query's, in one pass when the expanded query's terms
   * begin with the plain query's (the usual case): those postings are scored once.
   */
  searchExpanded(
    query: string,
    expandedQuery: string,
    limit: number,
    filters: SearchFilters = {},
  ): { plain: Bm25Hit[]; expanded: Bm25Hit[] } {
    const plainTerms = this.queryTerms(query);
    const expandedTerms = this.queryTerms(expandedQuery);
    const continues = plainTerms.every((term, i) => expandedTerms[i] === term);
    this.begin();
    this.add(plainTerms, filters);
    const plain = this.best(limit);
    if (!continues) this.begin();
    this.add(continues ? expandedTerms.slice(plainTerms.length) : expandedTerms, filters);
    return { plain, expanded: this.best(limit) };
  }

  /** The query's analysed terms the course knows, repeats kept (a repeated word counts twice). */
  private queryTerms(query: string): number[] {
    const ids: number[] = [];
    for (const term of contentTerms(query)) {
      const id = this.termIds.get(term);
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }

  private begin(): void {
    this.epoch++;
    this.count = 0;
  }

  /** Adds the terms' scores to the sums of the documents that pass the filters. */
  private add(terms: readonly number[], filters: SearchFilters): void {
    const { offsets, docs, units } = this.data;
    const { sums, marks, touched, epoch } = this;
    const filtered = filters.week !== undefined || filters.sourcePrefix !== undefined;
    for (const term of terms) {
      const end = offsets[term + 1] as number;
      for (let p = offsets[term] as number; p < end; p++) {
        const doc = docs[p] as number;
        const mark = marks[doc] as number;
        if (mark === -epoch) continue;
        if (mark !== epoch) {
          if (filtered && !matchesFilters(this.chunks.header(doc) as ChunkHeader, filters)) {
            marks[doc] = -epoch;
            continue;
          }
          marks[doc] = epoch;
          sums[doc] = 0;
          touched[this.count++] = doc;
        }
        sums[doc] = (units[p] as number) / UNIT + (sums[doc] as number);
      }
    }
  }

  /** The best `limit` scored documents: higher score first, then wink's order of equal scores. */
  private best(limit: number): Bm25Hit[] {
    const top = new TopHits(Math.max(limit || 10, 1));
    for (let i = 0; i < this.count; i++) {
      const doc = this.touched[i] as number;
      const key = this.tieKeys[doc] as number;
      // wink collects scores in an object: integer-like ids come first in numeric order, others
      // in the order they were first scored.
      top.offer(doc, this.sums[doc] as number, key >= 0 ? key : ARRAY_INDEX_LIMIT + i);
    }
    return top.drain().map((doc) => ({
      id: (this.chunks.header(doc) as ChunkHeader).chunkId,
      score: this.sums[doc] as number,
    }));
  }
}

/** A chunk id's value when JavaScript objects order it as an array index, else -1. */
function arrayIndexKey(id: string): number {
  if (!/^(0|[1-9][0-9]{0,9})$/.test(id)) return -1;
  const value = Number(id);
  return value < ARRAY_INDEX_LIMIT ? value : -1;
}

/**
 * A field's terms as wink-bm25-text-search saw them: joined by spaces, then split again (an
 * empty string is no term at all).
 */
const asField = (terms: readonly string[]): string[] => {
  const joined = terms.join(" ");
  return joined === "" ? [] : joined.split(" ");
};

/** Each chunk's title, heading-path and body terms; every distinct title is analysed once. */
function analyseFields(
  chunks: readonly ChunkRecord[],
  bodyTerms: ReadonlyMap<string, readonly string[]> | undefined,
): FieldTerms[] {
  const titles = new Map<string, string[]>();
  return chunks.map((chunk) => {
    let title = titles.get(chunk.title);
    if (title === undefined) {
      title = asField(contentTerms(chunk.title));
      titles.set(chunk.title, title);
    }
    return {
      title,
      heading: asField(contentTerms(chunk.headingPath.join(" "))),
      body: asField(bodyTerms?.get(chunk.chunkId) ?? contentTerms(chunk.text)),
    };
  });
}

import createBm25Engine from "wink-bm25-text-search";
import { type ChunkRecord, matchesFilters, type SearchFilters } from "../../core/chunks.ts";
import { contentTerms } from "../../text/terms.ts";

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

// wink's consolidation needs three documents; tiny courses get inert fillers that match nothing.
const MIN_DOCUMENTS = 3;
const FILLER_PREFIX = "\u0000filler";

const splitTerms = (analysed: string): string[] => (analysed === "" ? [] : analysed.split(" "));

/**
 * Lexical retrieval over one course's chunks with wink-bm25-text-search (BM25F over title,
 * heading path and body), tokenised and stemmed by wink-nlp. Built from chunk rows, in memory.
 */
export class Bm25Index {
  private readonly engine = createBm25Engine();
  private readonly chunks = new Map<string, ChunkRecord>();
  private readonly tokens: Record<string, number>;
  private readonly idfs: number[];

  /**
   * `bodyTerms` may hand over each chunk's analysed text (by chunk id) when the caller has
   * analysed it already; otherwise the text is analysed here.
   */
  constructor(
    chunks: readonly ChunkRecord[],
    options: Bm25Options = defaultBm25Options,
    bodyTerms?: ReadonlyMap<string, readonly string[]>,
  ) {
    this.engine.defineConfig({
      fldWeights: options.fieldWeights,
      bm25Params: { k1: options.k1, b: options.b, k: 1 },
      ovFldNames: ["chunkId"],
    });
    // Queries are analysed by the default task; fields arrive analysed already (terms joined by
    // spaces) so every chunk's text goes through wink-nlp once, not once per field lookup.
    this.engine.definePrepTasks([contentTerms]);
    for (const field of ["title", "heading", "body"]) this.engine.definePrepTasks([splitTerms], field);
    const titleTerms = new Map<string, string>();
    for (const chunk of chunks) {
      this.chunks.set(chunk.chunkId, chunk);
      let title = titleTerms.get(chunk.title);
      if (title === undefined) {
        title = contentTerms(chunk.title).join(" ");
        titleTerms.set(chunk.title, title);
      }
      this.engine.addDoc(
        {
          title,
          heading: contentTerms(chunk.headingPath.join(" ")).join(" "),
          body: (bodyTerms?.get(chunk.chunkId) ?? contentTerms(chunk.text)).join(" "),
          chunkId: chunk.chunkId,
        },
        chunk.chunkId,
      );
    }
    for (let i = chunks.length; i < MIN_DOCUMENTS; i++) {
      this.engine.addDoc(
        { title: "", heading: "", body: "", chunkId: `${FILLER_PREFIX}${i}` },
        `${FILLER_PREFIX}${i}`,
      );
    }
    this.engine.consolidate();
    this.tokens = this.engine.getTokens();
    this.idfs = this.engine.getIDF();
  }

  /** Inverse document frequency of an analysed term; undefined for terms the course never uses. */
  idf(term: string): number | undefined {
    const index = this.tokens[term];
    return index === undefined ? undefined : this.idfs[index];
  }

  /** The largest IDF a term could have here: what an unseen term is worth. */
  get maxIdf(): number {
    const documents = Math.max(this.chunks.size, MIN_DOCUMENTS);
    return Math.log((documents + 0.5) / 0.5 + 1);
  }

  get size(): number {
    return this.chunks.size;
  }

  chunk(id: string): ChunkRecord | undefined {
    return this.chunks.get(id);
  }

  allChunks(): IterableIterator<ChunkRecord> {
    return this.chunks.values();
  }

  search(query: string, limit: number, filters: SearchFilters = {}): { id: string; score: number }[] {
    const filtered = filters.week !== undefined || filters.sourcePrefix !== undefined;
    const hits = this.engine.search(
      query,
      limit,
      (values) => {
        const chunk = this.chunks.get(values.chunkId as string);
        return chunk !== undefined && (!filtered || matchesFilters(chunk, filters));
      },
      undefined,
    );
    return hits.map(([id, score]) => ({ id, score }));
  }
}

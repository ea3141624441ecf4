import { analysisFromTerms, type ChunkAnalysis, type ChunkTerms } from "../rerank/features/analysis.ts";
import { flatten } from "./term-associations.ts";

/** Every chunk's term lists as flat arrays of ids into one vocabulary (what is stored and loaded). */
export interface ChunkTermTables {
  vocabulary: string[];
  /** Per list kind, offsets by chunk (or by sentence) into its flat array of term ids. */
  bodyOffsets: Int32Array;
  body: Int32Array;
  headingOffsets: Int32Array;
  heading: Int32Array;
  ownHeadingOffsets: Int32Array;
  ownHeading: Int32Array;
  titleOffsets: Int32Array;
  title: Int32Array;
  /** Chunk c's sentences are `sentenceOffsets[c]..sentenceOffsets[c+1]`. */
  sentenceOffsets: Int32Array;
  sentenceTermOffsets: Int32Array;
  sentenceTerms: Int32Array;
  defineOffsets: Int32Array;
  defines: Int32Array;
  questions: Int32Array;
}

/**
 * Analyses kept ready for the chunks that keep coming back as candidates; a few hundred per
 * course, as each holds sets of strings and a server holds many courses.
 */
const CACHED_ANALYSES = 300;

/**
 * The reranker's view of every chunk of a course, made when the course's index is built and
 * stored with it: a query turns only its candidates' term lists back into analyses.
 */
export class ChunkTermsTable {
  readonly tables: ChunkTermTables;
  private readonly cache = new Map<number, ChunkAnalysis>();

  constructor(source: readonly ChunkTerms[] | ChunkTermTables) {
    this.tables = Array.isArray(source) ? buildTables(source) : (source as ChunkTermTables);
  }

  get size(): number {
    return this.tables.questions.length;
  }

  /** The analysis of the chunk at `index` (in the course's chunk order). */
  analysis(index: number): ChunkAnalysis {
    const cached = this.cache.get(index);
    if (cached) {
      this.cache.delete(index);
      this.cache.set(index, cached);
      return cached;
    }
    const analysis = analysisFromTerms(this.terms(index));
    if (this.cache.size >= CACHED_ANALYSES) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(index, analysis);
    return analysis;
  }

  /** The chunk's term lists as they were analysed. */
  terms(index: number): ChunkTerms {
    const t = this.tables;
    const words = (offsets: Int32Array, ids: Int32Array, at: number) =>
      Array.from(
        ids.subarray(offsets[at] as number, offsets[at + 1] as number),
        (id) => t.vocabulary[id] as string,
      );
    const sentences: ChunkTerms["sentences"] = [];
    for (let s = t.sentenceOffsets[index] as number; s < (t.sentenceOffsets[index + 1] as number); s++) {
      sentences.push({
        terms: words(t.sentenceTermOffsets, t.sentenceTerms, s),
        defines: words(t.defineOffsets, t.defines, s),
      });
    }
    return {
      bodyTerms: words(t.bodyOffsets, t.body, index),
      headingTerms: words(t.headingOffsets, t.heading, index),
      ownHeadingTerms: words(t.ownHeadingOffsets, t.ownHeading, index),
      titleTerms: words(t.titleOffsets, t.title, index),
      sentences,
      questions: t.questions[index] as number,
    };
  }
}

function buildTables(chunks: readonly ChunkTerms[]): ChunkTermTables {
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const encode = (terms: readonly string[]) =>
    terms.map((term) => {
      let id = ids.get(term);
      if (id === undefined) {
        id = vocabulary.length;
        ids.set(term, id);
        vocabulary.push(term);
      }
      return id;
    });
  const list = (pick: (c: ChunkTerms) => readonly string[]) => flatten(chunks.map((c) => encode(pick(c))));
  const [bodyOffsets, body] = list((c) => c.bodyTerms);
  const [headingOffsets, heading] = list((c) => c.headingTerms);
  const [ownHeadingOffsets, ownHeading] = list((c) => c.ownHeadingTerms);
  const [titleOffsets, title] = list((c) => c.titleTerms);
  const sentences = chunks.flatMap((c) => c.sentences);
  const [sentenceTermOffsets, sentenceTerms] = flatten(sentences.map((s) => encode(s.terms)));
  const [defineOffsets, defines] = flatten(sentences.map((s) => encode(s.defines)));
  const sentenceOffsets = new Int32Array(chunks.length + 1);
  chunks.forEach((c, i) => {
    sentenceOffsets[i + 1] = (sentenceOffsets[i] as number) + c.sentences.length;
  });
  return {
    vocabulary,
    bodyOffsets,
    body,
    headingOffsets,
    heading,
    ownHeadingOffsets,
    ownHeading,
    titleOffsets,
    title,
    sentenceOffsets,
    sentenceTermOffsets,
    sentenceTerms,
    defineOffsets,
    defines,
    questions: Int32Array.from(chunks, (c) => c.questions),
  };
}

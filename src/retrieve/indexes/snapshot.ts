import type { ChunkRecord } from "../../core/chunks.ts";
import type { CourseChunkRows } from "../../db/index.ts";
import type { contentWordsBySentence } from "../../text/terms.ts";
import type { ChunkAnalysis } from "../rerank/features/analysis.ts";
import { chunkTerms } from "../rerank/features/analysis.ts";
import type { ChunkVectors } from "../rerank/vectors.ts";
import { ChunkAnalyses } from "./analyses.ts";
import { Bm25Index, defaultBm25Options } from "./bm25.ts";
import { ChunkTermsTable } from "./chunk-terms.ts";
import { ChunkVectorTable } from "./chunk-vectors.ts";
import type { IndexParts } from "./persisted.ts";
import { TermAssociations } from "./term-associations.ts";

/** One course version's search indexes, as a search reads them. */
export interface CourseSnapshot {
  course: string;
  version: number;
  embeddingModel: string | null;
  embeddingDim: number | null;
  bm25: Bm25Index;
  /** Which course terms share sentences: hybrid search expands queries with them. */
  associations: TermAssociations;
  /** The reranker's view of every chunk (term lists, analysed once per course version). */
  chunkTerms: ChunkTermsTable;
  /** The chunks' stored vectors of the course's model, and their mean. */
  vectors: ChunkVectorTable;
  loadedAt: number;
  /** Read from the database's stored index, or built from the chunks. */
  origin: "stored" | "built";
  /** About how much memory the snapshot holds, for the cache's budget. */
  bytes: number;
}

/** Chunks analysed between two yields to the event loop while an index is built. */
const BUILD_SLICE = 64;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Builds a course version's indexes from its chunks: every chunk's text goes through wink-nlp
 * (the slow part: about 2 ms a chunk), giving BM25's terms, the term associations and the
 * reranker's term lists. Yields to the event loop as it goes, so other courses keep answering.
 * `analyses` keeps the course's sentence analyses between builds, so a build after one document
 * was published analyses that document's chunks for BM25 and the associations.
 */
export async function buildSnapshot(
  course: string,
  rows: CourseChunkRows,
  analyses: ChunkAnalyses = new ChunkAnalyses(),
): Promise<{ snapshot: CourseSnapshot; parts: IndexParts }> {
  const { chunks } = rows;
  const analysed: ReturnType<typeof contentWordsBySentence>[] = [];
  for (let i = 0; i < chunks.length; i++) {
    if (i > 0 && i % BUILD_SLICE === 0) await yieldToEventLoop();
    analysed.push(analyses.analyseOne(chunks[i] as ChunkRecord));
  }
  analyses.finish();
  const bodyTerms = analysed.map((sentences) => sentences.flatMap((words) => words.map((w) => w.term)));
  const bm25 = new Bm25Index(
    chunks,
    defaultBm25Options,
    new Map(chunks.map((c, i) => [c.chunkId, bodyTerms[i] ?? []])),
  );
  const associations = new TermAssociations(analysed);
  const terms: ReturnType<typeof chunkTerms>[] = [];
  for (let i = 0; i < chunks.length; i++) {
    if (i % BUILD_SLICE === 0) await yieldToEventLoop();
    // Analysed afresh rather than from `bodyTerms`: wink-nlp tokenises a word it meets for the
    // first time differently from later ("request's"), and the reranker has always seen texts
    // after the lexical indexes were built.
    terms.push(chunkTerms(chunks[i] as ChunkRecord));
  }
  const parts: IndexParts = {
    chunkIds: chunks.map((c) => c.chunkId),
    bm25: bm25.postings,
    associations: associations.tables,
    chunkTerms: new ChunkTermsTable(terms).tables,
    centroid: rows.centroid ? Float32Array.from(rows.centroid) : undefined,
  };
  return { snapshot: restoreSnapshot(course, rows, parts, "built"), parts };
}

/** A snapshot over stored (or just built) parts; throws when they describe other chunks. */
export function restoreSnapshot(
  course: string,
  rows: CourseChunkRows,
  parts: IndexParts,
  origin: CourseSnapshot["origin"],
): CourseSnapshot {
  const { chunks } = rows;
  if (parts.chunkIds.length !== chunks.length || parts.chunkIds.some((id, i) => chunks[i]?.chunkId !== id)) {
    throw new Error("the stored index describes other chunks");
  }
  const bm25 = new Bm25Index(chunks, parts.bm25);
  const associations = new TermAssociations(parts.associations);
  const terms = new ChunkTermsTable(parts.chunkTerms);
  const vectors = decodeVectors(rows, parts.centroid);
  return {
    course,
    version: rows.version,
    embeddingModel: rows.embeddingModel,
    embeddingDim: rows.embeddingDim,
    bm25,
    associations,
    chunkTerms: terms,
    vectors,
    loadedAt: Date.now(),
    origin,
    bytes: estimateBytes(bm25, parts, vectors),
  };
}

/** The reranker's inputs from the snapshot for `ids`: stored vectors and analyses, no database. */
export function candidateVectors(snapshot: CourseSnapshot, ids: readonly string[]): ChunkVectors {
  return snapshot.vectors.of(ids.map((id) => ({ id, index: snapshot.bm25.indexOf(id) })));
}

/** A chunk's analysis as the snapshot stores it; undefined for a chunk it does not hold. */
export function storedAnalysis(snapshot: CourseSnapshot, chunkId: string): ChunkAnalysis | undefined {
  const index = snapshot.bm25.indexOf(chunkId);
  return index === undefined ? undefined : snapshot.chunkTerms.analysis(index);
}

/** pgvector's binary vectors (a 2-byte size, 2 unused bytes, big-endian floats) into one block. */
function decodeVectors(rows: CourseChunkRows, centroid: Float32Array | undefined): ChunkVectorTable {
  const dim = rows.embeddingDim ?? 0;
  if (dim <= 0) return ChunkVectorTable.empty(rows.chunks.length);
  const values = new Float32Array(rows.chunks.length * dim);
  const bytes = new Uint8Array(values.buffer);
  const present = new Uint8Array(rows.chunks.length);
  rows.vectors.forEach((text, i) => {
    if (!text) return;
    const binary = Buffer.from(text, "base64");
    if (binary.length !== 4 + 4 * dim || binary.readInt16BE(0) !== dim) return;
    binary.subarray(4).swap32();
    bytes.set(binary.subarray(4), i * dim * 4);
    present[i] = 1;
  });
  return new ChunkVectorTable(dim, values, present, centroid);
}

/** Typed arrays, the chunk rows and per-object overheads, roughly. */
function estimateBytes(bm25: Bm25Index, parts: IndexParts, vectors: ChunkVectorTable): number {
  let bytes = vectors.bytes + bm25.chunkBytes;
  for (const value of [
    ...Object.values(parts.bm25),
    ...Object.values(parts.associations),
    ...Object.values(parts.chunkTerms),
  ]) {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    else if (Array.isArray(value)) bytes += value.length * 64;
  }
  // Search scratch space (three numbers a chunk) and the reranker's cache of recent analyses.
  return bytes + bm25.size * 16 + 300 * 8_192;
}

import { createHash, randomUUID } from "node:crypto";
import {
  CourseRepository,
  CourseVectorIndexes,
  type Db,
  StagingRepository,
  stagingCourseId,
} from "../db/index.ts";
import { embedWithCache } from "../embed/cache.ts";
import type { CourseEmbeddings } from "../embed/embeddings.ts";
import { chunkDocument } from "./chunker.ts";
import { withoutNul } from "./loaders/common.ts";
import { pickLoader } from "./loaders/index.ts";
import { embeddingInput, PIPELINE_VERSION } from "./sync.ts";
import { type ChunkingOptions, defaultChunking } from "./types.ts";
import { titleFromPath, weekFromPath } from "./walk.ts";

/** Why one document could not be ingested or removed on its own. */
export class DocumentIngestError extends Error {
  override name = "DocumentIngestError";
  constructor(
    readonly code: "unknown_course" | "unsupported_document" | "empty_document" | "other_model",
    message: string,
  ) {
    super(message);
  }
}

export interface DocumentIngestOptions {
  db: Db;
  embeddings: CourseEmbeddings;
  course: string;
  /** The document's path inside the course folder, e.g. `staff-answers/office-hours.md`. */
  source: string;
  bytes: Uint8Array;
  chunking?: ChunkingOptions;
}

export interface DocumentIngestSummary {
  course: string;
  source: string;
  chunks: number;
  /** Chunk texts that went through the model (the rest came from the embedding cache). */
  embedded: number;
  /** The course version that holds the document. */
  version: number;
  ms: number;
}

/**
 * Adds or replaces one document of a course without touching the others: it is loaded, chunked
 * and embedded, staged in a staging course of its own and published as the next course version
 * in one transaction. Readers see the previous version until that commits, and a full ingestion
 * running at the same time keeps its own staging area (publishing is serialised on the course row).
 */
export async function ingestDocument(options: DocumentIngestOptions): Promise<DocumentIngestSummary> {
  const started = performance.now();
  const { db, embeddings, course, source } = options;
  const current = await new CourseRepository(db).version(course);
  if (!current) throw new DocumentIngestError("unknown_course", `unknown course "${course}"`);
  if (current.embeddingModel !== null && current.embeddingModel !== embeddings.modelId) {
    throw new DocumentIngestError(
      "other_model",
      `course "${course}" was embedded with ${current.embeddingModel}; ingest it in full before adding documents`,
    );
  }
  const loader = pickLoader(source, new TextDecoder().decode(options.bytes.subarray(0, 4096)));
  if (!loader) throw new DocumentIngestError("unsupported_document", `no loader reads "${source}"`);
  const doc = withoutNul(await loader.load(options.bytes, source, titleFromPath(source)));
  doc.week ??= weekFromPath(source);
  const chunks = chunkDocument(doc, options.chunking ?? defaultChunking);
  if (chunks.length === 0) throw new DocumentIngestError("empty_document", `"${source}" holds no text`);
  const hash = createHash("sha256").update(PIPELINE_VERSION).update(options.bytes).digest("hex");

  const inputs = chunks.map((c) => embeddingInput(doc.title, c.headingPath, c.text));
  const { vectors, computed } = await embedWithCache(db, embeddings, inputs);
  // A staging course for this document alone: a crash rolls the whole transaction back, so
  // nothing is left behind, and concurrent single-document ingestions never share one.
  const staging = stagingCourseId(`${course}~doc-${randomUUID()}`);
  await db.transaction(async (tx) => {
    const repository = new StagingRepository(tx);
    await repository.create(staging, embeddings.modelId, course);
    await repository.writeDocument(staging, { source, hash, doc, chunks }, vectors, embeddings.modelId);
    await repository.publish(course, staging, {
      removed: [],
      changed: true,
      recordModel: current.embeddingModel === null,
      embeddingModel: embeddings.modelId,
      embeddingDim: embeddings.dimensions,
    });
  });
  // A course whose first version had no vectors gets its HNSW index now (otherwise a no-op).
  await new CourseVectorIndexes(db).ensure(course, embeddings.dimensions);
  const version = (await new CourseRepository(db).version(course))?.version ?? current.version + 1;
  return {
    course,
    source,
    chunks: chunks.length,
    embedded: computed,
    version,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Removes documents from a course as its next version, in one transaction; the rest of the
 * course is untouched. Returns how many were removed (none removed: the version stays).
 */
export async function removeDocuments(db: Db, course: string, sources: string[]): Promise<number> {
  return db.transaction((tx) => new StagingRepository(tx).removeLive(course, sources));
}

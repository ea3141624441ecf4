import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  CourseRepository,
  CourseVectorIndexes,
  type Db,
  DocumentRepository,
  StagingRepository,
} from "../db/index.ts";
import { embedWithCache } from "../embed/cache.ts";
import type { CourseEmbeddings } from "../embed/embeddings.ts";
import { chunkDocument } from "./chunker.ts";
import { withoutNul } from "./loaders/common.ts";
import { pickLoader } from "./loaders/index.ts";
import {
  discardStaged,
  dropStaging,
  prepareStaging,
  publishStaged,
  readStaging,
  type StagingArea,
} from "./staging.ts";
import type { Chunk, ChunkingOptions, LoadedDocument } from "./types.ts";
import { defaultChunking } from "./types.ts";
import { type FoundFile, listFiles, titleFromPath, weekFromPath } from "./walk.ts";

/**
 * Bumped when loaders or the chunker change what they produce, so a re-ingest re-chunks files
 * whose bytes did not change.
 */
export const PIPELINE_VERSION = "1";

export interface IngestSummary {
  course: string;
  documents: number;
  chunks: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: { source: string; reason: string }[];
  /** Chunk texts that went through the model (the rest came from the embedding cache). */
  embedded: number;
  /** Documents an interrupted earlier run had already staged, published now without rework. */
  resumed: number;
  /** True when the course was on another embedding model and every document was re-embedded. */
  reembedded: boolean;
  ms: number;
}

export type IngestPhase = "scan" | "embed" | "write";
export type IngestProgress = (phase: IngestPhase, done: number, total: number) => void;

export interface IngestOptions {
  db: Db;
  embeddings: CourseEmbeddings;
  dir: string;
  course: string;
  courseTitle?: string;
  chunking?: ChunkingOptions;
  onProgress?: IngestProgress;
  /**
   * Live documents the folder does not own (added one by one, such as staff answers): they stay
   * although the folder lacks them. A file of the folder with the same path still replaces one.
   */
  keepSources?: (source: string) => boolean;
}

interface PreparedDocument {
  source: string;
  hash: string;
  doc: LoadedDocument;
  chunks: Chunk[];
  existed: boolean;
}

/** The text a chunk is embedded as: its place in the document gives short chunks context. */
export function embeddingInput(title: string, headingPath: string[], text: string): string {
  const context = [title, ...headingPath].filter(Boolean).join(" > ");
  return context ? `${context}\n${text}` : text;
}

/**
 * Brings a course in line with a folder: new files are added, changed ones replaced, removed ones
 * deleted, unchanged ones left alone (by content hash). Each document is written in its own
 * transaction into the course's staging area, and one last transaction publishes them all as the
 * next course version (see staging.ts): a run that dies midway leaves the previous version served
 * and the next run resumes. Unreadable files are reported and skipped and keep their previous
 * version.
 */
export async function ingestFolder(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { db, embeddings, course } = options;
  const onProgress = options.onProgress ?? (() => {});

  const { embeddingModel } = await new CourseRepository(db).upsert(course, options.courseTitle ?? "");
  const reembed = embeddingModel !== null && embeddingModel !== embeddings.modelId;
  const existing = await new DocumentRepository(db).contentHashes(course);
  const scan = await scanFolder(path.resolve(options.dir), {
    existing,
    reembed,
    chunking: options.chunking ?? defaultChunking,
    onProgress,
  });
  const { prepared } = scan;
  const removedSources = [...existing.keys()].filter(
    (source) =>
      !scan.present.has(source) && !scan.keepDespiteErrors.has(source) && !options.keepSources?.(source),
  );
  const written = await stageAndPublish(options, onProgress, prepared, removedSources, embeddingModel);
  const added = prepared.filter((p) => !p.existed).length;
  const totals = await new DocumentRepository(db).totals(course);
  return {
    course,
    documents: totals.documents,
    chunks: totals.chunks,
    added,
    updated: prepared.length - added,
    removed: removedSources.length,
    unchanged: scan.unchanged,
    skipped: scan.skipped,
    embedded: written.embedded,
    resumed: written.resumed,
    reembedded: reembed && prepared.length > 0,
    ms: Math.round(performance.now() - started),
  };
}

interface ScanContext {
  /** source → content hash of the course's live documents. */
  existing: ReadonlyMap<string, string>;
  /** The course is on another embedding model: unchanged files are prepared again too. */
  reembed: boolean;
  chunking: ChunkingOptions;
  onProgress: IngestProgress;
}

interface FolderScan {
  prepared: PreparedDocument[];
  /** Sources of supported files in the folder. */
  present: Set<string>;
  /** Sources that failed to read or parse: their previous version stays. */
  keepDespiteErrors: Set<string>;
  unchanged: number;
  skipped: IngestSummary["skipped"];
}

/** Reads, loads and chunks every new or changed file of the folder. */
async function scanFolder(dir: string, context: ScanContext): Promise<FolderScan> {
  const files = await listFiles(dir);
  const scan: FolderScan = {
    prepared: [],
    present: new Set(),
    keepDespiteErrors: new Set(),
    unchanged: 0,
    skipped: [],
  };
  for (const [index, file] of files.entries()) {
    context.onProgress("scan", index, files.length);
    await scanFile(file, context, scan);
  }
  context.onProgress("scan", files.length, files.length);
  return scan;
}

async function scanFile(file: FoundFile, context: ScanContext, scan: FolderScan): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.absolute);
  } catch (error) {
    scan.skipped.push({ source: file.relative, reason: `unreadable: ${describe(error)}` });
    scan.keepDespiteErrors.add(file.relative);
    return;
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const loader = pickLoader(file.relative, head);
  if (!loader) return;
  scan.present.add(file.relative);
  const hash = createHash("sha256").update(PIPELINE_VERSION).update(bytes).digest("hex");
  if (!context.reembed && context.existing.get(file.relative) === hash) {
    scan.unchanged++;
    return;
  }
  if (bytes.byteLength === 0) {
    scan.skipped.push({ source: file.relative, reason: "empty file" });
    scan.present.delete(file.relative);
    return;
  }
  let doc: LoadedDocument;
  try {
    doc = withoutNul(await loader.load(bytes, file.relative, titleFromPath(file.relative)));
  } catch (error) {
    scan.skipped.push({
      source: file.relative,
      reason: `could not be parsed as ${loader.format}: ${describe(error)}`,
    });
    scan.keepDespiteErrors.add(file.relative);
    return;
  }
  doc.week ??= weekFromPath(file.relative);
  const chunks = chunkDocument(doc, context.chunking);
  if (chunks.length === 0) {
    scan.skipped.push({ source: file.relative, reason: "no text found" });
    scan.present.delete(file.relative);
    return;
  }
  scan.prepared.push({
    source: file.relative,
    hash,
    doc,
    chunks,
    existed: context.existing.has(file.relative),
  });
}

/**
 * Embeds what the staging area lacks, stages it document by document and publishes the next
 * version; with nothing changed, drops leftovers and records the model on a course that had none.
 */
async function stageAndPublish(
  options: IngestOptions,
  onProgress: IngestProgress,
  prepared: PreparedDocument[],
  removed: string[],
  courseModel: string | null,
): Promise<{ embedded: number; resumed: number }> {
  const { db, embeddings, course } = options;
  const area = await readStaging(db, course, embeddings.modelId);
  // An earlier run killed before publishing left these behind; still-current ones need no work.
  const resumable = prepared.filter((p) => area.staged.get(p.source) === p.hash);
  const toWrite = prepared.filter((p) => area.staged.get(p.source) !== p.hash);
  await discardStaged(db, area, new Set(resumable.map((p) => p.source)));

  const inputs = toWrite.flatMap((p) =>
    p.chunks.map((c) => embeddingInput(p.doc.title, c.headingPath, c.text)),
  );
  const { vectors, computed } = await embedWithCache(db, embeddings, inputs, (done, total) =>
    onProgress("embed", done, total),
  );

  const changed = prepared.length + removed.length > 0;
  if (changed) {
    await prepareStaging(db, area, embeddings.modelId);
    await writeStaged(options, area, toWrite, vectors, (written) =>
      onProgress("write", resumable.length + written, prepared.length),
    );
    await publishStaged(db, area, {
      removed,
      changed,
      recordModel: true,
      embeddingModel: embeddings.modelId,
      embeddingDim: embeddings.dimensions,
    });
  } else {
    await dropStaging(db, area);
    if (courseModel === null) {
      await new CourseRepository(db).recordEmbeddingModel(course, embeddings.modelId, embeddings.dimensions);
    }
  }
  await indexCourseVectors(db, course, embeddings.dimensions);
  return { embedded: computed, resumed: resumable.length };
}

/**
 * A course's first version (or its first on a model of another size) gets its HNSW index built
 * over the published vectors at once; later versions' vectors enter it as they are published.
 * Until it exists, vector search on the course is an exact scan. The planner's statistics are
 * refreshed so it knows the new course's rows.
 */
async function indexCourseVectors(db: Db, course: string, dim: number): Promise<void> {
  const indexes = new CourseVectorIndexes(db);
  if (!(await indexes.ensure(course, dim))) return;
  await indexes.analyze();
}

/** Writes each document with its vectors into the staging area, one transaction per document. */
async function writeStaged(
  options: IngestOptions,
  area: StagingArea,
  toWrite: PreparedDocument[],
  vectors: number[][],
  onWritten: (written: number) => void,
): Promise<void> {
  const { db, embeddings } = options;
  let offset = 0;
  for (const [index, item] of toWrite.entries()) {
    const itemVectors = vectors.slice(offset, offset + item.chunks.length);
    offset += item.chunks.length;
    await db.transaction((tx) =>
      new StagingRepository(tx).writeDocument(area.staging, item, itemVectors, embeddings.modelId),
    );
    onWritten(index + 1);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

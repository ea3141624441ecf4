import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Db, type Queryable, toVectorLiteral } from "../db/db.ts";
import { ensureVectorIndex } from "../db/vector-index.ts";
import { embedWithCache, hashText } from "../embed/cache.ts";
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
  stagedDimension,
} from "./staging.ts";
import type { Chunk, ChunkingOptions, LoadedDocument } from "./types.ts";
import { defaultChunking } from "./types.ts";
import { listFiles, titleFromPath, weekFromPath } from "./walk.ts";

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
  const dir = path.resolve(options.dir);
  const chunking = options.chunking ?? defaultChunking;
  const onProgress = options.onProgress ?? (() => {});

  const courseRow = await ensureCourse(db, course, options.courseTitle);
  const reembed = courseRow.embedding_model !== null && courseRow.embedding_model !== embeddings.modelId;

  const { rows: existingRows } = await db.query<{ source: string; content_hash: string }>(
    "SELECT source, content_hash FROM documents WHERE course_id = $1",
    [course],
  );
  const existing = new Map(existingRows.map((r) => [r.source, r.content_hash]));

  const files = await listFiles(dir);
  const skipped: IngestSummary["skipped"] = [];
  const prepared: PreparedDocument[] = [];
  const present = new Set<string>();
  const keepDespiteErrors = new Set<string>();
  let unchanged = 0;

  for (const [index, file] of files.entries()) {
    onProgress("scan", index, files.length);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file.absolute);
    } catch (error) {
      skipped.push({ source: file.relative, reason: `unreadable: ${describe(error)}` });
      keepDespiteErrors.add(file.relative);
      continue;
    }
    const head = new TextDecoder().decode(bytes.subarray(0, 4096));
    const loader = pickLoader(file.relative, head);
    if (!loader) continue;
    present.add(file.relative);
    const hash = createHash("sha256").update(PIPELINE_VERSION).update(bytes).digest("hex");
    if (!reembed && existing.get(file.relative) === hash) {
      unchanged++;
      continue;
    }
    if (bytes.byteLength === 0) {
      skipped.push({ source: file.relative, reason: "empty file" });
      present.delete(file.relative);
      continue;
    }
    let doc: LoadedDocument;
    try {
      doc = withoutNul(await loader.load(bytes, file.relative, titleFromPath(file.relative)));
    } catch (error) {
      skipped.push({
        source: file.relative,
        reason: `could not be parsed as ${loader.format}: ${describe(error)}`,
      });
      keepDespiteErrors.add(file.relative);
      continue;
    }
    doc.week ??= weekFromPath(file.relative);
    const chunks = chunkDocument(doc, chunking);
    if (chunks.length === 0) {
      skipped.push({ source: file.relative, reason: "no text found" });
      present.delete(file.relative);
      continue;
    }
    prepared.push({ source: file.relative, hash, doc, chunks, existed: existing.has(file.relative) });
  }
  onProgress("scan", files.length, files.length);

  const removedSources = [...existing.keys()].filter(
    (source) => !present.has(source) && !keepDespiteErrors.has(source),
  );
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

  const changed = prepared.length + removedSources.length > 0;
  if (changed) {
    await prepareStaging(db, area, embeddings.modelId);
    let offset = 0;
    for (const [index, item] of toWrite.entries()) {
      const itemVectors = vectors.slice(offset, offset + item.chunks.length);
      offset += item.chunks.length;
      await db.transaction((tx) => writeDocument(tx, area.staging, item, itemVectors, embeddings));
      onProgress("write", resumable.length + index + 1, prepared.length);
    }
    if (prepared.length > 0) await ensureVectorIndex(db, embeddings.dimensions);
    await publishStaged(db, area, {
      removed: removedSources,
      changed,
      recordModel: true,
      embeddingModel: embeddings.modelId,
      embeddingDim: embeddings.dimensions,
    });
  } else {
    await dropStaging(db, area);
    if (courseRow.embedding_model === null) {
      await db.query("UPDATE courses SET embedding_model = $2, embedding_dim = $3::int WHERE id = $1", [
        course,
        embeddings.modelId,
        embeddings.dimensions,
      ]);
    }
  }
  const added = prepared.filter((p) => !p.existed).length;
  const updated = prepared.length - added;
  const removed = removedSources.length;

  const totals = await db.query<{ documents: number; chunks: number }>(
    `SELECT (SELECT count(*)::int FROM documents WHERE course_id = $1) AS documents,
            (SELECT count(*)::int FROM chunks WHERE course_id = $1) AS chunks`,
    [course],
  );
  return {
    course,
    documents: totals.rows[0]?.documents ?? 0,
    chunks: totals.rows[0]?.chunks ?? 0,
    added,
    updated,
    removed,
    unchanged,
    skipped,
    embedded: computed,
    resumed: resumable.length,
    reembedded: reembed && prepared.length > 0,
    ms: Math.round(performance.now() - started),
  };
}

interface CourseRow {
  id: string;
  embedding_model: string | null;
}

export async function ensureCourse(db: Queryable, course: string, title?: string): Promise<CourseRow> {
  await db.query(
    `INSERT INTO courses (id, title) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET title = CASE WHEN $2 = '' THEN courses.title ELSE $2 END`,
    [course, title ?? ""],
  );
  const { rows } = await db.query<CourseRow>("SELECT id, embedding_model FROM courses WHERE id = $1", [
    course,
  ]);
  return rows[0] as CourseRow;
}

const CHUNK_COLUMNS = 15;
const CHUNK_INSERT_BATCH = 40;

async function writeDocument(
  tx: Queryable,
  course: string,
  item: PreparedDocument,
  vectors: number[][],
  embeddings: CourseEmbeddings,
): Promise<void> {
  const { doc } = item;
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO documents (course_id, source, title, url, week, format, content_hash, chunk_count, meta, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, now())
     ON CONFLICT (course_id, source) DO UPDATE SET
       title = EXCLUDED.title, url = EXCLUDED.url, week = EXCLUDED.week, format = EXCLUDED.format,
       content_hash = EXCLUDED.content_hash, chunk_count = EXCLUDED.chunk_count, meta = EXCLUDED.meta,
       updated_at = now()
     RETURNING id`,
    [
      course,
      item.source,
      doc.title,
      doc.url ?? null,
      doc.week ?? null,
      doc.format,
      item.hash,
      item.chunks.length,
      JSON.stringify(doc.meta),
    ],
  );
  const documentId = rows[0]?.id as string;
  await tx.query("DELETE FROM chunks WHERE document_id = $1", [documentId]);

  for (let start = 0; start < item.chunks.length; start += CHUNK_INSERT_BATCH) {
    const batch = item.chunks.slice(start, start + CHUNK_INSERT_BATCH);
    const params: (string | number | string[] | null)[] = [];
    const tuples = batch.map((chunk, i) => {
      const vector = vectors[start + i] as number[];
      params.push(
        course,
        documentId,
        chunk.ord,
        item.source,
        doc.title,
        chunk.heading,
        chunk.headingPath,
        chunk.locator ?? null,
        doc.week ?? null,
        chunk.text,
        hashText(chunk.text),
        toVectorLiteral(vector),
        stagedDimension(vector.length),
        embeddings.modelId,
        doc.url ?? null,
      );
      const base = i * CHUNK_COLUMNS;
      const slots = Array.from({ length: CHUNK_COLUMNS }, (_, k) => `$${base + k + 1}`);
      slots[11] = `${slots[11]}::vector`;
      slots[6] = `${slots[6]}::text[]`;
      return `(${slots.join(", ")})`;
    });
    await tx.query(
      `INSERT INTO chunks (course_id, document_id, ord, source, title, heading, heading_path, locator, week,
                           text, content_hash, embedding, embedding_dim, embedding_model, url)
       VALUES ${tuples.join(", ")}`,
      params,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

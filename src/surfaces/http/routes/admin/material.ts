import { Hono } from "hono";
import { z } from "zod";
import { MaterialConflictError, type ParsedMaterial } from "../../../../courses/index.ts";
import { ChunkRepository, DocumentRepository } from "../../../../db/index.ts";
import { ApiError } from "../../errors.ts";
import { type AdminContext, flag, parseQuery } from "./context.ts";
import { ingestUploads } from "./ingestions.ts";
import { readMaterial } from "./upload.ts";

const uploadQuerySchema = z.object({
  mode: z.enum(["merge", "replace"]).default("merge"),
  ingest: flag.default(true),
  wait: flag.default(false),
});
const removeQuerySchema = z.object({
  path: z.string().min(1).max(512),
  /** Ingest the remaining files at once, so the file leaves the course now rather than at the next ingestion. */
  ingest: flag.default(false),
  wait: flag.default(false),
});
const sourceQuerySchema = z.object({ source: z.string().min(1).max(1_000) });

/**
 * A course's uploaded material: listing it with each file's ingestion status, uploading (and by
 * default ingesting) it, removing a file; and the ingested documents and how each was chunked.
 */
export function materialRoutes(admin: AdminContext): Hono {
  const app = new Hono();
  const { deps, files } = admin;
  const documents = new DocumentRepository(deps.db);
  const chunks = new ChunkRepository(deps.db);

  app.get("/admin/courses/:id/material", async (c) => {
    const course = await admin.requireCourse(c, "view");
    return c.json({ course: course.id, files: await filesWithStatus(admin, documents, course.id) });
  });

  app.post("/admin/courses/:id/material", async (c) => {
    const course = await admin.requireCourse(c, "manage");
    const query = parseQuery(c, uploadQuerySchema);
    const material = await readMaterial(c, admin.uploadLimits);
    if (material.files.length === 0)
      throw new ApiError(
        400,
        "invalid_material",
        `the upload holds no course material${ignoredNote(material)}`,
      );
    try {
      await files.store(course.id, material.files, query.mode);
    } catch (error) {
      if (error instanceof MaterialConflictError) throw new ApiError(409, "material_conflict", error.message);
      throw error;
    }
    const stored = {
      stored: material.files.map((f) => ({ path: f.path, bytes: f.content.byteLength })),
      ignored: material.ignored,
    };
    if (!query.ingest) return c.json({ course: course.id, ...stored }, 201);
    const reply = await ingestUploads(admin, course.id, "upload", query.wait);
    if (reply.status === 202) c.header("Location", reply.body.status);
    return c.json({ course: course.id, ...stored, ...reply.body }, reply.status);
  });

  app.delete("/admin/courses/:id/material", async (c) => {
    const course = await admin.requireCourse(c, "manage");
    const query = parseQuery(c, removeQuerySchema);
    if (!(await files.remove(course.id, query.path)))
      throw new ApiError(404, "unknown_file", `no uploaded file "${query.path}" in course "${course.id}"`);
    if (!query.ingest) return c.json({ course: course.id, removed: query.path });
    const reply = await ingestUploads(admin, course.id, "remove", query.wait);
    if (reply.status === 202) c.header("Location", reply.body.status);
    return c.json({ course: course.id, removed: query.path, ...reply.body }, reply.status);
  });

  app.get("/admin/courses/:id/documents", async (c) => {
    const course = await admin.requireCourse(c, "view");
    return c.json({ course: course.id, documents: await documents.listWithCounts(course.id) });
  });

  app.get("/admin/courses/:id/documents/chunks", async (c) => {
    const course = await admin.requireCourse(c, "view");
    const { source } = parseQuery(c, sourceQuerySchema);
    const doc = (await documents.listWithCounts(course.id)).find((d) => d.source === source);
    if (!doc) throw new ApiError(404, "unknown_document", `no document "${source}" in course "${course.id}"`);
    return c.json({ course: course.id, document: doc, chunks: await chunks.ofDocument(doc.id) });
  });

  return app;
}

/**
 * The course's uploaded files, each with what ingestion made of it: its document (week, chunks),
 * why the last run skipped it, or not ingested yet.
 */
async function filesWithStatus(admin: AdminContext, documents: DocumentRepository, course: string) {
  const [stored, docs, lastRun] = await Promise.all([
    admin.files.list(course),
    documents.listWithCounts(course),
    admin.deps.runs.list(course, 1),
  ]);
  const bySource = new Map(docs.map((d) => [d.source, d]));
  const skipped = new Map((lastRun[0]?.summary?.skipped ?? []).map((s) => [s.source, s.reason]));
  return stored.map((file) => {
    const doc = bySource.get(file.path);
    const reason = skipped.get(file.path);
    return {
      ...file,
      status: doc ? "ingested" : reason ? "skipped" : "pending",
      ...(doc
        ? { document: { title: doc.title, format: doc.format, week: doc.week, chunks: doc.chunks } }
        : {}),
      ...(reason ? { skippedBecause: reason } : {}),
    };
  });
}

/** " (3 file(s) ignored: hidden file)" when the upload held only files that were set aside. */
function ignoredNote(material: ParsedMaterial): string {
  if (material.ignored.length === 0) return "";
  return ` (${material.ignored.length} file(s) ignored: ${material.ignored[0]?.reason})`;
}

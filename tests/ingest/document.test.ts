import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.ts";
import { SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { DocumentIngestError, ingestDocument, removeDocuments } from "../../src/ingest/document.ts";
import { ingestFolder } from "../../src/ingest/sync.ts";
import { CourseIndexes } from "../../src/retrieve/index.ts";
import { openEmptyDb } from "../helpers/db.ts";

const COURSE = "single";
const bytes = (text: string) => new TextEncoder().encode(text);
const STAFF = "staff-answers/lab-room.md";
const staffDoc = (answer: string) =>
  `---\ntitle: "Answered by the teaching staff"\n---\n\n## Is the lab room open on weekends?\n\n${answer}\n`;

describe("single-document ingestion (real PGlite, real embedder)", () => {
  let db: Db;
  let dir: string;
  let embeddings: SentenceEncoderEmbeddings;

  const chunkRows = async () =>
    (
      await db.query<{ id: string; source: string }>(
        "SELECT id::text AS id, source FROM chunks WHERE course_id = $1 ORDER BY source, ord",
        [COURSE],
      )
    ).rows;
  const version = async () =>
    Number(
      (await db.query<{ v: string }>("SELECT version::text AS v FROM courses WHERE id = $1", [COURSE]))
        .rows[0]?.v,
    );
  const stagingRows = async () =>
    (await db.query<{ id: string }>("SELECT id FROM courses WHERE id LIKE '%~%'")).rows.map((r) => r.id);
  /** A staff answer with `answer` as its text, ingested on its own as `source`. */
  const ingestStaff = (answer: string, source = STAFF) =>
    ingestDocument({ db, embeddings, course: COURSE, source, bytes: bytes(staffDoc(answer)) });

  beforeAll(async () => {
    embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
    dir = await mkdtemp(path.join(os.tmpdir(), "tutor-single-"));
    await writeFile(
      path.join(dir, "gpu.md"),
      "# GPUs\n\n## Access\n\nThe lab cluster has eight GPUs for coursework.\n",
    );
    await writeFile(
      path.join(dir, "exams.md"),
      "# Exams\n\n## Midterm\n\nThe midterm covers weeks one to seven.\n",
    );
  });
  afterAll(async () => {
    await embeddings.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    db = await openEmptyDb();
    await ingestFolder({ db, embeddings, dir, course: COURSE });
  });

  it("adds one document as the next version and leaves every other chunk as it was", async () => {
    const before = await chunkRows();
    const indexes = new CourseIndexes(db);
    expect((await indexes.get(COURSE)).bm25.search("weekends saturdays", 5)).toEqual([]);

    const summary = await ingestStaff("Yes, the lab room is open on Saturdays from ten to four.");
    expect(summary).toMatchObject({ course: COURSE, source: STAFF, chunks: 1, version: 2 });
    const after = await chunkRows();
    expect(after.filter((c) => c.source !== STAFF)).toEqual(before);
    expect(after.filter((c) => c.source === STAFF)).toHaveLength(1);
    expect(await stagingRows()).toEqual([]);
    const rebuilt = await indexes.rebuild(COURSE);
    expect(rebuilt.version).toBe(2);
    const staffChunk = after.find((c) => c.source === STAFF)?.id;
    expect(rebuilt.bm25.search("weekends saturdays", 5).map((hit) => hit.id)).toEqual([staffChunk]);
  });

  it("replaces the document in place when it is ingested again, and removes it as a new version", async () => {
    await ingestStaff("First text.");
    await ingestStaff("Second text.");
    const { rows } = await db.query<{ text: string }>("SELECT text FROM chunks WHERE source = $1", [STAFF]);
    expect(rows.map((r) => r.text)).toEqual(["Second text."]);
    expect(await version()).toBe(3);

    expect(await removeDocuments(db, COURSE, [STAFF])).toBe(1);
    expect(await version()).toBe(4);
    expect((await chunkRows()).some((c) => c.source === STAFF)).toBe(false);
    // Nothing to remove: no new version.
    expect(await removeDocuments(db, COURSE, [STAFF])).toBe(0);
    expect(await version()).toBe(4);
  });

  it("publishes two documents ingested at the same time, each under its own staging course", async () => {
    await Promise.all([ingestStaff("A.", "staff-answers/a.md"), ingestStaff("B.", "staff-answers/b.md")]);
    const sources = new Set((await chunkRows()).map((c) => c.source));
    expect(sources.has("staff-answers/a.md") && sources.has("staff-answers/b.md")).toBe(true);
    expect(await version()).toBe(3);
    expect(await stagingRows()).toEqual([]);
  });

  it("keeps documents a folder does not own through a re-ingest when told to, and only then", async () => {
    await ingestStaff("Kept.");
    const kept = await ingestFolder({
      db,
      embeddings,
      dir,
      course: COURSE,
      keepSources: (source) => source.startsWith("staff-answers/"),
    });
    expect(kept.removed).toBe(0);
    expect((await chunkRows()).some((c) => c.source === STAFF)).toBe(true);
    const plain = await ingestFolder({ db, embeddings, dir, course: COURSE });
    expect(plain.removed).toBe(1);
  });

  it("refuses an unknown course, an unreadable document, an empty one and a course on another model", async () => {
    const attempt = (course: string, source: string, text: string) =>
      ingestDocument({ db, embeddings, course, source, bytes: bytes(text) }).catch((e: unknown) => e);
    const codes = [
      await attempt("nope", STAFF, staffDoc("x")),
      await attempt(COURSE, "staff-answers/x.docx", "binary"),
      await attempt(COURSE, STAFF, "---\ntitle: t\n---\n"),
    ].map((e) => (e instanceof DocumentIngestError ? e.code : String(e)));
    expect(codes).toEqual(["unknown_course", "unsupported_document", "empty_document"]);
    await db.query("UPDATE courses SET embedding_model = 'another-model' WHERE id = $1", [COURSE]);
    const other = await attempt(COURSE, STAFF, staffDoc("x"));
    expect(other instanceof DocumentIngestError && other.code).toBe("other_model");
    expect(await version()).toBe(1);
  });
});

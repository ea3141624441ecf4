import { mkdtemp, rm, symlink, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.ts";
import { CourseEmbeddings, type ProgressCallback } from "../../src/embed/embeddings.ts";
import { SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { ingestFolder } from "../../src/ingest/sync.ts";
import { openEmptyDb } from "../helpers/db.ts";

/** The real embedder, counting how many texts reach the model. */
class CountingEmbeddings extends CourseEmbeddings {
  readonly modelId: string;
  readonly dimensions = 512;
  embedded = 0;
  constructor(
    private readonly inner: SentenceEncoderEmbeddings,
    modelId = inner.modelId,
  ) {
    super();
    this.modelId = modelId;
  }
  override embedQuery(text: string) {
    return this.inner.embedQuery(text);
  }
  override async embedMany(texts: string[], onProgress?: ProgressCallback) {
    this.embedded += texts.length;
    return this.inner.embedMany(texts, onProgress);
  }
}

const notes = (week: number, topic: string, body: string) =>
  `---\ntitle: "Week ${week}: ${topic}"\nweek: ${week}\nurl: /course/t/week-0${week}\n---\n\n# Week ${week}: ${topic}\n\n## Overview\n\n${body}\n`;

describe("incremental ingestion (real PGlite, real embedder)", () => {
  let db: Db;
  let dir: string;
  let use: SentenceEncoderEmbeddings;
  let embeddings: CountingEmbeddings;

  const chunkRows = async (source: string) =>
    (
      await db.query<{ id: string; text: string }>(
        "SELECT id::text AS id, text FROM chunks WHERE course_id = 't' AND source = $1 ORDER BY ord",
        [source],
      )
    ).rows;
  const courseVersion = async () =>
    Number(
      (await db.query<{ v: string }>("SELECT version::text AS v FROM courses WHERE id = 't'")).rows[0]?.v,
    );
  const ingest = () => ingestFolder({ db, embeddings, dir, course: "t" });

  beforeAll(() => {
    use = new SentenceEncoderEmbeddings({ workers: 0 });
  });
  afterAll(() => use.close());

  beforeEach(async () => {
    db = await openEmptyDb();
    embeddings = new CountingEmbeddings(use);
    dir = await mkdtemp(path.join(os.tmpdir(), "tutor-sync-"));
    await writeFile(path.join(dir, "a.md"), notes(1, "Drift", "Model drift is the slow decay of accuracy."));
    await writeFile(
      path.join(dir, "b.md"),
      notes(2, "Caching", "A semantic cache reuses answers to similar prompts."),
    );
    await writeFile(
      path.join(dir, "c.txt"),
      "Office hours\n\nOffice hours are on Tuesdays at 3 pm in room 204.",
    );
    return async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    };
  });

  it("adds every document on the first run and records the embedding model", async () => {
    const summary = await ingest();
    expect(summary).toMatchObject({
      course: "t",
      documents: 3,
      added: 3,
      updated: 0,
      removed: 0,
      unchanged: 0,
    });
    expect(summary.chunks).toBeGreaterThanOrEqual(3);
    expect(summary.skipped).toEqual([]);
    const { rows } = await db.query<{ embedding_model: string; embedding_dim: number }>(
      "SELECT embedding_model, embedding_dim FROM courses WHERE id = 't'",
    );
    expect(rows[0]).toEqual({ embedding_model: use.modelId, embedding_dim: 512 });
    const week = await db.query<{ week: number }>("SELECT week FROM chunks WHERE source = 'b.md' LIMIT 1");
    expect(week.rows[0]?.week).toBe(2);
  });

  it("writes nothing when nothing changed", async () => {
    await ingest();
    const before = {
      a: await chunkRows("a.md"),
      version: await courseVersion(),
      embedded: embeddings.embedded,
    };
    const summary = await ingest();
    expect(summary).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 3, embedded: 0 });
    expect(embeddings.embedded).toBe(before.embedded);
    expect(await chunkRows("a.md")).toEqual(before.a);
    expect(await courseVersion()).toBe(before.version);
  });

  it("replaces only the chunks of an edited file", async () => {
    await ingest();
    const untouched = await chunkRows("b.md");
    const oldA = await chunkRows("a.md");
    await writeFile(
      path.join(dir, "a.md"),
      notes(1, "Drift", "Concept drift changes the relationship between inputs and labels."),
    );
    const version = await courseVersion();
    const summary = await ingest();
    expect(summary).toMatchObject({ added: 0, updated: 1, removed: 0, unchanged: 2 });
    expect(await chunkRows("b.md")).toEqual(untouched);
    const newA = await chunkRows("a.md");
    expect(newA.map((r) => r.id)).not.toEqual(oldA.map((r) => r.id));
    expect(newA.map((r) => r.text).join(" ")).toContain("Concept drift");
    expect(await courseVersion()).toBe(version + 1);
  });

  it("deletes the chunks of a removed file", async () => {
    await ingest();
    await unlink(path.join(dir, "c.txt"));
    const summary = await ingest();
    expect(summary).toMatchObject({ removed: 1, unchanged: 2, documents: 2 });
    expect(await chunkRows("c.txt")).toEqual([]);
  });

  it("reports unreadable, unparsable and empty files, keeps going, and keeps what it cannot read", async () => {
    await ingest();
    await writeFile(path.join(dir, "empty.md"), "");
    await writeFile(path.join(dir, "broken.pdf"), "this is not a pdf at all");
    await symlink(path.join(dir, "missing-target.md"), path.join(dir, "dangling.md"));
    const kept = await chunkRows("b.md");
    // b.md becomes unreadable (a dangling link in its place): its last good version stays.
    await unlink(path.join(dir, "b.md"));
    await symlink(path.join(dir, "gone.md"), path.join(dir, "b.md"));
    const summary = await ingest();
    const reasons = Object.fromEntries(summary.skipped.map((s) => [s.source, s.reason]));
    expect(reasons["empty.md"]).toMatch(/empty/);
    expect(reasons["broken.pdf"]).toMatch(/pdf/i);
    expect(reasons["dangling.md"]).toMatch(/unreadable/);
    expect(reasons["b.md"]).toMatch(/unreadable/);
    expect(summary.removed).toBe(0);
    expect(await chunkRows("b.md")).toEqual(kept);
  });

  it("ingests a file holding NUL bytes with the NULs dropped, instead of failing the course", async () => {
    await writeFile(
      path.join(dir, "d.md"),
      notes(4, "Serving\u0000", "Batch\u0000 serving scores\u0000 requests on a schedule."),
    );
    const summary = await ingest();
    expect(summary).toMatchObject({ added: 4, skipped: [] });
    const rows = await chunkRows("d.md");
    expect(rows.map((r) => r.text).join(" ")).toContain("Batch serving scores requests");
    expect(rows.some((r) => r.text.includes("\u0000"))).toBe(false);
  });

  it("never embeds the same text twice, across courses too", async () => {
    await ingest();
    const first = embeddings.embedded;
    const summary = await ingestFolder({ db, embeddings, dir, course: "t-copy" });
    expect(summary.added).toBe(3);
    expect(summary.embedded).toBe(0);
    expect(embeddings.embedded).toBe(first);
  });

  it("re-embeds a whole course when the embedding model changes instead of mixing vectors", async () => {
    await ingest();
    const other = new CountingEmbeddings(use, "another-model");
    const summary = await ingestFolder({ db, embeddings: other, dir, course: "t" });
    expect(summary.reembedded).toBe(true);
    expect(summary.updated).toBe(3);
    expect(other.embedded).toBeGreaterThan(0);
    const models = await db.query<{ embedding_model: string }>(
      "SELECT DISTINCT embedding_model FROM chunks WHERE course_id = 't'",
    );
    expect(models.rows).toEqual([{ embedding_model: "another-model" }]);
  });

  it("reports progress through every phase", async () => {
    const phases = new Set<string>();
    await ingestFolder({ db, embeddings, dir, course: "t", onProgress: (phase) => phases.add(phase) });
    expect([...phases].sort()).toEqual(["embed", "scan", "write"]);
  });
});

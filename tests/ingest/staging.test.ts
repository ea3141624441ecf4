import { mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.ts";
import { isStagingCourseId, liveCoursesOnly, stagingCourseId } from "../../src/db/index.ts";
import { CourseEmbeddings, type ProgressCallback } from "../../src/embed/embeddings.ts";
import { SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { ingestFolder } from "../../src/ingest/sync.ts";
import { CourseIndexes } from "../../src/retrieve/index.ts";
import { searchVectors } from "../../src/retrieve/vector.ts";
import { openEmptyDb } from "../helpers/db.ts";

class CountingEmbeddings extends CourseEmbeddings {
  readonly modelId: string;
  readonly dimensions = 512;
  embedded = 0;
  constructor(private readonly inner: SentenceEncoderEmbeddings) {
    super();
    this.modelId = inner.modelId;
  }
  override embedQuery(text: string) {
    return this.inner.embedQuery(text);
  }
  override async embedMany(texts: string[], onProgress?: ProgressCallback) {
    this.embedded += texts.length;
    return this.inner.embedMany(texts, onProgress);
  }
}

class CrashError extends Error {}

/** The real database, except that transactions fail once `budget` of them have committed. */
function failingAfter(db: Db, budget: number): Db {
  let left = budget;
  return {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    transaction: (work) => {
      if (left-- <= 0) return Promise.reject(new CrashError("simulated crash"));
      return db.transaction(work);
    },
    close: () => db.close(),
  };
}

const doc = (topic: string, body: string) => `# ${topic}\n\n## Notes\n\n${body}\n`;
const COURSE = "atomic";

describe("atomic ingestion per course version (real PGlite, real embedder)", () => {
  let db: Db;
  let dir: string;
  let use: SentenceEncoderEmbeddings;
  let embeddings: CountingEmbeddings;

  const snapshot = async () => {
    const { rows } = await db.query<{ source: string; text: string }>(
      "SELECT source, text FROM chunks WHERE course_id = $1 ORDER BY source, ord",
      [COURSE],
    );
    const version = await db.query<{ v: string }>("SELECT version::text AS v FROM courses WHERE id = $1", [
      COURSE,
    ]);
    return { chunks: rows, version: Number(version.rows[0]?.v) };
  };
  const stagedSources = async () =>
    (
      await db.query<{ source: string }>(
        "SELECT source FROM documents WHERE course_id = $1 ORDER BY source",
        [stagingCourseId(COURSE)],
      )
    ).rows.map((r) => r.source);

  beforeAll(() => {
    use = new SentenceEncoderEmbeddings({ workers: 0 });
  });
  afterAll(() => use.close());

  beforeEach(async () => {
    db = await openEmptyDb();
    embeddings = new CountingEmbeddings(use);
    dir = await mkdtemp(path.join(os.tmpdir(), "tutor-atomic-"));
    for (const [name, topic, body] of [
      ["a.md", "Drift", "Model drift is the slow decay of accuracy after deployment."],
      ["b.md", "Caching", "A semantic cache reuses answers to prompts that mean the same thing."],
      ["c.md", "Tokens", "Tokenizers split text into subword pieces before a model reads it."],
      ["d.md", "Evals", "A golden set pairs questions with the passages that answer them."],
    ] as const) {
      await writeFile(path.join(dir, name), doc(topic, body));
    }
    await ingestFolder({ db, embeddings, dir, course: COURSE });
    return async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    };
  });

  it("keeps serving the previous version in full when a run dies midway, then resumes", async () => {
    const before = await snapshot();
    await writeFile(
      path.join(dir, "a.md"),
      doc("Drift", "Concept drift changes how inputs relate to labels."),
    );
    await writeFile(
      path.join(dir, "b.md"),
      doc("Caching", "Prompt caching keeps the shared prefix warm on the server."),
    );
    await writeFile(
      path.join(dir, "c.md"),
      doc("Tokens", "Byte-pair encoding merges frequent symbol pairs."),
    );
    await unlink(path.join(dir, "d.md"));

    // Two documents get staged, the third write dies.
    await expect(
      ingestFolder({ db: failingAfter(db, 2), embeddings, dir, course: COURSE }),
    ).rejects.toBeInstanceOf(CrashError);

    // Readers still see exactly the previous version: same chunks (d.md included), same version.
    expect(await snapshot()).toEqual(before);
    const indexes = new CourseIndexes(db, 0);
    const served = await indexes.get(COURSE);
    expect(served.version).toBe(before.version);
    expect(await stagedSources()).toEqual(["a.md", "b.md"]);
    const probe = await use.embedQuery("concept drift inputs labels");
    const hits = await searchVectors(db, { course: COURSE, embedding: probe, model: use.modelId, k: 20 });
    const texts = await db.query<{ text: string }>("SELECT text FROM chunks WHERE id = ANY($1::bigint[])", [
      hits.map((h) => h.id),
    ]);
    expect(texts.rows.map((r) => r.text).join(" ")).not.toContain("Concept drift");

    // The next run publishes what was staged without writing or embedding it again.
    const summary = await ingestFolder({ db, embeddings, dir, course: COURSE });
    expect(summary).toMatchObject({ updated: 3, removed: 1, resumed: 2, documents: 3 });
    const after = await snapshot();
    expect(after.version).toBe(before.version + 1);
    const text = after.chunks.map((c) => c.text).join(" ");
    expect(text).toContain("Concept drift");
    expect(text).toContain("Prompt caching");
    expect(text).toContain("Byte-pair encoding");
    expect(after.chunks.some((c) => c.source === "d.md")).toBe(false);
    expect(await stagedSources()).toEqual([]);
    const courses = await db.query<{ id: string }>("SELECT id FROM courses");
    expect(courses.rows.map((r) => r.id).filter(isStagingCourseId)).toEqual([]);

    // Published vectors are searchable under their real dimension.
    const dims = await db.query<{ d: number }>(
      "SELECT DISTINCT embedding_dim AS d FROM chunks WHERE course_id = $1",
      [COURSE],
    );
    expect(dims.rows).toEqual([{ d: 512 }]);
    const found = await searchVectors(db, { course: COURSE, embedding: probe, model: use.modelId, k: 1 });
    const top = await db.query<{ source: string }>("SELECT source FROM chunks WHERE id = $1::bigint", [
      found[0]?.id ?? "0",
    ]);
    expect(top.rows[0]?.source).toBe("a.md");
  });

  it("only embeds the documents the interrupted run had not staged", async () => {
    await writeFile(path.join(dir, "a.md"), doc("Drift", "Label shift moves the class balance over time."));
    await writeFile(
      path.join(dir, "b.md"),
      doc("Caching", "An exact-match cache keys answers by the prompt's hash."),
    );
    await expect(
      ingestFolder({ db: failingAfter(db, 1), embeddings, dir, course: COURSE }),
    ).rejects.toBeInstanceOf(CrashError);
    // Embedding happens before writing, so the cache already holds both new texts.
    const counted = embeddings.embedded;
    const summary = await ingestFolder({ db, embeddings, dir, course: COURSE });
    expect(summary).toMatchObject({ updated: 2, resumed: 1, embedded: 0 });
    expect(embeddings.embedded).toBe(counted);
  });

  it("drops staged work that went stale before the next run", async () => {
    await writeFile(path.join(dir, "a.md"), doc("Drift", "Covariate shift changes the input distribution."));
    await writeFile(path.join(dir, "b.md"), doc("Caching", "Caches need an eviction policy such as LRU."));
    await expect(
      ingestFolder({ db: failingAfter(db, 1), embeddings, dir, course: COURSE }),
    ).rejects.toBeInstanceOf(CrashError);
    expect(await stagedSources()).toEqual(["a.md"]);

    // a.md is edited again: its staged copy must not be published.
    await writeFile(
      path.join(dir, "a.md"),
      doc("Drift", "Monitoring catches drift by comparing feature histograms."),
    );
    const summary = await ingestFolder({ db, embeddings, dir, course: COURSE });
    expect(summary.resumed).toBe(0);
    const text = (await snapshot()).chunks.map((c) => c.text).join(" ");
    expect(text).toContain("feature histograms");
    expect(text).not.toContain("Covariate shift");
    expect(text).toContain("eviction policy");
  });

  it("cleans up leftovers when the folder went back to the published version", async () => {
    const before = await snapshot();
    await writeFile(path.join(dir, "a.md"), doc("Drift", "Temporary text that is reverted."));
    await writeFile(path.join(dir, "b.md"), doc("Caching", "More temporary text."));
    await expect(
      ingestFolder({ db: failingAfter(db, 1), embeddings, dir, course: COURSE }),
    ).rejects.toBeInstanceOf(CrashError);
    // The leftover staging course never shows up in course listings.
    const listed = async () =>
      (await db.query<{ id: string }>(`SELECT id FROM courses c WHERE ${liveCoursesOnly("c.id")}`)).rows.map(
        (r) => r.id,
      );
    const everything = async () =>
      (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM courses")).rows[0]?.n;
    expect(await listed()).toEqual([COURSE]);
    expect(await everything()).toBe(2);

    await writeFile(
      path.join(dir, "a.md"),
      doc("Drift", "Model drift is the slow decay of accuracy after deployment."),
    );
    await writeFile(
      path.join(dir, "b.md"),
      doc("Caching", "A semantic cache reuses answers to prompts that mean the same thing."),
    );
    const summary = await ingestFolder({ db, embeddings, dir, course: COURSE });
    expect(summary).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 4 });
    expect(await snapshot()).toEqual(before);
    expect(await everything()).toBe(1);
  });
});

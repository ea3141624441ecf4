import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, toVectorLiteral } from "../../src/db/db.ts";
import { defaultMigrationsDir, migrate } from "../../src/db/migrate.ts";
import { openPglite } from "../../src/db/pglite.ts";
import { CourseVectorIndexes, VectorSearch } from "../../src/db/vector-index.ts";

const DIM = 16;
const MODEL = "test-model";
const PER_COURSE = 240;

/** A seeded PRNG, so the vectors (and so the plans) are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
}

function unitVector(next: () => number): number[] {
  const v = Array.from({ length: DIM }, () => next() - 0.5);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** One course of `PER_COURSE` chunks over ten documents, its vectors returned by chunk id. */
async function addCourse(db: Db, course: string, seed: number): Promise<Map<string, number[]>> {
  const next = random(seed);
  await db.query("INSERT INTO courses (id, embedding_model, embedding_dim) VALUES ($1, $2, $3)", [
    course,
    MODEL,
    DIM,
  ]);
  const vectors = new Map<string, number[]>();
  for (let d = 0; d < 10; d++) {
    const source = `doc-${d}.md`;
    const { rows } = await db.query<{ id: string }>(
      "INSERT INTO documents (course_id, source, format, content_hash) VALUES ($1, $2, 'md', 'h') RETURNING id",
      [course, source],
    );
    for (let ord = 0; ord < PER_COURSE / 10; ord++) {
      const vector = unitVector(next);
      const inserted = await db.query<{ id: string }>(
        `INSERT INTO chunks (course_id, document_id, ord, source, text, content_hash, embedding, embedding_dim,
                             embedding_model)
         VALUES ($1, $2, $3, $4, 'text', 'h', $5::vector, $6, $7) RETURNING id::text AS id`,
        [course, rows[0]?.id as string, ord, source, toVectorLiteral(vector), DIM, MODEL],
      );
      vectors.set(inserted.rows[0]?.id as string, vector);
    }
  }
  return vectors;
}

function exactNearest(vectors: Map<string, number[]>, query: number[], k: number): string[] {
  const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * (b[i] as number), 0);
  return [...vectors]
    .map(([id, v]) => ({ id, score: dot(v, query) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((hit) => hit.id);
}

describe("per-course HNSW indexes (real PGlite with pgvector)", () => {
  let db: Db & { pglite: PGlite };
  let indexes: CourseVectorIndexes;
  let chunks: VectorSearch;
  const courses = new Map<string, Map<string, number[]>>();
  const query = unitVector(random(99));

  beforeAll(async () => {
    db = await openPglite(undefined);
    await migrate(db);
    await db.query("SET hnsw.iterative_scan = relaxed_order");
    indexes = new CourseVectorIndexes(db);
    chunks = new VectorSearch(db);
    for (const [i, course] of ["alpha", "beta", "o'neil course"].entries()) {
      courses.set(course, await addCourse(db, course, i + 1));
    }
    for (const course of ["alpha", "beta"]) expect(await indexes.ensure(course, DIM)).toBe(true);
    await indexes.analyze();
  });
  afterAll(() => db.close());

  it("creates one index per course and size, once", async () => {
    const alpha = await indexes.find("alpha", DIM);
    const beta = await indexes.find("beta", DIM);
    expect(alpha).toMatch(/^chunks_hnsw_16_[0-9a-f]{20}$/);
    expect(beta).toMatch(/^chunks_hnsw_16_[0-9a-f]{20}$/);
    expect(alpha).not.toBe(beta);
    expect(await indexes.ensure("alpha", DIM)).toBe(false);
    expect(await indexes.find("alpha", 384)).toBeUndefined();
    expect(await indexes.ensure("alpha", 4096)).toBe(false);
  });

  it("searches a course through its own index, not another course's", async () => {
    const plan = (await chunks.nearestPlan({ course: "beta", embedding: query, model: MODEL, k: 10 })).join(
      "\n",
    );
    expect(plan).toContain(`Index Scan using ${await indexes.find("beta", DIM)}`);
    expect(plan).not.toContain(await indexes.find("alpha", DIM));
  });

  it("finds the course's true nearest neighbours and nothing of another course", async () => {
    const hits = await chunks.nearest({ course: "beta", embedding: query, model: MODEL, k: 10 });
    const beta = courses.get("beta") as Map<string, number[]>;
    for (const hit of hits) expect(beta.has(hit.id)).toBe(true);
    const exact = exactNearest(beta, query, 10);
    const found = hits.filter((hit) => exact.includes(hit.id)).length;
    expect(found).toBeGreaterThanOrEqual(9);
  });

  it("still returns k neighbours when a filter rejects most of the nearest ones", async () => {
    // doc-3 holds a tenth of the course: the index's first candidates are mostly elsewhere.
    const hits = await chunks.nearest({
      course: "alpha",
      embedding: query,
      model: MODEL,
      k: 20,
      filters: { sourcePrefix: "doc-3" },
    });
    expect(hits).toHaveLength(20);
  });

  it("quotes a course id holding a quote, and searches an unindexed course exactly", async () => {
    const course = "o'neil course";
    const vectors = courses.get(course) as Map<string, number[]>;
    const before = await chunks.nearest({ course, embedding: query, model: MODEL, k: 5 });
    expect(before.map((hit) => hit.id)).toEqual(exactNearest(vectors, query, 5));
    expect(await indexes.ensure(course, DIM)).toBe(true);
    const plan = (await chunks.nearestPlan({ course, embedding: query, model: MODEL, k: 5 })).join("\n");
    expect(plan).toContain(`Index Scan using ${await indexes.find(course, DIM)}`);
  });
});

describe("migration 012 on a database made before it", () => {
  it("gives every existing course its own index and drops the shared one", async () => {
    const early = await mkdtemp(path.join(os.tmpdir(), "tutor-migrations-"));
    const db = await openPglite(undefined);
    try {
      for (const file of await readdir(defaultMigrationsDir)) {
        if (Number.parseInt(file, 10) < 12)
          await copyFile(path.join(defaultMigrationsDir, file), path.join(early, file));
      }
      await migrate(db, early);
      await db.query(
        `CREATE INDEX chunks_embedding_hnsw_${DIM} ON chunks
           USING hnsw ((embedding::vector(${DIM})) vector_cosine_ops) WHERE embedding_dim = ${DIM}`,
      );
      await addCourse(db, "legacy", 7);
      await migrate(db);
      const { rows } = await db.query<{ indexname: string }>(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'chunks' AND indexname LIKE '%hnsw%'",
      );
      const legacy = await new CourseVectorIndexes(db).find("legacy", DIM);
      // The shared 512-d index of migration 001 and the 16-d one made later both went.
      expect(legacy).toBeDefined();
      expect(rows.map((r) => r.indexname)).toEqual([legacy]);
    } finally {
      await db.close();
      await rm(early, { recursive: true, force: true });
    }
  });
});

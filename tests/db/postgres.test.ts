import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseUnavailableError, type Db } from "../../src/db/db.ts";
import { migrate } from "../../src/db/migrate.ts";
import { openPostgres } from "../../src/db/postgres.ts";
import { SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { ingestFolder } from "../../src/ingest/sync.ts";
import { CourseIndexes, HybridSearcher } from "../../src/retrieve/index.ts";
import { type PgliteWireServer, startPgliteWireServer } from "../helpers/pg-server.ts";

describe("the pg driver path against PGlite served over the wire", () => {
  let server: PgliteWireServer;
  let db: Db;
  let embeddings: SentenceEncoderEmbeddings;
  let dir: string;

  beforeAll(async () => {
    server = await startPgliteWireServer({ maxConnections: 4 });
    db = openPostgres({ connectionString: server.url, max: 4 });
    embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
    dir = await mkdtemp(path.join(os.tmpdir(), "tutor-pg-"));
    await writeFile(
      path.join(dir, "drift.md"),
      "# Drift\n\n## Detecting drift\n\nThe Population Stability Index compares two distributions of a feature.",
    );
    await writeFile(
      path.join(dir, "hnsw.md"),
      "# Indexes\n\n## HNSW\n\nHNSW is a layered proximity graph for approximate nearest-neighbour search.",
    );
  });
  afterAll(async () => {
    await embeddings.close();
    await db.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("runs the same migrations, and running them again changes nothing", async () => {
    const applied = await migrate(db);
    expect(applied.length).toBeGreaterThanOrEqual(2);
    expect(await migrate(db)).toEqual([]);
    const { rows } = await db.query<{ extversion: string }>(
      "SELECT extversion FROM pg_extension WHERE extname = 'vector'",
    );
    expect(rows[0]?.extversion).toMatch(/^0\.8/);
  });

  it("ingests and searches through pg exactly as through PGlite", async () => {
    const summary = await ingestFolder({ db, embeddings, dir, course: "wire" });
    expect(summary).toMatchObject({ documents: 2, added: 2 });
    const searcher = new HybridSearcher({ db, indexes: new CourseIndexes(db), embeddings });
    const { results } = await searcher.search({ course: "wire", query: "population stability index", k: 2 });
    expect(results[0]?.source).toBe("drift.md");
    expect(results[0]?.scores.vector).toBeGreaterThan(0);
    expect(results[0]?.scores.bm25).toBeGreaterThan(0);
  });

  it("serves several pooled connections at once", async () => {
    const counts = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.query<{ n: number }>("SELECT count(*)::int AS n FROM chunks WHERE course_id = 'wire'"),
      ),
    );
    expect(new Set(counts.map((c) => c.rows[0]?.n)).size).toBe(1);
  });

  it("rolls a failed transaction back", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO courses (id) VALUES ('rolled-back')");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const { rows } = await db.query("SELECT 1 FROM courses WHERE id = 'rolled-back'");
    expect(rows).toEqual([]);
  });

  it("fails a transaction whose connection drops while it holds it, without an unhandled error", async () => {
    const dropped = db.transaction(async (tx) => {
      await tx.query("SELECT 1");
      // The database goes away while this transaction holds its client, between two queries.
      await server.pause();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tx.query("SELECT 1");
    });
    await expect(dropped).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await server.resume();
    await expect
      .poll(async () => (await db.query("SELECT 1 AS one").catch(() => ({ rows: [] }))).rows)
      .toEqual([{ one: 1 }]);
  });

  it("reports an unreachable server as DatabaseUnavailableError", async () => {
    const nowhere = openPostgres({
      connectionString: "postgres://x:y@127.0.0.1:9/none",
      connectionTimeoutMillis: 1000,
    });
    await expect(nowhere.query("SELECT 1")).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await nowhere.close();
  });
});

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../src/db/db.ts";
import { SearchIndexRepository } from "../../../src/db/index.ts";
import { SentenceEncoderEmbeddings } from "../../../src/embed/index.ts";
import {
  CourseIndexes,
  CourseQueryRewriter,
  createReranker,
  HybridSearcher,
  lexiconsFromIndexes,
  type Reranker,
  UnknownCourseError,
} from "../../../src/retrieve/index.ts";
import { INDEX_FORMAT } from "../../../src/retrieve/indexes/index.ts";
import { openSeededDb } from "../../helpers/db.ts";

const questions: string[] = readFileSync(new URL("../../../evals/aie101.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { question: string }).question);

/** A second course made of the first `count` chunks of the bundled one, under new documents. */
async function copyCourse(db: Db, course: string, count: number): Promise<void> {
  await db.query(
    "INSERT INTO courses (id, embedding_model, embedding_dim) SELECT $1, embedding_model, embedding_dim FROM courses WHERE id = 'aie101'",
    [course],
  );
  await db.query(
    `INSERT INTO documents (course_id, source, title, format, content_hash)
     SELECT $1, source, title, format, content_hash FROM documents WHERE course_id = 'aie101'`,
    [course],
  );
  await db.query(
    `INSERT INTO chunks (course_id, document_id, ord, source, title, heading, heading_path, text, content_hash,
                         embedding, embedding_dim, embedding_model)
     SELECT $1, d.id, c.ord, c.source, c.title, c.heading, c.heading_path, c.text, c.content_hash, c.embedding,
            c.embedding_dim, c.embedding_model
       FROM (SELECT * FROM chunks WHERE course_id = 'aie101' ORDER BY source, ord LIMIT $2) c
       JOIN documents d ON d.course_id = $1 AND d.source = c.source`,
    [course, count],
  );
}

describe("stored course indexes (bundled course, real PGlite)", () => {
  let db: Db;
  let embeddings: SentenceEncoderEmbeddings;
  let reranker: Reranker;
  const searcherOver = (indexes: CourseIndexes) => new HybridSearcher({ db, indexes, embeddings, reranker });

  beforeAll(async () => {
    db = await openSeededDb();
    embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
    reranker = await createReranker({ reranker: "heuristic", rerankerModelDir: undefined }, { embeddings });
  });
  afterAll(async () => {
    await embeddings.close();
    await db.close();
  });

  it("builds a course's indexes once, stores them, and loads them in another process's place", async () => {
    const built = await new CourseIndexes(db).get("aie101");
    expect(built.origin).toBe("built");
    const stored = await new SearchIndexRepository(db).describe("aie101");
    expect(stored).toMatchObject({ version: built.version, format: INDEX_FORMAT });
    expect(stored?.bytes).toBeGreaterThan(100_000);
    const loaded = await new CourseIndexes(db).get("aie101");
    expect(loaded.origin).toBe("stored");
    expect(loaded.bm25.size).toBe(built.bm25.size);
  });

  it("ranks golden-set questions exactly as the freshly built indexes do", async () => {
    const rebuilt = new CourseIndexes(db, { store: false });
    const fromStore = new CourseIndexes(db);
    expect((await fromStore.get("aie101")).origin).toBe("stored");
    const a = searcherOver(rebuilt);
    const b = searcherOver(fromStore);
    const rewriter = new CourseQueryRewriter(lexiconsFromIndexes(rebuilt));
    // Every third question of the golden set: all of them take longer than a test may on two cores.
    for (const question of questions.filter((_, i) => i % 3 === 0)) {
      const { query, spelledOut } = await rewriter.rewrite(question, { course: "aie101", history: [] });
      const request = { course: "aie101", query, spelledOutQuery: spelledOut, k: 10 };
      const [x, y] = [await a.search(request), await b.search(request)];
      expect(y.results, question).toEqual(x.results);
      expect(y.expansion).toEqual(x.expansion);
    }
    // ~70 searches: 35 s on two idle cores, past a minute when they are shared.
  }, 180_000);

  it("rebuilds instead of loading an index stored for another version, another format or unreadable", async () => {
    const repository = new SearchIndexRepository(db);
    await db.query("UPDATE courses SET version = version + 1 WHERE id = 'aie101'");
    const next = await new CourseIndexes(db).get("aie101");
    expect(next.origin).toBe("built");
    expect((await repository.describe("aie101"))?.version).toBe(next.version);

    await db.query("UPDATE course_search_indexes SET format = 'course-index/0' WHERE course_id = 'aie101'");
    expect((await new CourseIndexes(db).get("aie101")).origin).toBe("built");
    await db.query("UPDATE course_search_indexes SET data = 'bm90IGFuIGluZGV4' WHERE course_id = 'aie101'");
    expect((await new CourseIndexes(db).get("aie101")).origin).toBe("built");
    expect((await new CourseIndexes(db).get("aie101")).origin).toBe("stored");
  });

  it("keeps the most recently asked courses within its memory budget and reloads an evicted one", async () => {
    await copyCourse(db, "small-a", 60);
    await copyCourse(db, "small-b", 60);
    const probe = await new CourseIndexes(db).get("small-a");
    // Room for about one small course beside nothing else.
    const indexes = new CourseIndexes(db, { memoryBudgetBytes: Math.round(probe.bytes * 1.5) });
    await indexes.get("small-a");
    await indexes.get("small-b");
    expect(indexes.loaded("small-a")).toBeUndefined();
    expect(indexes.loaded("small-b")).toBeDefined();
    expect(indexes.stats()).toMatchObject({ courses: 1, evictions: 1 });
    const again = await indexes.get("small-a");
    expect(again.origin).toBe("stored");
    expect(indexes.loaded("small-b")).toBeUndefined();
    const { results } = await searcherOver(indexes).search({
      course: "small-a",
      query: "syllabus grading",
      k: 3,
    });
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.courseId).toBe("small-a");
  });

  it("refuses a course that does not exist", async () => {
    await expect(new CourseIndexes(db).get("no-such-course")).rejects.toBeInstanceOf(UnknownCourseError);
  });
});

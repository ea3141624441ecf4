import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, toVectorLiteral } from "../../src/db/db.ts";
import { TopicCentroids } from "../../src/guard/centroid.ts";
import { openEmptyDb } from "../helpers/db.ts";

describe("TopicCentroids", () => {
  let db: Db & { close(): Promise<void> };

  async function addChunk(ord: number, embedding: number[], model = "m") {
    await db.query(
      `INSERT INTO chunks (course_id, document_id, ord, source, text, content_hash, embedding, embedding_dim, embedding_model)
       VALUES ('c1', (SELECT id FROM documents WHERE course_id = 'c1'), $1, 'a.md', 'text', $2, $3, $4, $5)`,
      [ord, `h${ord}`, toVectorLiteral(embedding), embedding.length, model],
    );
  }

  beforeAll(async () => {
    db = await openEmptyDb();
    await db.query("INSERT INTO courses (id) VALUES ('c1')");
    await db.query(
      "INSERT INTO documents (course_id, source, format, content_hash) VALUES ('c1', 'a.md', 'markdown', 'x')",
    );
    await addChunk(0, [1, 0, 0]);
    await addChunk(1, [0, 1, 0]);
    await addChunk(2, [9, 9, 9], "other-model");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("averages one model's chunk embeddings in the database", async () => {
    const centroids = new TopicCentroids(db);
    expect(await centroids.centroid("c1", "m", 1)).toEqual([0.5, 0.5, 0]);
    expect(await centroids.centroid("c1", "missing-model", 1)).toBeNull();
    expect(await centroids.centroid("nope", "m", 1)).toBeNull();
  });

  it("recomputes only when the course version changes", async () => {
    const centroids = new TopicCentroids(db);
    expect(await centroids.centroid("c1", "m", 1)).toEqual([0.5, 0.5, 0]);
    await addChunk(3, [0, 0, 3]);
    expect(await centroids.centroid("c1", "m", 1)).toEqual([0.5, 0.5, 0]);
    const updated = await centroids.centroid("c1", "m", 2);
    expect(updated?.map((v) => Math.round(v * 1000) / 1000)).toEqual([0.333, 0.333, 1]);
  });
});

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../src/db/index.ts";
import { TransformersEmbeddings } from "../../../src/embed/transformers/index.ts";
import { candidateFeatures, FeatureReranker } from "../../../src/retrieve/rerank/feature-reranker.ts";
import {
  chunkSentences,
  embedCourseSentences,
  SentenceVectorCache,
} from "../../../src/retrieve/rerank/sentence-vectors.ts";
import { openEmptyDb } from "../../helpers/db.ts";
import { writeTinyEmbeddingModel } from "../../helpers/tiny-model.ts";
import { scoredChunk } from "../chunks.ts";

const axis = (i: number) => Array.from({ length: 4 }, (_, d) => (d === i ? 1 : 0.05));

describe("sentence vectors for the reranker (tiny model, real PGlite embedding cache)", () => {
  let root: string;
  let db: Db;
  let embeddings: TransformersEmbeddings;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "sentence-vectors-"));
    const model = await writeTinyEmbeddingModel(path.join(root, "tiny"), {
      drift: axis(0),
      monitoring: axis(0),
      docker: axis(1),
      images: axis(1),
      lunch: axis(2),
    });
    embeddings = await TransformersEmbeddings.create({ modelDir: model.dir });
    db = await openEmptyDb();
  });
  afterAll(async () => {
    await db.close();
    await rm(root, { recursive: true, force: true });
  });

  it("embeds each sentence long enough to state something, once, through the embedding cache", async () => {
    const chunks = [
      scoredChunk("a", {
        text: "Short one. Docker images hold the app and its libraries. Lunch is served at noon daily.",
      }),
      scoredChunk("b", { text: "Drift monitoring compares live inputs with training data over time." }),
    ];
    expect(chunkSentences(chunks[0]!.text)).toHaveLength(2);
    expect(await embedCourseSentences(db, embeddings, chunks)).toBe(3);
    expect(await embedCourseSentences(db, embeddings, chunks)).toBe(0);
    const cache = new SentenceVectorCache(db, embeddings);
    const vectors = await cache.get(chunks);
    expect(vectors.get("a")).toHaveLength(2);
    expect(vectors.get("b")).toHaveLength(1);
  });

  it("scores the chunk whose best sentence is closest to the question, and only reads vectors when weighted", async () => {
    const chunks = [
      scoredChunk("a", {
        text: "Docker images hold the app and its libraries. Lunch is served at noon daily.",
      }),
      scoredChunk("b", { text: "Drift monitoring compares live inputs with training data over time." }),
    ];
    const cache = new SentenceVectorCache(db, embeddings);
    const sentenceVectors = await cache.get(chunks);
    const queryEmbedding = await embeddings.embedQuery("drift");
    const features = candidateFeatures("drift", chunks, { queryEmbedding, sentenceVectors });
    expect(features[1]!.sentenceVector).toBeGreaterThan(features[0]!.sentenceVector);
    expect(features[1]!.sentenceVectorGap).toBe(0);
    expect(features[0]!.sentenceVectorGap).toBeLessThan(0);
    expect(new FeatureReranker({ bm25: 1 }).readsSentenceVectors).toBe(false);
    expect(new FeatureReranker({ bm25: 1, sentenceVector: 0.5 }).readsSentenceVectors).toBe(true);
  });

  it("keeps only the most recently read chunks' vectors, within its bound", async () => {
    const chunk = (id: string, topic: string) =>
      scoredChunk(id, { text: `The ${topic} section explains how ${topic} works in practice.` });
    const cache = new SentenceVectorCache(db, embeddings, { maxChunks: 2 });
    const [a, b, c] = [chunk("a", "drift"), chunk("b", "caching"), chunk("c", "sharding")];
    const first = await cache.get([a, b]);
    await cache.get([a]); // a is now the most recent
    await cache.get([c]); // b, the least recent, goes
    expect(cache.size).toBe(2);
    const again = await cache.get([a, b]);
    expect(again.get("a")).toBe(first.get("a")); // held: the very same arrays
    expect(again.get("b")).not.toBe(first.get("b")); // read back from the embedding cache
    expect(Array.from(again.get("b")![0]!)).toEqual(Array.from(first.get("b")![0]!));
    expect(cache.size).toBe(2);
  });
});

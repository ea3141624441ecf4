import { Embeddings } from "@langchain/core/embeddings";
import { afterAll, describe, expect, it } from "vitest";
import { SentenceEncoderEmbeddings } from "../../src/embed/sentence-encoder/index.ts";
import { dot } from "../../src/text/vector.ts";

describe("SentenceEncoderEmbeddings (the bundled Universal Sentence Encoder)", () => {
  const inProcess = new SentenceEncoderEmbeddings({ workers: 0 });
  const pooled = new SentenceEncoderEmbeddings({ workers: 2, batchSize: 2 });
  afterAll(async () => {
    await inProcess.close();
    await pooled.close();
  });

  it("is a LangChain Embeddings with 512-d unit vectors", async () => {
    expect(inProcess).toBeInstanceOf(Embeddings);
    const vector = await inProcess.embedQuery("What is model drift?");
    expect(vector).toHaveLength(512);
    expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 3);
  });

  it("places related sentences closer than unrelated ones", async () => {
    const [drift, decay, pasta] = await inProcess.embedDocuments([
      "The model's accuracy decays as production data drifts away from the training data.",
      "Over time the deployed classifier gets worse because user behaviour changed.",
      "Boil the pasta in salted water for nine minutes.",
    ]);
    expect(dot(drift as number[], decay as number[])).toBeGreaterThan(
      dot(drift as number[], pasta as number[]),
    );
  });

  it("gives the same vectors on worker threads as in process, in input order, with progress", async () => {
    const texts = ["alpha beta", "gradient descent", "vector index", "circuit breaker", "late work policy"];
    const progress: number[] = [];
    const fromWorkers = await pooled.embedMany(texts, (done) => progress.push(done));
    const local = await inProcess.embedDocuments(texts);
    expect(fromWorkers).toHaveLength(texts.length);
    for (const [i, v] of fromWorkers.entries()) expect(dot(v, local[i] as number[])).toBeGreaterThan(0.999);
    expect(progress.at(-1)).toBe(texts.length);
  });

  it("embeds empty text without failing", async () => {
    expect(await inProcess.embedDocuments([""])).toHaveLength(1);
  });
});

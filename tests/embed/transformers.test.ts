import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { createTutor, type Tutor } from "../../src/app/tutor.ts";
import { createEmbeddings } from "../../src/embed/index.ts";
import { loadLocalPipeline, TransformersEmbeddings } from "../../src/embed/transformers/index.ts";
import { dot } from "../../src/text/vector.ts";
import { openEmptyDb } from "../helpers/db.ts";
import { writeTinyEmbeddingModel } from "../helpers/tiny-model.ts";

// Four topics on four axes; the last four dimensions carry a little shared noise so no two
// topics are exactly orthogonal.
const axis = (i: number, extra = 0.1) =>
  Array.from({ length: 8 }, (_, d) => (d === i ? 1 : d >= 4 ? extra : 0));
const VECTORS: Record<string, number[]> = {
  drift: axis(0),
  shift: axis(0, 0.2),
  distribution: axis(0, 0.15),
  monitoring: axis(0, 0.3),
  docker: axis(1),
  container: axis(1, 0.2),
  image: axis(1, 0.15),
  cache: axis(2),
  latency: axis(2, 0.2),
  grading: axis(3),
  exam: axis(3, 0.2),
};

type Extractor = (
  texts: string[],
  options: { pooling: "mean"; normalize: boolean },
) => Promise<{ dims: number[]; tolist(): number[][] }>;

describe("transformers.js models loaded from a local folder (tiny ONNX model written by the test)", () => {
  let root: string;
  let modelDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "tiny-embedder-"));
    modelDir = path.join(root, "tiny-embedder");
    await writeTinyEmbeddingModel(modelDir, VECTORS);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("runs the feature-extraction pipeline: one row per text, hidden-size columns, unit length", async () => {
    const extract = await loadLocalPipeline<Extractor>("feature-extraction", modelDir);
    const output = await extract(["drift monitoring", "docker image", "grading"], {
      pooling: "mean",
      normalize: true,
    });
    expect(output.dims).toEqual([3, 8]);
    for (const row of output.tolist()) expect(Math.sqrt(dot(row, row))).toBeCloseTo(1, 5);
  });

  it("loads with remote loading switched off", async () => {
    await loadLocalPipeline("feature-extraction", modelDir);
    const { env } = await import("@xenova/transformers");
    expect(env.allowRemoteModels).toBe(false);
    expect(env.localModelPath).toBe(`${root}/`);
  });

  it("fails on a folder without weights instead of reaching for the hub", async () => {
    const empty = path.join(root, "no-weights");
    await mkdir(empty, { recursive: true });
    await writeFile(path.join(empty, "config.json"), JSON.stringify({ model_type: "bert", hidden_size: 8 }));
    await expect(loadLocalPipeline("feature-extraction", empty)).rejects.toThrow();
  });

  it("reads the model id and dimension from config.json and ranks texts by meaning", async () => {
    const embeddings = await TransformersEmbeddings.create({ modelDir });
    expect(embeddings.modelId).toBe("transformers:tiny-embedder");
    expect(embeddings.dimensions).toBe(8);
    const [query, near, far] = await embeddings.embedDocuments([
      "distribution shift",
      "drift monitoring",
      "docker container",
    ]);
    expect(query).toHaveLength(8);
    expect(dot(query as number[], near as number[])).toBeGreaterThan(0.9);
    expect(dot(query as number[], near as number[])).toBeGreaterThan(
      dot(query as number[], far as number[]) + 0.5,
    );
    // Batching must not change a text's vector, and empty text still embeds.
    const [alone] = await embeddings.embedMany(["drift monitoring"]);
    expect(dot(alone as number[], near as number[])).toBeCloseTo(1, 5);
    const [blank] = await embeddings.embedMany([""]);
    expect(Math.sqrt(dot(blank as number[], blank as number[]))).toBeCloseTo(1, 5);
  });

  it("puts the manifest's query prefix before queries and its passage prefix before everything else", async () => {
    const prefixed = path.join(root, "prefixed");
    await writeTinyEmbeddingModel(prefixed, VECTORS);
    await writeFile(
      path.join(prefixed, "tutor-model.json"),
      JSON.stringify({
        kind: "bi-encoder",
        name: "prefixed",
        queryPrefix: "docker ",
        passagePrefix: "grading ",
      }),
    );
    const embeddings = await TransformersEmbeddings.create({ modelDir: prefixed });
    const plain = await TransformersEmbeddings.create({ modelDir });
    const [asPassage] = await embeddings.embedDocuments(["drift"]);
    const [expectedPassage, expectedQuery, bare] = await plain.embedDocuments([
      "grading drift",
      "docker drift",
      "drift",
    ]);
    const asQuery = await embeddings.embedQuery("drift");
    expect(dot(asPassage as number[], expectedPassage as number[])).toBeCloseTo(1, 5);
    expect(dot(asQuery, expectedQuery as number[])).toBeCloseTo(1, 5);
    expect(dot(asPassage as number[], bare as number[])).toBeLessThan(0.95);
  });

  it("rejects a model folder without config.json with a message naming the setting", async () => {
    await expect(TransformersEmbeddings.create({ modelDir: path.join(root, "missing") })).rejects.toThrow(
      /EMBEDDING_MODEL_DIR/,
    );
  });

  describe("EMBEDDER=transformers end to end", () => {
    let tutor: Tutor;
    let course: string;

    beforeAll(async () => {
      course = path.join(root, "course");
      await mkdir(course, { recursive: true });
      await writeFile(
        path.join(course, "drift.md"),
        "# Drift\n\nDrift monitoring compares the distribution in production with the training distribution.\n",
      );
      await writeFile(
        path.join(course, "docker.md"),
        "# Docker\n\nA docker container image packages the model server and its libraries.\n",
      );
      await writeFile(
        path.join(course, "cache.md"),
        "# Caching\n\nA cache keeps answers close to the user and cuts latency.\n",
      );
      await writeFile(
        path.join(course, "exams.md"),
        "# Exams\n\nThe exam counts for forty percent of the grading.\n",
      );
      const config = loadConfig({
        EMBEDDER: "transformers",
        EMBEDDING_MODEL_DIR: modelDir,
        TUTOR_DATA_DIR: path.join(root, "data"),
      });
      const embeddings = await createEmbeddings(config);
      expect(embeddings).toBeInstanceOf(TransformersEmbeddings);
      tutor = await createTutor(config, { db: await openEmptyDb(), embeddings });
    });
    afterAll(async () => {
      await tutor?.close();
      await tutor?.db.close();
    });

    it("ingests with the tiny model and searches its vectors", async () => {
      const summary = await tutor.ingest(course, "tiny");
      expect(summary.chunks).toBeGreaterThanOrEqual(4);
      const { rows } = await tutor.db.query<{ dim: number; model: string }>(
        "SELECT DISTINCT embedding_dim AS dim, embedding_model AS model FROM chunks WHERE course_id = 'tiny'",
      );
      expect(rows).toEqual([{ dim: 8, model: "transformers:tiny-embedder" }]);

      // "shift" appears in no document: only the vectors can connect it to drift.
      const semantic = await tutor.searcher.search({ course: "tiny", query: "shift", k: 2, mode: "vector" });
      expect(semantic.results[0]?.source).toBe("drift.md");
      expect(semantic.results[0]?.scores.vector).toBeGreaterThan(0.5);

      const hybrid = await tutor.searcher.search({ course: "tiny", query: "docker container", k: 3 });
      expect(hybrid.results[0]?.source).toBe("docker.md");
      expect(hybrid.results[0]?.scores).toMatchObject({
        bm25: expect.any(Number),
        vector: expect.any(Number),
      });
    });
  });
});

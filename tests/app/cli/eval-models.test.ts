import path from "node:path";
import { describe, expect, it } from "vitest";
import { withEvalModels } from "../../../src/app/cli/eval.ts";
import { loadConfig } from "../../../src/app/config.ts";
import { describeModels } from "../../../src/app/models.ts";

describe("choosing models for an eval run and naming them at start-up", () => {
  const config = loadConfig({ TUTOR_DATA_DIR: "/srv/tutor/data", TUTOR_MODELS_DIR: "/srv/tutor/models" });

  it("keeps the configured models when the command line names none", () => {
    expect(withEvalModels(config, {})).toBe(config);
  });

  it("evaluates another embedder in a database of its own and a named reranker", () => {
    const chosen = withEvalModels(config, { embedder: "minilm", reranker: "none" });
    expect(chosen).toMatchObject({
      embedder: "transformers",
      embeddingModelDir: "/srv/tutor/models/minilm",
      dataDir: path.join("/srv/tutor/data", "eval-minilm"),
      reranker: "none",
    });
    const crossEncoder = withEvalModels(config, { reranker: "/models/ce" });
    expect(crossEncoder).toMatchObject({ reranker: "cross-encoder", rerankerModelDir: "/models/ce" });
    expect(crossEncoder.dataDir).toBe(config.dataDir);
  });

  it("says which embedder and reranker a server runs, and when weights were fitted for another model", () => {
    const bundled = describeModels(
      config,
      { modelId: "use-lite-512@x", dimensions: 512 },
      { name: "heuristic" },
    );
    expect(bundled).toMatch(/Universal Sentence Encoder \(512-d/);
    expect(bundled).toMatch(/feature reranker$/);
    const other = describeModels(
      { embeddingModelDir: "/m/e5", rerankerModelDir: undefined },
      { modelId: "transformers:intfloat/e5-small-v2", dimensions: 384 },
      { name: "heuristic" },
    );
    expect(other).toMatch(/e5-small-v2 \(384-d from \/m\/e5\)/);
    expect(other).toMatch(/refit/);
  });
});

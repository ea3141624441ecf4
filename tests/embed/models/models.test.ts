import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/app/config.ts";
import {
  importModel,
  installedModels,
  MODEL_PRESETS,
  pullModel,
  readModelManifest,
  resolveModelDir,
  verifyModel,
} from "../../../src/embed/models/index.ts";
import { type FakeModelHub, startModelHub } from "../../helpers/model-hub.ts";
import { writeTinyCrossEncoder, writeTinyEmbeddingModel } from "../../helpers/tiny-model.ts";

// Words of the verify probe: the question and its paraphrase share a direction, the unrelated
// sentence another one.
const near = [1, 0, 0.1, 0.1];
const far = [0, 1, 0.1, 0.1];
const PROBE_WORDS: Record<string, number[]> = Object.fromEntries([
  ...["detect", "model", "drift", "production", "predictions", "deployed", "worse", "notice"].map((w) => [
    w,
    near,
  ]),
  ...["cafeteria", "serves", "lasagna", "fridays"].map((w) => [w, far]),
]);

describe("model folders: pull from the hub, import, verify", () => {
  let root: string;
  let upstream: string;
  let hub: FakeModelHub;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "tutor-models-"));
    // The hub's repository holds the transformers.js layout with int8 weights under their name.
    upstream = path.join(root, "upstream", "minilm");
    await writeTinyEmbeddingModel(upstream, PROBE_WORDS, "tiny-minilm");
    await rename(
      path.join(upstream, "onnx", "model.onnx"),
      path.join(upstream, "onnx", "model_quantized.onnx"),
    );
    hub = await startModelHub({ [MODEL_PRESETS.minilm.repo]: upstream });
  });
  afterAll(async () => {
    await hub.close();
    await rm(root, { recursive: true, force: true });
  });

  it("pulls a preset by the hub's URL layout, writes its manifest and the preset's token limit", async () => {
    const modelsDir = path.join(root, "pulled");
    const dir = await pullModel(MODEL_PRESETS.minilm, { hubUrl: hub.url, modelsDir, name: "minilm" });
    expect(dir).toBe(path.join(modelsDir, "minilm"));
    expect(hub.requests).toContain(`/${MODEL_PRESETS.minilm.repo}/resolve/main/onnx/model_quantized.onnx`);
    expect(existsSync(path.join(dir, "onnx", "model_quantized.onnx"))).toBe(true);
    const manifest = await readModelManifest(dir);
    expect(manifest).toMatchObject({ kind: "bi-encoder", pooling: "mean", dimensions: 384 });
    const tokenizer = JSON.parse(await readFile(path.join(dir, "tokenizer_config.json"), "utf8"));
    expect(tokenizer.model_max_length).toBe(256);
    expect(await installedModels(modelsDir)).toEqual(["minilm"]);
  });

  it("leaves nothing behind when a required file is missing upstream or arrives cut short", async () => {
    const modelsDir = path.join(root, "failed");
    await expect(
      pullModel(MODEL_PRESETS["bge-small"], { hubUrl: hub.url, modelsDir, name: "bge-small" }),
    ).rejects.toThrow(/HTTP 404/);
    const cut = await startModelHub(
      { [MODEL_PRESETS.minilm.repo]: upstream },
      { truncate: "model_quantized.onnx" },
    );
    try {
      await expect(
        pullModel(MODEL_PRESETS.minilm, { hubUrl: cut.url, modelsDir, name: "minilm" }),
      ).rejects.toThrow();
    } finally {
      await cut.close();
    }
    expect(await installedModels(modelsDir)).toEqual([]);
  });

  it("imports an exported folder, and refuses a folder transformers.js could not load", async () => {
    const modelsDir = path.join(root, "imported");
    const { dir, name } = await importModel(upstream, { modelsDir, name: "course-embedder" });
    expect(name).toBe("course-embedder");
    expect(existsSync(path.join(dir, "config.json"))).toBe(true);
    const broken = path.join(root, "broken");
    await cp(upstream, broken, { recursive: true });
    await rm(path.join(broken, "tokenizer.json"));
    await expect(importModel(broken, { modelsDir })).rejects.toThrow(/missing tokenizer\.json/);
    await expect(importModel(upstream, { modelsDir, name: "../escape" })).rejects.toThrow(/cannot name/);
  });

  it("verifies an embedding model and a cross-encoder by what they make of a paraphrase", async () => {
    const good = await verifyModel(upstream);
    expect(good).toMatchObject({ ok: true, kind: "bi-encoder" });
    // A model that puts every word in one direction cannot tell a paraphrase from lasagna.
    const flat = path.join(root, "flat");
    await writeTinyEmbeddingModel(flat, Object.fromEntries(Object.keys(PROBE_WORDS).map((w) => [w, near])));
    expect(await verifyModel(flat)).toMatchObject({ ok: false });
    const reranker = path.join(root, "reranker");
    await writeTinyCrossEncoder(reranker, { drift: 2, model: 1, deployed: 1, lasagna: -3 });
    expect(await verifyModel(reranker)).toMatchObject({ ok: true, kind: "cross-encoder" });
    expect(await verifyModel(path.join(root, "nowhere"))).toMatchObject({ ok: false });
  });

  it("accepts a preset name wherever a model folder is", () => {
    const modelsDir = path.join(root, "models");
    expect(resolveModelDir("minilm", modelsDir)).toBe(path.join(modelsDir, "minilm"));
    expect(resolveModelDir(upstream, modelsDir)).toBe(upstream);
    const config = loadConfig({ EMBEDDING_MODEL: "minilm", TUTOR_MODELS_DIR: modelsDir });
    expect(config).toMatchObject({
      embedder: "transformers",
      embeddingModelDir: path.join(modelsDir, "minilm"),
    });
    const byDir = loadConfig({
      EMBEDDER: "transformers",
      EMBEDDING_MODEL_DIR: "bge-small",
      TUTOR_MODELS_DIR: modelsDir,
    });
    expect(byDir.embeddingModelDir).toBe(path.join(modelsDir, "bge-small"));
    expect(loadConfig({}).embedder).toBe("use");
  });
});

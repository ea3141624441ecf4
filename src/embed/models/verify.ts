import { CrossEncoderScorer } from "../cross-encoder.ts";
import { TransformersEmbeddings } from "../transformers/index.ts";
import { type ModelKind, missingFiles, readModelManifest } from "./manifest.ts";

export interface ModelCheck {
  dir: string;
  name: string;
  kind?: ModelKind;
  ok: boolean;
  /** What the probe measured, or why the model failed. */
  detail: string;
  loadMs?: number;
  probeMs?: number;
}

const PROBE = "How do I detect model drift in production?";
const PARAPHRASE = "Ways to notice that a deployed model's predictions are getting worse over time.";
const UNRELATED = "The cafeteria serves lasagna on Fridays.";

/**
 * Loads a model folder and runs a probe through it: an embedding model must place a paraphrase
 * closer to the probe than an unrelated sentence; a cross-encoder must score the paraphrase
 * above the unrelated sentence. Reports the load and probe times.
 */
export async function verifyModel(dir: string): Promise<ModelCheck> {
  const missing = missingFiles(dir);
  const base = { dir, name: dir.split(/[\\/]/).pop() ?? dir };
  if (missing.length > 0) return { ...base, ok: false, detail: `missing ${missing.join(", ")}` };
  try {
    const manifest = await readModelManifest(dir);
    const started = performance.now();
    const result =
      manifest.kind === "bi-encoder" ? await probeEmbeddings(dir) : await probeCrossEncoder(dir, started);
    return { ...base, kind: manifest.kind, ...result };
  } catch (error) {
    return { ...base, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

async function probeEmbeddings(dir: string): Promise<Omit<ModelCheck, "dir" | "name" | "kind">> {
  const started = performance.now();
  const embeddings = await TransformersEmbeddings.create({ modelDir: dir, queryCacheSize: 0 });
  await embeddings.embedMany(["warm-up"]);
  const loadMs = performance.now() - started;
  const probeStarted = performance.now();
  const [query, close, far] = await embeddings.embedMany([PROBE, PARAPHRASE, UNRELATED]);
  const probeMs = performance.now() - probeStarted;
  const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
  const near = dot(query!, close!);
  const away = dot(query!, far!);
  const ok = near > away && query!.length === embeddings.dimensions;
  const detail = `${embeddings.dimensions}-d; paraphrase ${near.toFixed(3)} vs unrelated ${away.toFixed(3)}`;
  await embeddings.close();
  return { ok, detail, loadMs, probeMs };
}

async function probeCrossEncoder(
  dir: string,
  started: number,
): Promise<Omit<ModelCheck, "dir" | "name" | "kind">> {
  const scorer = await CrossEncoderScorer.load({ modelDir: dir });
  await scorer.score("warm-up", ["warm-up"]);
  const loadMs = performance.now() - started;
  const probeStarted = performance.now();
  const [near, away] = await scorer.score(PROBE, [PARAPHRASE, UNRELATED]);
  const probeMs = performance.now() - probeStarted;
  const ok = (near ?? 0) > (away ?? 0);
  return { ok, detail: `paraphrase ${near?.toFixed(3)} vs unrelated ${away?.toFixed(3)}`, loadMs, probeMs };
}

/**
 * Calibrates the similarity threshold at which two escalated questions count as the same one
 * (src/courses/escalations/grouping.ts, `defaultGrouping`). Embeds every pair of
 * evals/escalations/paraphrases.jsonl with the configured embedder (EMBEDDER; the bundled
 * Universal Sentence Encoder by default), picks the threshold that maximises F0.5 on the dev
 * split, and reports precision and recall on dev and on the held-out test split.
 *
 *   npx tsx scripts/calibrate-grouping.ts [--pairs FILE]
 *
 * It prints the figures and writes nothing: copy the threshold into `defaultGrouping` by hand
 * and record the run in docs/experiments.md.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig, packageRoot } from "../src/app/config.ts";
import {
  evaluateThreshold,
  fitThreshold,
  parseParaphrasePairs,
  scorePairs,
} from "../src/courses/escalations/grouping.ts";
import { createEmbeddings } from "../src/embed/index.ts";

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: path.join(packageRoot, "evals/escalations/paraphrases.jsonl") },
  },
});
const pairs = parseParaphrasePairs(await readFile(values.pairs as string, "utf8"));
const embeddings = await createEmbeddings(loadConfig());
try {
  const scored = await scorePairs(embeddings, pairs);
  const dev = scored.filter((s) => s.split === "dev");
  const test = scored.filter((s) => s.split === "test");
  const fit = fitThreshold(dev);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const report = (name: string, set: typeof scored) => {
    const at = evaluateThreshold(set, fit.threshold);
    const positives = set.filter((s) => s.same).length;
    return {
      split: name,
      pairs: set.length,
      positives,
      precision: round(at.precision),
      recall: round(at.recall),
    };
  };
  console.log(
    JSON.stringify(
      {
        embedder: embeddings.modelId,
        threshold: round(fit.threshold),
        dev: report("dev", dev),
        test: report("test", test),
        hardestNegatives: scored
          .filter((s) => !s.same)
          .sort((a, b) => b.score - a.score)
          .slice(0, 5)
          .map((s) => ({ score: round(s.score), a: s.a, b: s.b })),
      },
      null,
      2,
    ),
  );
} finally {
  await embeddings.close();
}

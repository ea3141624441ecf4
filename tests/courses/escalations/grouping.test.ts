import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../../src/core/paths.ts";
import {
  defaultGrouping,
  evaluateThreshold,
  fitThreshold,
  nearestGroup,
  parseParaphrasePairs,
  scorePairs,
} from "../../../src/courses/escalations/grouping.ts";
import { SentenceEncoderEmbeddings } from "../../../src/embed/index.ts";

describe("nearestGroup", () => {
  const unit = (x: number, y: number) => [x / Math.hypot(x, y), y / Math.hypot(x, y)];

  it("joins the group of the most similar question at or above the threshold, else none", () => {
    const candidates = [
      { groupId: "far", embedding: unit(0, 1) },
      { groupId: "near", embedding: unit(1, 0.2) },
      { groupId: "nearer", embedding: unit(1, 0.05) },
    ];
    expect(nearestGroup(unit(1, 0), candidates, 0.9)?.groupId).toBe("nearer");
    expect(nearestGroup(unit(0.2, 1), candidates, 0.97)?.groupId).toBe("far");
    expect(nearestGroup(unit(0.2, 1), candidates, 0.99)).toBeUndefined();
    expect(nearestGroup(unit(-1, 0), candidates, 0.1)).toBeUndefined();
    expect(nearestGroup(unit(1, 0), [], 0)).toBeUndefined();
  });
});

describe("fitThreshold", () => {
  it("weighs precision over recall and puts the threshold between neighbouring scores", () => {
    const scored = [
      { score: 0.95, same: true },
      { score: 0.9, same: true },
      { score: 0.8, same: false },
      { score: 0.7, same: true },
      { score: 0.4, same: false },
    ];
    const fit = fitThreshold(scored);
    // At 0.85 precision is 1 and recall 2/3; taking 0.7 in as well would let the 0.8 negative in.
    expect(fit.threshold).toBeCloseTo(0.85, 5);
    expect(fit).toMatchObject({ precision: 1 });
    expect(fit.recall).toBeCloseTo(2 / 3, 5);
    expect(evaluateThreshold(scored, 0.5)).toMatchObject({ precision: 0.75, recall: 1 });
  });

  it("rejects a malformed pair line and names it", () => {
    expect(() =>
      parseParaphrasePairs('{"split":"dev","same":true,"a":"x","b":"y"}\n{"split":"dev"}'),
    ).toThrow(/line 2/);
  });
});

describe("the grouping threshold on the written paraphrase pairs (bundled USE)", () => {
  let embeddings: SentenceEncoderEmbeddings;
  beforeAll(() => {
    embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
  });
  afterAll(() => embeddings.close());

  it("is the dev split's fit, and holds on the held-out test split", async () => {
    const file = path.join(packageRoot, "evals/escalations/paraphrases.jsonl");
    const pairs = parseParaphrasePairs(await readFile(file, "utf8"));
    expect(pairs.filter((p) => p.split === "dev" && p.same).length).toBeGreaterThanOrEqual(20);
    const scored = await scorePairs(embeddings, pairs);
    const fit = fitThreshold(scored.filter((s) => s.split === "dev"));
    expect(Math.abs(fit.threshold - defaultGrouping.threshold)).toBeLessThan(0.01);
    // Measured by scripts/calibrate-grouping.ts: precision 0.77, recall 0.50 on the test split.
    const test = evaluateThreshold(
      scored.filter((s) => s.split === "test"),
      defaultGrouping.threshold,
    );
    expect(test.precision).toBeGreaterThanOrEqual(0.75);
    expect(test.recall).toBeGreaterThanOrEqual(0.5);
  });
});

import { describe, expect, it } from "vitest";
import { matchStatements, termCosine } from "../../src/eval/correctness.ts";
import { answerCorrectness, statementF1 } from "../../src/eval/metrics.ts";
import { answerCarries } from "../../src/eval/runner.ts";

describe("answer correctness", () => {
  const reference = [
    "Model drift is a gradual loss of accuracy.",
    "Teams find drift by comparing input distributions.",
    "Drift is fixed by retraining the model.",
  ];

  it("counts supported, unsupported and missing statements on content terms", () => {
    const counts = matchStatements(
      [
        "Model drift is the gradual loss of accuracy in production.",
        "Teams compare input distributions to find drift.",
        "Containers package code with its libraries.",
      ],
      reference,
    );
    expect(counts).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(statementF1(counts)).toBeCloseTo(2 / 3, 5);
  });

  it("gives an unrelated answer no true positives and misses every reference statement", () => {
    const counts = matchStatements(["Office hours are on Tuesday afternoons."], reference);
    expect(counts).toEqual({ tp: 0, fp: 1, fn: 3 });
    expect(statementF1(counts)).toBe(0);
  });

  it("blends F1 and similarity 0.75 / 0.25", () => {
    expect(answerCorrectness({ tp: 2, fp: 1, fn: 1 }, 0.8)).toBeCloseTo(0.75 * (2 / 3) + 0.25 * 0.8, 5);
    expect(answerCorrectness({ tp: 0, fp: 0, fn: 0 }, 2)).toBeCloseTo(0.25, 5);
    expect(termCosine(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(0.5, 5);
  });

  it("finds an expected phrase through citation markers and list bullets", () => {
    expect(
      answerCarries("PyTorch is the default [1] because so many models use it.", [
        "PyTorch is the default because",
      ]),
    ).toBe(true);
    expect(
      answerCarries("- Problem framing and data\n- model development", [
        "framing and data model development",
      ]),
    ).toBe(true);
    expect(answerCarries("TensorFlow is mentioned.", ["PyTorch is the default"])).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { ExemplarIndex } from "../../../src/guard/exemplars/match.ts";
import type { Exemplar } from "../../../src/guard/exemplars/types.ts";

const exemplars: Exemplar[] = [
  { id: "a/1", family: "abuse", label: "attack", text: "a" },
  { id: "a/2", family: "abuse", label: "benign", text: "b" },
  { id: "p/1", family: "privacy", label: "attack", text: "c" },
];
const vectors = [
  [1, 0, 0],
  [0.6, 0.8, 0],
  [0, 0, 1],
];

describe("exemplar index", () => {
  it("finds each family's nearest attack and the nearest benign exemplar", () => {
    const matches = new ExemplarIndex("m", exemplars, vectors).match([0.9, 0.1, 0.2]);
    expect(matches.map((m) => [m.family, m.attack.id, m.benign?.id])).toEqual([
      ["abuse", "a/1", "a/2"],
      ["privacy", "p/1", "a/2"],
    ]);
  });

  // The input rule and the retrieval-stage rule judge the same embedding: it is scanned once.
  it("matches one embedding once, and another with the same values alike", () => {
    const index = new ExemplarIndex("m", exemplars, vectors);
    const embedding = [0.2, 0.3, 0.9];
    const first = index.match(embedding);
    expect(index.match(embedding)).toBe(first);
    const again = index.match([...embedding]);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

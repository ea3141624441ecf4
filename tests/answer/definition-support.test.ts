import { describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../src/answer/extractive.ts";
import { askOver, passage } from "./passages.ts";

/**
 * A definition is supported only by sentences about the defined term: "what does WAL mean" gains
 * nothing from another sentence that merely says "means". Passages written for this test.
 */
const answerer = new ExtractiveAnswerer();

describe("support for a definition", () => {
  const chunks = [
    passage(
      "wal",
      "Durability",
      "Write-ahead logging (WAL) is a technique that writes every change to a log before the data pages.",
      0,
    ),
    passage("stats", "Statistics", "A selectivity of 0.5 means the filter keeps half of the rows.", 1),
  ];

  it("leaves out a sentence that only shares 'mean'", async () => {
    const reply = await answerer.answer(askOver("what does WAL mean", chunks));
    expect(reply.status).toBe("answered");
    expect(reply.answer).toMatch(/^Write-ahead logging \(WAL\) is a technique/);
    expect(reply.answer).not.toMatch(/selectivity/);
  });
});

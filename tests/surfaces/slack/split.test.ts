import { describe, expect, it } from "vitest";
import { splitMrkdwn } from "../../../src/surfaces/slack/split.ts";

describe("splitting mrkdwn within Slack's limits", () => {
  it("keeps short text whole", () => {
    expect(splitMrkdwn("  short answer  ", 100)).toEqual(["short answer"]);
  });

  it("prefers paragraph breaks, then sentences, then words", () => {
    const para = `${"a".repeat(60)}\n\n${"b".repeat(60)}`;
    expect(splitMrkdwn(para, 100)).toEqual(["a".repeat(60), "b".repeat(60)]);

    const sentences = "First sentence here. Second sentence follows. Third one ends it.";
    expect(splitMrkdwn(sentences, 50)).toEqual([
      "First sentence here. Second sentence follows.",
      "Third one ends it.",
    ]);

    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const pieces = splitMrkdwn(words, 50);
    expect(pieces.every((p) => p.length <= 50)).toBe(true);
    expect(pieces.join(" ")).toBe(words);
    expect(pieces.every((p) => /^word\d+( word\d+)*$/.test(p))).toBe(true);
  });

  it("never cuts inside a link or an entity", () => {
    const link = "<https://course.test/week-07#data-drift|Week 7 › Data drift>";
    const text = `${"x".repeat(30)} ${link} tail`;
    const pieces = splitMrkdwn(text, 60);
    expect(pieces).toContain(link);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(60);
      expect((piece.match(/</g) ?? []).length).toBe((piece.match(/>/g) ?? []).length);
    }

    const entities = `${"y".repeat(18)}&amp;&amp;`;
    const cut = splitMrkdwn(entities, 20);
    expect(cut.join("")).toBe(entities);
    for (const piece of cut) expect(piece).not.toMatch(/&(?!amp;)|&a?m?p?$/);
  });

  it("hard-cuts a single unbroken run and loses nothing", () => {
    const run = "z".repeat(250);
    const pieces = splitMrkdwn(run, 100);
    expect(pieces.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pieces.join("")).toBe(run);
  });
});

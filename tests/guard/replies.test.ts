import { describe, expect, it } from "vitest";
import type { AnswerDraft } from "../../src/answer/types.ts";
import { offTopicReply, socraticReply } from "../../src/guard/replies.ts";
import { chunk, citation } from "./chunks.ts";

const cite = citation(1, chunk("1", "Data drift is a change in inputs.", { heading: "Data drift" }));

describe("socraticReply", () => {
  it("frames a hint with the refusal and ends in a guiding question, keeping citations", () => {
    const hint: AnswerDraft = {
      status: "answered",
      answer: "Data drift is a change in inputs [1].",
      citations: [cite],
      answeredBy: "extractive",
    };
    const reply = socraticReply(hint, "I can't write graded work.");
    expect(reply.status).toBe("refused");
    expect(reply.answer).toMatch(
      /^I can't write graded work\. Data drift is a change in inputs \[1\]\. .*“Data drift”.*\?$/,
    );
    expect(reply.citations).toEqual([cite]);
  });

  it("does not add a question when the hint already asks one", () => {
    const hint: AnswerDraft = {
      status: "answered",
      answer: "Start with [1]. Which word fills the blank?",
      citations: [cite],
      answeredBy: "x",
    };
    expect(socraticReply(hint, "No.").answer).toBe("No. Start with [1]. Which word fills the blank?");
  });

  it("still points somewhere when the material had no hint to give", () => {
    const none: AnswerDraft = { status: "no_answer", answer: "", citations: [cite], answeredBy: "none" };
    const reply = socraticReply(none, "No.");
    expect(reply.status).toBe("refused");
    expect(reply.answer).toContain("[1] Week 9: Monitoring, Drift and Retraining › Data drift");
  });
});

describe("offTopicReply", () => {
  it("is a no-answer that still lists the nearest sections", () => {
    const nearest: AnswerDraft = { status: "no_answer", answer: "…", citations: [cite], answeredBy: "none" };
    const reply = offTopicReply(nearest, "Not this course.");
    expect(reply).toMatchObject({ status: "no_answer", citations: [cite] });
    expect(reply.answer).toMatch(/^Not this course\. .*\[1\]/);
  });

  it("never lists the same section or excerpt twice", () => {
    const copy = citation(
      2,
      chunk("2", "Data  drift is a **change** in inputs.", { source: "faq.md", heading: "FAQ" }),
    );
    const same = { ...cite, n: 3, chunkId: "3", snippet: "Another passage." };
    const nearest: AnswerDraft = {
      status: "no_answer",
      answer: "…",
      citations: [cite, copy, same],
      answeredBy: "none",
    };
    const reply = offTopicReply(nearest, "Not this course.");
    expect(reply.citations).toEqual([cite]);
    expect(reply.answer.match(/Data drift/g)).toHaveLength(1);
    expect(reply.answer).not.toMatch(/\[2\]/);
  });
});

import { describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../src/answer/extractive.ts";
import { classifyQuestion, namedConcepts } from "../../src/answer/question.ts";
import type { AnswerRequest } from "../../src/answer/types.ts";
import type { ScoredChunk } from "../../src/core/chunks.ts";
import { scoredChunk } from "../retrieve/chunks.ts";

/**
 * A question that names a concept the retrieved passages never mention is declined, whatever
 * sentence shares its other words; one the passages name (hyphenated or not, or spelled out by
 * retrieval) is answered. Passages written for this test.
 */
const chunk = (id: string, heading: string, text: string, rank: number): ScoredChunk =>
  scoredChunk(id, {
    source: `notes/${id}.md`,
    heading,
    headingPath: [heading],
    ord: rank,
    text,
    score: 1 - rank / 10,
  });

const passages = [
  chunk(
    "context",
    "Evaluating retrieval",
    "Two metrics describe the retrieved context from the generator's point of view. " +
      "Training features are materialized ahead of time in the offline store, which is stored as files.",
    0,
  ),
  chunk(
    "tradeoff",
    "Bias and variance",
    "The bias-variance trade-off describes how a more flexible model lowers bias but raises variance.",
    1,
  ),
  chunk(
    "fusion",
    "Fusing rankings",
    "Reciprocal rank fusion adds one over sixty plus the rank from each list, so agreement wins.",
    2,
  ),
];

const answerer = new ExtractiveAnswerer();
const ask = (question: string, query = question): AnswerRequest => ({
  question,
  query,
  chunks: passages,
  termWeight: () => 1,
  mode: "explain",
  history: [],
});

describe("a concept the question names that no passage mentions", () => {
  it("reads what 'how does X work' asks about", () => {
    expect(classifyQuestion("how do stored procedures work in postgres").subjects).toEqual([
      "stored procedures",
    ]);
    expect(classifyQuestion("How does reciprocal rank fusion work?").subjects).toEqual([
      "reciprocal rank fusion",
    ]);
  });

  it("reads a term asked about in a setting, and what acts in 'how does X fire'", () => {
    expect(classifyQuestion("whats a window function in sql")).toEqual({
      type: "definition",
      subjects: ["window function"],
      setting: "sql",
    });
    expect(namedConcepts("how do database triggers fire in mysql")).toEqual(["database triggers"]);
    expect(namedConcepts("what is the late penalty for labs")).toEqual(["late penalty for labs"]);
    expect(namedConcepts("how does the learning rate affect training")).toEqual([]);
  });

  it("reads the subject of a passive 'how do X get <done>', and never the asker", () => {
    expect(namedConcepts("how do hash indexes get rebuilt in postgres")).toEqual(["hash indexes"]);
    expect(namedConcepts("how do chunks get split")).toEqual(["chunks"]);
    expect(namedConcepts("how does the reranker get trained")).toEqual(["reranker"]);
    expect(namedConcepts("how do I get started")).toEqual([]);
    expect(namedConcepts("how do we start the project")).toEqual([]);
  });

  it("declines when no sentence holds all of the concept's words", async () => {
    for (const question of [
      "what is a materialized view",
      "how do stored procedures work in postgres",
      "how does a window function work",
      "difference between a clustered index and a heap table",
      "whats a partial index in sql",
      "how do foreign key checks run in mysql",
      "what is a trigger function for tables",
      "how do hash indexes get rebuilt in postgres",
    ]) {
      const analysis = await answerer.analyse(ask(question));
      expect(analysis.absentSubject, question).toBeDefined();
      expect((await answerer.answer(ask(question))).status, question).toBe("no_answer");
    }
  });

  it("answers a concept the passages name, hyphenated either way or spelled out by retrieval", async () => {
    for (const [question, query] of [
      ["explain the bias-variance tradeoff", undefined],
      ["what is the bias variance trade-off", undefined],
      ["how does reciprocal rank fusion work", undefined],
      ["what is RRF", "what is reciprocal rank fusion"],
      ["what is reciprocal rank fusion in search", undefined],
      ["what is the bias-variance trade-off for flexible models", undefined],
      ["how does reciprocal rank fusion get computed", undefined],
    ] as const) {
      const analysis = await answerer.analyse(ask(question, query));
      expect(analysis.absentSubject, question).toBeUndefined();
      expect((await answerer.answer(ask(question, query))).status, question).toBe("answered");
    }
  });

  it("judges only a concept's name, not a description or a clause", async () => {
    for (const question of [
      "bias or variance in models trained for a long time?",
      "at what point is it cheaper to run our own gpu box or to rent one",
      "what is the point of the offline store for training features",
    ]) {
      expect((await answerer.analyse(ask(question))).absentSubject, question).toBeUndefined();
    }
  });
});

import { describe, expect, it } from "vitest";
import { offTopicRule } from "../../../src/guard/rules/off-topic/index.ts";
import type { GuardRetrievalSignals } from "../../../src/guard/types.ts";

const rule = offTopicRule();
// A course that uses generic words ("file", "student", "show", "like", "integr" through "integrity")
// and retrieval that was confident on them.
const course = new Map([
  ["file", 3],
  ["student", 3],
  ["time", 2],
  ["job", 3],
  ["recommend", 4],
  ["show", 4],
  ["like", 2],
  ["break", 4],
  ["bad", 4],
  ["integr", 2],
  ["solv", 4],
  ["exam", 3],
  ["midterm", 4],
  ["model", 1],
  ["seri", 5],
  ["forecast", 4],
  ["queri", 3],
]);
const confident: GuardRetrievalSignals = {
  confident: true,
  coverage: 0.65,
  topVectorSimilarity: 0.5,
  centroidSimilarity: 0.3,
  termIdf: (term) => course.get(term),
  unseenIdf: 6.7,
};
const check = (text: string, retrieval: GuardRetrievalSignals = confident) =>
  rule.check(text, { course: "c", retrieval }).action;

describe("input.off_topic: everyday questions retrieval was confident about", () => {
  it.each([
    "any good tv series similar to the sopranos?",
    "can you suggest me some movies to watch tonight",
    "what should I binge this weekend lol",
  ])("redirects the entertainment request %j by its phrasing", (text) => {
    expect(check(text)).toBe("refuse");
  });

  it("redirects another subject's coursework by its phrasing", () => {
    expect(check("how do I journal a depreciation entry for my accounting homework")).toBe("refuse");
    // Tied to this course's own pieces, it is a course question.
    expect(check("can I reuse a dataset for my economics class in our capstone project")).toBe("allow");
  });

  it.each([
    "do I owe taxes on my part-time job as a student",
    "can you help me with my calc problem set, the one on antiderivatives",
  ])("redirects the student's own everyday affair %j", (text) => {
    expect(check(text)).toBe("refuse");
  });

  it("reads a domain word the stemmer folds into a course word, when little else is the course's", () => {
    const far = { ...confident, confident: false };
    expect(check("what's the integral of sin x from 0 to pi", far)).toBe("refuse");
    // "integrity" shares the stem but is not the domain word.
    expect(check("what does academic integrity mean here", far)).toBe("allow");
  });

  it.each([
    "recommend some time series models for forecasting",
    "how does a recommender show items like the ones a user clicked",
    "my girlfriend's birthday is on the midterm day, can I reschedule the exam?",
    "what is a canary release",
    "wtf is a reranker lol",
  ])("keeps the course question %j", (text) => {
    expect(check(text)).toBe("allow");
  });
});

describe("input.off_topic: another subject's work asked for after a course question", () => {
  it.each([
    "What's the four-fifths rule? also do my chemistry lab report, 3 pages",
    "explain MRR quickly, then finish our econ problem set please",
  ])("redirects %s", (text) => {
    expect(check(text)).toBe("refuse");
  });
});

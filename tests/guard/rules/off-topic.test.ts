import { describe, expect, it } from "vitest";
import {
  defaultOffTopicOptions,
  knownTermShare,
  offTopicRule,
} from "../../../src/guard/rules/off-topic/index.ts";
import type { GuardRetrievalSignals } from "../../../src/guard/types.ts";

const rule = offTopicRule();
const far: GuardRetrievalSignals = {
  confident: false,
  coverage: 0.1,
  topVectorSimilarity: 0.2,
  centroidSimilarity: 0.05,
};
const check = (text: string, retrieval: GuardRetrievalSignals) =>
  rule.check(text, { course: "c", retrieval });

describe("input.off_topic", () => {
  it("redirects a question far from the course that the material cannot answer", () => {
    const verdict = check("best lasagna recipe?", far);
    expect(verdict).toMatchObject({ action: "refuse", redirect: "off_topic", rule: "input.off_topic" });
    expect(verdict.details).toMatchObject({ centroidSimilarity: 0.05 });
  });

  it("needs every signal to agree", () => {
    expect(check("q", { ...far, confident: true }).action).toBe("allow");
    expect(
      check("q", { ...far, centroidSimilarity: defaultOffTopicOptions.maxCentroidSimilarity }).action,
    ).toBe("allow");
    expect(check("q", { ...far, topVectorSimilarity: defaultOffTopicOptions.maxTopSimilarity }).action).toBe(
      "allow",
    );
    expect(check("q", { ...far, centroidSimilarity: null }).action).toBe("allow");
    expect(check("q", { confident: false, coverage: 0, topVectorSimilarity: null }).action).toBe("allow");
  });

  it("keeps questions in the course's vocabulary, weighting rare terms up", () => {
    const idf = (term: string) => ({ kubernet: 5, pod: 4, kill: undefined })[term as "kubernet"];
    expect(knownTermShare("kubernetes kill pod", idf, 6)).toBeCloseTo(9 / 15, 5);
    expect(check("why does kubernetes kill my pod", { ...far, termIdf: idf, unseenIdf: 6 }).action).toBe(
      "allow",
    );
    expect(check("best lasagna recipe", { ...far, termIdf: () => undefined, unseenIdf: 6 }).action).toBe(
      "refuse",
    );
  });

  it("reads a word of everyday life the course never uses, even when some chunk looks close", () => {
    // A course about databases: it knows "query", "write", "index", never "landlord" or "deposit".
    const course = new Map([
      ["queri", 2],
      ["write", 1],
      ["index", 3],
      ["help", 1],
    ]);
    const idf = (term: string) => course.get(term);
    const close = { ...far, topVectorSimilarity: 0.6, centroidSimilarity: 0.35, termIdf: idf, unseenIdf: 6 };
    const verdict = check("my landlord kept my deposit, can you help", close);
    expect(verdict).toMatchObject({ action: "refuse", redirect: "off_topic" });
    expect(verdict.details).toMatchObject({ domain: "law", domainTerm: "landlord" });
    // Without the everyday word, the embedding signals keep it.
    expect(check("can you help me write this", close).action).toBe("allow");
    // A course that uses the word keeps questions with it: its own vocabulary decides.
    const cooking = new Map([
      ["recip", 2],
      ["lasagna", 4],
    ]);
    const ownWord = { ...close, termIdf: (term: string) => cooking.get(term) };
    expect(check("best lasagna recipe", ownWord).action).toBe("allow");
    // Mostly the course's own (rarer) words: a course question that mentions an everyday word in passing.
    const rare = new Map([
      ["index", 5],
      ["queri", 5],
      ["filter", 5],
      ["search", 5],
    ]);
    const passing = { ...close, termIdf: (term: string) => rare.get(term) };
    expect(check("index query search filter for recipes", passing).action).toBe("allow");
    // A confident retrieval answers a course question with an everyday word in it …
    expect(
      check("can my landlord example be in the project write-up", { ...close, confident: true }).action,
    ).toBe("allow");
    // … but not the student's own everyday affairs that name nothing of a course.
    expect(check("my landlord kept my deposit", { ...close, confident: true }).action).toBe("refuse");
  });
});

import { describe, expect, it } from "vitest";
import { ExtractiveAnswerer, withCitation } from "../../src/answer/extractive.ts";
import type { AnswerRequest } from "../../src/answer/types.ts";
import type { ScoredChunk } from "../../src/core/chunks.ts";

function chunk(id: string, heading: string, text: string): ScoredChunk {
  return {
    chunkId: id,
    courseId: "c",
    source: `week-09/${id}.md`,
    title: "Week 9: Monitoring",
    heading,
    headingPath: [heading],
    locator: null,
    url: "/course/c/week-09",
    week: 9,
    ord: 0,
    text,
    score: 1,
    scores: {},
  };
}

const chunks = [
  chunk(
    "a",
    "What model drift is",
    "Model drift is the decline in a deployed model's quality because the world no longer matches its training data. " +
      "It happens slowly. Teams often notice it only through complaints.",
  ),
  chunk(
    "b",
    "Detecting drift",
    "To detect drift, compare a reference window of inputs with a recent window using the Population Stability Index. " +
      "A PSI above 0.25 usually signals significant drift. What would you monitor first?",
  ),
  chunk(
    "c",
    "Containers",
    "Containers package an application with its libraries so it runs the same everywhere.",
  ),
];

const request = (question: string, overrides: Partial<AnswerRequest> = {}): AnswerRequest => ({
  question,
  chunks,
  termWeight: () => 1,
  mode: "explain",
  history: [],
  ...overrides,
});

function sentencesOf(answer: string): string[] {
  return answer.split(/(?<=\]\.)\s+/).map((s) => s.trim());
}

describe("ExtractiveAnswerer", () => {
  const answerer = new ExtractiveAnswerer();

  it("answers only with sentences quoted from the chunks it cites", async () => {
    const draft = await answerer.answer(request("What is model drift and how do I detect it?"));
    expect(draft.status).toBe("answered");
    expect(draft.citations.length).toBeGreaterThan(0);
    for (const sentence of sentencesOf(draft.answer)) {
      const match = /^(.*) \[(\d+)\](\.?)$/.exec(sentence);
      expect(match, sentence).not.toBeNull();
      const cited = draft.citations.find((c) => c.n === Number(match?.[2]));
      const source = chunks.find((c) => c.chunkId === cited?.chunkId);
      expect(source?.text).toContain(match?.[1]);
    }
  });

  it("leads with the definition of what was asked about", async () => {
    const draft = await answerer.answer(request("What is model drift?"));
    expect(draft.answer.startsWith("Model drift is the decline")).toBe(true);
  });

  it("numbers citations in order of first use and points them at the right chunk", async () => {
    const draft = await answerer.answer(request("What is model drift and how do I detect it with PSI?"));
    expect(draft.citations.map((c) => c.n)).toEqual(draft.citations.map((_, i) => i + 1));
    const ids = draft.citations.map((c) => c.chunkId);
    expect(ids).toContain("a");
    expect(ids).toContain("b");
    expect(ids).not.toContain("c");
    const first = draft.citations[0];
    expect(first?.url).toMatch(/^\/course\/c\/week-09#/);
    expect(first?.snippet.length).toBeGreaterThan(20);
  });

  it("never quotes questions or fragments", async () => {
    const draft = await answerer.answer(request("drift monitoring what would you monitor first"));
    expect(draft.answer).not.toContain("What would you monitor first?");
    expect(draft.answer).not.toContain("It happens slowly");
  });

  it("leads with what the material says, not with an exercise or a goal that restates the question", async () => {
    const withExercises = [
      chunk(
        "goals",
        "Learning goals",
        "Describe the three states of a circuit breaker and what causes each transition.",
      ),
      chunk(
        "breaker",
        "Circuit breakers",
        "A circuit breaker has three states: closed passes calls through, open fails fast, and half-open " +
          "lets a trial call test whether the dependency recovered. Explain the states of a circuit breaker " +
          "to a teammate in your own words.",
      ),
    ];
    const draft = await answerer.answer(
      request("What are the three states of a circuit breaker?", { chunks: withExercises }),
    );
    expect(draft.status).toBe("answered");
    expect(sentencesOf(draft.answer)[0]).toMatch(/^A circuit breaker has three states/);
    expect(draft.answer).not.toMatch(/Describe the three states|Explain the states/);
  });

  it("keeps a term that opens a line with the description after it", async () => {
    const flattened = chunk(
      "splits",
      "Choosing how to split",
      "When that assumption fails, use a different split:\n\nStratified split. Keeps the class proportions " +
        "the same in every subset.\nTime-based split. Trains on earlier data and tests on later data; required " +
        "whenever the model will predict the future.",
    );
    const draft = await answerer.answer(request("What is a time-based split?", { chunks: [flattened] }));
    expect(draft.answer).toContain("Time-based split. Trains on earlier data");
  });

  it("reads a table whose rule row the loader dropped with its column names", async () => {
    const table = chunk(
      "projects",
      "Projects",
      "Project | Team size | Released | Due | Weight\nProject 1: AI System Audit | Individual | Week 1 | " +
        "Friday of Week 3 | 8%\nProject 3: Search service | Team of 3 | Week 7 | Friday of Week 11 | 12%",
    );
    const draft = await answerer.answer(request("When is project 3 due?", { chunks: [table] }));
    expect(draft.status).toBe("answered");
    expect(draft.answer).toMatch(/Due: Friday of Week 11/);
    expect(draft.answer).not.toMatch(/\|/);
  });

  it("declines when no sentence shares the question's terms", async () => {
    const draft = await answerer.answer(request("best lasagna recipe"));
    expect(draft.status).toBe("no_answer");
    expect(draft.citations).toEqual([]);
  });

  it("streams the same text it returns", async () => {
    const tokens: string[] = [];
    const draft = await answerer.answer(request("What is model drift?", { onToken: (t) => tokens.push(t) }));
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join("")).toBe(draft.answer);
  });

  it("respects the sentence and length budget", async () => {
    const tight = new ExtractiveAnswerer({ maxUnits: 1 });
    const draft = await tight.answer(request("What is model drift and how do I detect it?"));
    expect(sentencesOf(draft.answer)).toHaveLength(1);
  });
});

describe("withCitation", () => {
  it("puts the marker before the closing punctuation", () => {
    expect(withCitation("Drift is decay.", 2)).toBe("Drift is decay [2].");
    expect(withCitation("Is it drift?", 1)).toBe("Is it drift [1]?");
    expect(withCitation("A list item without a period", 3)).toBe("A list item without a period [3].");
  });
});

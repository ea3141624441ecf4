import { describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../../src/answer/extractive.ts";
import { ExtractiveHintAnswerer } from "../../../src/answer/modes/hint.ts";
import { ModalAnswerer } from "../../../src/answer/modes/modal.ts";
import { ExtractiveQuizAnswerer } from "../../../src/answer/modes/quiz.ts";
import { QUIZ_REVEAL_INVITE } from "../../../src/answer/modes/quiz-key.ts";
import { modeTopic } from "../../../src/answer/modes/topic.ts";
import type { AnswerRequest } from "../../../src/answer/types.ts";
import type { TutorMode } from "../../../src/core/chat.ts";
import { splitSentences } from "../../../src/text/sentences/index.ts";
import { flatTermWeight, sampleChunks } from "../sample-chunks.ts";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function request(question: string, mode: TutorMode, overrides: Partial<AnswerRequest> = {}): AnswerRequest {
  return { question, chunks: sampleChunks(), termWeight: flatTermWeight, mode, history: [], ...overrides };
}

/** A chunk of the sample course with its own id, heading and text. */
function section(chunkId: string, heading: string, text: string) {
  return { ...sampleChunks()[0]!, chunkId, heading, text };
}

const chunkSentences = sampleChunks().flatMap((c) => splitSentences(c.text));

describe("hint mode without an LLM", () => {
  it("points to the section and gives a clue, but never quotes a sentence of the material whole", async () => {
    const tokens: string[] = [];
    const draft = await new ExtractiveHintAnswerer().answer(
      request("What is model drift and how is it detected?", "hint", { onToken: (t) => tokens.push(t) }),
    );
    expect(draft.status).toBe("answered");
    expect(draft.answer).toContain("“Model drift” in Week 9: Monitoring [1]");
    expect(draft.answer).toMatch(/Hint: .*_____/);
    expect(draft.answer).toMatch(/\?/); // asks the student something
    for (const sentence of chunkSentences) expect(draft.answer).not.toContain(sentence.replace(/\.$/, ""));
    // Citations show an excerpt of the section: not its title again, and not the hinted sentence.
    const cited = draft.citations[0]!;
    expect(cited).toMatchObject({ n: 1, chunkId: "c-drift" });
    expect(cited.snippet).not.toContain(cited.title);
    const hinted = /Hint: (.*) \[1\]/.exec(draft.answer)?.[1] ?? "";
    const pattern = new RegExp(hinted.split("_____").map(escapeRegExp).join(".+"));
    const answering = chunkSentences.filter((sentence) => pattern.test(sentence));
    expect(answering).toHaveLength(1);
    for (const c of draft.citations) {
      expect(c.snippet.length).toBeGreaterThan(0);
      expect(c.snippet).not.toContain(answering[0]!.replace(/\.$/, ""));
    }
    expect(tokens.join("")).toBe(draft.answer);
  });

  it("draws a content hint from what the work is about, never from how it is handed in", async () => {
    const chunks = [
      section(
        "logistics",
        "Project overview",
        "Submit the project 1 report on Gradescope by the Friday of Week 3. " +
          "Project 1 is worth 8 percent of your grade.",
      ),
      section(
        "goals",
        "Project 1 goals",
        "Project 1 asks you to audit a production recommender system and map its data flow end to end.",
      ),
    ];
    const hint = await new ExtractiveHintAnswerer().answer(request("project 1 report", "hint", { chunks }));
    expect(hint.status).toBe("answered");
    expect(hint.answer).toMatch(/Hint: .*_____/);
    expect(hint.answer).not.toMatch(/Gradescope|percent|Friday/);
    expect(hint.citations[0]?.chunkId).toBe("goals");
    // Asked about the logistics themselves, the logistics are the answer.
    const asked = await new ExtractiveHintAnswerer().answer(
      request("where do I submit the project 1 report?", "hint", { chunks }),
    );
    expect(asked.citations[0]?.chunkId).toBe("logistics");
  });

  it("declines when nothing in the material matches", async () => {
    const draft = await new ExtractiveHintAnswerer().answer(request("lasagna recipe", "hint"));
    expect(draft.status).toBe("no_answer");
  });
});

describe("quiz mode without an LLM", () => {
  it("writes practice questions from the material and keeps the answers in the key", async () => {
    const draft = await new ExtractiveQuizAnswerer({ questions: 3 }).answer(
      request("drift retraining latency", "quiz", { query: "drift retraining latency" }),
    );
    expect(draft.status).toBe("answered");
    const questions = draft.answer.split("\n").filter((line) => /^\d\. /.test(line));
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(questions.length).toBeLessThanOrEqual(3);
    expect(draft.answer.endsWith(QUIZ_REVEAL_INVITE)).toBe(true);

    const key = draft.quizKey;
    expect(key).toBeDefined();
    const answers = key!.answer.split("\n");
    expect(answers).toHaveLength(questions.length);
    // Each key line repeats its question, then answers it with a sentence of a cited chunk that
    // is among the key's sources.
    answers.forEach((line, i) => {
      const question = questions[i]!.replace(/^\d\. /, "").replace(/ \[\d+\]$/, "");
      expect(line.startsWith(`- ${question} `)).toBe(true);
      const n = Number(/\[(\d+)\]\.$/.exec(line)?.[1]);
      const citation = key!.citations.find((c) => c.n === n);
      const chunk = key!.sources.find((c) => c.chunkId === citation?.chunkId);
      expect(chunk).toBeDefined();
      const sentence = line
        .slice(question.length + 3)
        .replace(/^[^—]+ — /, "")
        .replace(/ \[\d+\]\.$/, "");
      expect(chunk!.text).toContain(sentence);
    });
    // The visible part does not give the answers away: no quoted sentence appears whole.
    for (const sentence of chunkSentences) expect(draft.answer).not.toContain(sentence.replace(/\.$/, ""));
    // Sources show an excerpt of the section, never a sentence the key holds back, nor the title.
    for (const c of draft.citations) {
      expect(c.snippet).not.toBe(c.title);
      for (const entry of answers) {
        const held = entry
          .replace(/^.*? — /, "")
          .replace(/ \[\d+\]\.$/, "")
          .slice(0, 50);
        expect(c.snippet).not.toContain(held);
      }
    }
  });

  it("turns a definition into a 'What is …?' question", async () => {
    const draft = await new ExtractiveQuizAnswerer({ questions: 3 }).answer(
      request("model drift", "quiz", { query: "model drift" }),
    );
    expect(draft.answer).toContain("What is model drift? [1]");
    expect(draft.quizKey?.answer).toContain("Model drift is the gradual loss of accuracy");
  });

  it("keeps the article of the defined term and names the section of a fill-in", async () => {
    const chunks = [
      section(
        "tables",
        "Relational tables",
        "A table is a set of rows that share the same columns. " +
          "Every relational database stores its rows in pages on disk and reads whole pages at once.",
      ),
    ];
    const draft = await new ExtractiveQuizAnswerer({ questions: 3 }).answer(
      request("tables", "quiz", { query: "tables rows pages", chunks }),
    );
    expect(draft.answer).toContain("What is a table?");
    expect(draft.answer).not.toMatch(/What is table\?/);
    const fillIns = draft.answer.split("\n").filter((line) => /complete/.test(line));
    for (const line of fillIns) expect(line).toMatch(/On Relational tables: which/);
  });
});

describe("ModalAnswerer", () => {
  it("routes each request to its mode's answerer", async () => {
    const modal = new ModalAnswerer({
      explain: new ExtractiveAnswerer(),
      hint: new ExtractiveHintAnswerer(),
      quiz: new ExtractiveQuizAnswerer({ questions: 2 }),
    });
    const q = "What is model drift?";
    expect((await modal.answer(request(q, "explain"))).answeredBy).toBe("extractive");
    expect((await modal.answer(request(q, "hint"))).answeredBy).toBe("extractive:hint");
    expect((await modal.answer(request(q, "quiz"))).answeredBy).toBe("extractive:quiz");
  });
});

describe("modeTopic", () => {
  it("strips request phrasing in hint and quiz modes only", () => {
    expect(modeTopic("Quiz me on model drift?", "quiz")).toBe("model drift");
    expect(modeTopic("give me 5 practice questions about embeddings", "quiz")).toBe("embeddings");
    expect(modeTopic("can you give me a hint on the PSI formula", "hint")).toBe("the PSI formula");
    expect(modeTopic("hint: why does overfitting happen?", "hint")).toBe("why does overfitting happen");
    expect(modeTopic("Quiz me on model drift?", "explain")).toBe("Quiz me on model drift?");
    expect(modeTopic("quiz me on", "quiz")).toBe("quiz me on");
  });
});

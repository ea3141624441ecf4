import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isConceptWord } from "../../src/answer/modes/concept.ts";
import { loadConfig } from "../../src/app/config.ts";
import { createTutor, type Tutor } from "../../src/app/tutor.ts";
import type { Answer, TutorMode } from "../../src/core/chat.ts";
import type { Db } from "../../src/db/db.ts";
import { SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { splitSentences } from "../../src/text/sentences/index.ts";
import { stem } from "../../src/text/terms.ts";
import { openSeededDb } from "../helpers/db.ts";

/**
 * The tutor's modes on the bundled course, through the real pipeline: hints hold back the key
 * concept of the sentence that answers, the hint behind an integrity refusal comes from what the
 * work is about rather than how it is handed in, and source lists show excerpts, each once.
 */

const LOGISTICS =
  /gradescope|submi(t|ssion)|deadline|\bdue\b|late (penalty|policy|days?)|\bgraded\b|dropped/i;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

describe("modes on the bundled course", () => {
  let db: Db & { close(): Promise<void> };
  let tutor: Tutor;

  beforeAll(async () => {
    db = await openSeededDb();
    const embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
    tutor = await createTutor(loadConfig({}), { db, embeddings });
  });
  afterAll(async () => {
    await tutor?.close();
    await db?.close();
  });

  const ask = (message: string, mode?: TutorMode) => tutor.pipeline.ask({ course: "aie101", message, mode });
  const chunkText = async (chunkId: string) =>
    (await db.query<{ text: string }>("SELECT text FROM chunks WHERE id = $1", [chunkId])).rows[0]?.text ??
    "";

  /** Each message asked in turn, every reply with the expected status. */
  async function askEach(messages: readonly string[], status: Answer["status"]): Promise<[string, Answer][]> {
    const replies: [string, Answer][] = [];
    for (const message of messages) {
      const reply = await ask(message);
      expect(reply.status, message).toBe(status);
      replies.push([message, reply]);
    }
    return replies;
  }

  /** The hint's sentence in the material, and the words its blanks stand for. */
  async function hinted(reply: Answer): Promise<{ sentence: string; blanks: string[] }> {
    const cloze = /Hint: (.*?) \[(\d+)\]/.exec(reply.answer);
    expect(cloze, reply.answer).not.toBeNull();
    const cited = reply.citations.find((c) => c.n === Number(cloze![2]));
    const parts = cloze![1]!.split("_____");
    const pattern = new RegExp(`^${parts.map(escapeRegExp).join("(.+?)")}\\.?$`);
    for (const sentence of splitSentences(await chunkText(cited!.chunkId))) {
      const match = pattern.exec(sentence.trim());
      if (match) return { sentence, blanks: match.slice(1) };
    }
    throw new Error(`no sentence of [${cited?.n}] matches the hint: ${reply.answer}`);
  }

  it("blanks concepts in a hint, never a function, degree or quantity word, nor only what the student said", async () => {
    for (const question of [
      "what is BM25?",
      "What is model drift?",
      "what is an embedding",
      "what is HNSW",
    ]) {
      const reply = await ask(question, "hint");
      expect(reply.status, question).toBe("answered");
      const { blanks } = await hinted(reply);
      expect(blanks.length, question).toBeGreaterThan(0);
      const said = new Set(
        question
          .toLowerCase()
          .match(/[a-z0-9]+/g)
          ?.map(stem),
      );
      for (const blank of blanks) {
        const words = blank.match(/[A-Za-z][\w'-]*/g) ?? [];
        for (const word of words) expect(isConceptWord(word), `${question}: "${word}"`).toBe(true);
        // A blank of only the student's own words would test nothing.
        expect(
          words.some((word) => !said.has(stem(word.toLowerCase()))),
          `${question}: "${blank}"`,
        ).toBe(true);
      }
    }
  });

  it("hides what a definition says about the term the student asked for, keeping the term", async () => {
    const reply = await ask("What is model drift?", "hint");
    const { sentence, blanks } = await hinted(reply);
    const definition = /^(.+?)\s+(?:is|are)\s+(?:an?|the)\s+(\S+)/i.exec(sentence);
    // The sentence that answers defines model drift; its genus is held back, the subject stays.
    expect(definition?.[1]?.toLowerCase()).toBe("model drift");
    expect(blanks[0]).toBe(definition?.[2]);
  });

  it("draws the hint behind an integrity refusal from what the named work is about, not its logistics", async () => {
    for (const [request, work] of [
      ["write my project 1 report", "Project 1"],
      ["Write my project 2 report for me", "Project 2"],
      ["can you do my project 3 for me", "Project 3"],
    ] as const) {
      const reply = await ask(request);
      expect(reply.status, request).toBe("refused");
      expect(reply.guardrail?.rule, request).toBe("input.academic_integrity");
      const hint = reply.answer.slice(reply.answer.indexOf("Hint:"));
      expect(reply.answer, request).toMatch(/Hint: /);
      expect(hint, request).not.toMatch(LOGISTICS);
      const first = reply.citations[0];
      expect(first, request).toBeDefined();
      // The cited section is about the work itself.
      expect(`${first!.heading}\n${await chunkText(first!.chunkId)}`, request).toMatch(new RegExp(work, "i"));
    }
  });

  it("never builds the hint behind an integrity refusal from grading or deadline rules", async () => {
    const asked = ["do my lab 3 for me", "solve homework 2 for me", "write my capstone report for me"];
    for (const [request, reply] of await askEach(asked, "refused")) {
      const hint = /Hint: (.*?)\?/.exec(reply.answer)?.[1] ?? "";
      expect(hint, request).not.toMatch(LOGISTICS);
      expect(reply.answer, request).toMatch(/\?/);
    }
  });

  it("still points somewhere with a generic nudge when a graded-work request names nothing findable", async () => {
    const reply = await ask("write my capstone report zxqv for me");
    expect(reply.status).toBe("refused");
    expect(reply.answer).toMatch(/\?/);
    expect(reply.answer).not.toMatch(/Hint: [^?]*(gradescope|submit)/i);
  });

  it("lists each off-topic redirect's sections once, with excerpts rather than titles", async () => {
    const asked = [
      "what is the best lasagna recipe",
      "who won the world cup in 2018",
      "how do I fix my bike chain",
    ];
    for (const [question, reply] of await askEach(asked, "no_answer")) {
      const places = reply.citations.map((c) => comparable(`${c.title} ${c.heading}`));
      const excerpts = reply.citations.map((c) => comparable(c.snippet)).filter(Boolean);
      expect(new Set(places).size, question).toBe(places.length);
      expect(new Set(excerpts).size, question).toBe(excerpts.length);
      const sentences = splitSentences(reply.answer).map(comparable);
      expect(new Set(sentences).size, question).toBe(sentences.length);
    }
  });

  it("shows each source's excerpt, not its title or heading again, in every mode", async () => {
    const asked: [string, TutorMode][] = [
      ["What is model drift?", "explain"],
      ["how does HNSW search its layers?", "hint"],
      ["quiz me on embeddings", "quiz"],
      ["what is the late policy?", "explain"],
    ];
    for (const [question, mode] of asked) {
      const reply = await ask(question, mode);
      for (const c of reply.citations) {
        const snippet = comparable(c.snippet);
        expect(snippet.length, `${question} [${c.n}]`).toBeGreaterThan(0);
        expect(snippet.startsWith(comparable(c.title)), `${question} [${c.n}]`).toBe(false);
        if (c.heading) expect(snippet.startsWith(comparable(c.heading)), `${question} [${c.n}]`).toBe(false);
      }
    }
  });
});

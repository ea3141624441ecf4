import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { createTutor, type Tutor } from "../../src/app/tutor.ts";
import type { Db } from "../../src/db/db.ts";
import { SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { openSeededDb } from "../helpers/db.ts";

describe("query rewriting in the tutor's pipeline (bundled course, real PGlite)", () => {
  let db: Db;
  let tutor: Tutor;

  beforeAll(async () => {
    db = await openSeededDb();
    tutor = await createTutor(loadConfig({}), {
      db,
      embeddings: new SentenceEncoderEmbeddings({ workers: 0 }),
    });
  });
  afterAll(async () => {
    await tutor.close();
    await db.close();
  });

  it("searches a follow-up with the subject of the question before it", async () => {
    const first = await tutor.pipeline.askWithTrace({
      course: "aie101",
      message: "What is a canary release?",
    });
    const followUp = await tutor.pipeline.askWithTrace({
      course: "aie101",
      message: "what about its disadvantages?",
      sessionId: first.answer.sessionId,
    });
    expect(followUp.trace.query).toMatch(/canary release/);
    expect(followUp.trace.retrieved.slice(0, 3).some((c) => /canary/i.test(c.text))).toBe(true);
  });

  it("reads a typo-ridden, abbreviated question in the course's words", async () => {
    const { trace } = await tutor.pipeline.askWithTrace({
      course: "aie101",
      message: "how do i compute psi for data drfit",
    });
    expect(trace.query).toBe("how do i compute psi (Population Stability Index) for data drift");
    expect(trace.retrieved[0]?.source).toBe("week-09/notes.md");
  });
});

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { createTutor, type Tutor } from "../../src/app/tutor.ts";
import { openSeededDb } from "../helpers/db.ts";

const questions = JSON.parse(
  readFileSync(new URL("../fixtures/confidence-questions.json", import.meta.url), "utf8"),
) as {
  calibration: { on_topic: string[]; off_topic: string[] };
  held_out: { on_topic: string[]; off_topic: string[] };
};

/** Off-topic questions the coverage signal cannot catch (every word is a course word). */
const KNOWN_MISSES = new Set(["what is the meaning of life?"]);

describe("the no-answer threshold separates on- and off-topic questions", () => {
  let tutor: Tutor;
  beforeAll(async () => {
    tutor = await createTutor(loadConfig({}), { db: await openSeededDb() });
  });
  afterAll(async () => {
    await tutor.db.close();
    await tutor.close();
  });

  const statuses = async (list: string[]) => {
    const out: { question: string; status: string }[] = [];
    for (const message of list) {
      const answer = await tutor.pipeline.ask({ course: "aie101", message, surface: "test" });
      out.push({ question: message, status: answer.status });
    }
    return out;
  };

  it("answers every on-topic calibration question", async () => {
    const missed = (await statuses(questions.calibration.on_topic)).filter((r) => r.status !== "answered");
    expect(missed).toEqual([]);
  }, 180_000);

  it("declines every off-topic calibration question except the documented miss", async () => {
    const answered = (await statuses(questions.calibration.off_topic)).filter(
      (r) => r.status === "answered" && !KNOWN_MISSES.has(r.question),
    );
    expect(answered).toEqual([]);
  }, 180_000);

  it("holds on questions the thresholds were not fitted on (≥ 90 % each way)", async () => {
    const on = await statuses(questions.held_out.on_topic);
    const off = await statuses(questions.held_out.off_topic);
    const answeredRate = on.filter((r) => r.status === "answered").length / on.length;
    const declinedRate = off.filter((r) => r.status === "no_answer").length / off.length;
    expect(answeredRate, JSON.stringify(on.filter((r) => r.status !== "answered"))).toBeGreaterThanOrEqual(
      0.9,
    );
    expect(declinedRate, JSON.stringify(off.filter((r) => r.status !== "no_answer"))).toBeGreaterThanOrEqual(
      0.9,
    );
  });

  it("points a declined question at the nearest material", async () => {
    const answer = await tutor.pipeline.ask({
      course: "aie101",
      message: "best lasagna recipe?",
      surface: "test",
    });
    expect(answer.status).toBe("no_answer");
    expect(answer.answer).toMatch(/couldn't find this in the course material/);
    expect(answer.citations.length).toBeGreaterThan(0);
  });
});

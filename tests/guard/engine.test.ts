import { describe, expect, it } from "vitest";
import { GuardEngine, type GuardLogEvent } from "../../src/guard/engine.ts";
import { createGuardEngine, loadGuardConfig } from "../../src/guard/index.ts";
import type { GuardRule, GuardVerdict } from "../../src/guard/types.ts";
import { chunk, citation } from "./chunks.ts";

const redactor = (from: string, to: string, alwaysRun = false): GuardRule => ({
  id: `redact.${from}`,
  stage: "input",
  alwaysRun,
  check: (text) =>
    text.includes(from)
      ? { rule: `redact.${from}`, action: "redact", text: text.replaceAll(from, to), details: { count: 1 } }
      : { rule: `redact.${from}`, action: "allow" },
});
const refuser = (word: string): GuardRule => ({
  id: `refuse.${word}`,
  stage: "input",
  check: (text) =>
    text.includes(word)
      ? { rule: `refuse.${word}`, action: "refuse", reason: `no ${word}`, reply: `reply with ${text}` }
      : { rule: `refuse.${word}`, action: "allow" },
});

describe("GuardEngine", () => {
  it("feeds each redaction to the next rule and stops at the first refusal", () => {
    const seen: string[] = [];
    const spy: GuardRule = {
      id: "spy",
      stage: "input",
      check: (text) => {
        seen.push(text);
        return { rule: "spy", action: "allow" };
      },
    };
    const engine = new GuardEngine([redactor("secret", "[X]"), spy, refuser("bad"), spy]);
    const outcome = engine.checkInput("secret and bad", { course: "c" });
    expect(seen).toEqual(["[X] and bad"]);
    expect(outcome.text).toBe("[X] and bad");
    expect(outcome.refusal?.rule).toBe("refuse.bad");
    expect(outcome.verdicts.map((v) => v.action)).toEqual(["redact", "refuse"]);
  });

  it("still runs redactors marked alwaysRun after a refusal, so the stored text is redacted", () => {
    const engine = new GuardEngine([
      refuser("bad"),
      redactor("secret", "[X]"),
      redactor("mail", "[EMAIL]", true),
    ]);
    const outcome = engine.checkInput("bad secret mail", { course: "c" });
    expect(outcome.refusal?.rule).toBe("refuse.bad");
    expect(outcome.text).toBe("bad secret [EMAIL]");
  });

  it("tells listeners every non-allow verdict without any text, reply or citations", () => {
    const heard: GuardVerdict[] = [];
    const engine = new GuardEngine([redactor("ana@x.org", "[EMAIL]"), refuser("bad")]);
    engine.onVerdict((verdict) => heard.push(verdict));
    engine.checkInput("ana@x.org is bad", { course: "c" });
    expect(heard.map((v) => `${v.rule}:${v.action}`)).toEqual([
      "redact.ana@x.org:redact",
      "refuse.bad:refuse",
    ]);
    expect(JSON.stringify(heard)).not.toContain("is bad");
    expect(heard.every((v) => v.text === undefined && v.reply === undefined)).toBe(true);
  });

  it("logs one event per check, allow included, and counts verdicts and checks", () => {
    const events: GuardLogEvent[] = [];
    const engine = new GuardEngine([redactor("x", "y"), refuser("bad")], [], { log: (e) => events.push(e) });
    engine.checkInput("fine", { course: "c" });
    engine.checkInput("x is bad", { course: "c" });
    expect(events.map((e) => e.outcome)).toEqual(["allow", "refuse"]);
    expect(events[1]?.verdicts).toEqual([
      { rule: "redact.x", action: "redact", details: { count: 1 } },
      { rule: "refuse.bad", action: "refuse" },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/is bad|y is/);
    const counts = engine.counters.snapshot();
    expect(counts.checks).toEqual(
      expect.arrayContaining([
        { stage: "input", outcome: "allow", count: 1 },
        { stage: "input", outcome: "refuse", count: 1 },
      ]),
    );
    expect(counts.verdicts).toContainEqual({
      stage: "input",
      rule: "refuse.bad",
      action: "refuse",
      count: 1,
    });
  });

  it("keeps a failing listener or logger from changing the outcome", () => {
    const engine = new GuardEngine(
      [refuser("bad")],
      [
        () => {
          throw new Error("listener down");
        },
      ],
      {
        log: () => {
          throw new Error("logger down");
        },
      },
    );
    expect(engine.checkInput("bad", { course: "c" }).refusal?.rule).toBe("refuse.bad");
  });

  it("vets streamed text with the sentence-level output rules only, silently", () => {
    const events: GuardLogEvent[] = [];
    const heard: GuardVerdict[] = [];
    const sentenceRedactor: GuardRule = {
      ...redactor("ana@x.org", "[EMAIL]"),
      stage: "output",
      judgesSentences: true,
    };
    const wholeAnswerRefuser: GuardRule = { ...refuser("bad"), stage: "output" };
    const engine = new GuardEngine([sentenceRedactor, wholeAnswerRefuser], [(v) => heard.push(v)], {
      log: (e) => events.push(e),
    });
    const streamed = engine.checkStreamedOutput("ana@x.org is bad", { course: "c" });
    expect(streamed.text).toBe("[EMAIL] is bad");
    expect(streamed.refusal).toBeUndefined();
    expect(events).toEqual([]);
    expect(heard).toEqual([]);
    expect(engine.counters.snapshot().checks).toEqual([]);
    // The full check still runs every output rule, counted and logged.
    expect(engine.checkOutput("ana@x.org is bad", { course: "c" }).refusal?.rule).toBe("refuse.bad");
    expect(events.map((e) => e.outcome)).toEqual(["refuse"]);
  });

  it("runs each course's own rules", () => {
    const engine = new GuardEngine({ rulesFor: (course) => (course === "strict" ? [refuser("maybe")] : []) });
    expect(engine.checkInput("maybe", { course: "strict" }).refusal).toBeDefined();
    expect(engine.checkInput("maybe", { course: "relaxed" }).refusal).toBeUndefined();
  });

  it("threads citations an output rule removed through to the outcome and the next rule", () => {
    const a = chunk("1", "Data drift is a change in inputs.");
    const dropSecond: GuardRule = {
      id: "drop",
      stage: "output",
      check: (_text, context) => ({
        rule: "drop",
        action: "redact",
        citations: context.citations?.slice(0, 1),
      }),
    };
    let seenByNext = -1;
    const next: GuardRule = {
      id: "next",
      stage: "output",
      check: (_text, context) => {
        seenByNext = context.citations?.length ?? -1;
        return { rule: "next", action: "allow" };
      },
    };
    const engine = new GuardEngine([dropSecond, next]);
    const outcome = engine.checkOutput("answer [1]", {
      course: "c",
      chunks: [a],
      citations: [citation(1, a), citation(2, a)],
    });
    expect(outcome.citations).toHaveLength(1);
    expect(seenByNext).toBe(1);
  });

  it("adds the question's similarity to the course centroid before the retrieval rules run", async () => {
    let similarity: number | null | undefined;
    const rule: GuardRule = {
      id: "topic",
      stage: "retrieval",
      check: (_text, context) => {
        similarity = context.retrieval?.centroidSimilarity;
        return { rule: "topic", action: "allow" };
      },
    };
    const asked: string[] = [];
    const engine = new GuardEngine([rule], [], {
      centroids: {
        centroid: async (course, model, version) => {
          asked.push(`${course}/${model}/${version}`);
          return [1, 0];
        },
      },
    });
    await engine.checkRetrieval("q", {
      course: "c",
      retrieval: {
        confident: false,
        coverage: 0,
        topVectorSimilarity: 0.1,
        queryEmbedding: [0.6, 0.8],
        embeddingModel: "m",
        courseVersion: 3,
      },
    });
    expect(asked).toEqual(["c/m/3"]);
    expect(similarity).toBeCloseTo(0.6, 5);
  });

  it("skips the centroid for confident questions and abstains when it cannot be read", async () => {
    let calls = 0;
    const seen: (number | null | undefined)[] = [];
    const rule: GuardRule = {
      id: "topic",
      stage: "retrieval",
      check: (_text, context) => {
        seen.push(context.retrieval?.centroidSimilarity);
        return { rule: "topic", action: "allow" };
      },
    };
    const engine = new GuardEngine([rule], [], {
      centroids: {
        centroid: async () => {
          calls++;
          throw new Error("database down");
        },
      },
    });
    const retrieval = { coverage: 0, topVectorSimilarity: 0.1, queryEmbedding: [1, 0], embeddingModel: "m" };
    await engine.checkRetrieval("q", { course: "c", retrieval: { ...retrieval, confident: true } });
    expect(calls).toBe(0);
    await engine.checkRetrieval("q", { course: "c", retrieval: { ...retrieval, confident: false } });
    expect(calls).toBe(1);
    expect(seen).toEqual([null, null]);
  });
});

describe("GuardOutcome.searchText", () => {
  const engine = createGuardEngine({ config: loadGuardConfig(undefined) });

  it("drops a sentence that only carried redacted personal details", () => {
    const outcome = engine.checkInput(
      "My email is jane.doe@example.com. How does data drift detection work?",
      {
        course: "aie101",
      },
    );
    expect(outcome.text).toBe("My email is [EMAIL]. How does data drift detection work?");
    expect(outcome.searchText).toBe("How does data drift detection work?");
  });

  it("reduces a request for graded work to its subject", () => {
    const outcome = engine.checkInput("Write my lab report on data drift detection, it's due tonight", {
      course: "aie101",
    });
    expect(outcome.refusal?.redirect).toBe("hint");
    expect(outcome.searchText).toContain("data drift detection");
    expect(outcome.searchText).not.toContain("report");
  });

  it("leaves a plain question as it is", () => {
    const text = "What is the population stability index?";
    expect(engine.checkInput(text, { course: "aie101" }).searchText).toBe(text);
  });
});

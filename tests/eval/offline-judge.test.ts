import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { OfflineJudge, statementsOf } from "../../src/eval/offline-judge.ts";

const incomes =
  "Consider a column of household incomes in thousands: 30, 35, 40, 45 and 400, with one value missing. " +
  "The mean is 110, while the median is 40. Imputing with the median is far more sensible here, because the " +
  "single extreme value drags the mean far away from a typical household.";
const kubernetes =
  "Kubernetes is an open-source system that schedules containers across a cluster of machines.";

describe("statementsOf", () => {
  it("splits an answer into sentences without its [n] markers", () => {
    expect(statementsOf("Precision is 0.80 [1]. Recall is 0.72 [1, 2]. [3]")).toEqual([
      "Precision is 0.80.",
      "Recall is 0.72.",
    ]);
    expect(statementsOf("")).toEqual([]);
  });
});

describe("OfflineJudge without embeddings (lexical entailment only)", () => {
  const judge = new OfflineJudge();

  it("scores faithfulness as the share of statements the cited context supports", async () => {
    const result = await judge.judge({
      question: "How should missing incomes be filled when one household earns far more?",
      answer:
        "Imputing with the median is far more sensible here, because the single extreme value drags the mean far away [1]. " +
        "Kubernetes schedules containers [2].",
      citedContexts: [incomes],
      retrievedContexts: [incomes, kubernetes],
      referenceAnswer: "Use the median rather than the mean. Add a missing-value indicator column.",
    });
    // The second statement is not in the cited context (the Kubernetes chunk was not cited).
    expect(result.faithfulness).toBe(0.5);
    // Reference: statement 1 is supported by the first context only, statement 2 by none.
    expect(result.contextPrecision).toBe(1);
    expect(result.contextRecall).toBe(0.5);
    expect(result.answerRelevancy).toBeGreaterThan(0);
  });

  it("ranks a relevant context below an irrelevant one into context precision", async () => {
    const result = await judge.judge({
      question: "q",
      answer: "",
      citedContexts: [],
      retrievedContexts: [kubernetes, incomes],
      referenceAnswer: "The median is 40 while the mean is 110.",
    });
    expect(result.contextPrecision).toBe(0.5);
    expect(result.contextRecall).toBe(1);
    expect(result.faithfulness).toBeNull();
    expect(result.answerRelevancy).toBeNull();
  });

  it("does not let a paraphrase with few shared words count as supported", async () => {
    const paraphrase =
      "Filling missing incomes with the median is wiser, as one extreme value drags the average upward.";
    expect(await judge.supported(paraphrase, [incomes])).toBe(false);
  });
});

describe("OfflineJudge with the bundled embedding model", () => {
  let embeddings: SentenceEncoderEmbeddings;
  let judge: OfflineJudge;

  beforeAll(() => {
    embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
    judge = new OfflineJudge(embeddings);
  });
  afterAll(async () => {
    await embeddings.close();
  });

  it("accepts a close paraphrase through embedding similarity, but not a changed claim", async () => {
    const paraphrase =
      "Filling missing incomes with the median is wiser, as one extreme value drags the average upward.";
    const changed =
      "Filling missing incomes with zero is wiser, as one extreme value drags the average upward.";
    expect(await judge.supported(paraphrase, [incomes])).toBe(true);
    expect(await judge.supported(changed, [incomes])).toBe(false);
    expect(await judge.supported("Kubernetes runs missing incomes on a cluster.", [incomes])).toBe(false);
  });

  it("scores answer relevancy as question-answer similarity: on-topic above off-topic", async () => {
    const question =
      "How should I fill in missing income values when one household earns far more than the rest?";
    const onTopic = await judge.judge({
      question,
      answer: "Impute the missing incomes with the median, because one extreme income drags the mean upward.",
      citedContexts: [incomes],
      retrievedContexts: [incomes],
      referenceAnswer: "",
    });
    const offTopic = await judge.judge({
      question,
      answer: "Kubernetes schedules containers across a cluster of machines.",
      citedContexts: [kubernetes],
      retrievedContexts: [kubernetes],
      referenceAnswer: "",
    });
    expect(onTopic.answerRelevancy).toBeGreaterThan((offTopic.answerRelevancy ?? 0) + 0.2);
    expect(onTopic.contextPrecision).toBeNull();
    expect(onTopic.contextRecall).toBeNull();
  });
});

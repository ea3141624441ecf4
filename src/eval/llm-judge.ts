import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { z } from "zod";
import {
  type ChatModelFactory,
  createChatModelFactory,
  type LlmSettings,
  llmLabel,
} from "../answer/llm/chat-model.ts";
import { raceAbort, timeoutSignal } from "../answer/resilience/abort.ts";
import { classifyFailure, LlmTimeoutError } from "../answer/resilience/errors.ts";
import { backoffDelay, sleep } from "../answer/resilience/retry.ts";
import { contentTerms } from "../text/terms.ts";
import { cosine } from "../text/vector.ts";
import { termCosine } from "./correctness.ts";
import type { AnswerJudge, AnswerJudgement, CorrectnessParts, JudgeInput } from "./judge.ts";
import {
  contextPrecisionPrompt,
  contextRecallPrompt,
  correctnessPrompt,
  faithfulnessPrompt,
  JUDGE_SYSTEM,
  RETRY_REMINDER,
  relevancyPrompt,
} from "./llm-judge-prompts.ts";
import { answerCorrectness, averagePrecision, share, statementF1 } from "./metrics.ts";
import { statementsOf, type TextEmbedder } from "./offline-judge.ts";

/**
 * The RAGAS-style judge that asks an LLM, the way RAGAS does:
 *
 * - faithfulness: the answer's statements (sentences, citation markers removed) are put to the
 *   LLM with the contexts the answer cites; the score is the share it judges inferable from them;
 * - answer relevancy: the LLM writes the questions the answer responds to and says whether the
 *   answer is noncommittal; the score is the mean similarity of those questions to the real one
 *   (embedding cosine when an embedder is given, else content-term cosine), 0 if noncommittal;
 * - context precision: the LLM says which retrieved contexts were useful for reaching the
 *   reference answer; the score is their average precision over the ranking;
 * - context recall: the LLM says which reference statements the retrieved contexts support;
 * - answer correctness: the LLM says which answer statements the reference answer supports and
 *   which reference statements the answer states (TP, FP, FN); their F1 is blended 0.75 / 0.25
 *   with the similarity of answer and reference (embedding cosine, else content-term cosine).
 *
 * One LLM call per metric, JSON replies validated with zod; an unusable reply is asked for once
 * more, then the judgement fails rather than inventing a score.
 */
export interface LlmJudgeConfig {
  llm: LlmSettings & { timeoutMs: number; maxRetries?: number };
}

export interface LlmJudgeOptions {
  /** Replaces the provider's chat model (tests). */
  chatModel?: ChatModelFactory;
  /** Unit-length vectors for answer relevancy; without it, content-term cosine is used. */
  embedder?: TextEmbedder;
  /** Contexts shown for precision, best first. */
  maxContexts?: number;
  /** Characters of each context shown to the judge. */
  maxContextChars?: number;
  /** Questions generated from the answer for relevancy. */
  relevancyQuestions?: number;
}

/** Ten contexts of up to 2,000 characters each, and three questions generated per answer. */
export const LLM_JUDGE_DEFAULTS = { maxContexts: 10, maxContextChars: 2_000, relevancyQuestions: 3 } as const;

export class JudgeReplyError extends Error {
  override name = "JudgeReplyError";
}

export function createLlmJudge(config: LlmJudgeConfig, options: LlmJudgeOptions = {}): AnswerJudge {
  if (config.llm.provider === "none") throw new Error("createLlmJudge needs an LLM (LLM_PROVIDER is none)");
  return new LlmJudge(config, options);
}

const verdictValue = z.union([z.number(), z.boolean(), z.string()]).transform((value) => {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value >= 1;
  return /^(1|yes|true|supported|useful|attributed)$/i.test(value.trim());
});
const verdictList = z.array(z.object({ id: z.coerce.number().int(), verdict: verdictValue }).passthrough());
const verdictsReply = z.object({ verdicts: verdictList });
const correctnessReply = z.object({ answer: verdictList, reference: verdictList });
const relevancyReply = z.object({
  questions: z.array(z.string()),
  noncommittal: verdictValue,
});

class LlmJudge implements AnswerJudge {
  readonly name: string;
  private readonly chatModel: ChatModelFactory;
  private readonly limits: { maxContexts: number; maxContextChars: number; relevancyQuestions: number };

  constructor(
    private readonly config: LlmJudgeConfig,
    private readonly options: LlmJudgeOptions,
  ) {
    this.name = `llm judge (${llmLabel(config.llm)})`;
    this.chatModel = options.chatModel ?? createChatModelFactory(config.llm);
    this.limits = {
      maxContexts: options.maxContexts ?? LLM_JUDGE_DEFAULTS.maxContexts,
      maxContextChars: options.maxContextChars ?? LLM_JUDGE_DEFAULTS.maxContextChars,
      relevancyQuestions: options.relevancyQuestions ?? LLM_JUDGE_DEFAULTS.relevancyQuestions,
    };
  }

  async judge(input: JudgeInput): Promise<AnswerJudgement> {
    const [faithfulness, answerRelevancy, contextPrecision, contextRecall, correctness] = await Promise.all([
      this.faithfulness(input),
      this.relevancy(input),
      this.contextPrecision(input),
      this.contextRecall(input),
      this.correctness(input),
    ]);
    return {
      faithfulness,
      answerRelevancy,
      contextPrecision,
      contextRecall,
      answerCorrectness: correctness ? answerCorrectness(correctness, correctness.similarity) : null,
      ...(correctness ? { correctness } : {}),
    };
  }

  private async correctness(input: JudgeInput): Promise<CorrectnessParts | null> {
    const answers = statementsOf(input.answer);
    const references = statementsOf(input.referenceAnswer);
    if (answers.length === 0 || references.length === 0) return null;
    const reply = await this.ask(
      correctnessPrompt(input.question, numbered(references), numbered(answers)),
      (value) => {
        const parsed = correctnessReply.safeParse(value);
        if (!parsed.success) return null;
        const answer = inOrder(parsed.data.answer, answers.length);
        const reference = inOrder(parsed.data.reference, references.length);
        return answer && reference ? { answer, reference } : null;
      },
    );
    const tp = reply.answer.filter(Boolean).length;
    const counts = { tp, fp: answers.length - tp, fn: reply.reference.filter((v) => !v).length };
    const [similarity = 0] = await this.similarities(references.join(" "), [answers.join(" ")]);
    return { ...counts, f1: statementF1(counts) ?? 0, similarity };
  }

  private async faithfulness(input: JudgeInput): Promise<number | null> {
    const statements = statementsOf(input.answer);
    if (statements.length === 0) return null;
    if (input.citedContexts.length === 0) return 0;
    const verdicts = await this.verdicts(
      faithfulnessPrompt(this.contexts(input.citedContexts), numbered(statements)),
      statements.length,
    );
    return share(verdicts.filter(Boolean).length, statements.length);
  }

  private async relevancy(input: JudgeInput): Promise<number | null> {
    const answer = statementsOf(input.answer).join(" ");
    if (answer === "" || input.question.trim() === "") return null;
    const n = this.limits.relevancyQuestions;
    const reply = await this.ask(relevancyPrompt(answer, n), (value) => {
      const parsed = relevancyReply.safeParse(value);
      return parsed.success && parsed.data.questions.length > 0 ? parsed.data : null;
    });
    if (reply.noncommittal) return 0;
    const similarities = await this.similarities(input.question, reply.questions.slice(0, n));
    return similarities.reduce((a, b) => a + b, 0) / similarities.length;
  }

  private async contextPrecision(input: JudgeInput): Promise<number | null> {
    if (statementsOf(input.referenceAnswer).length === 0) return null;
    const contexts = input.retrievedContexts.slice(0, this.limits.maxContexts);
    if (contexts.length === 0) return 0;
    const verdicts = await this.verdicts(
      contextPrecisionPrompt(input.question, input.referenceAnswer, this.contexts(contexts)),
      contexts.length,
    );
    return averagePrecision(verdicts);
  }

  private async contextRecall(input: JudgeInput): Promise<number | null> {
    const statements = statementsOf(input.referenceAnswer);
    if (statements.length === 0) return null;
    const contexts = input.retrievedContexts.slice(0, this.limits.maxContexts);
    if (contexts.length === 0) return 0;
    const verdicts = await this.verdicts(
      contextRecallPrompt(this.contexts(contexts), numbered(statements)),
      statements.length,
    );
    return share(verdicts.filter(Boolean).length, statements.length);
  }

  /** One boolean per numbered item; a reply that misses items is not accepted. */
  private verdicts(prompt: string, count: number): Promise<boolean[]> {
    return this.ask(prompt, (value) => {
      const parsed = verdictsReply.safeParse(value);
      return parsed.success ? inOrder(parsed.data.verdicts, count) : null;
    });
  }

  /** Asks, parses; asks once more with a reminder when the reply is unusable. */
  private async ask<T>(prompt: string, read: (value: unknown) => T | null): Promise<T> {
    let task = prompt;
    for (let round = 0; round < 2; round++) {
      const text = await this.call(task);
      const value = read(extractJson(text));
      if (value !== null) return value;
      task = `${prompt}\n\n${RETRY_REMINDER}`;
    }
    throw new JudgeReplyError("the judge LLM did not reply in the requested JSON shape");
  }

  /** One chat call with a timeout and bounded retries for retryable failures. */
  private async call(prompt: string): Promise<string> {
    const retries = this.config.llm.maxRetries ?? 2;
    for (let attempt = 0; ; attempt++) {
      const timer = timeoutSignal(
        this.config.llm.timeoutMs,
        () => new LlmTimeoutError(this.config.llm.timeoutMs),
      );
      const signal = timer.signal;
      try {
        const model = this.chatModel({ signal, temperature: 0 });
        const reply = await raceAbort(
          model.invoke([new SystemMessage(JUDGE_SYSTEM), new HumanMessage(prompt)], { signal }),
          signal,
        );
        return typeof reply.content === "string" ? reply.content : JSON.stringify(reply.content);
      } catch (error) {
        const failure = classifyFailure(timer.signal.aborted ? timer.signal.reason : error);
        if (!failure.retryable || attempt >= retries) throw error;
        await sleep(backoffDelay(attempt, { baseDelayMs: 250, maxDelayMs: 2_000 }));
      } finally {
        timer.clear();
      }
    }
  }

  private async similarities(question: string, generated: string[]): Promise<number[]> {
    if (this.options.embedder) {
      const [target, ...others] = await this.options.embedder.embedDocuments([question, ...generated]);
      return others.map((vector) => clamp01(cosine(target as number[], vector)));
    }
    const target = new Set(contentTerms(question));
    return generated.map((text) => termCosine(target, new Set(contentTerms(text))));
  }

  private contexts(texts: readonly string[]): string {
    const max = this.limits.maxContextChars;
    return texts
      .map((text, i) => `[${i + 1}] ${text.length > max ? `${text.slice(0, max)}…` : text}`)
      .join("\n\n");
  }
}

function numbered(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join("\n");
}

/** The JSON object in a reply, tolerating code fences and prose around it; null if none parses. */
export function extractJson(text: string): unknown {
  const unfenced = text.replace(/```(?:json)?/gi, "");
  const start = unfenced.indexOf("{");
  const end = unfenced.lastIndexOf("}");
  if (start === -1 || end <= start) return null;
  try {
    return JSON.parse(unfenced.slice(start, end + 1));
  } catch {
    return null;
  }
}

/** Verdicts 1..count in order; null when any is missing. */
function inOrder(verdicts: readonly { id: number; verdict: boolean }[], count: number): boolean[] | null {
  const byId = new Map(verdicts.map((v) => [v.id, v.verdict]));
  const ordered: boolean[] = [];
  for (let id = 1; id <= count; id++) {
    const verdict = byId.get(id);
    if (verdict === undefined) return null;
    ordered.push(verdict);
  }
  return ordered;
}

const clamp01 = (value: number) => Math.max(0, Math.min(1, value));

import { withoutRegister } from "../text/register.ts";
import { cosine } from "../text/vector.ts";
import type { GuardRuleSettings } from "./config.ts";
import { GuardCounters } from "./counters.ts";
import type { GuardEmbedder, MessageEmbedding } from "./exemplars/types.ts";
import { type Pass, type RunOptions, runPass, searchTextOf, strongestAction } from "./pass.ts";
import type {
  GuardAction,
  GuardContext,
  GuardDetails,
  GuardOutcome,
  GuardRule,
  GuardStage,
  GuardVerdict,
} from "./types.ts";

/**
 * Told about every verdict that is not "allow". The verdict passed here never carries text: no
 * redacted question, reply or citation, only the rule, action, reason and loggable details.
 */
export type GuardListener = (verdict: GuardVerdict, stage: GuardStage, context: GuardContext) => void;

/** One log line per check: which rules acted and how, never the text they acted on. */
export interface GuardLogEvent {
  event: "guard.decision";
  stage: GuardStage;
  course: string;
  outcome: GuardAction;
  verdicts: { rule: string; action: GuardAction; details?: GuardDetails }[];
}

export type GuardLogger = (event: GuardLogEvent) => void;

/** The rules that apply to a course (courses can enable, disable and tune rules). */
export interface GuardRuleSet {
  rulesFor(course: string): readonly GuardRule[];
  /** Replaces the overrides a course's own settings make (undefined: none). */
  override?(course: string, rules: GuardRuleSettings | undefined): void;
}

/** The mean embedding of a course's chunks, used to tell off-topic questions from on-topic ones. */
export interface TopicCentroidSource {
  centroid(course: string, model: string, version: number): Promise<readonly number[] | null>;
}

export interface GuardEngineOptions {
  log?: GuardLogger;
  centroids?: TopicCentroidSource;
  counters?: GuardCounters;
  /** Embeds messages for the rules that judge by meaning; without it those rules abstain. */
  embedder?: GuardEmbedder;
}

/**
 * Runs ordered rules over a text. Redactions feed the next rule; the first refusal stops the run,
 * except for rules marked `alwaysRun` (redactors), so what the pipeline stores is always
 * redacted. Every check is counted and logged; listeners hear about every non-allow verdict.
 */
export class GuardEngine {
  readonly counters: GuardCounters;
  private readonly ruleSet: GuardRuleSet;
  private readonly log: GuardLogger | undefined;
  private readonly centroids: TopicCentroidSource | undefined;
  private readonly embedder: GuardEmbedder | undefined;

  constructor(
    rules: readonly GuardRule[] | GuardRuleSet,
    private readonly listeners: GuardListener[] = [],
    options: GuardEngineOptions = {},
  ) {
    this.ruleSet = isRuleList(rules) ? { rulesFor: () => rules } : rules;
    this.log = options.log;
    this.centroids = options.centroids;
    this.embedder = options.embedder;
    this.counters = options.counters ?? new GuardCounters();
  }

  onVerdict(listener: GuardListener): void {
    this.listeners.push(listener);
  }

  /**
   * A course's own rule overrides (from its settings, which instructors edit in the console), on
   * top of the configuration file; the course's rules are rebuilt when they change.
   */
  overrideCourse(course: string, rules: GuardRuleSettings | undefined): void {
    this.ruleSet.override?.(course, rules);
  }

  /** The rule ids that run for a course, in order (for diagnostics and tests). */
  ruleIds(course: string, stage?: GuardStage): string[] {
    return this.ruleSet
      .rulesFor(course)
      .filter((rule) => stage === undefined || rule.stage === stage)
      .map((rule) => rule.id);
  }

  checkInput(text: string, context: GuardContext): GuardOutcome {
    return this.run("input", text, context);
  }

  /**
   * The input rules, then the rules that judge by meaning: when no pattern refused, the message
   * (its search text, without register words) is embedded once and the exemplar rules compare it
   * with their exemplars. The outcome carries the embedding so retrieval can reuse it.
   * Without an embedder, or when embedding fails, this is `checkInput`.
   */
  async screenInput(text: string, context: GuardContext): Promise<GuardOutcome> {
    const byMeaning = this.rulesByMeaning(context.course, "input");
    if (!this.embedder || byMeaning.length === 0) return this.checkInput(text, context);
    const lexical = this.pass("input", text, context, { byMeaning: false });
    if (lexical.refusal) return this.finish("input", context, lexical);
    const searchText = searchTextOf(lexical);
    const embedding = await this.embed(withoutRegister(searchText), byMeaning);
    if (!embedding) return this.finish("input", context, lexical);
    const semantic = this.pass("input", lexical.text, { ...context, embedding }, { byMeaning: true });
    const merged: Pass = {
      ...lexical,
      verdicts: lexical.verdicts.concat(semantic.verdicts),
      ran: lexical.ran.concat(semantic.ran),
      ...(semantic.refusal ? { refusal: semantic.refusal } : {}),
    };
    return { ...this.finish("input", context, merged), embedding };
  }

  checkOutput(text: string, context: GuardContext): GuardOutcome {
    return this.run("output", text, context);
  }

  /**
   * The part of an answer streamed so far, through the output rules that judge sentences on their
   * own. Silent (no counts, logs or listeners): the same text meets every output rule, counted,
   * in `checkOutput` once the answer is complete.
   */
  checkStreamedOutput(text: string, context: GuardContext): GuardOutcome {
    return this.run("output", text, context, { sentenceRulesOnly: true, silent: true });
  }

  /**
   * After retrieval: judges the question by how well the course matched it. Adds the question's
   * similarity to the course's topic centroid to the signals before the rules run.
   */
  async checkRetrieval(text: string, context: GuardContext): Promise<GuardOutcome> {
    const signals = context.retrieval;
    let centroidSimilarity = signals?.centroidSimilarity ?? null;
    if (
      signals &&
      !signals.confident &&
      centroidSimilarity === null &&
      this.centroids &&
      signals.queryEmbedding &&
      signals.embeddingModel &&
      this.ruleIds(context.course, "retrieval").length > 0
    ) {
      try {
        const centroid = await this.centroids.centroid(
          context.course,
          signals.embeddingModel,
          signals.courseVersion ?? 0,
        );
        if (centroid) centroidSimilarity = cosine(signals.queryEmbedding, centroid);
      } catch {
        // Without the centroid the topic check abstains; the question still gets its answer.
      }
    }
    const embedding = context.embedding ?? retrievalEmbedding(text, signals);
    if (embedding && this.embedder?.modelId === embedding.model) {
      await this.prepare(this.rulesByMeaning(context.course, "retrieval"));
    }
    return this.run("retrieval", text, {
      ...context,
      ...(embedding ? { embedding } : {}),
      ...(signals ? { retrieval: { ...signals, centroidSimilarity } } : {}),
    });
  }

  /** Readies the course's rules that judge by meaning (their exemplars embedded), so no student waits. */
  async warm(course: string): Promise<void> {
    const rules = this.ruleSet.rulesFor(course).filter((rule) => rule.prepare);
    await this.prepare(rules);
  }

  private rulesByMeaning(course: string, stage: GuardStage): GuardRule[] {
    return this.ruleSet.rulesFor(course).filter((rule) => rule.stage === stage && rule.prepare);
  }

  /** Readies the rules' own vectors; a rule whose vectors cannot be made abstains. */
  private async prepare(rules: readonly GuardRule[]): Promise<void> {
    const embedder = this.embedder;
    if (!embedder) return;
    await Promise.all(rules.map((rule) => rule.prepare?.(embedder).catch(() => undefined)));
  }

  private async embed(text: string, rules: readonly GuardRule[]): Promise<MessageEmbedding | undefined> {
    const embedder = this.embedder;
    if (!embedder || text.trim().length === 0) return undefined;
    try {
      const [vector] = await Promise.all([embedder.embedQuery(text), this.prepare(rules)]);
      return { model: embedder.modelId, text, vector };
    } catch {
      // Without the embedding the rules that judge by meaning abstain; the patterns have judged.
      return undefined;
    }
  }

  private run(
    stage: GuardStage,
    text: string,
    context: GuardContext,
    options: RunOptions = {},
  ): GuardOutcome {
    return this.finish(stage, context, this.pass(stage, text, context, options), options.silent);
  }

  private pass(stage: GuardStage, text: string, context: GuardContext, options: RunOptions = {}): Pass {
    const rules = this.ruleSet.rulesFor(context.course);
    return runPass(rules, stage, text, context, options, (verdict) => this.announce(verdict, stage, context));
  }

  /** The pass as an outcome, counted and logged once (unless silent). */
  private finish(stage: GuardStage, context: GuardContext, pass: Pass, silent = false): GuardOutcome {
    const { text, verdicts, refusal, citations, citationsChanged } = pass;
    const outcome = strongestAction(verdicts);
    if (!silent) this.record(stage, context, outcome, verdicts);
    const searchText = stage === "input" ? searchTextOf(pass) : undefined;
    return {
      text,
      verdicts,
      ...(searchText !== undefined ? { searchText } : {}),
      ...(refusal ? { refusal } : {}),
      ...(citationsChanged ? { citations } : {}),
    };
  }

  private announce(verdict: GuardVerdict, stage: GuardStage, context: GuardContext): void {
    this.counters.countVerdict(stage, verdict.rule, verdict.action);
    const safe = withoutText(verdict);
    for (const listener of this.listeners) {
      try {
        listener(safe, stage, context);
      } catch {
        // A failing metrics or log listener must not change what the student gets.
      }
    }
  }

  private record(
    stage: GuardStage,
    context: GuardContext,
    outcome: GuardAction,
    verdicts: GuardVerdict[],
  ): void {
    this.counters.countCheck(stage, outcome);
    try {
      this.log?.({
        event: "guard.decision",
        stage,
        course: context.course,
        outcome,
        verdicts: verdicts.map((v) => ({
          rule: v.rule,
          action: v.action,
          ...(v.details ? { details: v.details } : {}),
        })),
      });
    } catch {
      // Logging is best effort.
    }
  }
}

/** Retrieval's own query embedding, when it has one, as the message's embedding. */
function retrievalEmbedding(text: string, signals: GuardContext["retrieval"]): MessageEmbedding | undefined {
  if (!signals?.queryEmbedding || !signals.embeddingModel) return undefined;
  return { model: signals.embeddingModel, text, vector: signals.queryEmbedding };
}

function isRuleList(rules: readonly GuardRule[] | GuardRuleSet): rules is readonly GuardRule[] {
  return Array.isArray(rules);
}

/** The verdict as listeners may see it: no redacted text, reply or citations. */
function withoutText(verdict: GuardVerdict): GuardVerdict {
  const { text: _text, reply: _reply, citations: _citations, ...rest } = verdict;
  return rest;
}

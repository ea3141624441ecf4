import { cosine } from "../text/vector.ts";
import type { GuardRuleSettings } from "./config.ts";
import { GuardCounters } from "./counters.ts";
import { type TextViews, textViews } from "./normalize/index.ts";
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
}

const STRENGTH: Record<GuardAction, number> = { allow: 0, redact: 1, refuse: 2 };

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

  constructor(
    rules: readonly GuardRule[] | GuardRuleSet,
    private readonly listeners: GuardListener[] = [],
    options: GuardEngineOptions = {},
  ) {
    this.ruleSet = isRuleList(rules) ? { rulesFor: () => rules } : rules;
    this.log = options.log;
    this.centroids = options.centroids;
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
    return this.run("retrieval", text, {
      ...context,
      ...(signals ? { retrieval: { ...signals, centroidSimilarity } } : {}),
    });
  }

  private run(
    stage: GuardStage,
    text: string,
    context: GuardContext,
    options: { sentenceRulesOnly?: boolean; silent?: boolean } = {},
  ): GuardOutcome {
    let current = text;
    let views: TextViews | undefined;
    // Rules that need the normalised views get them on first use; a redaction invalidates them.
    const viewsOfCurrent = () => {
      views ??= textViews(current);
      return views;
    };
    let citations = context.citations ? [...context.citations] : undefined;
    let citationsChanged = false;
    const verdicts: GuardVerdict[] = [];
    const ran: { rule: GuardRule; verdict?: GuardVerdict }[] = [];
    let refusal: GuardVerdict | undefined;
    for (const rule of this.ruleSet.rulesFor(context.course)) {
      if (rule.stage !== stage) continue;
      if (options.sentenceRulesOnly && !rule.judgesSentences) continue;
      if (refusal && !rule.alwaysRun) continue;
      const ruleContext: GuardContext = { ...context, citations };
      Object.defineProperty(ruleContext, "views", { get: viewsOfCurrent, enumerable: true });
      const verdict = rule.check(current, ruleContext);
      if (verdict.action === "allow") {
        ran.push({ rule });
        continue;
      }
      ran.push({ rule, verdict });
      verdicts.push(verdict);
      if (!options.silent) this.announce(verdict, stage, context);
      if (verdict.text !== undefined && verdict.text !== current) {
        current = verdict.text;
        views = undefined;
      }
      if (verdict.citations) {
        citations = verdict.citations;
        citationsChanged = true;
      }
      if (verdict.action === "refuse") refusal ??= verdict;
    }
    const outcome = verdicts.reduce<GuardAction>(
      (strongest, v) => (STRENGTH[v.action] > STRENGTH[strongest] ? v.action : strongest),
      "allow",
    );
    if (!options.silent) this.record(stage, context, outcome, verdicts);
    const searchText =
      stage === "input"
        ? ran.reduce((text, { rule, verdict }) => rule.searchText?.(text, verdict) ?? text, current)
        : undefined;
    return {
      text: current,
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

function isRuleList(rules: readonly GuardRule[] | GuardRuleSet): rules is readonly GuardRule[] {
  return Array.isArray(rules);
}

/** The verdict as listeners may see it: no redacted text, reply or citations. */
function withoutText(verdict: GuardVerdict): GuardVerdict {
  const { text: _text, reply: _reply, citations: _citations, ...rest } = verdict;
  return rest;
}

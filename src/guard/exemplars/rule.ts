import type { GuardRedirect, GuardRule, GuardStage, GuardVerdict } from "../types.ts";
import {
  type CourseExemplarSettings,
  courseExemplars,
  type ExemplarLibrary,
  thresholdsFor,
} from "./library.ts";
import { decide, type ExemplarIndex } from "./match.ts";
import type { ExemplarFamily, ExemplarThresholds, FamilyMatch } from "./types.ts";
import type { ExemplarVectors } from "./vectors.ts";

/** How a family's verdict reads: the family rule it speaks for, its reply, and its redirect. */
export interface FamilyVerdict {
  rule: string;
  reason: string;
  redirect?: GuardRedirect;
  /** How retrieval reads a message this family refused (integrity: by its subject, for the hint). */
  searchText?: (text: string) => string;
}

export interface ExemplarRuleOptions {
  library: ExemplarLibrary;
  settings?: CourseExemplarSettings;
  vectors: ExemplarVectors;
  /** The families the course judges (their rules are on), and how each one's verdict reads. */
  families: Partial<Record<ExemplarFamily, FamilyVerdict>>;
}

/** Off-topic is judged after retrieval, by a question the material did not answer well. */
const STAGE_OF: Record<ExemplarFamily, GuardStage> = {
  injection: "input",
  academic_integrity: "input",
  abuse: "input",
  privacy: "input",
  off_topic: "retrieval",
};

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** The loggable facts of an exemplar decision: the rule, the exemplar it matched and the scores. */
export function matchDetails(match: FamilyMatch): Record<string, string | number> {
  return {
    via: "exemplar",
    family: match.family,
    exemplar: match.attack.id,
    similarity: round3(match.attack.similarity),
    margin: round3(match.margin),
    ...(match.benign
      ? { nearestBenign: match.benign.id, benignSimilarity: round3(match.benign.similarity) }
      : {}),
  };
}

/**
 * The semantic exemplar rules of one course: an input-stage rule for injection, integrity, abuse
 * and privacy, and a retrieval-stage rule for off-topic questions. Each compares the message's
 * embedding with the course's exemplars (embedded once per model) and refuses when the nearest
 * attack exemplar of a family is close enough and closer than any benign look-alike by the
 * family's fitted margin. Thresholds are fitted per embedding model: a model without them, or a
 * message without an embedding, makes the rules abstain. The verdict speaks for the family's
 * rule (`input.abuse`, …) and names the exemplar it matched and the scores.
 */
export function createExemplarRules(options: ExemplarRuleOptions): GuardRule[] {
  const exemplars = courseExemplars(options.library, options.settings);
  const prepared = new Map<string, { index: ExemplarIndex; thresholds: ExemplarThresholds }>();
  const prepare = async (embedder: Parameters<NonNullable<GuardRule["prepare"]>>[0]) => {
    if (prepared.has(embedder.modelId)) return;
    const index = await options.vectors.index(embedder, exemplars);
    const thresholds = thresholdsFor(options.library, embedder.modelId, options.settings?.thresholds);
    prepared.set(embedder.modelId, { index, thresholds });
  };
  const rules: GuardRule[] = [];
  for (const stage of ["input", "retrieval"] as const) {
    const families = new Set(
      (Object.keys(options.families) as ExemplarFamily[]).filter((f) => STAGE_OF[f] === stage),
    );
    if (families.size === 0) continue;
    rules.push({
      id: "input.exemplars",
      stage,
      prepare,
      check(_text, context): GuardVerdict {
        const allow: GuardVerdict = { rule: "input.exemplars", action: "allow" };
        const embedding = context.embedding;
        if (!embedding) return allow;
        // A question the material answers is a course question, whatever it resembles.
        if (stage === "retrieval" && (!context.retrieval || context.retrieval.confident)) return allow;
        const ready = prepared.get(embedding.model);
        if (!ready) return allow;
        const match = decide(ready.index.match(embedding.vector), ready.thresholds, families);
        const verdict = match && options.families[match.family];
        if (!match || !verdict) return allow;
        return {
          rule: verdict.rule,
          action: "refuse",
          reason: verdict.reason,
          ...(verdict.redirect ? { redirect: verdict.redirect } : {}),
          details: matchDetails(match),
        };
      },
      searchText(text, verdict) {
        const family = verdict?.details?.family;
        const read =
          typeof family === "string" ? options.families[family as ExemplarFamily]?.searchText : undefined;
        return read ? read(text) : text;
      },
    });
  }
  return rules;
}

import { type GuardFileConfig, type GuardRuleSettings, settingsForCourse } from "./config.ts";
import type { GuardCounters } from "./counters.ts";
import {
  GuardEngine,
  type GuardListener,
  type GuardLogger,
  type GuardRuleSet,
  type TopicCentroidSource,
} from "./engine.ts";
import { compilePatterns } from "./match.ts";
import { abuseRule } from "./rules/abuse.ts";
import { academicIntegrityRule, defaultIntegrityOptions } from "./rules/academic-integrity.ts";
import { citationsRule } from "./rules/citations.ts";
import { defaultGroundingOptions, groundingRule } from "./rules/grounding.ts";
import { injectionRule } from "./rules/injection.ts";
import { defaultOffTopicOptions, offTopicRule } from "./rules/off-topic.ts";
import { defaultPiiOptions, piiInputRule, piiOutputRule } from "./rules/pii.ts";
import { promptLeakRule } from "./rules/prompt-leak.ts";
import { defaultSizeLimits, sizeRule } from "./rules/size.ts";
import { wellbeingRule } from "./rules/wellbeing.ts";
import type { GuardRule } from "./types.ts";

/**
 * The rules of one course, in the order they run. Input: size first (cheap), PII redaction
 * (runs even after a refusal, so nothing unredacted is stored), then injection, wellbeing, abuse and
 * academic integrity (a request to cheat that is also an injection is refused as an injection).
 * Output: leaks first, then citations, grounding, and PII last over the final text.
 */
export function buildCourseRules(
  settings: GuardRuleSettings,
  protectedTexts: readonly string[] = [],
): GuardRule[] {
  const on = (id: keyof GuardRuleSettings) => settings[id]?.enabled !== false;
  const rules: GuardRule[] = [];
  const size = settings["input.size"];
  if (on("input.size")) {
    rules.push(
      sizeRule({
        maxChars: size?.maxChars ?? defaultSizeLimits.maxChars,
        maxControlShare: size?.maxControlShare ?? defaultSizeLimits.maxControlShare,
        refusal: size?.refusal,
      }),
    );
  }
  const pii = settings["input.pii"];
  const piiOptions = {
    kinds: pii?.kinds ?? defaultPiiOptions.kinds,
    studentIdPatterns: pii?.studentIdPatterns ?? defaultPiiOptions.studentIdPatterns,
    placeholders: { ...defaultPiiOptions.placeholders, ...definedOnly(pii?.placeholders ?? {}) },
  };
  if (on("input.pii")) rules.push(piiInputRule(piiOptions));
  const injection = settings["input.injection"];
  if (on("input.injection")) {
    rules.push(
      injectionRule({
        extraPatterns: compilePatterns(injection?.extraPatterns ?? []),
        refusal: injection?.refusal,
      }),
    );
  }
  // A student in distress gets a supportive reply before any other rule judges the message.
  if (on("input.wellbeing")) rules.push(wellbeingRule({ refusal: settings["input.wellbeing"]?.refusal }));
  const abuse = settings["input.abuse"];
  if (on("input.abuse")) {
    rules.push(
      abuseRule({ extraPatterns: compilePatterns(abuse?.extraPatterns ?? []), refusal: abuse?.refusal }),
    );
  }
  const integrity = settings["input.academic_integrity"];
  if (on("input.academic_integrity")) {
    rules.push(
      academicIntegrityRule({
        extraPatterns: compilePatterns(integrity?.extraPatterns ?? []),
        gradedQuestions: integrity?.gradedQuestions ?? defaultIntegrityOptions.gradedQuestions,
        minQuestionOverlap: integrity?.minQuestionOverlap ?? defaultIntegrityOptions.minQuestionOverlap,
        refusal: integrity?.refusal,
      }),
    );
  }
  const offTopic = settings["input.off_topic"];
  if (on("input.off_topic")) {
    rules.push(
      offTopicRule({
        maxCentroidSimilarity:
          offTopic?.maxCentroidSimilarity ?? defaultOffTopicOptions.maxCentroidSimilarity,
        maxTopSimilarity: offTopic?.maxTopSimilarity ?? defaultOffTopicOptions.maxTopSimilarity,
        maxKnownTermShare: offTopic?.maxKnownTermShare ?? defaultOffTopicOptions.maxKnownTermShare,
        refusal: offTopic?.refusal,
      }),
    );
  }
  const leak = settings["output.prompt_leak"];
  if (on("output.prompt_leak")) {
    rules.push(
      promptLeakRule({
        protectedTexts: [...protectedTexts, ...(leak?.protectedTexts ?? [])],
        extraPatterns: compilePatterns(leak?.extraPatterns ?? []),
        refusal: leak?.refusal,
      }),
    );
  }
  if (on("output.citations")) rules.push(citationsRule({ refusal: settings["output.citations"]?.refusal }));
  const grounding = settings["output.grounding"];
  if (on("output.grounding")) {
    rules.push(
      groundingRule({
        minSupport: grounding?.minSupport ?? defaultGroundingOptions.minSupport,
        action: grounding?.action ?? defaultGroundingOptions.action,
        marker: grounding?.marker ?? defaultGroundingOptions.marker,
        refusal: grounding?.refusal,
      }),
    );
  }
  if (on("output.pii")) rules.push(piiOutputRule(piiOptions));
  return rules;
}

function definedOnly<T extends Record<string, string | undefined>>(record: T): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Builds (once per course) and caches each course's rules from the configuration. */
export function configuredRuleSet(
  config: GuardFileConfig,
  protectedTexts: readonly string[] = [],
): GuardRuleSet {
  const cache = new Map<string, GuardRule[]>();
  return {
    rulesFor(course) {
      let rules = cache.get(course);
      if (!rules) {
        rules = buildCourseRules(settingsForCourse(config, course), protectedTexts);
        cache.set(course, rules);
      }
      return rules;
    },
  };
}

export interface GuardEngineSetup {
  config: GuardFileConfig;
  log?: GuardLogger;
  centroids?: TopicCentroidSource;
  listeners?: GuardListener[];
  counters?: GuardCounters;
  /** Texts no answer may repeat (the LLM answerer's system prompt). */
  protectedTexts?: readonly string[];
}

export function createGuardEngine(setup: GuardEngineSetup): GuardEngine {
  return new GuardEngine(configuredRuleSet(setup.config, setup.protectedTexts), setup.listeners ?? [], {
    log: setup.log,
    centroids: setup.centroids,
    counters: setup.counters,
  });
}

import {
  type GuardFileConfig,
  type GuardRuleId,
  type GuardRuleSettings,
  settingsForCourse,
} from "./config.ts";
import type { GuardCounters } from "./counters.ts";
import {
  GuardEngine,
  type GuardListener,
  type GuardLogger,
  type GuardRuleSet,
  type TopicCentroidSource,
} from "./engine.ts";
import { compilePatterns } from "./match.ts";
import { abuseRule } from "./rules/abuse/index.ts";
import { academicIntegrityRule } from "./rules/academic-integrity/index.ts";
import { citationsRule } from "./rules/citations.ts";
import { groundingRule } from "./rules/grounding.ts";
import { injectionRule } from "./rules/injection/index.ts";
import { offTopicRule } from "./rules/off-topic.ts";
import { piiInputRule, piiOutputRule } from "./rules/pii.ts";
import { promptLeakRule } from "./rules/prompt-leak.ts";
import { sizeRule } from "./rules/size.ts";
import { wellbeingRule } from "./rules/wellbeing.ts";
import type { GuardRule } from "./types.ts";

type PatternRuleId = "input.injection" | "input.abuse" | "input.academic_integrity" | "output.prompt_leak";

/**
 * The rules of one course, in the order they run. Input: size first (cheap), PII redaction
 * (runs even after a refusal, so nothing unredacted is stored), then injection, wellbeing, abuse and
 * academic integrity (a request to cheat that is also an injection is refused as an injection).
 * Output: leaks first, then citations, grounding, and PII last over the final text.
 * Each rule merges the course's settings with its own defaults.
 */
export function createCourseRules(
  settings: GuardRuleSettings,
  protectedTexts: readonly string[] = [],
): GuardRule[] {
  const pii = settings["input.pii"];
  const leak = settings["output.prompt_leak"];
  const extraPatterns = (id: PatternRuleId) => compilePatterns(settings[id]?.extraPatterns ?? []);
  const rules: [GuardRuleId, () => GuardRule][] = [
    ["input.size", () => sizeRule(settings["input.size"])],
    ["input.pii", () => piiInputRule(pii)],
    [
      "input.injection",
      () =>
        injectionRule({ ...settings["input.injection"], extraPatterns: extraPatterns("input.injection") }),
    ],
    // A student in distress gets a supportive reply before any other rule judges the message.
    ["input.wellbeing", () => wellbeingRule(settings["input.wellbeing"])],
    [
      "input.abuse",
      () => abuseRule({ ...settings["input.abuse"], extraPatterns: extraPatterns("input.abuse") }),
    ],
    [
      "input.academic_integrity",
      () =>
        academicIntegrityRule({
          ...settings["input.academic_integrity"],
          extraPatterns: extraPatterns("input.academic_integrity"),
        }),
    ],
    ["input.off_topic", () => offTopicRule(settings["input.off_topic"])],
    [
      "output.prompt_leak",
      () =>
        promptLeakRule({
          ...leak,
          protectedTexts: [...protectedTexts, ...(leak?.protectedTexts ?? [])],
          extraPatterns: extraPatterns("output.prompt_leak"),
        }),
    ],
    ["output.citations", () => citationsRule(settings["output.citations"])],
    ["output.grounding", () => groundingRule(settings["output.grounding"])],
    ["output.pii", () => piiOutputRule(pii)],
  ];
  return rules.filter(([id]) => settings[id]?.enabled !== false).map(([, create]) => create());
}

/**
 * Builds (once per course) and caches each course's rules from the configuration and the course's
 * own overrides; new overrides rebuild that course's rules, the same ones change nothing.
 */
export function createRuleSet(config: GuardFileConfig, protectedTexts: readonly string[] = []): GuardRuleSet {
  const cache = new Map<string, GuardRule[]>();
  const overrides = new Map<string, { key: string; rules: GuardRuleSettings }>();
  return {
    rulesFor(course) {
      let rules = cache.get(course);
      if (!rules) {
        const own = overrides.get(course)?.rules;
        rules = createCourseRules(settingsForCourse(config, course, own), protectedTexts);
        cache.set(course, rules);
      }
      return rules;
    },
    override(course, rules) {
      const key = JSON.stringify(rules ?? {});
      if ((overrides.get(course)?.key ?? "{}") === key) return;
      if (rules && key !== "{}") overrides.set(course, { key, rules });
      else overrides.delete(course);
      cache.delete(course);
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
  return new GuardEngine(createRuleSet(setup.config, setup.protectedTexts), setup.listeners ?? [], {
    log: setup.log,
    centroids: setup.centroids,
    counters: setup.counters,
  });
}

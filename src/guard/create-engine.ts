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
import { type ExemplarLibrary, loadExemplarLibrary } from "./exemplars/library.ts";
import { createExemplarRules, type FamilyVerdict } from "./exemplars/rule.ts";
import type { ExemplarFamily, GuardEmbedder } from "./exemplars/types.ts";
import { ExemplarVectors } from "./exemplars/vectors.ts";
import { compilePatterns } from "./match.ts";
import { abuseRule, defaultAbuseRefusal } from "./rules/abuse/index.ts";
import {
  academicIntegrityRule,
  defaultIntegrityRefusal,
  integrityTopic,
} from "./rules/academic-integrity/index.ts";
import { citationsRule } from "./rules/citations.ts";
import { groundingRule } from "./rules/grounding.ts";
import { defaultInjectionRefusal, injectionRule } from "./rules/injection/index.ts";
import { defaultOffTopicRefusal, offTopicRule } from "./rules/off-topic/index.ts";
import { piiInputRule, piiOutputRule } from "./rules/pii.ts";
import { defaultPrivacyRefusal, privacyRule } from "./rules/privacy/index.ts";
import { promptLeakRule } from "./rules/prompt-leak.ts";
import { sizeRule } from "./rules/size.ts";
import { wellbeingRule } from "./rules/wellbeing.ts";
import type { GuardRule } from "./types.ts";

type PatternRuleId =
  | "input.injection"
  | "input.abuse"
  | "input.privacy"
  | "input.academic_integrity"
  | "output.prompt_leak";

/** What the semantic exemplar rules need beyond the settings: the library and the vector cache. */
export interface ExemplarSetup {
  library: ExemplarLibrary;
  vectors: ExemplarVectors;
}

/** Each exemplar family speaks for its rule, with the rule's reply (the course's wording first). */
function exemplarFamilies(settings: GuardRuleSettings): Partial<Record<ExemplarFamily, FamilyVerdict>> {
  const families: Partial<Record<ExemplarFamily, FamilyVerdict>> = {};
  const add = (
    family: ExemplarFamily,
    rule: GuardRuleId,
    fallback: string,
    extra: Partial<FamilyVerdict> = {},
  ) => {
    const ruleSettings = settings[rule] as { enabled?: boolean; refusal?: string } | undefined;
    if (ruleSettings?.enabled === false) return;
    families[family] = { rule, reason: ruleSettings?.refusal ?? fallback, ...extra };
  };
  add("injection", "input.injection", defaultInjectionRefusal);
  add("abuse", "input.abuse", defaultAbuseRefusal);
  add("privacy", "input.privacy", defaultPrivacyRefusal);
  add("academic_integrity", "input.academic_integrity", defaultIntegrityRefusal, {
    redirect: "hint",
    searchText: integrityTopic,
  });
  add("off_topic", "input.off_topic", defaultOffTopicRefusal, { redirect: "off_topic" });
  return families;
}

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
  exemplars?: ExemplarSetup,
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
      "input.privacy",
      () => privacyRule({ ...settings["input.privacy"], extraPatterns: extraPatterns("input.privacy") }),
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
  const built = rules.filter(([id]) => settings[id]?.enabled !== false).map(([, create]) => create());
  if (!exemplars || settings["input.exemplars"]?.enabled === false) return built;
  // The meaning rules run after the patterns of their stage (the engine runs them in a second pass).
  const semantic = createExemplarRules({
    library: exemplars.library,
    vectors: exemplars.vectors,
    settings: settings["input.exemplars"],
    families: exemplarFamilies(settings),
  });
  return built.concat(semantic);
}

/**
 * Builds (once per course) and caches each course's rules from the configuration and the course's
 * own overrides; new overrides rebuild that course's rules, the same ones change nothing.
 */
export function createRuleSet(
  config: GuardFileConfig,
  protectedTexts: readonly string[] = [],
  exemplars?: ExemplarSetup,
): GuardRuleSet {
  const cache = new Map<string, GuardRule[]>();
  const overrides = new Map<string, { key: string; rules: GuardRuleSettings }>();
  return {
    rulesFor(course) {
      let rules = cache.get(course);
      if (!rules) {
        const own = overrides.get(course)?.rules;
        rules = createCourseRules(settingsForCourse(config, course, own), protectedTexts, exemplars);
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
  /** Embeds messages and exemplars; without it the semantic exemplar rules abstain. */
  embedder?: GuardEmbedder;
  /** The exemplar library (default: the shipped config/guard-exemplars/); false leaves the rules out. */
  exemplars?: ExemplarLibrary | false;
}

export function createGuardEngine(setup: GuardEngineSetup): GuardEngine {
  const library = setup.exemplars === false ? undefined : (setup.exemplars ?? loadExemplarLibrary());
  const exemplars = library ? { library, vectors: new ExemplarVectors() } : undefined;
  return new GuardEngine(
    createRuleSet(setup.config, setup.protectedTexts, exemplars),
    setup.listeners ?? [],
    { log: setup.log, centroids: setup.centroids, counters: setup.counters, embedder: setup.embedder },
  );
}

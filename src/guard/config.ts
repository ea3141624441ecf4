import { readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { packageRoot } from "../core/paths.ts";
import { exemplarSchema, familyThresholdsSchema } from "./exemplars/library.ts";
import { EXEMPLAR_FAMILIES } from "./exemplars/types.ts";

/**
 * The guard configuration file: which rules run, their thresholds, extra patterns and refusal
 * wording, with per-course overrides. JSON or YAML, validated with zod. A course's settings are
 * the defaults with the course's overrides on top: scalars replace, pattern and question lists add.
 */

const regexSource = z
  .string()
  .min(1)
  .max(500)
  .refine(
    (source) => {
      try {
        new RegExp(source, "iu");
        return true;
      } catch {
        return false;
      }
    },
    { message: "not a valid regular expression" },
  );
const wording = z.string().trim().min(1).max(1_000);
const share = z.number().min(0).max(1);

const base = {
  enabled: z.boolean().optional(),
  /** Replaces the rule's student-facing refusal wording. */
  refusal: wording.optional(),
};

export const piiKinds = ["email", "phone", "student_id", "card", "ssn"] as const;

const ruleSchemas = {
  "input.size": z
    .object({
      ...base,
      maxChars: z.number().int().min(1).max(64_000).optional(),
      maxControlShare: share.optional(),
    })
    .strict(),
  "input.pii": z
    .object({
      ...base,
      kinds: z.array(z.enum(piiKinds)).optional(),
      studentIdPatterns: z.array(regexSource).optional(),
      placeholders: z
        .object(Object.fromEntries(piiKinds.map((k) => [k, wording.optional()])))
        .strict()
        .optional(),
    })
    .strict(),
  "input.injection": z.object({ ...base, extraPatterns: z.array(regexSource).optional() }).strict(),
  "input.abuse": z.object({ ...base, extraPatterns: z.array(regexSource).optional() }).strict(),
  "input.privacy": z.object({ ...base, extraPatterns: z.array(regexSource).optional() }).strict(),
  "input.exemplars": z
    .object({
      enabled: z.boolean().optional(),
      /** Exemplars this course adds to the shipped ones. */
      add: z.array(exemplarSchema).max(5_000).optional(),
      /** Shipped exemplars this course drops, by id or by exact text. */
      remove: z.array(z.string().min(1).max(2_000)).optional(),
      /** Per family, replaces the fitted thresholds (for every embedding model). */
      thresholds: z
        .object(
          Object.fromEntries(EXEMPLAR_FAMILIES.map((f) => [f, familyThresholdsSchema.partial().optional()])),
        )
        .strict()
        .optional(),
    })
    .strict(),
  "input.wellbeing": z.object({ ...base }).strict(),
  "input.academic_integrity": z
    .object({
      ...base,
      extraPatterns: z.array(regexSource).optional(),
      gradedQuestions: z.array(z.string().trim().min(10).max(4_000)).optional(),
      minQuestionOverlap: share.optional(),
    })
    .strict(),
  "input.off_topic": z
    .object({
      ...base,
      maxCentroidSimilarity: z.number().min(-1).max(1).optional(),
      maxTopSimilarity: z.number().min(-1).max(1).optional(),
      maxKnownTermShare: share.optional(),
      maxKnownTermShareInDomain: share.optional(),
    })
    .strict(),
  "output.prompt_leak": z
    .object({
      ...base,
      extraPatterns: z.array(regexSource).optional(),
      protectedTexts: z.array(z.string().min(1)).optional(),
    })
    .strict(),
  "output.citations": z.object({ ...base }).strict(),
  "output.grounding": z
    .object({
      ...base,
      minSupport: share.optional(),
      action: z.enum(["drop", "mark"]).optional(),
      marker: wording.optional(),
    })
    .strict(),
  "output.pii": z.object({ ...base }).strict(),
};

export type GuardRuleId = keyof typeof ruleSchemas;
export const guardRuleIds = Object.keys(ruleSchemas) as GuardRuleId[];

/** Rule settings by rule id: the defaults, a course's overrides in the file, or a course's own in its settings. */
export const guardRulesSchema = z.object(ruleSchemas).partial().strict();
const rulesSchema = guardRulesSchema;
export type GuardRuleSettings = z.infer<typeof rulesSchema>;

const courseSchema = z.object({ rules: rulesSchema.default({}) }).strict();

export const guardFileSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    defaults: courseSchema.default({ rules: {} }),
    courses: z.record(z.string().min(1).max(100), courseSchema).default({}),
  })
  .strict();

export type GuardFileConfig = z.infer<typeof guardFileSchema>;

export class GuardConfigError extends Error {
  override name = "GuardConfigError";
}

/** The configuration shipped with the tutor. */
export const defaultGuardConfigPath = path.join(packageRoot, "config", "guard.json");

/** Parses and validates configuration text; `source` names the file in error messages. */
export function parseGuardConfig(text: string, source: string): GuardFileConfig {
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(source) ? YAML.parse(text) : JSON.parse(text);
  } catch (error) {
    throw new GuardConfigError(`${source}: cannot parse (${(error as Error).message})`);
  }
  const parsed = guardFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new GuardConfigError(`${source}: invalid guard configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

/** Reads the guard configuration: the given file (GUARD_CONFIG), else the shipped default. */
export function loadGuardConfig(file: string | undefined): GuardFileConfig {
  const location = file ? path.resolve(file) : defaultGuardConfigPath;
  let text: string;
  try {
    text = readFileSync(location, "utf8");
  } catch (error) {
    throw new GuardConfigError(`cannot read guard configuration ${location}: ${(error as Error).message}`);
  }
  return parseGuardConfig(text, location);
}

const LIST_KEYS = new Set([
  "extraPatterns",
  "gradedQuestions",
  "studentIdPatterns",
  "protectedTexts",
  "add",
  "remove",
]);
// Keyed settings merged key by key (one level deep): a course sets one placeholder or one family.
const KEYED_KEYS = new Set(["placeholders", "thresholds"]);

function mergeRule<T extends Record<string, unknown>>(
  base: T | undefined,
  override: T | undefined,
): T | undefined {
  if (!override) return base;
  if (!base) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const previous = merged[key];
    if (LIST_KEYS.has(key) && Array.isArray(previous) && Array.isArray(value))
      merged[key] = [...previous, ...value];
    else if (KEYED_KEYS.has(key) && typeof previous === "object" && previous && typeof value === "object") {
      merged[key] = mergeKeyed(previous as Record<string, unknown>, value as Record<string, unknown>);
    } else merged[key] = value;
  }
  return merged as T;
}

function mergeKeyed(
  base: Record<string, unknown>,
  override: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const previous = merged[key];
    merged[key] =
      typeof previous === "object" && previous && typeof value === "object" && value
        ? { ...previous, ...value }
        : value;
  }
  return merged;
}

/**
 * A course's rule settings: the defaults with the course's overrides in the file applied, then
 * the overrides instructors set in the course's settings (the console), the same way.
 */
export function settingsForCourse(
  config: GuardFileConfig,
  course: string,
  courseOverrides: GuardRuleSettings = {},
): GuardRuleSettings {
  const overrides = config.courses[course]?.rules ?? {};
  const out: Record<string, unknown> = {};
  for (const id of guardRuleIds) {
    const fromFile = mergeRule(
      config.defaults.rules[id] as Record<string, unknown> | undefined,
      overrides[id] as Record<string, unknown> | undefined,
    );
    const merged = mergeRule(fromFile, courseOverrides[id] as Record<string, unknown> | undefined);
    if (merged) out[id] = merged;
  }
  return out as GuardRuleSettings;
}

import { z } from "zod";
import type { CoursePolicy, TutorMode } from "../core/chat.ts";
import { tutorModeSchema } from "../core/schemas.ts";
import { allowedOriginsSchema } from "./allowed-origins.ts";

/**
 * A course's own settings, kept in `courses.settings` (jsonb) beside its title: the pages that may
 * embed the widget, its Slack channels, the week release schedule, guard overrides, the default
 * tutor mode and whether an LLM writes its answers. Every key is optional; a missing key means
 * the deployment's default.
 */

const slackId = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{2,30}$/, "Slack ids are capital letters and digits (C0123ABC for a channel)");

/** `2026-09-07` (midnight UTC) or a full ISO date-time with its offset. */
const releaseDate = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    "use a date: 2026-09-07",
  )
  .refine(isRealDate, "not a real date");

/** Date.parse rolls 2026-02-30 over to March; a release date must name a day that exists. */
function isRealDate(value: string): boolean {
  const day = value.slice(0, 10);
  return !Number.isNaN(Date.parse(value)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

export const releaseScheduleSchema = z
  .array(z.object({ week: z.number().int().min(0).max(60), from: releaseDate }).strict())
  .max(61)
  .refine((weeks) => new Set(weeks.map((w) => w.week)).size === weeks.length, "each week appears once")
  .transform((weeks) => [...weeks].sort((a, b) => a.week - b.week));

export type ReleaseSchedule = z.infer<typeof releaseScheduleSchema>;

export const slackSettingsSchema = z
  .object({
    channels: z.array(slackId).max(200).default([]),
    teams: z.array(slackId).max(20).default([]),
  })
  .strict();

/**
 * A change to a course's settings. `null` removes a key (back to the default). `guard` takes the
 * guard configuration's per-rule settings; its schema comes from the guard (passed in).
 */
export function createSettingsChangeSchema(guardRules: z.ZodType) {
  return z
    .object({
      title: z.string().trim().max(200).optional(),
      allowedOrigins: allowedOriginsSchema.nullable().optional(),
      slack: slackSettingsSchema.nullable().optional(),
      releases: releaseScheduleSchema.nullable().optional(),
      guard: guardRules.nullable().optional(),
      defaultMode: tutorModeSchema.nullable().optional(),
      llm: z.boolean().nullable().optional(),
    })
    .strict();
}

export type SettingsChange = z.infer<ReturnType<typeof createSettingsChangeSchema>>;

/** The settings in force for a course, defaults filled in. */
export interface CourseSettings {
  title: string;
  archived: boolean;
  /** The course's own list; null when it uses the deployment's `WIDGET_ALLOWED_ORIGINS`. */
  allowedOrigins: string[] | null;
  slack: { channels: string[]; teams: string[] };
  releases: ReleaseSchedule;
  guard: Record<string, unknown>;
  defaultMode: TutorMode;
  llm: boolean;
}

const storedSchema = z.object({
  allowedOrigins: z.array(z.string()).nullable().optional().catch(undefined),
  slack: slackSettingsSchema.optional().catch(undefined),
  releases: releaseScheduleSchema.optional().catch(undefined),
  guard: z.record(z.string(), z.unknown()).optional().catch(undefined),
  defaultMode: tutorModeSchema.optional().catch(undefined),
  llm: z.boolean().optional().catch(undefined),
});

/**
 * Reads stored settings leniently: a hand-edited key that does not parse falls back to its
 * default (for allowed origins, readAllowedOrigins treats that as "no extra origins").
 */
export function readCourseSettings(stored: {
  title: string;
  settings: Record<string, unknown>;
  archivedAt: string | null;
}): CourseSettings {
  const parsed = storedSchema.safeParse(stored.settings);
  const s = parsed.success ? parsed.data : {};
  return {
    title: stored.title,
    archived: stored.archivedAt !== null,
    allowedOrigins: s.allowedOrigins ?? null,
    slack: s.slack ?? { channels: [], teams: [] },
    releases: s.releases ?? [],
    guard: s.guard ?? {},
    defaultMode: s.defaultMode ?? "explain",
    llm: s.llm ?? true,
  };
}

/**
 * The latest week students may see at `now`: the highest week whose release date has come. Before
 * the first release, the week before the first listed one (material without a week stays
 * visible). Undefined when the course has no schedule: every week is visible.
 */
export function visibleWeek(releases: ReleaseSchedule, now: Date): number | undefined {
  if (releases.length === 0) return undefined;
  const released = releases.filter((r) => releaseTime(r.from) <= now.getTime()).map((r) => r.week);
  if (released.length > 0) return Math.max(...released);
  return Math.min(...releases.map((r) => r.week)) - 1;
}

/** A bare date is midnight UTC; a date-time keeps its own offset. */
function releaseTime(value: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

export function policyOf(settings: CourseSettings, now: Date): CoursePolicy {
  const week = visibleWeek(settings.releases, now);
  return {
    ...(week !== undefined ? { week } : {}),
    defaultMode: settings.defaultMode,
    llm: settings.llm,
    archived: settings.archived,
  };
}

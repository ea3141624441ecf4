import { describe, expect, it } from "vitest";
import {
  createSettingsChangeSchema,
  policyOf,
  readCourseSettings,
  visibleWeek,
} from "../../src/courses/index.ts";
import { guardRulesSchema } from "../../src/guard/index.ts";

const schedule = [
  { week: 1, from: "2026-09-07" },
  { week: 2, from: "2026-09-14" },
  { week: 3, from: "2026-09-21T09:00:00+02:00" },
];

describe("the week release schedule", () => {
  it("shows the weeks whose date has come, and hides the rest", () => {
    expect(visibleWeek(schedule, new Date("2026-09-10T12:00:00Z"))).toBe(1);
    expect(visibleWeek(schedule, new Date("2026-09-14T00:00:00Z"))).toBe(2);
    // A date-time keeps its offset: 09:00 in UTC+2 is 07:00 UTC.
    expect(visibleWeek(schedule, new Date("2026-09-21T06:59:00Z"))).toBe(2);
    expect(visibleWeek(schedule, new Date("2026-09-21T07:00:00Z"))).toBe(3);
    expect(visibleWeek(schedule, new Date("2027-01-01T00:00:00Z"))).toBe(3);
  });

  it("shows no week before the first release, and every week without a schedule", () => {
    expect(visibleWeek(schedule, new Date("2026-09-01T00:00:00Z"))).toBe(0);
    expect(visibleWeek([], new Date())).toBeUndefined();
  });

  it("is validated: real dates, each week once, sorted", () => {
    const change = createSettingsChangeSchema(guardRulesSchema);
    expect(change.safeParse({ releases: [{ week: 1, from: "2026-02-30" }] }).success).toBe(false);
    expect(change.safeParse({ releases: [{ week: 1, from: "next monday" }] }).success).toBe(false);
    expect(
      change.safeParse({
        releases: [
          { week: 2, from: "2026-09-14" },
          { week: 2, from: "2026-09-15" },
        ],
      }).success,
    ).toBe(false);
    const parsed = change.parse({ releases: [schedule[2], schedule[0]] });
    expect(parsed.releases?.map((r) => r.week)).toEqual([3, 1].sort());
  });

  it("takes guard overrides only in the guard configuration's shape", () => {
    const change = createSettingsChangeSchema(guardRulesSchema);
    expect(change.safeParse({ guard: { "input.off_topic": { enabled: false } } }).success).toBe(true);
    expect(change.safeParse({ guard: { "input.nonsense": { enabled: false } } }).success).toBe(false);
    expect(change.safeParse({ guard: { "input.injection": { extraPatterns: ["(unclosed"] } } }).success).toBe(
      false,
    );
  });
});

describe("stored course settings", () => {
  it("fall back to the defaults key by key when a hand-edited value does not parse", () => {
    const settings = readCourseSettings({
      title: "ML",
      archivedAt: null,
      settings: { defaultMode: "shout", llm: false, releases: "soon", slack: { channels: ["C0123"] } },
    });
    expect(settings).toMatchObject({
      defaultMode: "explain",
      llm: false,
      releases: [],
      slack: { channels: ["C0123"], teams: [] },
      allowedOrigins: null,
      archived: false,
    });
    const policy = policyOf({ ...settings, releases: schedule }, new Date("2026-09-15T00:00:00Z"));
    expect(policy).toEqual({ week: 2, defaultMode: "explain", llm: false, archived: false });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../src/db/db.ts";
import { createCourseLookup } from "../../../src/surfaces/slack/courses.ts";
import { openEmptyDb } from "../../helpers/db.ts";

describe("which course a Slack channel or workspace asks about", () => {
  let db: Db;

  beforeAll(async () => {
    db = await openEmptyDb();
    const courses: [string, unknown][] = [
      ["aie101", {}],
      ["ml200", { slack: { channels: ["CML200"], teams: ["TSCHOOL"] } }],
      ["stats150", { slack: { teams: ["TSTATS"] } }],
    ];
    for (const [id, settings] of courses) {
      await db.query("INSERT INTO courses (id, settings) VALUES ($1, $2::jsonb)", [
        id,
        JSON.stringify(settings),
      ]);
    }
  });
  afterAll(() => db.close());

  const lookup = () =>
    createCourseLookup({
      db,
      configured: { CENV: "stats150", CML200: "aie101", TENV: "ml200" },
      defaultCourse: "aie101",
    });

  it("prefers a channel named in a course's settings over everything else", async () => {
    expect(await lookup().courseFor({ teamId: "TSTATS", channelId: "CML200" })).toBe("ml200");
  });

  it("then a channel from SLACK_COURSES, even inside a workspace a course claims", async () => {
    expect(await lookup().courseFor({ teamId: "TSCHOOL", channelId: "CENV" })).toBe("stats150");
  });

  it("then the workspace from course settings, then from SLACK_COURSES", async () => {
    expect(await lookup().courseFor({ teamId: "TSCHOOL", channelId: "COTHER" })).toBe("ml200");
    expect(await lookup().courseFor({ teamId: "TSTATS", channelId: "COTHER" })).toBe("stats150");
    expect(await lookup().courseFor({ teamId: "TENV", channelId: "COTHER" })).toBe("ml200");
  });

  it("falls back to the default course", async () => {
    expect(await lookup().courseFor({ teamId: "TNOBODY", channelId: "CNOBODY" })).toBe("aie101");
  });
});

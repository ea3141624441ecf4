import { describe, expect, it } from "vitest";
import { pseudonym } from "../../../src/courses/escalations/pseudonym.ts";
import { studentOf } from "../../../src/courses/escalations/queue.ts";

describe("pseudonym", () => {
  it("is stable for a student within a course and unrelated across courses", () => {
    const a = pseudonym("salt-of-aie101", "slack:T1:U123");
    expect(a).toMatch(/^[A-Z][a-z]+ [0-9A-F]{5}$/);
    expect(pseudonym("salt-of-aie101", "slack:T1:U123")).toBe(a);
    expect(pseudonym("salt-of-bio200", "slack:T1:U123")).not.toBe(a);
    expect(pseudonym("salt-of-aie101", "slack:T1:U124")).not.toBe(a);
  });

  it("gives different names to 300 students of one course", () => {
    const names = new Set(Array.from({ length: 300 }, (_, i) => pseudonym("one-course", `session:${i}`)));
    expect(names.size).toBe(300);
  });

  it("shows the Slack user only when the course shows names, and never a widget session", () => {
    const hidden = studentOf("slack:T1:U123", { salt: "s", showNames: false });
    expect(hidden).toEqual({ pseudonym: pseudonym("s", "slack:T1:U123") });
    expect(studentOf("slack:T1:U123", { salt: "s", showNames: true }).slackUserId).toBe("U123");
    expect(studentOf("session:0b7e", { salt: "s", showNames: true })).toEqual({
      pseudonym: pseudonym("s", "session:0b7e"),
    });
  });
});

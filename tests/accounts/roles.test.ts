import { describe, expect, it } from "vitest";
import { can, mayInvite, type Principal, roleIn, visibleCourses } from "../../src/accounts/index.ts";

type Memberships = Extract<Principal, { kind: "user" }>["memberships"];

function person(admin: boolean, memberships: Memberships): Principal {
  return {
    kind: "user",
    user: { id: "u1", email: "x@example.edu", name: "", isAdmin: admin, createdAt: "", lastLoginAt: null },
    memberships,
    csrfToken: "t",
    sessionHash: "h",
  };
}

describe("roles", () => {
  const token: Principal = { kind: "token" };
  const admin = person(true, []);
  const instructor = person(false, [{ course: "ml200", role: "instructor" }]);
  const ta = person(false, [
    { course: "ml200", role: "ta" },
    { course: "bio100", role: "ta" },
  ]);

  it("lets admins (and the admin token) do everything everywhere", () => {
    for (const p of [token, admin]) {
      expect(roleIn(p, "anything")).toBe("admin");
      expect(can(p, "manage", "anything")).toBe(true);
      expect(visibleCourses(p)).toBeNull();
      expect(mayInvite(p, "admin", null)).toBe(true);
    }
  });

  it("lets instructors do everything in their courses and nothing elsewhere", () => {
    expect(can(instructor, "manage", "ml200")).toBe(true);
    expect(can(instructor, "view", "bio100")).toBe(false);
    expect(visibleCourses(instructor)).toEqual(["ml200"]);
    expect(mayInvite(instructor, "ta", "ml200")).toBe(true);
    expect(mayInvite(instructor, "instructor", "ml200")).toBe(true);
    expect(mayInvite(instructor, "ta", "bio100")).toBe(false);
    expect(mayInvite(instructor, "admin", null)).toBe(false);
  });

  it("lets TAs view and answer in their courses, never manage or invite", () => {
    expect(can(ta, "view", "ml200")).toBe(true);
    expect(can(ta, "answer", "bio100")).toBe(true);
    expect(can(ta, "manage", "ml200")).toBe(false);
    expect(can(ta, "view", "chem300")).toBe(false);
    expect(mayInvite(ta, "ta", "ml200")).toBe(false);
    expect(visibleCourses(ta)).toEqual(["ml200", "bio100"]);
  });
});

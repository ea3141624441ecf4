import type { CourseRole, StaffMembership, StaffUser } from "../db/index.ts";

/**
 * Who is making an admin request: a script with the admin token (or the CLI with the data-folder
 * lock's token), or a person signed in to the console.
 */
export type Principal =
  | { kind: "token" }
  | {
      kind: "user";
      user: StaffUser;
      memberships: StaffMembership[];
      /** The session's CSRF token, which state-changing requests must echo. */
      csrfToken: string;
      sessionHash: string;
    };

/**
 * What a request does to a course: `view` (read its overview, material, insights, eval reports,
 * ask in the playground), `answer` (reply to students' questions for staff), `manage` (settings,
 * material, ingestion, evals, staff, archiving and deleting it).
 */
export type CourseAction = "view" | "answer" | "manage";

export type StaffRole = "admin" | CourseRole;

export function isAdmin(principal: Principal): boolean {
  return principal.kind === "token" || principal.user.isAdmin;
}

/** The principal's role in a course: admin everywhere, else their membership, else none. */
export function roleIn(principal: Principal, course: string): StaffRole | undefined {
  if (isAdmin(principal)) return "admin";
  if (principal.kind !== "user") return undefined;
  return principal.memberships.find((m) => m.course === course)?.role;
}

/** Admins and instructors may do everything in a course; TAs may view it and answer questions. */
export function can(principal: Principal, action: CourseAction, course: string): boolean {
  const role = roleIn(principal, course);
  if (role === "admin" || role === "instructor") return true;
  return role === "ta" && action !== "manage";
}

/** The courses the principal sees; null means every course (admins). */
export function visibleCourses(principal: Principal): string[] | null {
  if (isAdmin(principal) || principal.kind !== "user") return null;
  return principal.memberships.map((m) => m.course);
}

/** Which roles the principal may hand out in a course: admins any, instructors instructor and TA. */
export function mayInvite(principal: Principal, role: StaffRole, course: string | null): boolean {
  if (isAdmin(principal)) return true;
  if (role === "admin" || course === null) return false;
  return roleIn(principal, course) === "instructor";
}

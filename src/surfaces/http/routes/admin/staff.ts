import { type Context, Hono } from "hono";
import { z } from "zod";
import { can, mayInvite, type Principal, visibleCourses } from "../../../../accounts/index.ts";
import { readJsonBody } from "../../body.ts";
import { ApiError } from "../../errors.ts";
import { principalOf, requireAdmin } from "../../middleware/admin-access.ts";
import { courseIdSchema } from "../../schemas.ts";
import { type AdminContext, parseQuery } from "./context.ts";

const inviteSchema = z
  .object({
    email: z.string().trim().min(3).max(254).email("not an email address"),
    role: z.enum(["admin", "instructor", "ta"]),
    course: courseIdSchema.optional(),
  })
  .strict()
  .refine((body) => (body.role === "admin") === (body.course === undefined), {
    message: "an instructor or TA invite names its course; an admin invite names none",
    path: ["course"],
  });

const listQuerySchema = z.object({ course: courseIdSchema.optional() });

/**
 * Staff: invites (one-time links; admins invite anyone, instructors invite instructors and TAs to
 * their courses), a course's staff, and every account (admins).
 */
export function staffRoutes(admin: AdminContext): Hono {
  const app = new Hono();
  const { accounts } = admin;

  app.post("/admin/invites", async (c) => {
    const principal = principalOf(c);
    const body = await readJsonBody(c, inviteSchema);
    const course = body.course ?? null;
    if (!mayInvite(principal, body.role, course))
      throw new ApiError(
        403,
        "forbidden",
        "Only admins, and instructors for their own courses, may invite staff.",
      );
    if (course && !(await admin.courses.find(course)))
      throw new ApiError(404, "unknown_course", `unknown course "${course}"`);
    const { token, invite } = await accounts.invite({
      email: body.email,
      role: body.role,
      course,
      invitedBy: principal.kind === "user" ? principal.user.id : null,
    });
    return c.json({ invite, token, link: inviteLink(c, admin, token) }, 201);
  });

  app.get("/admin/invites", async (c) => {
    const principal = principalOf(c);
    const { course } = parseQuery(c, listQuerySchema);
    const courses = course ? [course] : manageableCourses(principal);
    if (course && !can(principal, "manage", course))
      throw new ApiError(403, "forbidden", `You may not manage the staff of course "${course}".`);
    return c.json({ invites: await accounts.listInvites(courses) });
  });

  app.delete("/admin/invites/:inviteId", async (c) => {
    const principal = principalOf(c);
    const invite = await accounts.findInvite(c.req.param("inviteId"));
    if (!invite) throw new ApiError(404, "unknown_invite", "no open invite with that id");
    if (!mayInvite(principal, invite.role, invite.course))
      throw new ApiError(403, "forbidden", "You may not revoke this invite.");
    await accounts.revokeInvite(invite.id);
    return c.json({ revoked: invite.id });
  });

  app.get("/admin/courses/:id/staff", async (c) => {
    const course = await admin.requireCourse(c, "view");
    return c.json({ course: course.id, staff: await accounts.staffOf(course.id) });
  });

  app.delete("/admin/courses/:id/staff/:userId", async (c) => {
    const course = await admin.requireCourse(c, "manage");
    const userId = c.req.param("userId");
    if (!(await accounts.removeStaff(userId, course.id)))
      throw new ApiError(404, "unknown_staff", `no such staff member in course "${course.id}"`);
    return c.json({ course: course.id, removed: userId });
  });

  app.get("/admin/users", async (c) => {
    requireAdmin(c);
    return c.json({ users: await accounts.listUsers() });
  });

  return app;
}

/** Courses whose staff the principal manages; null means every course. */
function manageableCourses(principal: Principal): string[] | null {
  const visible = visibleCourses(principal);
  if (visible === null || principal.kind !== "user") return visible;
  return principal.memberships.filter((m) => m.role === "instructor").map((m) => m.course);
}

/** The console address that accepts an invite: the token travels in the fragment, never to a server log. */
function inviteLink(c: Context, admin: AdminContext, token: string): string {
  const base = admin.deps.publicBaseUrl ?? new URL(c.req.url).origin;
  return new URL(`/console/#/accept/${token}`, base).toString();
}

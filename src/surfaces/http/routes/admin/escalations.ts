import { type Context, Hono } from "hono";
import { z } from "zod";
import { roleIn } from "../../../../accounts/index.ts";
import { escalationStatusSchema } from "../../../../core/schemas.ts";
import type { Escalations } from "../../../../courses/index.ts";
import { readJsonBody } from "../../body.ts";
import { ApiError } from "../../errors.ts";
import { principalOf } from "../../middleware/admin-access.ts";
import { type AdminContext, flag, parseQuery } from "./context.ts";

const queueQuerySchema = z.object({
  status: escalationStatusSchema.default("open"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const answerBodySchema = z
  .object({
    answer: z.string().trim().min(1, "answer must not be empty").max(8_000),
    addToMaterial: z.boolean(),
    /** Shown with the answer ("teaching assistant", "instructor"); default "teaching staff". */
    role: z.string().trim().min(1).max(60).optional(),
    /** The question as the course material should word it; default: the first student's. */
    question: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

const dismissBodySchema = z.object({ reason: z.string().trim().max(500).optional() }).strict();

const settingsBodySchema = z
  .object({
    autoEscalate: z.boolean(),
    staffSlackChannel: z
      .string()
      .regex(/^[CG][A-Z0-9]{2,30}$/, "a Slack channel id such as C0123ABCD")
      .nullable(),
    showStudentNames: z.boolean(),
  })
  .strict();

const staffAnswerEditSchema = z
  .object({
    question: z.string().trim().min(1).max(500).optional(),
    answer: z.string().trim().min(1).max(8_000).optional(),
  })
  .strict()
  .refine((edit) => edit.question !== undefined || edit.answer !== undefined, "send a question or an answer");

const staffAnswersQuerySchema = z.object({ retired: flag.default(false) });

/**
 * The staff queue of a course and what hangs off it: listing escalations by status (grouped, with
 * how many others asked), answering or dismissing a group, taking a wrongly grouped question out,
 * the course's escalation settings, and the staff answers kept as course material.
 */
export function escalationAdminRoutes(admin: AdminContext, escalations: Escalations): Hono {
  const app = new Hono();
  const base = "/admin/courses/:id/escalations";

  app.get(base, async (c) => {
    const course = await admin.requireCourse(c, "view");
    const query = parseQuery(c, queueQuerySchema);
    const groups = await escalations.queue(course.id, query.status, query.limit);
    return c.json({ course: course.id, status: query.status, escalations: groups });
  });

  app.get(`${base}/:eid`, async (c) => {
    const course = await admin.requireCourse(c, "view");
    return c.json({ escalation: await escalations.groupOf(course.id, c.req.param("eid")) });
  });

  app.post(`${base}/:eid/answer`, async (c) => {
    const course = await admin.requireCourse(c, "answer");
    const body = await readJsonBody(c, answerBodySchema);
    const staff = staffMember(c, course.id);
    const outcome = await escalations.answer(course.id, c.req.param("eid"), {
      ...body,
      answeredBy: staff.by,
      role: body.role ?? staff.role,
    });
    return c.json({
      escalation: outcome.group,
      staffAnswer: outcome.staffAnswer,
      ...(outcome.materialError ? { materialError: outcome.materialError } : {}),
    });
  });

  app.post(`${base}/:eid/dismiss`, async (c) => {
    const course = await admin.requireCourse(c, "answer");
    const body = await readJsonBody(c, dismissBodySchema);
    const by = staffMember(c, course.id).by;
    const group = await escalations.dismiss(course.id, c.req.param("eid"), { by, ...body });
    return c.json({ escalation: group });
  });

  app.post(`${base}/:eid/detach`, async (c) => {
    const course = await admin.requireCourse(c, "answer");
    return c.json({ escalation: await escalations.detach(course.id, c.req.param("eid")) });
  });

  app.get("/admin/courses/:id/escalation-settings", async (c) => {
    const course = await admin.requireCourse(c, "view");
    return c.json({ course: course.id, settings: await escalations.settings(course.id) });
  });

  app.put("/admin/courses/:id/escalation-settings", async (c) => {
    const course = await admin.requireCourse(c, "manage");
    const body = await readJsonBody(c, settingsBodySchema);
    const settings = await escalations.saveSettings(course.id, body);
    if (!settings) throw new ApiError(404, "unknown_course", `unknown course "${course.id}"`);
    return c.json({ course: course.id, settings });
  });

  app.get("/admin/courses/:id/staff-answers", async (c) => {
    const course = await admin.requireCourse(c, "view");
    const { retired } = parseQuery(c, staffAnswersQuerySchema);
    return c.json({ course: course.id, staffAnswers: await escalations.material.list(course.id, retired) });
  });

  // Staff answers are the staff's own words: whoever may answer may correct or retire them.
  app.put("/admin/courses/:id/staff-answers/:aid", async (c) => {
    const course = await admin.requireCourse(c, "answer");
    const body = await readJsonBody(c, staffAnswerEditSchema);
    return c.json({ staffAnswer: await escalations.material.edit(course.id, c.req.param("aid"), body) });
  });

  app.delete("/admin/courses/:id/staff-answers/:aid", async (c) => {
    const course = await admin.requireCourse(c, "answer");
    return c.json({ staffAnswer: await escalations.material.retire(course.id, c.req.param("aid")) });
  });

  return app;
}

/** Who acts on the queue, as recorded (`admin` for the admin token), and the role an answer shows. */
function staffMember(c: Context, course: string): { by: string; role: string | undefined } {
  const principal = principalOf(c);
  if (principal.kind === "token") return { by: "admin", role: undefined };
  const role = roleIn(principal, course);
  return {
    by: `console:${principal.user.name || principal.user.email}`,
    role: role === "ta" ? "teaching assistant" : role === "instructor" ? "instructor" : undefined,
  };
}

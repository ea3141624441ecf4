import { Hono } from "hono";
import { z } from "zod";
import { allowedOriginsSchema, courseStats, readAllowedOrigins } from "../../../../courses/index.ts";
import { readJsonBody } from "../../body.ts";
import { ApiError } from "../../errors.ts";
import { courseIdSchema } from "../../schemas.ts";
import { type AdminContext, parseQuery } from "./context.ts";

const createCourseSchema = z
  .object({
    id: courseIdSchema,
    title: z.string().trim().max(200).optional(),
    /** Pages allowed to embed the widget (CORS); absent → the deployment's default list. */
    allowedOrigins: allowedOriginsSchema.optional(),
  })
  .strict();

/** `null` removes the course's own list, so the deployment's defaults apply again. */
const originsBodySchema = z.object({ allowedOrigins: allowedOriginsSchema.nullable() }).strict();

const statsQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(3_650).default(30) });

/** Listing and creating courses, a course's details and stats, and its allowed widget origins. */
export function courseRoutes(admin: AdminContext): Hono {
  const app = new Hono();
  const { db, runs } = admin.deps;

  app.get("/admin/courses", async (c) => c.json({ courses: await admin.courses.listLive() }));

  app.post("/admin/courses", async (c) => {
    const body = await readJsonBody(c, createCourseSchema);
    if (!(await admin.courses.create(body.id, body.title ?? "")))
      throw new ApiError(409, "course_exists", `course "${body.id}" already exists`);
    const allowedOrigins = body.allowedOrigins ? await admin.saveOrigins(body.id, body.allowedOrigins) : null;
    c.header("Location", `/admin/courses/${body.id}`);
    return c.json(
      { course: { id: body.id, title: body.title ?? "", allowedOrigins: allowedOrigins || null } },
      201,
    );
  });

  app.get("/admin/courses/:id", async (c) => {
    const course = await admin.requireCourse(c);
    const stats = await courseStats(db, course.id, 30);
    return c.json({
      course: {
        ...stats?.course,
        allowedOrigins: (await readAllowedOrigins(db, course.id)) ?? null,
        material: stats?.material,
        lastIngestion: (await runs.list(course.id, 1))[0] ?? null,
      },
    });
  });

  app.get("/admin/courses/:id/stats", async (c) => {
    const course = await admin.requireCourse(c);
    const { days } = parseQuery(c, statsQuerySchema);
    const stats = await courseStats(db, course.id, days);
    return c.json({ ...stats, lastIngestion: (await runs.list(course.id, 1))[0] ?? null });
  });

  app.put("/admin/courses/:id/origins", async (c) => {
    const course = await admin.requireCourse(c);
    const body = await readJsonBody(c, originsBodySchema);
    const stored = await admin.saveOrigins(course.id, body.allowedOrigins);
    if (stored === false) throw new ApiError(404, "unknown_course", `unknown course "${course.id}"`);
    return c.json({ course: course.id, allowedOrigins: stored });
  });

  return app;
}

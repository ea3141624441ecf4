import { Hono } from "hono";
import { z } from "zod";
import { roleIn, visibleCourses } from "../../../../accounts/index.ts";
import { allowedOriginsSchema, courseStats, readAllowedOrigins } from "../../../../courses/index.ts";
import { CourseAdminRepository, type CourseHealthRow } from "../../../../db/index.ts";
import { readJsonBody } from "../../body.ts";
import { ApiError } from "../../errors.ts";
import { principalOf, requireAdmin } from "../../middleware/admin-access.ts";
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

/** A course as `GET /admin/courses` lists it: the listing's counts plus its health and the viewer's role. */
function listed(
  row: CourseHealthRow,
  role: string | undefined,
  version: number,
  embeddingModel: string | null,
) {
  const rated = row.feedback.up + row.feedback.down;
  return {
    id: row.id,
    title: row.title,
    version,
    embeddingModel,
    documents: row.documents,
    chunks: row.chunks,
    archived: row.archivedAt !== null,
    role: role ?? null,
    health: {
      lastIngestion: row.lastIngestion,
      questionsThisWeek: row.questionsThisWeek,
      feedback: { ...row.feedback, downShare: rated > 0 ? row.feedback.down / rated : null },
    },
  };
}

/** Listing and creating courses, a course's details and stats, and its allowed widget origins. */
export function courseRoutes(admin: AdminContext): Hono {
  const app = new Hono();
  const { db, runs } = admin.deps;
  const health = new CourseAdminRepository(db);

  app.get("/admin/courses", async (c) => {
    const principal = principalOf(c);
    const [rows, live] = await Promise.all([
      health.health(visibleCourses(principal)),
      admin.courses.listLive(),
    ]);
    const versions = new Map(live.map((course) => [course.id, course]));
    return c.json({
      courses: rows.map((row) => {
        const course = versions.get(row.id);
        return listed(row, roleIn(principal, row.id), course?.version ?? 0, course?.embeddingModel ?? null);
      }),
    });
  });

  app.post("/admin/courses", async (c) => {
    requireAdmin(c);
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
    const course = await admin.requireCourse(c, "view");
    const stats = await courseStats(db, course.id, 30);
    return c.json({
      course: {
        ...stats?.course,
        allowedOrigins: (await readAllowedOrigins(db, course.id)) ?? null,
        material: stats?.material,
        lastIngestion: (await runs.list(course.id, 1))[0] ?? null,
        role: roleIn(principalOf(c), course.id) ?? null,
      },
    });
  });

  app.get("/admin/courses/:id/stats", async (c) => {
    const course = await admin.requireCourse(c, "view");
    const { days } = parseQuery(c, statsQuerySchema);
    const stats = await courseStats(db, course.id, days);
    return c.json({ ...stats, lastIngestion: (await runs.list(course.id, 1))[0] ?? null });
  });

  app.put("/admin/courses/:id/origins", async (c) => {
    const course = await admin.requireCourse(c, "manage");
    const body = await readJsonBody(c, originsBodySchema);
    const stored = await admin.saveOrigins(course.id, body.allowedOrigins);
    if (stored === false) throw new ApiError(404, "unknown_course", `unknown course "${course.id}"`);
    return c.json({ course: course.id, allowedOrigins: stored });
  });

  return app;
}

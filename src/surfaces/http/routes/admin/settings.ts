import { Hono } from "hono";
import { z } from "zod";
import { createSettingsChangeSchema, visibleWeek } from "../../../../courses/index.ts";
import { deleteCourse } from "../../../../db/index.ts";
import { guardRuleIds, guardRulesSchema } from "../../../../guard/index.ts";
import { readJsonBody } from "../../body.ts";
import { ApiError } from "../../errors.ts";
import { type AdminContext, parseQuery } from "./context.ts";

const settingsChangeSchema = createSettingsChangeSchema(guardRulesSchema);
const archiveSchema = z.object({ archived: z.boolean() }).strict();
const deleteQuerySchema = z.object({ confirm: z.string().max(64).optional() });

/**
 * A course's settings (title, allowed origins, Slack channels, release schedule, guard overrides,
 * default mode, LLM on or off), archiving it, and deleting it with everything it holds.
 */
export function settingsRoutes(admin: AdminContext): Hono {
  const app = new Hono();
  const { deps, settings } = admin;

  const show = async (course: string) => {
    const current = await settings.get(course);
    if (!current) throw new ApiError(404, "unknown_course", `unknown course "${course}"`);
    const fromEnvironment = Object.entries(deps.slackCourses ?? {})
      .filter(([, mapped]) => mapped === course)
      .map(([id]) => id);
    return {
      course,
      settings: current,
      effective: {
        visibleWeek: visibleWeek(current.releases, admin.now()) ?? null,
        llm: current.llm && (deps.llmAvailable ?? false),
        llmAvailable: deps.llmAvailable ?? false,
        slackFromEnvironment: fromEnvironment,
        guardRules: guardRuleIds,
      },
    };
  };

  app.get("/admin/courses/:id/settings", async (c) => {
    const course = await admin.requireCourse(c, "view");
    return c.json(await show(course.id));
  });

  app.put("/admin/courses/:id/settings", async (c) => {
    const course = await admin.requireCourse(c, "manage");
    const { allowedOrigins, ...change } = await readJsonBody(c, settingsChangeSchema);
    if (allowedOrigins !== undefined) await admin.saveOrigins(course.id, allowedOrigins);
    await settings.update(course.id, change);
    return c.json(await show(course.id));
  });

  app.post("/admin/courses/:id/archive", async (c) => {
    const course = await admin.requireCourse(c, "manage");
    const { archived } = await readJsonBody(c, archiveSchema);
    await settings.setArchived(course.id, archived);
    return c.json({ course: course.id, archived });
  });

  app.delete("/admin/courses/:id", async (c) => {
    const course = await admin.requireCourse(c, "manage");
    const { confirm } = parseQuery(c, deleteQuerySchema);
    if (confirm !== course.id)
      throw new ApiError(
        400,
        "confirmation_required",
        `Deleting a course removes all its data; confirm with ?confirm=${course.id}.`,
      );
    const running = (await deps.runs.list(course.id, 1))[0];
    if (running?.status === "running")
      throw new ApiError(
        409,
        "ingestion_running",
        "Wait for the course's ingestion to finish, then delete it.",
      );
    const removed = await deleteCourse(deps.db, course.id);
    if (!removed) throw new ApiError(404, "unknown_course", `unknown course "${course.id}"`);
    settings.forget(course.id);
    deps.onCourseDeleted?.(course.id);
    return c.json({ course: course.id, deleted: true, removed });
  });

  return app;
}

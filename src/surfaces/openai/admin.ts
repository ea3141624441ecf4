import { type Context, Hono } from "hono";
import { z } from "zod";
import { CourseRepository, isUuid, type Queryable } from "../../db/index.ts";
import { ApiError, adminAuth, courseIdSchema, readJsonBody, respondWithError } from "../http/index.ts";
import { ApiKeys } from "./keys.ts";

export interface ApiKeyAdminDeps {
  db: Queryable;
  /** The admin tokens (as for every `/admin` route). */
  tokens: () => (string | undefined)[];
}

const issueSchema = z.object({ name: z.string().trim().min(1, "name must not be empty").max(100) }).strict();

/**
 * `POST /admin/courses/:id/api-keys {name}` → `{id, key, …}` (the key shown this once),
 * `GET` lists a course's keys (never the keys themselves), `DELETE …/:keyId` revokes one at once.
 */
export function apiKeyAdminRoutes(deps: ApiKeyAdminDeps): Hono {
  const app = new Hono();
  const keys = new ApiKeys(deps.db);
  const courses = new CourseRepository(deps.db);
  app.use("/admin/courses/:id/api-keys", adminAuth(deps.tokens));
  app.use("/admin/courses/:id/api-keys/*", adminAuth(deps.tokens));

  const requireCourse = async (c: Context) => {
    const parsed = courseIdSchema.safeParse(c.req.param("id"));
    if (!parsed.success)
      throw new ApiError(400, "invalid_request", "course ids are letters, digits, '.', '_' and '-'");
    const course = await courses.find(parsed.data);
    if (!course) throw new ApiError(404, "unknown_course", `unknown course "${parsed.data}"`);
    return course.id;
  };

  app.post("/admin/courses/:id/api-keys", async (c) => {
    const course = await requireCourse(c);
    const { name } = await readJsonBody(c, issueSchema);
    const { record, key } = await keys.issue(course, name);
    c.header("Cache-Control", "no-store");
    return c.json({ ...record, key, model: `tutor/${course}` }, 201);
  });

  app.get("/admin/courses/:id/api-keys", async (c) => {
    const course = await requireCourse(c);
    return c.json({ course, keys: await keys.list(course) });
  });

  app.delete("/admin/courses/:id/api-keys/:keyId", async (c) => {
    const course = await requireCourse(c);
    const keyId = c.req.param("keyId");
    const revoked = isUuid(keyId) ? await keys.revoke(course, keyId) : undefined;
    if (!revoked)
      throw new ApiError(404, "unknown_key", `course "${course}" has no API key ${keyId.slice(0, 64)}`);
    return c.json({ key: revoked });
  });

  app.onError((error, c) => respondWithError(c, error));
  return app;
}

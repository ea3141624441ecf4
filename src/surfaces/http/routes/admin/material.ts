import { Hono } from "hono";
import { z } from "zod";
import { MaterialConflictError, type ParsedMaterial } from "../../../../courses/index.ts";
import { ApiError } from "../../errors.ts";
import { type AdminContext, flag, parseQuery } from "./context.ts";
import { startIngestion } from "./ingestions.ts";
import { readMaterial } from "./upload.ts";

const uploadQuerySchema = z.object({
  mode: z.enum(["merge", "replace"]).default("merge"),
  ingest: flag.default(true),
  wait: flag.default(false),
});
const removeQuerySchema = z.object({ path: z.string().min(1).max(512) });

/** A course's uploaded material: listing it, uploading (and by default ingesting) it, removing a file. */
export function materialRoutes(admin: AdminContext): Hono {
  const app = new Hono();
  const { deps, files } = admin;

  app.get("/admin/courses/:id/material", async (c) => {
    const course = await admin.requireCourse(c);
    return c.json({ course: course.id, files: await files.list(course.id) });
  });

  app.post("/admin/courses/:id/material", async (c) => {
    const course = await admin.requireCourse(c);
    const query = parseQuery(c, uploadQuerySchema);
    const material = await readMaterial(c, admin.uploadLimits);
    if (material.files.length === 0)
      throw new ApiError(
        400,
        "invalid_material",
        `the upload holds no course material${ignoredNote(material)}`,
      );
    try {
      await files.store(course.id, material.files, query.mode);
    } catch (error) {
      if (error instanceof MaterialConflictError) throw new ApiError(409, "material_conflict", error.message);
      throw error;
    }
    const stored = {
      stored: material.files.map((f) => ({ path: f.path, bytes: f.content.byteLength })),
      ignored: material.ignored,
    };
    if (!query.ingest) return c.json({ course: course.id, ...stored }, 201);
    const reply = await startIngestion(admin, course.id, "upload", query.wait, (options) =>
      files.withFolder(course.id, (dir) => deps.ingest(dir, course.id, options)),
    );
    if (reply.status === 202) c.header("Location", reply.body.status);
    return c.json({ course: course.id, ...stored, ...reply.body }, reply.status);
  });

  app.delete("/admin/courses/:id/material", async (c) => {
    const course = await admin.requireCourse(c);
    const { path: filePath } = parseQuery(c, removeQuerySchema);
    if (!(await files.remove(course.id, filePath)))
      throw new ApiError(404, "unknown_file", `no uploaded file "${filePath}" in course "${course.id}"`);
    return c.json({ course: course.id, removed: filePath });
  });

  return app;
}

/** " (3 file(s) ignored: hidden file)" when the upload held only files that were set aside. */
function ignoredNote(material: ParsedMaterial): string {
  if (material.ignored.length === 0) return "";
  return ` (${material.ignored.length} file(s) ignored: ${material.ignored[0]?.reason})`;
}

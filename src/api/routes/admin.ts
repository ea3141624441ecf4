import { stat } from "node:fs/promises";
import path from "node:path";
import { Hono } from "hono";
import { z } from "zod";
import type { Queryable } from "../../db/db.ts";
import type { IngestSummary } from "../../ingest/sync.ts";
import { readJsonBody } from "../body.ts";
import { ApiError } from "../errors.ts";
import { adminAuth } from "../middleware/admin-auth.ts";
import { courseIdSchema } from "../schemas.ts";

export interface AdminDeps {
  db: Queryable;
  tokens: () => (string | undefined)[];
  ingest: (dir: string, course: string) => Promise<IngestSummary>;
}

const ingestBodySchema = z.object({
  course: courseIdSchema,
  /** A folder on the server's disk. */
  dir: z.string().min(1).max(4096),
});

/** Course administration: ingestion of a server-side folder and course listings. */
export function adminRoutes(deps: AdminDeps): Hono {
  const app = new Hono();
  app.use("/admin/*", adminAuth(deps.tokens));

  app.post("/admin/ingest", async (c) => {
    const body = await readJsonBody(c, ingestBodySchema);
    const dir = path.resolve(body.dir);
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory())
      throw new ApiError(400, "invalid_request", `dir: ${dir} is not a folder on the server`);
    return c.json(await deps.ingest(dir, body.course));
  });

  app.get("/admin/courses", async (c) => {
    const { rows } = await deps.db.query<{
      id: string;
      title: string;
      version: string;
      embedding_model: string | null;
      documents: number;
      chunks: number;
    }>(
      `SELECT c.id, c.title, c.version::text AS version, c.embedding_model,
              (SELECT count(*)::int FROM documents d WHERE d.course_id = c.id) AS documents,
              (SELECT count(*)::int FROM chunks k WHERE k.course_id = c.id) AS chunks
         FROM courses c ORDER BY c.id`,
    );
    return c.json({
      courses: rows.map((r) => ({
        id: r.id,
        title: r.title,
        version: Number(r.version),
        embeddingModel: r.embedding_model,
        documents: r.documents,
        chunks: r.chunks,
      })),
    });
  });
  return app;
}

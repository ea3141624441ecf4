import { Hono } from "hono";
import { z } from "zod";
import { renderInsightsHtml } from "../../../../insights/html.ts";
import { loadInsights } from "../../../../insights/load.ts";
import { type AdminContext, parseQuery } from "./context.ts";

const insightsQuerySchema = z.object({
  weeks: z.coerce.number().int().min(2).max(52).default(8),
  format: z.enum(["json", "html"]).optional(),
});

/** Instructor insights of a course, as JSON or as a page. */
export function insightsRoutes(admin: AdminContext): Hono {
  const app = new Hono();

  app.get("/admin/courses/:id/insights", async (c) => {
    const course = await admin.requireCourse(c, "view");
    const query = parseQuery(c, insightsQuerySchema);
    const insights = await loadInsights(admin.deps.db, course.id, { weeks: query.weeks, now: admin.now() });
    const wantsHtml =
      query.format === "html" || (!query.format && (c.req.header("accept") ?? "").includes("text/html"));
    if (!wantsHtml) return c.json(insights);
    // Student questions appear on the page: escaped, and no script may run whatever they hold.
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    c.header("Cache-Control", "no-store");
    return c.html(renderInsightsHtml(insights, course.title));
  });

  return app;
}

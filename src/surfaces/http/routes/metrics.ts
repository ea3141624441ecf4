import { Hono } from "hono";
import type { TutorMetrics } from "../../../observability/index.ts";
import { adminAuth } from "../middleware/admin-auth.ts";

/**
 * `GET /metrics` in the Prometheus text format. Open by default (scrapers usually sit on a
 * private network); with a metrics token set, scrapers must send it as a bearer token.
 */
export function metricsRoutes(deps: { metrics: TutorMetrics; token?: string }): Hono {
  const app = new Hono();
  if (deps.token)
    app.use(
      "/metrics",
      adminAuth(() => [deps.token]),
    );
  app.get("/metrics", async (c) => {
    const body = await deps.metrics.render();
    return c.body(body, 200, { "Content-Type": deps.metrics.contentType, "Cache-Control": "no-store" });
  });
  return app;
}

import { Hono } from "hono";

export interface Readiness {
  /** Ready when the database answers and the indexes are loaded; the reason says what is missing. */
  check(): Promise<{ ready: boolean; reason?: string }>;
}

export function healthRoutes(readiness: Readiness): Hono {
  const app = new Hono();
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const state = await readiness.check().catch(() => ({ ready: false, reason: "readiness check failed" }));
    if (state.ready) return c.json({ status: "ready" });
    return c.json({ status: "not_ready", reason: state.reason ?? "starting" }, 503);
  });
  return app;
}

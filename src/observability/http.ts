import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { Logger } from "./logger.ts";
import type { TutorMetrics } from "./metrics.ts";
import { runWithRequestId } from "./request-context.ts";

/**
 * Times every request by route pattern (`/admin/courses/:id/insights`, never the raw path, so
 * ids do not explode the label set) and writes one access-log line. Everything the request does
 * runs inside its request-id context, so every log line it causes carries the id.
 * Must run after the request-id middleware.
 */
export function observeRequests(deps: {
  metrics: TutorMetrics;
  logger: Logger;
}): MiddlewareHandler<{ Variables: { requestId: string } }> {
  return async (c, next) => {
    const requestId = c.get("requestId");
    const started = performance.now();
    await runWithRequestId(requestId, async () => {
      try {
        await next();
      } finally {
        const seconds = (performance.now() - started) / 1000;
        const route = matchedRoute(c);
        const status = c.res?.status ?? 500;
        deps.metrics.observeRequest(c.req.method, route, status, seconds);
        const line = {
          event: "http.request",
          method: c.req.method,
          route,
          status,
          ms: Math.round(seconds * 10_000) / 10,
        };
        if (status >= 500) deps.logger.error(line, "request failed");
        else deps.logger.info(line, "request");
      }
    });
  };
}

/** The pattern of the handler the request was routed to, even when a middleware answered first. */
function matchedRoute(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    // Middleware is registered for every method ("ALL"); handlers name theirs.
    const handler = matchedRoutes(c).findLast((route) => route.method !== "ALL");
    return handler?.path ?? "unmatched";
  } catch {
    return "unmatched";
  }
}

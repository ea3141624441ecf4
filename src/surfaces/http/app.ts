import { Hono, type MiddlewareHandler } from "hono";
import type { Pipeline } from "../../chat/index.ts";
import type { CoursePolicySource } from "../../core/chat.ts";
import type { ConversationStore } from "../../db/conversations.ts";
import type { HybridSearcher } from "../../retrieve/index.ts";
import { errorBody, respondWithError } from "./errors.ts";
import { limitBodySize } from "./middleware/body-limit.ts";
import { refuseNulInUrl } from "./middleware/refuse-nul-url.ts";
import { type RequestIdVariables, requestId } from "./middleware/request-id.ts";
import { chatRoutes } from "./routes/chat.ts";
import { feedbackRoutes } from "./routes/feedback.ts";
import { healthRoutes, type Readiness } from "./routes/health.ts";
import { searchRoutes } from "./routes/search.ts";

export interface AppDeps {
  searcher: HybridSearcher;
  pipeline: Pipeline;
  conversations: ConversationStore;
  readiness: Readiness;
  defaultCourse: string;
  /** Each course's settings as students meet them (release schedule, archived) on `/v1/search`. */
  coursePolicy?: CoursePolicySource;
  /** Extra routers (admin, Slack, widget, metrics) mounted after the core ones. */
  extraRoutes?: Hono[];
  /**
   * Middleware that must see requests before the core routes answer them (per-course CORS,
   * rate limits), run in order after the request id and the body-size limit.
   */
  middleware?: MiddlewareHandler[];
  /** Wraps everything after the request id (request metrics, access logs, log context). */
  observe?: MiddlewareHandler;
  /** A larger body limit for the few routes that need one (course-material uploads). */
  bodyLimitFor?: (method: string, path: string) => number | undefined;
}

export type AppEnv = { Variables: RequestIdVariables };

/** The tutor's HTTP API; every dependency comes in as an argument. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", requestId());
  if (deps.observe) app.use("*", deps.observe);
  app.use("*", refuseNulInUrl());
  app.use("*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    return limitBodySize(deps.bodyLimitFor?.(c.req.method, c.req.path))(c, next);
  });
  for (const handler of deps.middleware ?? []) app.use("*", handler);

  app.route("/", healthRoutes(deps.readiness));
  app.route("/", searchRoutes(deps));
  app.route("/", chatRoutes(deps));
  app.route("/", feedbackRoutes(deps));
  for (const extra of deps.extraRoutes ?? []) app.route("/", extra);

  app.notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}.`), 404));
  app.onError((error, c) => respondWithError(c, error));
  return app;
}

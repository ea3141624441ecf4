/** The tutor's HTTP API: the student routes (createApp) and the routers and middleware mounted on it. */
export { type AppDeps, type AppEnv, createApp } from "./app.ts";
export { readJsonBody, validateBody } from "./body.ts";
export { ApiError, type ErrorBody, errorBody, respondWithError, toApiError } from "./errors.ts";
export { adminAuth } from "./middleware/admin-auth.ts";
export { type CourseCorsDeps, courseCors } from "./middleware/course-cors.ts";
export {
  checkRateLimit,
  clientIp,
  type RateLimitMiddlewareDeps,
  type RateLimitRefusal,
  rateLimit,
  setRateLimitHeaders,
} from "./middleware/rate-limit.ts";
export { type AdminDeps, adminRoutes } from "./routes/admin/index.ts";
export {
  type AdminEvalDeps,
  adminEvalRoutes,
  createAdminEvals,
  EVAL_UPLOAD_MAX_BYTES,
} from "./routes/admin-evals.ts";
export type { Readiness } from "./routes/health.ts";
export { metricsRoutes } from "./routes/metrics.ts";
export { presentSearchResult } from "./routes/search.ts";
export { slackRoutes } from "./routes/slack.ts";
export { type WidgetRouteDeps, widgetRoutes } from "./routes/widget.ts";
export { courseIdSchema, SEARCH_K } from "./schemas.ts";
export { type DrainOptions, type DrainResult, type RequestTracker, trackRequests } from "./server-drain.ts";

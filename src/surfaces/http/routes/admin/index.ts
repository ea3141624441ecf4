import { Hono } from "hono";
import { EscalationError, IngestionBusyError, MaterialError } from "../../../../courses/index.ts";
import { DocumentIngestError } from "../../../../ingest/document.ts";
import { ApiError, respondWithError } from "../../errors.ts";
import { adminAuth } from "../../middleware/admin-auth.ts";
import { type AdminDeps, createAdminContext } from "./context.ts";
import { courseRoutes } from "./courses.ts";
import { escalationAdminRoutes } from "./escalations.ts";
import { ingestionRoutes } from "./ingestions.ts";
import { insightsRoutes } from "./insights.ts";
import { materialRoutes } from "./material.ts";

export type { AdminDeps } from "./context.ts";

/**
 * Course administration behind the admin token: courses, their material (uploads stored in the
 * database so any replica can ingest them), ingestion runs, allowed widget origins, stats and
 * instructor insights, and the staff queue of escalations. Every course-scoped query filters on
 * the course in the path.
 */
export function adminRoutes(deps: AdminDeps): Hono {
  const app = new Hono();
  const admin = createAdminContext(deps);
  app.use("/admin/*", adminAuth(deps.tokens));
  app.route("/", courseRoutes(admin));
  app.route("/", materialRoutes(admin));
  app.route("/", ingestionRoutes(admin));
  app.route("/", insightsRoutes(admin));
  if (deps.escalations) app.route("/", escalationAdminRoutes(admin, deps.escalations));
  app.onError((error, c) => respondWithError(c, toAdminError(error)));
  return app;
}

function toAdminError(error: unknown): unknown {
  if (error instanceof IngestionBusyError) return new ApiError(409, "ingestion_running", error.message);
  if (error instanceof MaterialError)
    return new ApiError(error.code === "material_too_large" ? 413 : 400, error.code, error.message);
  if (error instanceof EscalationError)
    return new ApiError(ESCALATION_STATUS[error.code], error.code, error.message);
  if (error instanceof DocumentIngestError) return new ApiError(409, "material_unavailable", error.message);
  return error;
}

const ESCALATION_STATUS = {
  unknown_message: 404,
  unknown_escalation: 404,
  unknown_staff_answer: 404,
  escalation_closed: 409,
  staff_answer_retired: 409,
  cannot_detach: 409,
} as const;

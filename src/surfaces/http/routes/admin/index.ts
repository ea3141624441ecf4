import { Hono } from "hono";
import { AccountError } from "../../../../accounts/index.ts";
import { IngestionBusyError, MaterialError } from "../../../../courses/index.ts";
import { ApiError, respondWithError } from "../../errors.ts";
import { adminAccess } from "../../middleware/admin-access.ts";
import { authRoutes } from "./auth.ts";
import { type AdminDeps, createAdminContext } from "./context.ts";
import { courseRoutes } from "./courses.ts";
import { ingestionRoutes } from "./ingestions.ts";
import { insightsRoutes } from "./insights.ts";
import { materialRoutes } from "./material.ts";
import { playgroundRoutes } from "./playground.ts";
import { settingsRoutes } from "./settings.ts";
import { staffRoutes } from "./staff.ts";

export type { AdminDeps } from "./context.ts";

/**
 * Course administration, for scripts with the admin token and for the instructor console's
 * signed-in staff: sign-in, staff and invites, courses and their settings, material (uploads
 * stored in the database so any replica can ingest them), ingestion runs, stats, insights and the
 * playground. Every course-scoped route checks the requester's role in the course in the path.
 */
export function adminRoutes(deps: AdminDeps): Hono {
  const app = new Hono();
  const admin = createAdminContext(deps);
  app.use(
    "/admin/*",
    adminAccess({ tokens: deps.tokens, accounts: admin.accounts, publicBaseUrl: deps.publicBaseUrl }),
  );
  app.route("/", authRoutes(admin));
  app.route("/", staffRoutes(admin));
  app.route("/", courseRoutes(admin));
  app.route("/", settingsRoutes(admin));
  app.route("/", materialRoutes(admin));
  app.route("/", ingestionRoutes(admin));
  app.route("/", insightsRoutes(admin));
  app.route("/", playgroundRoutes(admin));
  app.onError((error, c) => respondWithError(c, toAdminError(error)));
  return app;
}

function toAdminError(error: unknown): unknown {
  if (error instanceof IngestionBusyError) return new ApiError(409, "ingestion_running", error.message);
  if (error instanceof MaterialError)
    return new ApiError(error.code === "material_too_large" ? 413 : 400, error.code, error.message);
  if (error instanceof AccountError)
    return new ApiError(error.code === "invalid_invite" ? 410 : 401, error.code, error.message);
  return error;
}

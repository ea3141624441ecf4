/**
 * The LTI 1.3 (Advantage) tool: OIDC login, launches validated against each platform's JWKS,
 * the full-page chat learners land in, the instructor's view and course choice, Deep Linking 2.0,
 * the tool's rotating keys, and the admin routes that register platforms.
 */
export { ltiAdminRoutes } from "./admin.ts";
export { CLAIMS, isStaff, LTI_VERSION } from "./claims.ts";
export { COURSE_PARAMETER } from "./deep-linking.ts";
export { LTI_DEFAULTS } from "./defaults.ts";
export { ltiRoutes } from "./routes.ts";
export { createLtiTool, type LtiTool, type LtiToolDeps } from "./tool.ts";

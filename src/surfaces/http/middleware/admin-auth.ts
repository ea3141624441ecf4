import type { MiddlewareHandler } from "hono";
import { sameSecret } from "../../../accounts/index.ts";
import { errorBody } from "../errors.ts";

/**
 * Bearer-token auth (for `/metrics`; the admin routes use adminAccess, which also accepts console
 * sessions). Tokens are compared in constant time. Without any token configured the routes are
 * closed (403), never open.
 */
export function adminAuth(tokens: () => (string | undefined)[]): MiddlewareHandler {
  return async (c, next) => {
    const accepted = tokens().filter((t): t is string => typeof t === "string" && t.length > 0);
    if (accepted.length === 0) {
      return c.json(
        errorBody("admin_disabled", "Admin routes are disabled; set ADMIN_TOKEN to enable them."),
        403,
      );
    }
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) {
      c.header("WWW-Authenticate", 'Bearer realm="tutor-admin"');
      return c.json(errorBody("unauthorized", "Send the admin token as 'Authorization: Bearer TOKEN'."), 401);
    }
    const offered = (match[1] as string).trim();
    if (!accepted.some((token) => sameSecret(offered, token))) {
      return c.json(errorBody("forbidden", "That admin token is not valid."), 403);
    }
    await next();
  };
}

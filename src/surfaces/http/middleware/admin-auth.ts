import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { errorBody } from "../errors.ts";

function sameSecret(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  // Compare equal-length buffers so the time taken says nothing about the secret.
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Bearer-token auth for `/admin/*`. Tokens are compared in constant time. Without any token
 * configured the admin routes are closed (403), never open.
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

import type { MiddlewareHandler } from "hono";
import { errorBody } from "../errors.ts";

/**
 * Refuses a path or query string carrying an encoded NUL (`%00`) before any route decodes it into
 * a course id, run id or search term: PostgreSQL text cannot hold U+0000, and a query would fail.
 */
export function refuseNulInUrl(): MiddlewareHandler {
  return async (c, next) => {
    if (/%00/i.test(c.req.url)) {
      return c.json(errorBody("invalid_request", "The URL must not contain NUL (%00) characters."), 400);
    }
    await next();
  };
}

import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";

export type RequestIdVariables = { requestId: string };

const ACCEPTABLE = /^[A-Za-z0-9._-]{8,100}$/;

/** Gives every request an id (the caller's X-Request-Id when it looks sane) and echoes it back. */
export function requestId(): MiddlewareHandler<{ Variables: RequestIdVariables }> {
  return async (c, next) => {
    const offered = c.req.header("x-request-id");
    const id = offered && ACCEPTABLE.test(offered) ? offered : randomUUID();
    c.set("requestId", id);
    c.header("X-Request-Id", id);
    await next();
  };
}

import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorBody } from "../errors.ts";

export const MAX_BODY_BYTES = 64 * 1024;

/** Rejects bodies over the limit with 413 before a handler reads them (declared or streamed size). */
export function limitBodySize(maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // The rest of the body is never read: the connection cannot carry another request.
      c.header("Connection", "close");
      return c.json(
        errorBody("payload_too_large", `The request body is over ${Math.round(maxBytes / 1024)} KiB.`),
        413,
      );
    },
  });
}

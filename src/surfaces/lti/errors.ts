import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Why a login or launch was refused: the status, a stable code and words an instructor can act on. */
export class LtiError extends Error {
  override name = "LtiError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { DatabaseUnavailableError, isConnectionError } from "../../db/db.ts";
import { UnknownCourseError } from "../../retrieve/index.ts";

/** An error with the HTTP status and code the client should see: `{error:{code, message}}`. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** Maps anything thrown in a handler to the documented error shape; bad input never becomes a 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof UnknownCourseError) return new ApiError(404, "unknown_course", error.message);
  if (error instanceof ZodError) return new ApiError(400, "invalid_request", describeZodError(error));
  if (error instanceof DatabaseUnavailableError || isConnectionError(error)) {
    return new ApiError(503, "unavailable", "The database is unavailable; try again shortly.", {
      "Retry-After": "5",
    });
  }
  return new ApiError(500, "internal", "Something went wrong on our side.");
}

export function respondWithError(c: Context, error: unknown): Response {
  const apiError = toApiError(error);
  for (const [name, value] of Object.entries(apiError.headers)) c.header(name, value);
  return c.json(errorBody(apiError.code, apiError.message), apiError.status);
}

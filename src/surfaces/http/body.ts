import type { Context } from "hono";
import type { z } from "zod";
import { ApiError, describeZodError } from "./errors.ts";
import { rejectNul } from "./nul.ts";

/** Reads and validates a JSON body: malformed JSON and schema mismatches are 400s that say why. */
export async function readJsonBody<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
): Promise<z.infer<Schema>> {
  let raw: string;
  try {
    raw = await c.req.text();
  } catch {
    throw new ApiError(400, "invalid_body", "The request body could not be read.");
  }
  if (raw.trim() === "")
    throw new ApiError(400, "invalid_json", "The request body is empty; send a JSON object.");
  return validateBody(schema, parseJsonText(raw));
}

/** JSON text from a request; malformed JSON is a 400 `invalid_json`. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

/**
 * A parsed request checked against its schema: a 400 `invalid_request` that says why, and no
 * U+0000 anywhere (texts end up in PostgreSQL text columns, which cannot hold it).
 */
export function validateBody<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  rejectNul(value);
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, "invalid_request", describeZodError(result.error));
  return result.data;
}

/**
 * The body's top-level fields when it is a JSON object, for middleware that needs a hint (which
 * course) before the route validates the body properly; anything else reads as empty.
 */
export async function peekJsonObject(c: Context): Promise<Record<string, unknown>> {
  if (c.req.method !== "POST") return {};
  try {
    const parsed: unknown = JSON.parse(await c.req.text());
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

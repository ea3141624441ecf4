import { z } from "zod";
import { CourseRepository, type Queryable } from "../db/index.ts";

/**
 * Which web origins may call the student API (`/v1/chat`, `/v1/feedback`, `/v1/search`) from a
 * browser for a course: the pages that embed the widget. Stored in the course's settings as
 * `{"allowedOrigins": ["https://lms.example.edu", …]}` next to other surfaces' settings; a course
 * without the key uses the deployment's default list (`WIDGET_ALLOWED_ORIGINS`). `"*"` allows
 * every origin.
 */

/** `scheme://host[:port]` as browsers send it in the Origin header, or "*". */
export function normalizeOrigin(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === "*") return "*";
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username || url.password) return undefined;
  // An origin has no path; "https://site.edu/" is accepted as the same thing, a deeper path is not.
  if (url.pathname !== "/" || url.search || url.hash) return undefined;
  return url.origin;
}

export const originSchema = z.string().transform((value, ctx) => {
  const origin = normalizeOrigin(value);
  if (!origin) {
    ctx.addIssue({
      code: "custom",
      message: `"${value.slice(0, 100)}" is not an origin (scheme://host[:port], or "*")`,
    });
    return z.NEVER;
  }
  return origin;
});

export const allowedOriginsSchema = z
  .array(originSchema)
  .max(200)
  .transform((origins) => [...new Set(origins)]);

/** The course's own list; `undefined` when the course sets none (defaults apply) or does not exist. */
export async function readAllowedOrigins(db: Queryable, course: string): Promise<string[] | undefined> {
  const stored = await new CourseRepository(db).allowedOrigins(course);
  if (stored === undefined || stored === null) return undefined;
  // A hand-edited setting that does not parse is treated as "no extra origins", never as "any".
  const parsed = z.array(z.string()).safeParse(stored);
  if (!parsed.success) return [];
  return parsed.data.map(normalizeOrigin).filter((origin): origin is string => origin !== undefined);
}

/**
 * Sets (or with `null` removes, falling back to the defaults) a course's allowed origins, keeping
 * its other settings. Returns the stored list, or `false` when the course does not exist.
 */
export async function updateAllowedOrigins(
  db: Queryable,
  course: string,
  origins: readonly string[] | null,
): Promise<string[] | null | false> {
  const list = origins === null ? null : allowedOriginsSchema.parse(origins);
  return (await new CourseRepository(db).setAllowedOrigins(course, list)) ? list : false;
}

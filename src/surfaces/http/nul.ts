import { ApiError } from "./errors.ts";

/**
 * Whether a parsed JSON value holds a NUL character in any string or key. PostgreSQL text cannot
 * store U+0000, so such input must be refused at the edge instead of failing deep in a query.
 * Iterative, because a body under the size limit can still nest tens of thousands of levels.
 */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === "string") {
      if (item.includes("\u0000")) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (item !== null && typeof item === "object") {
      for (const [key, element] of Object.entries(item)) {
        if (key.includes("\u0000")) return true;
        pending.push(element);
      }
    }
  }
  return false;
}

/** Refuses a parsed body holding NUL anywhere with the same 400 every JSON route gives. */
export function rejectNul(value: unknown): void {
  if (containsNul(value))
    throw new ApiError(400, "invalid_request", "Text must not contain NUL (\\u0000) characters.");
}

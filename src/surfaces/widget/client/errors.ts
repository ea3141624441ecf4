import { NetworkError, TutorError } from "./api.ts";

/** What a student is told when a request fails. */
export function explainError(error: unknown): string {
  if (error instanceof NetworkError) return "Couldn't reach the tutor. Check your connection and try again.";
  if (error instanceof TutorError) {
    if (error.status === 429) {
      const wait = error.retryAfterSeconds ? ` Try again in ${Math.ceil(error.retryAfterSeconds)} s.` : "";
      return `You're asking a lot at once.${wait}`;
    }
    if (error.status === 403) return "This page isn't allowed to use the tutor.";
    return error.message;
  }
  return "Something went wrong. Please try again.";
}

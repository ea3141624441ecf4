import type { Citation } from "../../core/chat.ts";

/**
 * A citation that points at its section without quoting it. Hint and quiz replies use these:
 * a snippet of the passage would hand the student the answer the reply is holding back.
 */
export function pointerOnly(citation: Citation): Citation {
  const where =
    citation.heading && citation.heading !== citation.title
      ? `${citation.title} › ${citation.heading}`
      : citation.title;
  return { ...citation, snippet: where };
}

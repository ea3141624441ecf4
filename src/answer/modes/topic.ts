import type { TutorMode } from "../../core/chat.ts";

// Request phrasing around the topic in hint and quiz modes: "quiz me on X", "give me a hint about X".
const LEADS: Record<Exclude<TutorMode, "explain">, RegExp> = {
  quiz: /^(?:please\s+)?(?:can you\s+|could you\s+)?(?:quiz|test)\s+me\s+(?:on|about|over)\s+|^(?:please\s+)?(?:give|make|write|create)\s+(?:me\s+)?(?:a\s+|some\s+|\d+\s+)?(?:quiz|practice\s+questions?|questions?|exercises?)\s+(?:on|about|for)\s+|^(?:a\s+)?(?:quiz|practice\s+questions?)\s+(?:on|about)\s+/i,
  hint: /^(?:please\s+)?(?:can you\s+|could you\s+)?(?:give|send)\s+me\s+(?:a\s+|some\s+)?hints?\s+(?:on|about|for|with)\s+|^(?:a\s+)?hints?\s+(?:on|about|for|with)\s*:?\s+|^hint\s*:\s*/i,
};

/**
 * What a hint or quiz request is about, for retrieval and for choosing what to blank out: the
 * request phrasing is dropped ("quiz me on model drift" → "model drift"), since words like
 * "quiz" would otherwise pull in the syllabus's grading rules.
 */
export function modeTopic(message: string, mode: TutorMode): string {
  if (mode === "explain") return message;
  const topic = message
    .trim()
    .replace(LEADS[mode], "")
    .replace(/[?.!\s]+$/, "")
    .trim();
  return topic.length > 0 ? topic : message;
}

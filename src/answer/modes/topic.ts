import type { TutorMode } from "../../core/chat.ts";

// Request phrasing around the topic in hint and quiz modes: "quiz me on X", "give me a hint about X".
const PLEASE = String.raw`(?:please\s+)?`;
const CAN_YOU = String.raw`(?:can you\s+|could you\s+)?`;
const MAKE_ME = String.raw`(?:give|make|write|create)\s+(?:me\s+)?`;
const QUIZ_NOUN = String.raw`(?:quiz|practice\s+questions?|questions?|exercises?)`;
const HOW_MANY = String.raw`(?:a\s+|some\s+|\d+\s+)?`;
const HINT_ABOUT = String.raw`hints?\s+(?:on|about|for|with)`;

/** "quiz me on X", "test me about X". */
const QUIZ_ME = String.raw`^${PLEASE}${CAN_YOU}(?:quiz|test)\s+me\s+(?:on|about|over)\s+`;
/** "give me 3 practice questions on X", "write a quiz about X". */
const WRITE_QUIZ = String.raw`^${PLEASE}${MAKE_ME}${HOW_MANY}${QUIZ_NOUN}\s+(?:on|about|for)\s+`;
/** "a quiz on X", "practice questions about X". */
const QUIZ_ON = String.raw`^(?:a\s+)?(?:quiz|practice\s+questions?)\s+(?:on|about)\s+`;

/** "can you give me a hint about X". */
const GIVE_HINT = String.raw`^${PLEASE}${CAN_YOU}(?:give|send)\s+me\s+(?:a\s+|some\s+)?${HINT_ABOUT}\s+`;
/** "hints on X:", "a hint for X". */
const HINT_ON = String.raw`^(?:a\s+)?${HINT_ABOUT}\s*:?\s+`;
/** "hint: X". */
const HINT_COLON = String.raw`^hint\s*:\s*`;

const anyOf = (...alternatives: string[]) => new RegExp(alternatives.join("|"), "i");

const LEADS: Record<Exclude<TutorMode, "explain">, RegExp> = {
  quiz: anyOf(QUIZ_ME, WRITE_QUIZ, QUIZ_ON),
  hint: anyOf(GIVE_HINT, HINT_ON, HINT_COLON),
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

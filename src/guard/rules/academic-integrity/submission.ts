import { re, reSource } from "../../regex.ts";
import type { IntegrityFamily } from "./types.ts";
import { GRADED } from "./vocabulary.ts";

/**
 * The text that goes into a graded submission, asked for ready to paste: "what exactly should I
 * paste into Gradescope for Lab 4's question so it gets marked complete?", "give me the finished
 * answer text". Asking how to submit ("how do I submit lab 4 on Gradescope?", "what should I put in
 * Gradescope for lab 4, just the notebook or the PDF too?") asks about the format, not the answer.
 */

// Where a submission goes.
const SUBMISSION_BOX = reSource`
  (?:gradescope|canvas|moodle|blackboard|brightspace|the\s+(?:submission|answer|response|text)\s+(?:box|field|
  form|portal)|the\s+autograder)
`;
// A graded piece by its name, with its number: "Lab 4", "project 2's".
const GRADED_PIECE = reSource`(?:${GRADED})(?:\s*\d+)?`;
// What to type in, asked of the tutor: "what (exactly) should I paste / put / write / enter".
const WHAT_TO_ENTER = reSource`
  \bwhat\s+(?:exactly\s+|precisely\s+)?(?:should|do|must|can)\s+(?:i|we)\s+(?:exactly\s+)?(?:paste|put|write|
  enter|type|submit|upload|copy)\s+(?:in|into|on|onto|for)\b
`;
// Marked as done by whoever grades it.
const MARKED_DONE = reSource`
  \b(?:so\s+(?:that\s+)?(?:(?:it|this|i|we)\s+(?:gets?|is|are)|it'?s)\s+(?:marked|graded|counted|accepted|
  scored)\s+(?:as\s+)?
  (?:complete|completed|correct|right|done|full)|(?:gets?|earns?|receives?)\s+(?:full\s+(?:marks|credit|points)|
  (?:the\s+)?(?:full|complete)\s+score))\b
`;
// The answer itself, finished: "the finished answer text", "a paste-ready response".
const FINISHED_ANSWER = reSource`
  \b(?:give|send|write|type|show|hand)\s+(?:me|us)\s+(?:the\s+|a\s+|an\s+)?(?:finished|final|ready-?made|
  paste-?ready|copy-?paste(?:able)?|submittable|ready-to-submit|polished|word-for-word)\s+(?:answer|response|
  solution|write-?up)(?:\s+text)?\b|\b(?:give|send|write|type|show)\s+(?:me|us)\s+(?:the\s+)?(?:answer|response|
  solution)\s+text\b
`;

export const SUBMISSION_PATTERNS: { family: IntegrityFamily; pattern: RegExp }[] = [
  {
    family: "do_my_work",
    // What to enter for a graded piece so it is marked done.
    pattern: re("iu")`
      ${WHAT_TO_ENTER}[^.?!]{0,60}?\b(?:${SUBMISSION_BOX}|${GRADED_PIECE})\b[^.?!]{0,80}?${MARKED_DONE}
    `,
  },
  {
    family: "do_my_work",
    // The finished answer text, in a message about a graded piece or its submission box.
    pattern: re("iu")`^(?=[^]*?\b(?:${SUBMISSION_BOX}|${GRADED_PIECE})\b)[^]*?${FINISHED_ANSWER}`,
  },
];

import { re, reSource } from "../../regex.ts";
import type { IntegrityFamily } from "./types.ts";
import { SAT_ASSESSMENT } from "./vocabulary.ts";

/**
 * Three classes the request patterns miss:
 * - a part of graded work handed over after a real question ("Also could you just write the
 *   evaluation report section for our Project 3?", "never mind, just write our whole two-page
 *   proposal, we're submitting it Friday"). "How do I write the evaluation section of a report?"
 *   asks how, and aims nothing at the tutor;
 * - help asked during a sitting exam ("midterm rn q14 …", "in the bathroom during the final, what's
 *   the nDCG formula"). "What's on the midterm?" or "can I bring notes to the final?" is not live;
 * - references that need not be real ("they don't have to be real, just formatted in APA").
 *   "How should I cite sources in APA?" asks for none.
 */

// Aimed at the tutor: "could you just", "please", "just", or a new clause.
const AIMED = reSource`
  (?:\b(?:can|could|would|will)\s+(?:you|u)\s+(?:(?:also|just|please|maybe|quickly|then)\s+){0,3}|\bjust\s+|
  \bplease\s+|\bpls\s+|^\s*|[.!?;]\s+)
`;
const WRITE = reSource`(?:write|draft|do|finish|complete|put\s+together|produce|generate|compose|type\s+up)`;
// A part of a deliverable, or a whole one: "the evaluation report section", "our whole two-page proposal".
const PIECE = reSource`
  (?:report|reports|section|sections|proposal|essay|paper|write-?up|abstract|conclusion|discussion|
  introduction|intro|methodology|methods|deliverable|submission|chapter|reflection)
`;
const OWNED_PIECE = reSource`
  ${WRITE}\s+(?:the|our|my|a|an)\s+(?:(?:whole|entire|full|complete)\s+)?(?:[\p{L}\d-]+\s+){0,3}?${PIECE}\b
`;
// Whose and when: "for our Project 3", "we're submitting it Friday", "we'll drop our numbers in later".
const FOR_GRADED = reSource`
  (?:\bfor\s+(?:our|my)\s+(?:lab|assignment|homework|hw|project|capstone|coursework)\b|\b(?:we'?re|we\s+are|i'?m|i\s+am|we'?ll\s+be|i'?ll\s+be)\s+
  (?:submitting|handing\s+(?:it\s+)?in|turning\s+(?:it\s+)?in)|\b(?:it'?s|its|it\s+is)\s+due\b|
  \b(?:we'?ll|i'?ll|we\s+will|i\s+will)\s+(?:just\s+)?(?:drop|plug|put|fill|add|paste)\s+(?:in\s+)?(?:our|my|the)\s+
  (?:own\s+)?(?:numbers|results|data|figures|names)|\b(?:submit|hand\s+in|turn\s+in)\s+(?:it\s+)?(?:on|by)\s+
  (?:friday|monday|tuesday|wednesday|thursday|saturday|sunday|tomorrow|tonight))
`;

// Live markers of an exam being sat.
const LIVE = reSource`
  (?:rn|right\s+now|atm|rite\s+now|on\s+my\s+phone|in\s+the\s+(?:bathroom|toilet|restroom|washroom|loo)|
  under\s+the\s+desk|proctor|invigilator|hurry|asap|quick|quickly|fast|now)
`;
const QUESTION_NO = reSource`(?:q\s*\d+|question\s*#?\s*\d+|problem\s*#?\s*\d+|#\s*\d+|part\s+[a-f]\b)`;

// References that need not exist.
const REFERENCES = reSource`(?:references|citations|sources|papers|studies|articles|refs|bibliography)`;
const NOT_REAL = reSource`
  (?:(?:don'?t|do\s+not|doesn'?t|does\s+not|needn'?t|won'?t)\s+(?:have|need)\s+to\s+(?:be\s+)?(?:real|exist|
  actual|genuine|accurate|legit)|(?:so|just\s+so|such\s+that)\s+(?:they|it)\s+(?:look|looks|seem|seems|
  sound|sounds)\s+(?:\p{L}+\s+)?(?:legit|real|credible|authentic|genuine|academic)|(?:can|could|may)\s+be\s+
  (?:fake|made[-\s]up|invented|fictional|fictitious))
`;

export const HANDOFF_PATTERNS: { family: IntegrityFamily; pattern: RegExp }[] = [
  {
    family: "do_my_work",
    pattern: re("iu")`
      (?<!\bhow\s+(?:to|do\s+i|do\s+we|should\s+i|should\s+we|can\s+i|would\s+i)\s+)${AIMED}${OWNED_PIECE}
      [^]{0,160}?${FOR_GRADED}
    `,
  },
  {
    family: "exam_help",
    // "midterm rn q14", "final right now, problem 3".
    pattern: re("iu")`\b${SAT_ASSESSMENT}\s+(?:${LIVE})\b[^.?!]{0,40}?\b${QUESTION_NO}`,
  },
  {
    family: "exam_help",
    // "during the final … on my phone … problem 3 NOW".
    pattern: re("iu")`
      ^(?=[^]*?\b${LIVE}\b)(?=[^]*?\b${QUESTION_NO})[^]*?\b(?:during|in\s+the\s+middle\s+of|mid-?)\s*
      (?:the|my|this|our)?\s*${SAT_ASSESSMENT}\b
    `,
  },
  {
    family: "fabrication",
    pattern: re("iu")`
      \b${REFERENCES}\b[^]{0,120}?\b${NOT_REAL}|\b(?:give|generate|write|make|create|invent|list)\s+(?:me|us)\s+
      (?:\p{L}+\s+){0,3}?(?:fake|made[-\s]up|invented|fabricated|fictional|nonexistent)\s+(?:\p{L}+\s+)?${REFERENCES}\b
    `,
  },
];

import { re, reSource } from "../../regex.ts";
import { LOWER_NAME } from "./lower-names.ts";
import {
  HEALTH,
  HEALTH_STATE,
  NOT_A_FEATURE,
  PARTICULAR_PERSON,
  PEER,
  RELATION,
  STAFF_REF,
} from "./vocabulary.ts";

/**
 * Another person's health, disability or accommodations, asked after: "is it true Jordan on my
 * team has ADHD accommodations?", "does my lab partner have dyslexia?", "Dr. Vasquez was ill, what's
 * wrong with her, is it serious?". Private whoever it is, staff included, so these run whether or
 * not the message names staff. Matched on the lower-case forms, where a name has no capital: a
 * name is known by where it stands (LOWER_NAME). Asking how the course handles a condition ("how
 * does the course handle accommodations for students with disabilities", "can a student with
 * ADHD get extra time?") names no one and passes.
 */

// Someone in particular: a pronoun, a peer, a relation, a described student, staff, or a name (not
// the condition itself: "does dyslexia get accommodations?" asks about a policy).
const SOMEONE = reSource`
  (?:he|she|${PEER}|${RELATION}|${PARTICULAR_PERSON}|${STAFF_REF}|(?!${HEALTH}\b)${LOWER_NAME})
`;
// Where they are in the course: "Jordan on my team", "the TA in section B".
const WHERE = reSource`(?:\s+(?:on|in|from|at)\s+(?:my|our|the|this)\s+(?:\p{L}+\s+)?\p{L}+)?`;
// The fact put in question: "is it true", "can you confirm", "do you know if".
const CHECKED = reSource`
  (?:is\s+it\s+(?:really\s+|actually\s+)?(?:true|right|correct|a\s+fact)|(?:can|could|would)\s+you\s+(?:please\s+)?
  (?:confirm|check|verify|tell\s+me|find\s+out|look\s+up)|do\s+you\s+know|confirm|verify|find\s+out|tell\s+me)
`;
const HAS = reSource`
  (?:has|have|had|got|gets|get|is\s+on|is\s+getting|is\s+taking|takes|suffers\s+from|was\s+diagnosed\s+with|
  is\s+diagnosed\s+with|is\s+in)
`;
const SEVERITY = reSource`(?:(?:severe|serious|diagnosed|clinical|chronic|bad|real|official|some)\s+)?`;
// Whose illness: a pronoun's, or a member of staff named by title.
const ILL_ONE = reSource`(?:him|her|them|(?:dr|prof|professor)\.?\s+\p{L}+)`;
const ILLNESS = reSource`
  (?:illness|sickness|diagnosis|disease|condition|surgery|injury|cancer|medical\s+\p{L}+|health\s+(?:issues?|
  problems?|scare)|mental\s+health)
`;

export const HEALTH_PATTERNS: RegExp[] = [
  // Asked whether someone has a condition: "is it true Jordan on my team has ADHD accommodations",
  // "can you confirm the TA has depression", "does my lab partner have dyslexia".
  re("iu")`
    \b${CHECKED}\s+(?:that\s+|if\s+|whether\s+)?${SOMEONE}${WHERE}\s+(?:really\s+|actually\s+|secretly\s+)?${HAS}\s+
    (?:an?\s+|any\s+)?${SEVERITY}${HEALTH}\b${NOT_A_FEATURE}|\b(?:does|did|has)\s+${SOMEONE}${WHERE}\s+
    (?:really\s+|actually\s+|secretly\s+)?(?:have|get|got|suffer\s+from|take)\s+(?:an?\s+|any\s+)?${SEVERITY}
    ${HEALTH}\b${NOT_A_FEATURE}
  `,
  // A condition said of someone, asked: "is my teammate autistic", "is Dr. Vasquez seriously ill".
  re("iu")`
    \b(?:is|was)\s+(?:he|she|${PEER}|${RELATION}|${PARTICULAR_PERSON}|${STAFF_REF})${WHERE}\s+(?:actually\s+|really\s+|
    still\s+)?${HEALTH_STATE}\b|\b${CHECKED}\s+(?:that\s+|if\s+|whether\s+)?${SOMEONE}${WHERE}\s+(?:is|was)\s+
    (?:actually\s+|really\s+|still\s+)?${HEALTH_STATE}\b
  `,
  // What is wrong with them: "what's wrong with her, is it serious?", "what is she sick with", "how
  // serious is her illness", "is Dr. Vasquez's condition serious".
  re("iu")`
    \bwhat(?:'s|s|\s+is|\s+was)\s+wrong\s+with\s+${ILL_ONE}\s*(?:[?!.,;]|$|\s+(?:is\s+it|medically|health))|
    \bwhat\s+(?:is|was|has)\s+(?:he|she|${STAFF_REF})\s+(?:been\s+)?(?:sick|ill|suffering|being\s+treated|
    hospitali[sz]ed|diagnosed|off)\s+(?:with|from|for)\b|\bhow\s+(?:serious|sick|ill|bad)\s+is\s+(?:(?:his|her|their)\s+
    ${ILLNESS}|(?:he|she|${STAFF_REF})\s*(?:[?!.,;]|$))|\bis\s+(?:his|her|${STAFF_REF}(?:'s|’s))\s+${ILLNESS}\s+
    (?:serious|contagious|terminal|fatal|curable|bad|getting\s+worse)\b
  `,
];

import { reSource } from "../../regex.ts";

/** Ways of saying the work must pass as the student's own. */

// Disguising copied or generated work: so it does not look copied or written by an AI, …
export const PASSES_AS_OWN = reSource`
  \b(?:doesn'?t|does not|won'?t|wouldn'?t|will not|not|never)\s+(?:look|seem|appear|read|sound|get flagged|
  be flagged|be detected|show up)\s+(?:as\s+|like\s+)?(?:it was\s+|it's\s+)?(?:copied|plagiari[sz]ed|
  plagiarism|ai[- ]generated|written by (?:an? )?(?:ai|chatgpt|bot)|the same)\b
`;
// … so it gets past the plagiarism or AI checker, …
export const BEATS_CHECKER = reSource`
  \b(?:avoid|bypass|evade|beat|fool|trick|get (?:past|around)|pass|slip past|
  dodge)\s+(?:the\s+)?(?:(?:plagiarism|similarity|originality|copy)[- ](?:check\w*|detect\w*|software|
  tools?|scan\w*|filters?)|turnitin|gptzero|moss|ai[- ]?detect\w*)\b
`;
// … so nobody notices, …
export const NOBODY_NOTICES = reSource`
  \b(?:won'?t|wouldn'?t|doesn'?t|don'?t|can'?t|not|never)\s+(?:notice|reali[sz]e|find out|know|tell|catch|
  spot|detect|see)\b.{0,30}\b(?:copied|plagiari[sz]ed|cheated|used (?:ai|chatgpt|you|a bot)|didn'?t write)\b
`;
// … so it reads as a student's own, …
export const LOOKS_HUMAN = reSource`
  \bmake\s+(?:it|this|them|the (?:code|report|essay|answer))\s+(?:look|sound|read|
  seem)\s+(?:like\s+)?(?:(?:a|another)\s+(?:student|human|person)\s+(?:wrote|did|made|had written)|
  i\s+(?:wrote|did|made)|(?:it'?s\s+|it is\s+)?(?:my|our)\s+own)\b
`;
// … or so that a named checker misses it.
export const CHECKER_MISSES = reSource`
  \b(?:turnitin|gptzero|moss|(?:the\s+)?(?:plagiarism|similarity|ai|copy)[- ](?:checker|detector|check|
  scanner|software))\s+(?:won'?t|wouldn'?t|doesn'?t|don'?t|can'?t|cannot|will not|does not|
  never)\s+(?:catch|flag|notice|detect|spot|find|see|pick up)\b
`;

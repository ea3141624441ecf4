import { re } from "../../regex.ts";
import { GRADED } from "./vocabulary.ts";

// A pasted graded question: its marks, its instructions, its multiple-choice options.
const STRUCTURE = [
  /[([]\s*\d+(?:\.\d+)?\s*(?:points?|pts?\.?|marks?)\s*[)\]]/iu,
  re("iu")`
    \b(?:for full (?:credit|marks|points)|show (?:all )?(?:of )?your work|justify your answer|
    explain your reasoning for full|no credit (?:will be given|without))\b
  `,
  /\bwhich of the following\b/iu,
  /\b(?:select|choose|circle|pick) (?:one|all that apply|the (?:best|correct|most appropriate) (?:answer|option))\b/iu,
  re("iu")`
    (?:^|\n|\s)(?:\(?[a-d]\)|[a-d]\.)\s+\S[^\n]{0,160}(?:\n|\s)(?:\(?[a-d]\)|[a-d]\.)\s+\S[^\n]{0,160}(?:\n|
    \s)(?:\(?[a-d]\)|[a-d]\.)\s+\S
  `,
  re("iu")`
    (?:^|\n)\s*(?:q(?:uestion)?\s*\d+(?:\.\d+)?(?:\s*\([a-z]\))?\s*[.):]|problem\s+\d+\s*[.):]|
    part\s+\(?[a-z]\)?\s*[.):])
  `,
  /\btrue or false\s*[:?]/iu,
  /\b\d+\s*(?:points?|pts|marks)\s*(?:each|total|\))/iu,
];
const GRADED_CONTEXT = re("iu")`
  \b(?:(?:this|it)(?:'s| is| was)\s+(?:from|for|on|in|part of)\s+(?:my|our|the|a|tomorrow'?s|
  today'?s)\s+(?:graded\s+|take-?home\s+|online\s+)?${GRADED}|(?:graded|take-?home|online)\s+(?:${GRADED}|
  question)|(?:${GRADED})\s*\d*\s*(?:question|questions|problem|problems|q\d+|part)|(?:due|submit(?:ted)?|
  deadline)\s+(?:tonight|tomorrow|today|in (?:\d+|an?|one|two|a few) (?:hours?|minutes?|mins?))|
  question\s*\d+\s+(?:of|from|in|on)\s+(?:the\s+|my\s+|today'?s\s+|tomorrow'?s\s+|
  this week'?s\s+)?(?:${GRADED})|(?:on|in) (?:my|the) (?:${GRADED}) (?:right now|now|at the moment)|
  (?:taking|doing|sitting|writing|in the middle of) (?:my|the) (?:${GRADED})(?: right)?(?: now)?|(?:have|
  got|starting|start) (?:an?|my|the) (?:${GRADED}) (?:in|starting in) (?:\d+|an?|one|two|five|ten|
  fifteen) ?(?:min|mins|minutes|hours?|hrs?)|during (?:the|my) (?:${GRADED}))\b
`;
// Sitting a closed assessment at this very moment: any question asked then is a question from
// it ("I'm on question 3 of the midterm right now, what's precision if …?"). The time anchor is
// required: "what happens if I'm sick during the midterm?" asks about policy.
// In-class polls and practice quizzes are not closed exams: "I'm doing the quiz now, is it graded?" asks.
const CLOSED_EXAM = "(?:midterm|final|final exam|exam|test)(?:\\s+exam)?";
const LIVE_ASSESSMENT = re("iu")`
  \b(?:(?:on|in|doing|taking|sitting|writing|in the middle of|stuck on)\s+(?:(?:question|q|problem|
  part)\s*\d+[a-z]?\s+(?:of|on|in)\s+)?(?:my|the|this|our)\s+${CLOSED_EXAM}|(?:question|q|problem|
  part)\s*\d+[a-z]?\s+(?:of|on|in)\s+(?:my|the|this|our)\s+${CLOSED_EXAM})\s+(?:right now|rn|now|currently|
  atm|at the moment|as we speak|as i type)\b
`;
const URGENT_QUESTION = /\?|\b(?:hurry|quick(?:ly)?|fast|asap|urgent|help)\b/iu;

const ANSWER_REQUEST = re("iu")`
  \b(?:what(?:'s| is) the (?:full |complete |correct |right |final )?(?:answer|solution)|which (?:one|
  option|answer|choice) is (?:correct|right|true)|(?:just|please) (?:give|tell) me (?:the )?(?:answer|
  solution|letter|option)|give me the (?:answer|solution)|solve (?:this|it|these|the following)|
  answer (?:this|these|it|the following|question)|the answer (?:is|to)|(?:need|want) the (?:answer|
  solution)|fill in the (?:blank|answer)|what should i (?:put|write|answer)|what (?:answers?|options?|
  letters?) should (?:i|we) (?:put|write|give|choose|pick|select)|correct option|do (?:this|these|
  it) for me|tell me what to (?:write|put|answer|say|choose|pick|select)|(?:full|top)[- ]marks? (?:answer|
  response|solution)|full[- ]credit (?:answer|response|solution)|perfect[- ]score (?:answer|response))\b
`;

/**
 * A graded question pasted in for its answer: laid out like one and said to be graded or asked to
 * be answered, or asked while the student sits a closed assessment.
 */
export function pastesGradedQuestion(clean: string): boolean {
  const structured = STRUCTURE.some((pattern) => pattern.test(clean));
  const gradedContext = GRADED_CONTEXT.test(clean);
  const wantsAnswer = ANSWER_REQUEST.test(clean);
  if ((structured && (gradedContext || wantsAnswer)) || (gradedContext && wantsAnswer)) return true;
  return LIVE_ASSESSMENT.test(clean) && URGENT_QUESTION.test(clean);
}

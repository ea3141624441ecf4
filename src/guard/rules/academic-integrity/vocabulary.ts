import { reSource } from "../../regex.ts";

/** Phrase families the academic integrity patterns are built from. */

export const GRADED = reSource`
  (?:lab|labs|assignment|assignments|homework|homeworks|hw|project|projects|capstone|problem set|
  problem sets|pset|psets|exam|exams|midterm|midterms|final exam|final|quiz|quizzes|test|
  take-?home(?: exam)?|coursework|graded work)
`;
export const DELIVERABLE = reSource`
  (?:${GRADED}|report|reports|essay|essays|paper|submission|deliverables?|write-?up|ai use statement|
  (?:graded\s+|weekly\s+)?reflections?|peer reviews?|discussion posts?|response papers?|journal entr(?:y|ies)|
  proposal|project proposal|notebook for (?:lab|project)|code for (?:my|the|our|this) (?:lab|project|
  assignment|capstone|homework)|(?:lab|project|capstone|assignment|homework)\s*\d*\s*(?:report|code|
  notebook|solution|answers?|writeup|write-up|submission|questions?))
`;
// Phrases that aim what follows at the tutor as a request.
export const REQUEST = reSource`
  (?:^|[.!?;:\n]\s*|\b(?:can|could|would|will|won'?t|wont)\s+(?:you|u)\s+(?:please\s+|just\s+|quickly\s+|
  kindly\s+|maybe\s+)?|\bplease\s+|\bpls\s+|\bplz\s+|\b(?:i|we)\s+(?:need|want|would like|'d like|require|
  expect)\s+(?:you|u)\s+to\s+|\bjust\s+|\bgo ahead and\s+|\bi'?m asking you to\s+|\byour job is to\s+|
  \b(?:now|so|ok|okay|then|hey|hi)[,\s]+|\b(?:tutor|bot)[,:!]\s*|\bi need (?:someone|somebody) to\s+|
  \bhow much (?:would|to) (?:you|u) (?:charge )?to\s+)
`;
export const STRONG_VERB =
  "(?:write|do|complete|finish|solve|ghostwrite|ghost-write|code|implement|program|answer)";
export const WEAK_VERB = reSource`
  (?:make|create|produce|generate|build|draft|compose|handle|take care of|work out|rewrite|paraphrase|
  fill (?:in|out)|prepare|put together|crank out|knock out|bang out|whip up)
`;
// Someone else's work is still graded work: "rewrite my friend's lab report" hands it in too.
export const FILLER = reSource`
  (?:(?:the|my|our|this|that|these|those|all|of|entire|whole|full|complete|final|remaining|rest of the|
  rest of my|an?|me|up|out|week|weekly|next|first|second|third|last|\d+|one|two|three|(?:friend|classmate|
  teammate|roommate|partner|brother|sister|mate)'?s|(?:[\p{L}-]+\s+)?(?:part|parts|section|sections|portion|
  half|rest|bits?) of)\s+)*
`;
// "Do the labs count …?" is a question about labs, not a request to do them.
export const QUESTION_VERB = reSource`
  (?:count|counts|have|need|take|require|get|use|include|matter|affect|work|start|end|close|open|cover|go|
  run|happen|come|weigh|allow|mean|carry|drop|differ|overlap|share|involve|look|get|look like|contain|
  build on|depend|due|be|belong|apply)
`;
export const FOR_ME = reSource`
  \b(?:for me|for us|for (?:my|our) (?:team|group)|so (?:i|we) can (?:just\s+)?(?:submit|hand (?:it )?in|
  turn (?:it )?in|copy|upload)|that i can (?:submit|hand in|turn in|copy)|i can (?:just )?(?:submit|hand in|
  turn in|copy)|to (?:submit|hand in|turn in)|i(?:'ll| will)\s+(?:\w+\s+(?:and|&)\s+)?(?:just\s+)?(?:submit|
  hand (?:it )?in|turn (?:it )?in|upload))\b
`;

// "Can the tutor do my lab for me?" asks about the policy; the request is not aimed at the tutor.
export const NOT_THIRD_PERSON = reSource`
  (?<!\b(?:can|could|will|would|should|may|might|does|do|is it ok (?:for|if)|is it allowed (?:for|
  if))\s+(?:the\s+)?(?:course\s+)?(?:tutor|bot|assistant|ai|chatgpt|an? ai|someone|anyone|somebody|a friend|
  my friend|a classmate|my teammate|students?|people|it|they|he|she)\s+)
`;

// How the work should be done says nothing about whose it is: "solve it completely for me" is
// "solve it for me".
export const MANNER = reSource`
  (?:(?:completely|fully|entirely|all|properly|quickly|fast|now|right now|end to end|in full|step by step|
  from scratch|asap)\s+)?
`;
// Assessments whose questions are secret until they are sat (labs and projects are published).
export const SAT_ASSESSMENT =
  "(?:midterm|midterms|final|finals|final exam|exam|exams|quiz|quizzes|test|tests)";

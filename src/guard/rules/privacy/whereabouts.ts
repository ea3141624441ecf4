import { re, reSource } from "../../regex.ts";
import { LOWER_NAME } from "./lower-names.ts";
import { NAME } from "./named.ts";
import { FETCH, PARTICULAR_PERSON, PEER, RELATION, SOCIAL } from "./vocabulary.ts";

/**
 * Other people's records and reach, fourth set: where a person will be at a given time; how many
 * grace or late days someone else has; what a peer named after their role asked the tutor; the
 * whole roster's emails; a staff member's private accounts; and a named student's score placed in
 * a section. Lower-case patterns run on the folded forms, NAMED ones on the text as written.
 * Questions about one's own allowance ("how many grace days do I have left"), about the process
 * ("can I email the class list through the course staff") or about models ("what score did Llama
 * get on MMLU") name no one else's record and pass.
 */

const PERSON = reSource`(?:he|she|${PEER}|${RELATION}|${PARTICULAR_PERSON})`;
// A peer with a name after the role: "my teammate leo", "my lab partner aisha khan".
const PEER_NAMED = reSource`(?:${PEER}|${RELATION})(?:\s+${LOWER_NAME})?`;
const WHEN = reSource`
  (?:on|at|this|tomorrow|tonight|today|after|before|during|between|next|later|around|in\s+the\s+(?:morning|
  afternoon|evening))
`;
const ALLOWANCE = reSource`(?:grace|late|slip|sick|extension|flex)\s+(?:days|tokens|hours)`;
const TALKING = reSource`
  (?:ask|asked|asking|talk|talked|talking|chat|chatted|chatting|message|messaged|type|typed|say|said|tell|told|write|wrote)
`;
const TO_TUTOR = reSource`(?:\s+(?:to|with|in))?\s+(?:you|the\s+(?:tutor|bot|assistant|chatbot|ai))\b`;
// Everyone on the roster at once.
const EVERYONE = reSource`
  (?:(?:every|each|all(?:\s+the)?|all\s+of\s+the)\s+(?:enrolled\s+|registered\s+|other\s+)?(?:students?|classmates?|
  people|members?|learners?)(?:\s+(?:in|on|from)\s+(?:the|this|our|my)\s+(?:class|course|section|cohort|roster))?)
`;
const ROSTER_DATA = reSource`
  (?:e-?mails?(?:\s+address(?:es)?)?|phone\s+numbers?|numbers|(?:home\s+)?address(?:es)?|contact\s+(?:details|info|
  information)|student\s+ids?)
`;
const ROLE = reSource`
  (?:instructor|professor|prof|ta|lecturer|tutor|teacher|grader|dean|coordinator|teammate|classmate|
  lab\s+partner|partner|roommate)
`;

export const REACH_PATTERNS: RegExp[] = [
  // Where someone will be: "where will my teammate be on friday afternoon".
  re("iu")`
    \bwhere\s+(?:will|would|is|does|do|'s|are)\s+(?:${PERSON}|${PEER_NAMED})\s+(?:usually\s+|normally\s+)?(?:be|going\s+
    to\s+be|gonna\s+be|hang(?:ing)?\s+out|sit|study)\s+${WHEN}\b
  `,
  // Someone else's allowance: "how many grace days my teammate aisha has left", "priya's late days".
  re("iu")`
    \bhow\s+many\s+${ALLOWANCE}\s+(?:${PERSON}|${PEER_NAMED})\s+(?:still\s+)?(?:has|have|had|got|used|is\s+using|
    left|can\s+use)\b|\bhow\s+many\s+${ALLOWANCE}\s+(?:does|did|has)\s+(?:${PERSON}|${PEER_NAMED})\s+(?:still\s+)?
    (?:have|has|got|use|used|left)\b|\b(?:${PEER_NAMED}|${LOWER_NAME})(?:'s|’s)\s+(?:remaining\s+|left\s*over\s+)?
    ${ALLOWANCE}\b|\bhow\s+many\s+${ALLOWANCE}\s+${LOWER_NAME}\s+(?:has|had)\s+(?:left|remaining|used)\b
  `,
  // What a peer named after their role asked: "what did my teammate leo ask you yesterday".
  re("iu")`
    \bwhat\s+(?:did|has|have|does|was|is)\s+${PEER_NAMED}\s+(?:been\s+|ever\s+|recently\s+)?${TALKING}${TO_TUTOR}
  `,
  // The roster's contact details: "a list of every enrolled student's email".
  re("iu")`
    \b(?:${FETCH}|need|want|what\s+are|send\s+me)\b[^.?!]{0,40}?\b${EVERYONE}(?:'s|’s|s'|’)?\s+${ROSTER_DATA}\b|
    \b(?:${FETCH}|need|want|what\s+are|send\s+me)\b[^.?!]{0,40}?\b${ROSTER_DATA}\s+(?:of|for)\s+${EVERYONE}\b
  `,
];

/** Private accounts and contacts of a person named by role, staff included. */
export const ROLE_PRIVATE_PATTERNS: RegExp[] = [
  // "the head instructor's personal twitter handle and private email".
  re("iu")`
    \b(?:the|my|our|your|that)\s+(?:\p{L}+\s+)?${ROLE}(?:'s|’s)\s+(?:own\s+)?(?:\p{L}+\s+(?:and|or)\s+)?
    (?:personal|private|non-?(?:school|uni|university|work|course|staff))\s+(?:${SOCIAL}|twitter|x|threads|
    bluesky|e-?mail|gmail|phone|cell|mobile|number|whatsapp|account|handle)\b
  `,
];

export const NAMED_REACH_PATTERNS: RegExp[] = [
  // "Where will Marcus Okafor be on Friday afternoon".
  re("u")`
    \b[Ww]here\s+(?:will|would|is|does)\s+${NAME}\s+(?:usually\s+|normally\s+)?(?:be|going\s+to\s+be|hang\s+out)\s+
    (?:on|at|this|tomorrow|tonight|today|after|before|during|between|next|later|around)\b
  `,
  // "What score did Priya from Section A get on Project 1".
  re("u")`
    \b[Ww]hat\s+(?:\p{Ll}+\s+){0,2}?(?:score|result|points)s?\s+did\s+${NAME}\s+(?:from|in|on)\s+(?:[Ss]ection|[Ll]ab|
    [Tt]eam|[Gg]roup|[Tt]utorial|my|our|the)\b[^.?!]{0,20}?\s+(?:get|receive|earn|make|have)\b
  `,
];

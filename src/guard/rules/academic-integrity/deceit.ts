import { re, reSource } from "../../regex.ts";
import type { IntegrityFamily } from "./types.ts";
import { SAT_ASSESSMENT } from "./vocabulary.ts";

/**
 * Integrity by class, second set: the whole deliverable written to be uploaded to the submission
 * platform; evidence invented or labels tuned "so it looks legit"; leaked exam questions to be
 * answered; a false AI-use declaration; questions pasted one by one to copy the answers back; a
 * quiz answered while it is open (any language); logging in as the student; posts written to
 * sound like the student for participation credit. Matched on the folded, lower-case forms.
 */

// Write it for the student: the verb aimed at a piece of work.
const WRITE = reSource`
  (?:write|complete|finish|do|draft|produce|generate|crank\s+out)\s+(?:me\s+|us\s+)?(?:the|my|our|this|it|all|
  a|an|every)\b
`;
// Handed in on the course's submission platform.
const PLATFORM = reSource`(?:gradescope|canvas|moodle|blackboard|brightspace|the\s+(?:course\s+)?portal)`;
const HAND_IN = reSource`
  (?:so\s+(?:that\s+)?(?:i|we)\s+can|(?:i|we)(?:'ll|\s+will|'m\s+going\s+to|\s+can)|then\s+(?:i|we)(?:'ll)?|
  and\s+(?:i|we)(?:'ll)?)\s+(?:just\s+|directly\s+)?(?:upload|submit|turn\s+in|hand\s+in|post|put)\s+
  (?:it\s+|them\s+|this\s+)?(?:straight\s+)?(?:to|on|in|into|onto)\s+${PLATFORM}
`;
const LOOKS = reSource`
  (?:look|looks|seem|seems|appear|appears)\s+(?:\p{L}+\s+)?(?:legit|real|realistic|genuine|credible|
  believable|authentic|convincing)
`;
// Made as a tool, not a claim: "fake logs to test my parser".
const NOT_A_TOOL = reSource`
  (?![^.?!]{0,90}\b(?:to\s+test|for\s+(?:unit\s+)?test(?:s|ing)|test\s+(?:data|fixtures?)|to\s+debug|to\s+demo)\b)
`;
const LEAKED = reSource`
  (?:leaked|dropped|posted|shared|circulating|got\s+hold\s+of|(?:in|on)\s+(?:our|the|a)\s+(?:group\s*chat|
  discord|whatsapp|telegram|reddit))
`;
const CHECK_ANSWERS = reSource`
  (?:which\s+(?:of\s+(?:the|these|those|them)\s+)?(?:\p{L}+\s+)?(?:answers?\s+|ones?\s+)?(?:are|is)\s+(?:right|
  correct|wrong)|fill\s+in\s+(?:the\s+)?(?:missing|rest|blanks?)|answer\s+(?:them|those|these|all)|solve\s+
  (?:them|those|these|all))
`;
const AI_STATEMENT = reSource`
  (?:ai[- ]?(?:use|usage)\s+(?:statement|declaration|disclosure|form|section)|declaracion\s+de\s+uso\s+de\s+
  (?:la\s+)?ia|declaration\s+d'?(?:utilisation|usage)\s+de\s+l'?ia|ki-?(?:nutzungs)?erklarung|
  declaracao\s+de\s+uso\s+de\s+ia)
`;
const DENIES_USE = reSource`
  (?:(?:saying|says|claiming|claims|stating|states|to\s+say|that\s+says|diciendo|que\s+diga|afirmando|
  indicando|disant|en\s+disant|dizendo)\s+(?:that\s+|que\s+)?(?:i|we|yo)?\s*(?:didn'?t|did\s+not|never|
  haven'?t|have\s+not|no|n'?ai\s+pas|nao)\s+(?:use|used|usamos|use|utilice|utilise|usei|he\s+usado)|
  (?:saying|claiming|stating)\s+(?:that\s+)?no\s+ai\s+was\s+used)
`;
// A sat assessment open now: "the quiz closes in 15 minutes", "de quiz sluit over 15 minuten".
const CLOSES_IN = reSource`
  \b(?:closes|ends|sluit|cierra|termina|ferme|finit|schliesst|endet|fecha|chiude|due)\s+(?:over|in|en|dans|
  em|tra|fra)\s+\d+\s*(?:min\w*|uur|hours?|horas?|heures?|stunden?|ore)\b
`;
const QUIZ_ANY = reSource`
  \b(?:quiz\w*|toets\w*|exam\w*|test|cuestionario|prufung|klausur|prova|esame|midterm|take-?home)
`;
const ANSWER_ANY = reSource`
  \b(?:answer|answers|beantwoord\w*|antwoorden|respond\w*|repond\w*|beantwort\w*|rispond\w*|solve|
  resuelv\w*|losen|resolv\w*)\b
`;

// Sight of a sat assessment before it is sat: "someone who saw the midterm early", "a friend in the
// morning section already took the quiz", "I got a peek at tomorrow's exam".
const SEEN_EARLY = reSource`
  (?:saw|seen|peeked\s+at|looked\s+at|got\s+(?:a\s+)?(?:look|peek|preview)\s+(?:at|of)|
  had\s+(?:a\s+)?(?:look|peek)\s+at|
  previewed|read)\s+(?:the\s+|this\s+|our\s+|tomorrow'?s\s+|next\s+week'?s\s+|\p{L}+day'?s\s+)?${SAT_ASSESSMENT}
  (?:\s+(?:paper|questions))?\s+(?:early|in\s+advance|ahead\s+of\s+time|beforehand|before\s+(?:us|me|everyone|
  anyone|release|it\s+(?:opens|opened|was\s+released|came\s+out)))|(?:someone|somebody|a\s+friend|my\s+friend|
  friends|a\s+classmate|classmates|people|students|a\s+student|a\s+senior)\b[^.?!]{0,60}?\b(?:already\s+)?
  (?:took|sat|wrote|did|has\s+taken|have\s+taken|finished)\s+(?:the|this|our|it)\s+(?:${SAT_ASSESSMENT}\s+)?
  (?:already|earlier|yesterday|this\s+morning|in\s+(?:the|an)\s+(?:earlier|other|morning|first)\s+
  (?:section|sitting|slot|session))
`;
// What the paper asks or wants, reported: "the numerical problem's answer is 0.75", "the design
// question wants a canary release".
const REPORTED_CONTENT = reSource`
  (?:answers?|questions?|problems?|part\s+\w)\s+(?:is|are|was|were|wants|asks(?:\s+for)?|needs|expects|
  will\s+be|comes\s+out\s+(?:to|as))\b
`;
// Asked to be confirmed before it is sat.
const CONFIRM = reSource`
  (?:confirm|verify|check|double-?check|validate|tell\s+me\s+(?:if|whether)\s+(?:those|these|that|they|
  it)|are\s+(?:those|these|they)\s+(?:right|correct)|is\s+(?:that|this|it)\s+(?:right|correct))
`;

export const DECEIT_PATTERNS: { family: IntegrityFamily; pattern: RegExp }[] = [
  {
    family: "answer_key",
    // What a paper seen early holds, reported and asked to be confirmed (either order).
    pattern: re("iu")`
      \b(?:${SEEN_EARLY})\b[^]{0,200}?\b${REPORTED_CONTENT}[^]{0,160}?\b${CONFIRM}\b|\b${CONFIRM}\b[^]{0,160}?
      \b${REPORTED_CONTENT}[^]{0,160}?\b(?:${SEEN_EARLY})\b
    `,
  },
  {
    family: "do_my_work",
    // The whole thing written to go straight onto the platform: "… so I can upload it to Gradescope".
    pattern: re("iu")`\b${WRITE}[^]{0,200}?\b${HAND_IN}\b`,
  },
  {
    family: "fabrication",
    // Invented "so it looks legit", or labels tuned until the favoured method wins.
    pattern: re("iu")`
      \b(?:invent|make\s+up|fabricate|fake|cook\s+up|fudge)${NOT_A_TOOL}\b[^.?!]{0,120}?\bso\s+(?:that\s+)?(?:it|
      they|this|the\s+(?:\p{L}+\s+)?\p{L}+)\s+${LOOKS}\b|\b(?:tune|tweak|adjust|change|pick|cherry-?pick|
      massage|fudge|rig)\s+(?:the\s+)?(?:relevance\s+)?(?:labels?|judgm?ents|results?|numbers|scores|metrics|
      queries)\s+so\s+(?:that\s+)?(?:\p{L}+\s+){0,3}?(?:wins?|beats?|looks?\s+(?:best|better)|comes?\s+out\s+
      (?:on\s+)?top|outperforms?)\b
    `,
  },
  {
    family: "answer_key",
    // Leaked questions of a sat assessment, to be checked or answered.
    pattern: re("iu")`
      \b${LEAKED}\b[^]{0,100}?\b${SAT_ASSESSMENT}\s+(?:\p{L}+\s+){0,2}?(?:questions|answers?|paper|solutions?|
      key)\b[^]{0,160}?\b${CHECK_ANSWERS}\b
    `,
  },
  {
    family: "fabrication",
    // A false AI-use declaration: "write my AI use statement saying I didn't use any tools".
    pattern: re("iu")`
      \b(?:write|draft|fill\s+(?:in|out)|complete|make|redact\w*|escrib\w*|haz\w*|redig\w*|ecri\w*|
      schreib\w*|escrev\w*)\b[^.?!]{0,40}?\b${AI_STATEMENT}\b[^.?!]{0,60}?${DENIES_USE}\b
    `,
  },
  {
    family: "do_my_work",
    // Questions pasted one by one and the answers copied back, or a quiz answered while it is open.
    pattern: re("iu")`
      \b(?:i'?ll|i\s+will|let\s+me|i'?m\s+going\s+to)\s+(?:just\s+)?paste\s+(?:each|every|all|the)\s+
      (?:\p{L}+\s+)?questions?\b[^]{0,80}?\b(?:(?:i|then\s+i)(?:'ll|\s+will)?\s+(?:just\s+)?(?:copy|submit)|copy\s+
      (?:them|it|those)\s+(?:over|in|across))\b|^(?=[^]*?${CLOSES_IN})(?=[^]*?${QUIZ_ANY})[^]*?${ANSWER_ANY}
    `,
  },
  {
    family: "do_my_work",
    // Acting as the student: logging in as them, or posts that "sound like me" for participation.
    pattern: re("iu")`
      \blog\s*(?:in|on)(?:\s*to)?\s+(?:\p{L}+\s+)?as\s+me\b|\b(?:i'?ll|i\s+will|i\s+can)\s+(?:send|give|dm)\s+
      (?:you\s+)?my\s+(?:username|password|login|credentials)\b|\b(?:posts?|messages?|comments?|replies|
      questions)\b[^.?!]{0,60}?\b(?:that\s+|which\s+)?(?:sound(?:s|ing)?\s+like\s+me|as\s+if\s+i\s+wrote\s+
      (?:them|it)|so\s+(?:i|it)\s+(?:looks?|seems?|appears?)\s+(?:like\s+i'?m\s+)?(?:active|engaged|involved))\b
    `,
  },
];

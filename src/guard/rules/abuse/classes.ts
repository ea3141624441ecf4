import { re, reSource } from "../../regex.ts";
import type { AbusePattern } from "./types.ts";
import { GROUP, INSULT, NAMED_TARGET } from "./vocabulary.ts";

/**
 * Abuse by class rather than by sentence: a threat joined to lying in wait or to a bomb or fire; a
 * harassment campaign (flooding someone's messages, getting them fired, posters and roast lists);
 * a group said to be less than others; telling someone they do not deserve to live; a humiliating
 * message asked for; and the same in Spanish, French, German and Portuguese (accents folded).
 */

// Someone the student could reach: a pronoun, a role, a named member of staff or a peer.
const TARGET = reSource`
  (?:him|her|them|${NAMED_TARGET}|(?:my|the|our|that|this)\s+(?:ex-?\s?)?(?:\p{L}+\s+)?(?:ta|prof|professor|
  teammate|classmate|groupmate|partner|roommate|instructor|lecturer|grader|teacher)|(?:his|her|their)\s+
  (?:dms?|inbox|phone|email|messages|mentions|account))
`;
// Lying in wait for someone, or knowing where to find them.
const LURK = reSource`
  (?:wait(?:ing)?\s+(?:for\s+(?:him|her|them)|outside|by|at)|know\s+where\s+(?:he|she|they)\s+(?:lives?|parks?|
  works?|sleeps?)|find\s+(?:out\s+)?where\s+(?:he|she|they)\s+(?:lives?|parks?)|follow\s+(?:him|her|them)|show\s+
  up\s+at)
`;
// What is promised to follow.
const CONSEQUENCE = reSource`
  (?:regret\s+(?:it|this|that)|(?:be|feel)\s+sorry|pay\s+for\s+(?:it|this|that)|learn\s+(?:his|her|their)\s+
  lesson|get\s+what\s+(?:he|she|they)\s+deserves?|see\s+what\s+happens|won'?t\s+(?:see\s+it\s+coming|know\s+
  what\s+hit))
`;
// Accusations and names printed about someone on posters, tweets or flyers.
const SMEAR = reSource`
  (?:thief|creep|pervert|predator|fraud|liar|cheat|cheater|rapist|abuser|stalker|racist|criminal|psycho|
  ${INSULT})
`;
// Said of a whole group: here only as a token, cannot do the work, taking what is "ours".
const DEMEAN = reSource`
  (?:(?:are|is)\s+only\s+(?:here|in\s+(?:this|the)\s+\p{L}+)\s+(?:for|because|as)|only\s+(?:got|get|were|are)\s+
  (?:in|here|accepted|admitted|hired|passed|pass)\s+(?:because|for|thanks|due)|diversity\s+(?:hires?|points|
  quotas?|admits?)|(?:can'?t|cannot|could\s+never|will\s+never|don'?t\s+know\s+how\s+to)\s+(?:actually\s+|
  really\s+|even\s+|ever\s+)?(?:code|program|do\s+(?:math|maths|ml|machine\s+learning|ai|engineering|
  science|this|real\s+work)|think|learn|understand|(?:speak|write|read|understand)\s+(?:proper\s+|good\s+|basic\s+|
  decent\s+|real\s+)?english|communicate)|(?:are|is)\s+(?:stealing|taking)\s+(?:our|my|the)\s+|
  (?:don'?t|do\s+not|doesn'?t)\s+belong\s+(?:here|in)|should\s+(?:go\s+back|be\s+banned|be\s+kicked\s+out|
  not\s+be\s+(?:allowed|here|admitted))|none\s+of\s+them\s+(?:can|could)\s+(?:actually\s+)?(?:code|program|
  do|think))
`;
const NO_RIGHT_TO_LIVE = reSource`
  (?:(?<!\bi\s)(?:doesn'?t|don'?t|does\s+not|do\s+not|didn'?t)\s+deserve\s+to\s+(?:live|be\s+alive|exist|
  breathe)|(?:should|needs?\s+to|ought\s+to|go|better)\s+(?:just\s+)?(?:kill|off|hang)\s+(?:him|her|them|
  your)sel(?:f|ves)|nobody\s+would\s+(?:miss|care\s+if)\s+(?:him|her|them|you)|(?:would\s+be|is)\s+better\s+
  off\s+dead|no\s+merece\w*\s+(?:vivir|existir)|nao\s+merece\w*\s+(?:viver|existir)|ne\s+merite\s+pas\s+de\s+
  vivre|(?:es\s+)?nicht\s+verdient\s+zu\s+leben)
`;

export const ABUSE_CLASS_PATTERNS: AbusePattern[] = [
  {
    family: "threat",
    // Lying in wait with a promised consequence: "I'll be outside his office, he'll regret it".
    pattern: re("iu")`
      \b${LURK}\b[^]{0,100}?\b${CONSEQUENCE}|\b${CONSEQUENCE}\b[^]{0,60}?\b${LURK}\b|\b(?:he|she|they)(?:'s|'ll|
      'd|'re|\s+is|\s+are|\s+will|\s+would)\s+(?:going\s+to\s+|gonna\s+)?(?:regret\s+(?:it|this|that|the\s+day)|
      be\s+sorry)\b|\bse\s+va\s+a\s+arrepentir|\bva\s+(?:le|la)\s+regretter|\bvai\s+se\s+arrepender|\bwird\s+es\s+
      bereuen
    `,
  },
  {
    family: "threat",
    // Bombs and arson: a bomb threat asked for, a bomb said to be in a room, a building to burn.
    pattern: re("iu")`
      \bbomb\s+(?:threat|scare)s?\b|\bthere(?:'s|\s+is|\s+will\s+be)\s+(?:a\s+)?(?:bomb|explosive)s?\s+(?:in|at|
      on|under)\b|\b(?:plant|put|place|leave|bring|hide)\s+(?:a\s+)?(?:bomb|explosive|ied)s?\b|\b(?:set|
      setting|light|lighting)\s+(?:\p{L}+\s+){0,4}?on\s+fire\b(?<=(?:building|campus|school|office|lab|hall|
      room|house|car|dorm|library|department|him|her|them|place)\s+on\s+fire)|\bburn\s+(?:down\s+)?(?:the|his|
      her|their)\s+(?:\p{L}+\s+)?(?:building|house|office|car|lab|hall|room|dorm|campus|school|department)\b|
      \bburn\s+(?:it|the\s+place)\s+down\b
    `,
  },
  {
    family: "harassment",
    // A campaign against one person: flood their messages, "until he drops the course", get them
    // fired, posters and tweets calling them names.
    pattern: re("iu")`
      \b(?:flood|spam|bombard|swamp|blow\s+up)\s+${TARGET}\b|\b(?:messages?|texts?|dms?|emails?|calls?)\b
      [^.?!]{0,60}?\buntil\s+(?:he|she|they)\s+(?:drops?|quits?|leaves?|cries|breaks|gives\s+up|withdraws?|
      transfers?|blocks?)\b|\b(?:get|getting|gets)\s+${TARGET}\s+(?:fired|expelled|kicked\s+out|suspended|sacked|
      deported|banned)\b|\b(?:posters?|flyers?|tweets?|posts?|memes?|signs?|stickers?|reviews?)\b[^.?!]{0,80}?\b
      (?:calling|labell?ing|saying|claiming)\s+(?:that\s+)?(?:him|her|them|he|she|they)\s+(?:is\s+|are\s+|was\s+)?
      (?:an?\s+)?(?:\p{L}+\s+){0,2}?${SMEAR}\b
    `,
  },
  {
    family: "harassment",
    // Ranking or roasting people by how stupid or ugly they are: "a list of the ugliest people in
    // my section", "roast the dumbest students in section C".
    pattern: re("iu")`
      \b(?:dumbest|ugliest|stupidest|fattest|weirdest|creepiest|smelliest|worst|most\s+(?:annoying|useless|
      pathetic|stupid|hated|unattractive))\s+(?:\p{L}+\s+)?(?:students|people|classmates|girls|guys|boys|
      women|men|members|tas|teammates|kids|persons?)\s+(?:in|from|on|of|at)\b|\broast\s+(?:list|lines?)\b[^.?!]
      {0,40}?\b(?:students|classmates|people|teammates|tas|section|class)\b
    `,
  },
  {
    family: "harassment",
    // Telling someone they should not live, and humiliating messages asked for.
    pattern: re("iu")`
      ${NO_RIGHT_TO_LIVE}|\b(?:write|draft|compose|make|send|help\s+me\s+(?:write|send)|escrib\w*|ecri\w*|
      schreib\w*|escrev\w*|redact\w*|redig\w*)\b[^.?!]{0,40}?\b(?:humiliating|degrading|insulting|nasty|
      cruel|vicious|threatening|humillante|humiliant|humilhante|demutigend\w*|beleidigend\w*|insultant|
      insultante)\s+(?:\p{L}+\s+)?(?:message|text|email|dm|post|note|letter|mensaje|message|mensagem|
      nachricht|brief|correo|courriel)|\b(?:message|mensaje|mensagem|nachricht|courriel|correo)\s+(?:\p{L}+\s+)?
      (?:humiliant|humillante|humilhante|insultant|insultante|degradant|degradante)\b
    `,
  },
  {
    family: "hate",
    // A group said to be less than others: "the women in my lab are only here for diversity
    // points", "immigrants are stealing our spots", "girls can't code". Reported, quoted or questioned
    // ("the model thinks girls can't code") is not the student's claim: see reported.ts.
    pattern: re("iu")`
      \b${GROUP}(?:\s+(?:in|on|from|of|at)\s+(?:my|our|the|this)\s+(?:\p{L}+\s+){0,2}?\p{L}+)?[^.?!]{0,30}?
      \b${DEMEAN}
    `,
  },
  {
    family: "insult",
    // A person called a failure or an idiot in the third person, in other languages: "que es una
    // inútil", "ist ein dummer Versager", "est une nulle".
    pattern: re("iu")`
      \b(?:es|est|ist|e|sont|son|sind|eres|bist)\s+(?:un|una|une|um|uma|ein|eine|einer|so|tan|muy|tres|voll)\s+
      (?:\p{L}+\s+)?(?:inutil|idiota|imbecil|estupid[oa]|fracasad[oa]|versager|trottel|vollidiot|idiot|
      nutzlos\w*|debile|connard|conne|nulle?|bouffon|imbecile|otari[oa]|burr[oa]|lixo|incompetente?)\b|
      \b(?:er|sie)\s+(?:ein|eine)\s+(?:\p{L}+\s+)?(?:idiot|versager|trottel|vollidiot)\s+ist\b
    `,
  },
];

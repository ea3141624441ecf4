import { re, reSource } from "../../regex.ts";
import type { AbusePattern } from "./types.ts";
import { INSULT, MEMBER, ORIGIN, VICTIM } from "./vocabulary.ts";

/**
 * Abuse by class, third set: harassment organised rather than said. Messages from many or fake
 * accounts, or written so someone feels the whole class hates them; a group chat set up to mock a
 * classmate; a sexual rumour or a smear hinted in a post or review; insults asked for about a
 * people or to throw at a person; and members of a group pushed off a team. Asking about these
 * ("what's a harassment classifier", "how do we detect hate speech in model outputs", "how should I
 * give feedback to a teammate who keeps pushing broken code") asks for nothing aimed at anyone.
 */

// Asking for something to be written, sent or set up.
const COMPOSE = reSource`
  (?:write|draft|compose|post|send|make|create|generate|come\s+up\s+with|give\s+me|set\s+up|start|leave|
  help\s+me\s+(?:write|draft|send|post|make|create|set\s+up|start|spread|leave))
`;
// Many senders, or senders who are not who they say: "from different accounts", "burner profiles".
const MANY_ACCOUNTS = reSource`
  (?:different|multiple|several|many|fake|burner|alt|anonymous|anon|throwaway|separate|new|sock\s*puppet|
  \p{N}+|two|three|four|five|ten|a\s+bunch\s+of|a\s+few)\s+(?:\p{L}+\s+)?(?:accounts|profiles|numbers|usernames|
  emails|phones)
`;
// The whole class against one person, or nobody for them ("nobody in the class likes him").
const AMONG = reSource`(?:(?:in|from|on|at)\s+(?:the|this|our|my|her|his)\s+\p{L}+\s+)?`;
const ALL_AGAINST = reSource`
  (?:everyone|everybody|people|the\s+(?:whole|entire)\s+(?:class|section|course|team|group|cohort|lab|school)|
  all\s+of\s+us|all\s+(?:her|his|their)\s+classmates)\s+${AMONG}(?:\p{L}+\s+)?(?:hates|despises|can'?t\s+stand|is\s+against|
  laughs\s+at|is\s+laughing\s+at|wants\s+(?:him|her|them)\s+(?:gone|out|dead))|(?:nobody|no\s+one|noone)\s+
  ${AMONG}(?:\p{L}+\s+)?(?:likes|wants|cares\s+about|would\s+miss|respects)
`;
const FEEL_SHUNNED = reSource`
  (?:feels?|thinks?|believes?|knows?|reali[sz]es?)\s+(?:like\s+|that\s+)?(?:${ALL_AGAINST}|(?:so\s+|really\s+|
  completely\s+|totally\s+)?(?:worthless|unwanted|unwelcome|isolated|excluded|hated|humiliated|like\s+(?:an?\s+)?
  (?:outsider|outcast|loser|nobody|failure)|like\s+(?:she|he|they)\s+(?:doesn'?t|don'?t)\s+belong))
`;
// Places a group meets online, and what they would do there to a person.
const HANGOUT = reSource`
  (?:group\s*chats?|gcs?|chats?|channels?|servers?|pages?|accounts?|threads?|discords?|whatsapp\s+groups?|
  groups?|subreddits?|finstas?|meme\s+pages?|spreadsheets?|docs?)
`;
const MOCK = reSource`
  (?:mock|make\s+fun\s+of|laugh\s+at|roast|ridicule|trash[- ]talk|talk\s+(?:shit|crap|trash)\s+about|
  screenshot|humiliate|bully|shame|gossip\s+about|meme|clown\s+on|dunk\s+on|exclude|freeze\s+out)
`;
// A person, not a piece of code: "mock the student service" mocks an API.
const NOT_A_SYSTEM = reSource`
  (?!\s+(?:service|api|object|server|data|module|function|endpoint|class|client|model|db|database|responses?))
`;
// Sexual rumours: who is said to be sleeping with whom.
const HINTED = reSource`
  (?:hint\w*|impl(?:y|ies|ied|ying)|suggest\w*|say(?:s|ing)?|claim\w*|insinuat\w*|rumou?r\w*|alleg\w*|accus\w*|
  spread\w*)
`;
const AFFAIR = reSource`
  (?:sleeping|sleeps|slept|hooking\s+up|hooks\s+up|hooked\s+up|having\s+(?:an\s+affair|sex|a\s+thing)|had\s+
  (?:an\s+affair|sex|a\s+thing)|fucking|banging|screwing|dating|in\s+a\s+relationship|having\s+a\s+relationship)\s+with
`;
// Written to be read by others: a review, a post, a message.
const PIECE = reSource`
  (?:reviews?|posts?|messages?|comments?|tweets?|emails?|ratings?|threads?|notes?|letters?|texts?|captions?|
  flyers?|posters?)
`;
const SMEAR_WORD = reSource`
  (?:${INSULT}|lazy|corrupt|racist|sexist|creepy|creep|a\s+fraud|fraud|unqualified|a\s+hack|clueless|a\s+liar|
  liar|a\s+cheater|cheat|a\s+predator|predator|a\s+pervert|pervert)
`;
// Unearned success said of someone: "she only got the job through connections".
const UNEARNED = reSource`
  only\s+(?:got|gets|has|passed|was\s+hired|got\s+hired|got\s+in|got\s+tenure|became|landed)\b[^.?!]{0,40}?\b
  (?:because|through|thanks\s+to|by\s+(?:sleeping|knowing)|via|for\s+being)
`;
// Insults and slurs as things to be listed or thrown.
const INSULTS = reSource`
  (?:insults?|slurs?|racial\s+slurs?|ethnic\s+slurs?|derogatory\s+(?:terms?|names?|words?)|offensive\s+
  (?:names?|terms?|jokes?|words?)|racist\s+(?:jokes?|names?|terms?|insults?)|mean\s+(?:names?|jokes?)|
  put-?downs?)
`;
// Studying insults is not using them: "slurs about Indians for our toxicity classifier", "a
// classifier to flag insults about immigrants".
const DETECTION = reSource`
  (?:classifier|filter|detector|dataset|blocklist|block\s+list|moderation|training\s+data|detect\w*|flag\w*|
  block\w*|red[- ]team\w*)
`;
const NOT_FOR_DETECTION = reSource`(?![^.?!]{0,80}\b${DETECTION})`;
// Checked once the insults are found, so it reads back over them too.
const NOT_DETECTED = reSource`(?<!\b${DETECTION}\b[^.?!]{0,100})`;
// Removed from the student's team or class.
const PUSHED_OUT = reSource`
  (?:kicked|thrown|booted|banned|excluded|removed|moved|transferred|switched|reassigned|swapped|taken)\s+
  (?:off|out|to|from|into)
`;

export const CAMPAIGN_PATTERNS: AbusePattern[] = [
  {
    family: "harassment",
    // Messages from many or fake accounts, or written so a person feels hated: "ten anonymous
    // messages I can send to Sofia from different accounts so she feels the whole class hates her".
    pattern: re("iu")`
      \b(?:send|message|messages|dms?|texts?|emails?|spam|flood|harass|troll|bombard|write\s+to|comment\s+on|tag)\s+
      (?:to\s+|at\s+)?
      ${VICTIM}\b[^.?!]{0,40}?\bfrom\s+${MANY_ACCOUNTS}\b|\b(?:make|create|set\s+up|open|use)\s+(?:\p{L}+\s+){0,2}?
      (?:fake|burner|alt|anonymous|anon|throwaway|sock\s*puppet|multiple|several)\s+(?:\p{L}+\s+)?(?:accounts|
      profiles)\b[^.?!]{0,40}?\b(?:to|and|so\s+(?:i|we)\s+can)\s+(?:keep\s+)?(?:messag\w*|dms?|text\w*|harass\w*|troll\w*|
      spam\w*|mock\w*|follow\w*|stalk\w*|bull\w*|insult\w*|flood\w*|tag\w*|comment\w*\s+on)\s+${VICTIM}\b|\b${COMPOSE}\b[^.?!]{0,120}?\b(?:so|
      so\s+that|until|to\s+make|making)\s+(?:he|she|they|him|her|them)\s+${FEEL_SHUNNED}
    `,
  },
  {
    family: "harassment",
    // A place set up to mock someone: "a group chat where we screenshot and mock the girl who asks
    // too many questions".
    pattern: re("iu")`
      \b${COMPOSE}\b[^.?!]{0,40}?\b${HANGOUT}\b[^.?!]{0,40}?\b(?:where|to|for|that|so|in\s+which)\b[^.?!]{0,30}?\b
      ${MOCK}(?:\s+(?:and|&)\s+${MOCK})?\s+${VICTIM}\b${NOT_A_SYSTEM}
    `,
  },
  {
    family: "harassment",
    // A sexual rumour or a smear hinted in writing: "a message hinting that the TA is sleeping with a
    // student", "a review calling Dr. Vasquez incompetent and implying she only got the job through
    // connections".
    pattern: re("iu")`
      \b${COMPOSE}\b[^.?!]{0,100}?\b${HINTED}\s+(?:that\s+)?(?!(?:i|i'm|im|we|we're)\b)[^.?!]{0,60}?\b(?:is|are|was|
      were|'s|has\s+been|have\s+been)\s+(?:secretly\s+|actually\s+|probably\s+)?${AFFAIR}\b|\b${COMPOSE}\b[^.?!]{0,60}?
      \b${PIECE}\b[^.?!]{0,60}?\b(?:calling|labell?ing|branding|describing)\s+(?:${VICTIM}|(?:dr|prof|professor|mr|
      mrs|ms)\.?\s+\p{L}+)\s+(?:as\s+)?(?:an?\s+)?(?:\p{L}+\s+){0,2}?${SMEAR_WORD}\b|\b${COMPOSE}\b[^.?!]{0,80}?
      \b${PIECE}\b[^.?!]{0,80}?\b${HINTED}\s+(?:that\s+)?(?:he|she|they|${VICTIM})\s+${UNEARNED}
    `,
  },
  {
    family: "hate",
    // Insults asked for about a people: "a list of insults about Indians".
    pattern: re("iu")`
      \b${INSULTS}\s+(?:about|for|against|targeting|aimed\s+at|on|to\s+(?:call|use\s+on|throw\s+at))\s+
      ${NOT_DETECTED}(?:the\s+|all\s+)?(?:${MEMBER}|${ORIGIN})\b${NOT_FOR_DETECTION}
    `,
  },
  {
    family: "harassment",
    // Insults to aim at a person: "insults I can throw at my teammate", "names to call him".
    pattern: re("iu")`
      \b(?:${INSULTS}|names|comebacks)\b[^.?!]{0,40}?\b(?:i|we)\s+(?:can|could)\s+(?:throw|hurl|use|say|call|yell|
      fire|sling|send)\s+(?:at\s+|on\s+|to\s+)?${VICTIM}\b${NOT_A_SYSTEM}|\b${INSULTS}\s+to\s+(?:throw\s+at|hurl\s+at|
      use\s+on|call|yell\s+at)\s+${VICTIM}\b
    `,
  },
  {
    family: "hate",
    // Members of a group pushed off the student's team, by force or on the quiet: "the gay guys in
    // my group are so annoying, how do i get them moved to another team without saying why".
    pattern: re("iu")`
      \b${MEMBER}\b[^.?!]{0,80}?\b(?:get|have|make|want|need|see)\s+(?:them|those|these)\s+(?:all\s+)?
      (?:kicked|thrown|booted|banned|excluded|removed)\s+(?:off|out|from)\b|\b(?:get|have|make)\s+(?:the|those|these|
      that|this|all\s+the)\s+${MEMBER}\s+(?:\p{L}+\s+){0,4}?(?:kicked|thrown|booted|banned|excluded|removed)\s+
      (?:off|out|from)\b|\b${MEMBER}\b[^.?!]{0,40}?\b
      (?:annoying|gross|weird|creepy|disgusting|unbearable|insufferable|can'?t\s+stand)\b[^.?!]{0,80}?\b(?:get|have|
      make)\s+(?:them|those|these)\s+(?:all\s+)?${PUSHED_OUT}\b|\b${MEMBER}\b[^.?!]{0,80}?\b(?:get|have|make)\s+
      (?:them|those|these)\s+(?:all\s+)?${PUSHED_OUT}\b[^.?!]{0,60}?\bwithout\s+(?:saying|telling|explaining|giving|
      them\s+knowing|anyone\s+knowing)\b
    `,
  },
];

import { re, reSource } from "../../regex.ts";
import type { AbusePattern } from "./types.ts";
import { GROUP, INSULT_NOUN, MEMBER, ORIGIN, VICTIM } from "./vocabulary.ts";

/**
 * Abuse by class, fourth set: a pile-on called for ("so everybody piles on him"); jokes asked for
 * to laugh at a group of classmates; a group stereotyped or kept off teams; telling someone people
 * like them don't belong; exposure held over someone ("we'll tell his parents unless …"); a room
 * threatened without an "I"; harassing messages asked for by the batch; slurs generated in bulk,
 * whatever the purpose; deadnaming; a veiled threat asked for; and abuse asked for in Vietnamese
 * (folded). Questions about these ("what is deadnaming", "how are peer evaluations used", "how do I
 * handle a teammate who doesn't contribute") ask for nothing aimed at anyone.
 */

const COMPOSE = reSource`
  (?:write|draft|compose|post|send|make|create|generate|come\s+up\s+with|give\s+me|tell\s+me|craft|
  help\s+me\s+(?:write|draft|send|post|make|create|craft))
`;
const PIECE = reSource`
  (?:reviews?|posts?|messages?|comments?|tweets?|emails?|e-mails?|dms?|threads?|notes?|letters?|texts?|
  captions?|memes?|videos?|tiktoks?|reels?|replies|stories|jokes?)
`;
// The crowd turned on one person: "so everybody piles on him", "and get the class to gang up on her".
const CROWD = reSource`
  (?:everyone|everybody|people|the\s+(?:whole|entire)\s+(?:class|section|course|team|group|cohort|channel|
  server)|all\s+of\s+us|the\s+(?:class|channel|server|group|team))
`;
const PILE_ON = reSource`
  (?:piles?|piling|jumps?|jumping|dog-?piles?|dog-?piling)\s+on|gangs?\s+up\s+on|ganging\s+up\s+on|turns?\s+
  on|turning\s+on|goes?\s+after|going\s+after|rips?\s+into|dunks?\s+on|laughs?\s+at|laughing\s+at|mocks?|
  mocking|roasts?|roasting|attacks?|hates?|ignores?|shuns?|unfollows?|reports?
`;
const DAMAGE_VERB = reSource`
  (?:trash|wreck|smash\s+up|vandali[sz]e|torch|burn\s+down|set\s+fire\s+to|flood|break\s+into|destroy|
  shoot\s+up|blow\s+up|firebomb)
`;
const ROOM = reSource`
  (?:building|campus|lab|labs|lecture\s+hall|classroom|library|office|offices|server\s+room|exam\s+hall|
  hall|room|department|dept)
`;
const HARASSING = reSource`
  (?:harassing|abusive|threatening|hateful|intimidating|menacing|vicious|cruel|hurtful|insulting|degrading|
  nasty|vile|vulgar|obscene|creepy|toxic|mean)
`;
const SLURS = reSource`(?:slurs|racial\s+slurs|ethnic\s+slurs|derogatory\s+(?:terms|names|words)|racist\s+(?:terms|insults|names))`;
// Secrets a student could hold over someone.
const CONFIDANT = reSource`
  (?:parents|family|mom|mum|dad|mother|father|boss|employer|girlfriend|boyfriend|wife|husband|partner|
  friends|church|everyone|everybody|the\s+(?:whole\s+)?(?:class|school|department|team))
`;
const IDENTITY = reSource`
  (?:gay|lesbian|bi|bisexual|trans|transgender|queer|pregnant|on\s+(?:drugs|meds|medication)|in\s+therapy|
  depressed|hiv\+?(?:\s+positive)?|an?\s+(?:addict|alcoholic)|undocumented|illegal|an\s+illegal)
`;
const STEREOTYPED = reSource`
  (?:cheat\w*|lazy|stupid|dumb|dirty|smelly|smell|loud|rude|useless|incompetent|steal\w*|lying|liars|
  copying|plagiari[sz]\w*|freeload\w*|slack\w*|bad\s+at\s+\p{L}+|terrible\s+at\s+\p{L}+)
`;

export const PRESSURE_PATTERNS: AbusePattern[] = [
  {
    family: "harassment",
    // A post meant to turn a crowd on someone: "a Slack post calling out Ravi as a freeloading idiot
    // so everybody piles on him".
    pattern: re("iu")`
      \b(?:so|so\s+that|and\s+get|to\s+get|to\s+make|until)\s+${CROWD}\s+(?:to\s+)?(?:will\s+|can\s+|starts?\s+
      (?:to\s+)?)?(?:${PILE_ON})\s+(?:him|her|them)\b|\bcall(?:s|ing)?\s+out\s+[^.?!]{0,50}?\bas\s+(?:an?\s+)?
      (?:\p{L}+\s+){0,2}?${INSULT_NOUN}\b
    `,
  },
  {
    family: "hate",
    // Jokes asked for about a group among the student's classmates, or to laugh at them.
    pattern: re("iu")`
      \b(?:jokes?|memes?|one-?liners?|puns?|roasts?|limericks?|cartoons?)\s+(?:about|on|mocking|making\s+fun\s+of)\s+
      (?:the\s+|all\s+the\s+|those\s+|these\s+)?(?:${MEMBER}|${ORIGIN})\b(?:\s+(?:in|on|from|at)\s+(?:my|our|the|this)
      \b|[^.?!]{0,80}?\b(?:laugh\w*\s+at|mock\w*|make\s+fun\s+of|ridicul\w*)\s+(?:them|those|these)\b)
    `,
  },
  {
    family: "hate",
    // A group stereotyped, or kept off the student's team: "why are indian students always cheating",
    // "stop putting them on teams with us".
    pattern: re("iu")`
      \bwhy\s+(?:are|do|does|is)\s+(?:all\s+|the\s+|so\s+many\s+)?(?:${GROUP}|${ORIGIN})\s+(?:always|all|so|never|
      constantly|such)\s+(?:\p{L}+\s+)?${STEREOTYPED}\b|\b(?:stop|quit|never|don'?t)\s+(?:put(?:ting)?|plac(?:e|ing)|
      assign(?:ing)?|pair(?:ing)?|group(?:ing)?|match(?:ing)?)\s+(?:them|those|these|any\s+of\s+them)\s+(?:\p{L}+\s+)?
      (?:on|in|into|to|with)\s+(?:teams?|groups?|my|our|us)\b
    `,
  },
  {
    family: "hate",
    // Telling someone people like them don't belong: "people like him don't belong in engineering".
    pattern: re("iu")`
      \bpeople\s+like\s+(?:him|her|them|you|that)\s+(?:don'?t|do\s+not|shouldn'?t|should\s+not|can'?t|never)\s+
      (?:really\s+)?(?:belong|be\s+(?:here|allowed|in|admitted|engineers?|programmers?))\b|\b${COMPOSE}\b
      [^.?!]{0,60}?\b(?:telling|tell|saying|say\s+to|reminding)\s+(?:him|her|them|${VICTIM})\b[^.?!]{0,40}?\b
      (?:(?:he|she|they)\s+(?:doesn'?t|don'?t|does\s+not|do\s+not)\s+belong|should\s+(?:just\s+)?(?:drop|quit|leave|
      withdraw\s+from)\s+(?:the|this|our)\s+(?:course|class|program|programme|major|degree|team|module))\b
    `,
  },
  {
    family: "threat",
    // Exposure held over someone: "we'll tell his parents unless he writes the report", "everyone
    // knows he's gay and we'll tell his family".
    pattern: re("iu")`
      \b(?:tell|inform|show|send\s+(?:it|this|them|the\s+\p{L}+)\s+to|out\s+(?:him|her|them)\s+to|expose\s+
      (?:him|her|them)\s+to)\s+(?:his|her|their)\s+${CONFIDANT}\b[^.?!]{0,80}?\b(?:unless|or\s+else|if\s+(?:he|
      she|they)\s+(?:doesn'?t|don'?t|won'?t|refuses?|does\s+not))\b|\b(?:unless|or\s+else)\b[^.?!]{0,80}?\b(?:tell|
      inform|out|expose)\s+(?:him|her|them\s+to\s+)?(?:his|her|their)\s+${CONFIDANT}\b|\b(?:knows?|find\s+out|
      tell\s+\p{L}+|telling\s+\p{L}+|that)\s+(?:that\s+)?(?:he|she|they)(?:'s|'re|\s+is|\s+are)\s+(?:secretly\s+)?
      ${IDENTITY}\b[^.?!]{0,60}?\b(?:tell|telling|inform\w*|out\w*|expos\w*)\s+(?:his|her|their)\s+${CONFIDANT}\b|
      \b(?:out|outing|expose|exposing)\s+(?:him|her|them|${VICTIM})\s+as\s+${IDENTITY}\b
    `,
  },
  {
    family: "threat",
    // A room or building threatened without an "I": "gonna trash computer lab 2.14 if …".
    pattern: re("iu")`
      (?:^|[.!?;]\s*|\b(?:i'?m|im|we'?re|i\s+am|i'?ll|we'?ll|imma|ima)\s+|\b(?:i|we)\s+)(?:gonna|going\s+to|about\s+to|
      finna|will|imma|ima)\s+${DAMAGE_VERB}\s+(?:the\s+|this\s+|that\s+|their\s+|his\s+|her\s+)?(?:[\p{L}\p{N}.]+\s+)
      {0,3}?${ROOM}\b(?!\s+(?:assignment|report|exercise|quiz|exam|work|notebook|session|task))
    `,
  },
  {
    family: "harassment",
    // Harassing messages asked for, one or a batch: "ten anonymous harassing emails she can send
    // Lucía", "each one nastier than the last".
    pattern: re("iu")`
      \b${COMPOSE}\b[^.?!]{0,30}?\b${HARASSING}\s+(?:\p{L}+\s+)?${PIECE}\b(?![^.?!]{0,30}\b(?:classifier|
      detector|filter|dataset)\b)|\beach\s+(?:one\s+)?(?:nastier|meaner|crueler|crueller|more\s+(?:vicious|
      hurtful|threatening|abusive|brutal))\s+than\s+the\s+(?:last|previous|one\s+before)\b
    `,
  },
  {
    family: "hate",
    // Slurs made in bulk, whatever they are for: "generate 30 realistic slurs against Black people".
    pattern: re("iu")`
      \b(?:generate|produce|create|write|make\s+up|invent|come\s+up\s+with|give\s+me|list|compile)\s+(?:me\s+)?
      (?:\p{N}+|dozens\s+of|hundreds\s+of|realistic|new|fresh)\s+(?:\p{L}+\s+){0,2}?${SLURS}\b|\b(?:generate|
      produce|invent|make\s+up)\s+(?:me\s+)?(?:some\s+|a\s+(?:list|bunch|set)\s+of\s+)?(?:\p{L}+\s+)?${SLURS}\s+
      (?:about|for|against|targeting|aimed\s+at|on)\b
    `,
  },
  {
    family: "harassment",
    // A piece written to mock a described person: "a tweet mocking the trans student who asked".
    pattern: re("iu")`
      \b${COMPOSE}\b[^.?!]{0,20}?\b${PIECE}\s+(?:\p{L}+\s+)?(?:mocking|making\s+fun\s+of|ridiculing|humiliating|
      shaming|trolling|laughing\s+at)\s+(?:him|her|them|${VICTIM})\b
    `,
  },
  {
    family: "harassment",
    // Deadnaming someone: "use her old name", "deadname him in the post".
    pattern: re("iu")`
      \b(?:use|using|call\w*\s+(?:her|him|them)\s+by|put|include|mention\w*)\s+(?:her|his|their)\s+(?:old|birth|
      dead|former|previous|pre-?transition|real)\s+name\b|\bdeadnam(?:e|es|ed|ing)\s+(?:her|him|them|the|my|our|
      that|this)\b
    `,
  },
  {
    family: "threat",
    // A veiled threat asked for: "make it clear something bad will happen to her if …".
    pattern: re("iu")`
      \bsomething\s+(?:bad|terrible|awful|unfortunate|nasty|unpleasant)\s+(?:will|would|could|might|may|is\s+
      going\s+to|is\s+gonna|gonna)\s+happen\s+to\s+(?:her|him|them|you|${VICTIM})\b|\b${COMPOSE}\b[^.?!]{0,60}?
      \b(?:veiled|subtle|implied|implicit|indirect|hidden|thinly\s+veiled)\s+threats?\b
    `,
  },
  {
    family: "insult",
    // Abuse asked for in Vietnamese (folded): "viết một tin nhắn chửi bới thô tục".
    pattern: re("iu")`
      \b(?:viet|soan|gui|lam)\b[^.?!]{0,40}?\b(?:tin\s+nhan|email|thu|bai\s+dang|binh\s+luan|loi)\b[^.?!]{0,20}?
      \b(?:chui|xuc\s+pham|lang\s+ma|tho\s+tuc|si\s+nhuc|de\s+doa|bat\s+nat|ha\s+nhuc|moc\s+mia)\b
    `,
  },
];

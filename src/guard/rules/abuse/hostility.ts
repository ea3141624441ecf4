import { re, reSource } from "../../regex.ts";
import type { AbusePattern } from "./types.ts";
import { MEMBER, PERSON_NOUN } from "./vocabulary.ts";

/**
 * Abuse by class, second set: threats made by lying in wait "until he regrets it" or by bringing
 * "something" that will make the news; damage to someone's car or office; slurs and dehumanising
 * words said of people; hate that bars a group from a role or calls it disgusting or dangerous;
 * telling someone to jump off a bridge; roasting or humiliating a described person; and the same
 * humiliation asked for in Spanish, French, Portuguese, Italian and German (accents folded).
 */

// What is promised to follow, as the victim's state: "make sure he regrets it", "until she pays".
const REGRETS = reSource`
  (?:regrets?|regretted|pays?|suffers?|cries|learns?\s+(?:his|her|their)\s+lesson|never\s+forgets?)
`;
// Vandalism and arson verbs, for someone's belongings or workplace.
const DAMAGE = reSource`
  (?:key|keying|keyed|slash|slashing|torch|torching|firebomb|firebombing|vandali[sz]e|vandali[sz]ing|egg|
  egging|trash|trashing|smash(?:\s+up)?|smashing|spray[- ]?paint|
  burn\s+down|burning\s+down|set\s+fire\s+to|setting\s+fire\s+to)
`;
const BELONGING = reSource`
  (?:car|cars|tires|tyres|bike|office|offices|house|home|apartment|flat|dorm|lab|windows|door|windshield|
  windscreen|mirrors?|headlights?|scooter|motorbike|motorcycle|locker)
`;
// Whose belonging: a possessive, never "the" alone ("key the cars table" is a database).
const WHOSE = reSource`(?:his|her|their|your|(?:the\s+)?\p{L}+(?:\s+\p{L}+)?'s)`;
// Words that treat people as less than people: said of anyone, they are abuse.
const DEHUMANISING = reSource`
  (?:retards?|retarded|subhumans?|sub-human|morons|imbeciles|cretins|halfwits|dumbasses|vermin|scumbags|
  degenerates|mongoloids?|untermenschen)
`;
// Positions a group is barred from: "gay people shouldn't be TAs", "… shouldn't be admitted".
const POSITION = reSource`
  (?:tas|teachers|professors|lecturers|instructors|engineers|programmers|developers|scientists|doctors|
  leaders|students|here|in\s+(?:this\s+|our\s+|my\s+|the\s+)?(?:(?!same\b)\p{L}+\s+)?(?:tech|stem|cs|engineering|computing|
  science|ml|ai|course|courses|class|classes|program|programs|programme|field|fields|team|teams|major|degree)|
  admitted|allowed|hired|
  accepted|enrolled|trusted|teaching|teach|study|studying|code)
`;
const HUMILIATE_ABROAD = reSource`
  (?:humillar|humiliar|ridiculizar|humilhar|humilier|ridiculiser|umiliare|ridicolizzare|insultar|insulter|
  acosar|harceler|assediar|intimidar|intimider)
`;

export const HOSTILITY_PATTERNS: AbusePattern[] = [
  {
    family: "threat",
    // Lying in wait or watching someone until they suffer: "wait for him … make sure he regrets it".
    pattern: re("iu")`
      \b(?:wait(?:ing)?\s+(?:for|outside|by)|follow(?:ing)?|corner(?:ing)?|catch(?:ing)?)\s+(?:him|her|them)\b
      [^.?!]{0,80}?\b(?:make\s+sure|until|so\s+that)\s+(?:he|she|they)\s+${REGRETS}\b|\bmake\s+sure\s+
      (?:he|she|they)\s+(?:really\s+)?(?:regrets?|pays\s+for)\s+(?:it|this|that|what)\b
    `,
  },
  {
    family: "threat",
    // Something brought that will make the news, or a failing grade answered with it.
    pattern: re("iu")`
      \b(?:bring|bringing|brought|take|taking|carry|carrying)\s+(?:something|stuff|a\s+(?:little\s+)?
      (?:surprise|present|gift|package))\b[^.?!]{0,60}?\b(?:make|makes|making)\s+(?:the\s+)?(?:\p{L}+\s+)?
      (?:news|headlines|papers)\b|\bif\s+i\s+(?:fail|flunk|get\s+expelled|get\s+kicked\s+out|don'?t\s+pass)\b
      [^.?!]{0,80}?\b(?:make|makes)\s+(?:the\s+)?(?:\p{L}+\s+)?(?:news|headlines)\b
    `,
  },
  {
    family: "threat",
    // Damage to someone's belongings or workplace: "key Daniel Kim's car", "torch their office".
    // A quoted example ("a message like 'someone should torch their office'") is discussed, not made.
    pattern: re("iu")`(?<!(?:^|\s)['"“‘][^'"”’]{0,40})\b${DAMAGE}\s+${WHOSE}\s+(?:\p{L}+\s+)?${BELONGING}\b`,
  },
  {
    family: "insult",
    // Dehumanising words said of people: "he's a useless retard", "they are subhuman garbage",
    // "the TAs are a bunch of lazy overpaid morons".
    pattern: re("iu")`
      (?:\b(?:is|are|was|were|am)|'s|'re)\s+(?:all\s+|just\s+|such\s+|nothing\s+but\s+|a\s+bunch\s+of\s+|
      a\s+pack\s+of\s+|an?\s+)*(?:\p{L}+\s+){0,3}?${DEHUMANISING}\b|\b(?:you|those|these|the)\s+(?:\p{L}+\s+)?
      (?:retards|subhumans|morons|vermin)\b(?!\s+(?:is|are)\s+(?:a\s+)?(?:slur|word|term))
    `,
  },
  {
    family: "hate",
    // A group barred from a role or called disgusting or dangerous: "gay people shouldn't be TAs",
    // "disabled people shouldn't even be admitted", "all the Muslims in our class are potential
    // terrorists", "the deaf kid on our team is dead weight". Reported, quoted or questioned ("the
    // classifier flags posts saying muslims are …") is not the student's claim: see reported.ts.
    pattern: re("iu")`
      \b${MEMBER}\b[^.?!,]{0,40}?\b(?:shouldn'?t|should\s+not|mustn'?t|must\s+not|can'?t|
      cannot|don'?t\s+deserve\s+to)\s+(?:ever\s+|even\s+|really\s+|be\s+allowed\s+to\s+)?(?:be\s+|become\s+)?
      ${POSITION}\b(?!\s+without)|\b${MEMBER}\b[^.?!]{0,40}?\b(?:is|are|'s|'re)\s+(?:all\s+)?(?:\p{L}+\s+)?
      (?:terrorists?|criminals?|rapists?|pedophiles?|paedophiles?|perverts?|degenerates?|disgusting|
      an\s+abomination|abominations|dead\s+weight|a\s+burden|sick\s+in\s+the\s+head)\b|\b${MEMBER}\b[^.?!]{0,30}?,
      \s*(?:it'?s|that'?s)\s+(?:so\s+|just\s+)?(?:disgusting|sick|gross|unnatural)\b
    `,
  },
  {
    family: "harassment",
    // Telling someone to jump off a bridge, in English and German.
    pattern: re("iu")`
      \b(?:should|oughta|ought\s+to|needs?\s+to|go|can|could|would|hope\s+\p{L}+|wish\s+\p{L}+\s+would)\s+
      (?:just\s+|go\s+|simply\s+)?(?:jump|leap|throw\s+(?:him|her|them)sel(?:f|ves))\s+(?:off|from)\s+(?:a|the)\s+
      (?:bridge|cliff|roof|building|balcony)\b|\b(?:sollte|soll|sollen|muss|kann)\s+(?:\p{L}+\s+){0,2}?
      (?:von|vom)\s+(?:einer|der|dem|einem)?\s*(?:brucke|dach|klippe|hochhaus)\s+springen\b|\b(?:tirarse|
      tirese|sauter|se\s+jeter)\s+(?:de|d'|du)\s*(?:un|une|el|le|la)?\s*(?:puente|pont|edificio|toit)\b
    `,
  },
  {
    family: "harassment",
    // Roasting or humiliating a described person: "a meme page roasting the fat guy in lab 2",
    // "captions that will really humiliate him", "roast them as brutally as you can".
    pattern: re("iu")`
      \broast(?:ing|s)?\s+(?:the|that|this|my|our)\s+(?:\p{L}+\s+){0,2}?(?:${PERSON_NOUN}|kid|dude|lady)s?\b|
      \b(?:captions?|
      jokes?|lines?|insults?|comebacks?|memes?|messages?|posts?|comments?)\s+(?:that|which|to)\s+(?:will\s+|would\s+|
      can\s+)?(?:really\s+|totally\s+)?(?:humiliate|destroy|embarrass|crush|break)\s+(?:him|her|them)\b|
      \broast\s+(?:him|her|them)\s+(?:as\s+)?(?:brutally|savagely|mercilessly|hard)\b
    `,
  },
  {
    family: "harassment",
    // Humiliation asked for in other languages: "un mensaje para humillar a la chica trans".
    pattern: re("iu")`
      \b(?:para|pour|per|pra|um)\s+(?:\p{L}+\s+){0,2}?${HUMILIATE_ABROAD}\s+(?:a|al|la|le|les|el|mon|ma|mi|
      meu|minha|o|cette|ce|esa|ese|esta|este)\b|\b(?:dieser|diese|der|die|du)\s+(?:\p{L}+\s+)?(?:idiot|trottel|
      vollidiot|versager|arschloch)\s+(?:von|vom)\s+(?:dozent\w*|prof\w*|tutor\w*|lehrer\w*)\b
    `,
  },
];

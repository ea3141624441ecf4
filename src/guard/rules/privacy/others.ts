import { re, reSource } from "../../regex.ts";
import { NAME } from "./named.ts";
import { DESCRIBED_PERSON, FETCH, PEER, STAFF_REF, TITLED_PERSON } from "./vocabulary.ts";

/**
 * Privacy by class, second set: where a person can be found (their section, room or seat); who is
 * dating whom; what was wrong with someone in hospital; a visa or permit; a private (non-course)
 * email; another numbered team's graded work; a leaderboard with real names; and which classmates
 * talked to the tutor. Lower-case patterns run on the folded forms; NAMED ones on the text as
 * written, where a capital marks a name.
 */

// Someone other than the asker, as a pronoun or a described or related person.
const PERSON = reSource`
  (?:he|she|${PEER}|${DESCRIBED_PERSON}|my\s+(?:ex|crush|girlfriend|boyfriend|ex-?girlfriend|ex-?boyfriend))
`;
// Where a person is to be found in the course's timetable.
const PLACE = reSource`
  (?:(?:lab\s+|lecture\s+|tutorial\s+|discussion\s+)?(?:section|room|seat|group|building|lab|class|slot))
`;
const PLACE_PAIR = reSource`${PLACE}(?:\s+(?:and|or|&|/)\s+${PLACE})?`;
// A team or group of the course by its number or letter: "team 7", "group b".
const NUMBERED_TEAM = reSource`(?<!\b(?:my|our)\s)\b(?:team|group)\s+(?:\p{N}{1,3}|[a-h])\b`;
const TEAM_WORK = reSource`
  (?:reports?|repos?(?:itory)?(?:\s+links?)?|code|notebooks?|submissions?|solutions?|answers|write-?ups?|
  github)
`;
// A published ranking shown with who is who.
const RANKING = reSource`(?:leaderboards?|rankings?|scoreboards?|scores|grades|results)`;
const REAL_NAMES = reSource`
  (?:(?:everyone'?s|every\s+student'?s|all\s+(?:the\s+)?students'?|students'?|their|the)\s+(?:real|full|
  actual|student)\s+names|(?:real|full|actual)\s+(?:student\s+)?names|de-?anonymi[sz]ed|not\s+(?:the\s+)?
  anonymi[sz]ed)
`;
const TALKED = reSource`
  (?:talked|talk|spoken|spoke|asked|told|written|wrote|messaged|chatted|confided\s+in|opened\s+up)
`;

export const OTHERS_PATTERNS: RegExp[] = [
  // "which lab section and room is she in", "what room is my ex in on Tuesdays".
  re("iu")`
    \b(?:which|what)\s+${PLACE_PAIR}\s+(?:is|does|did|will|has)\s+${PERSON}\s+(?:\p{L}+\s+){0,3}?(?:in|attend|
    go\s+to|sit|sits|have|take|taking|in\s+on)\b|\bwhere\s+(?:does|did|is)\s+(?:he|she|${PEER}|my\s+ex)\s+
    (?:sit|sitting|usually\s+sit)\b
  `,
  // Two people asked to be a couple: "are Leo and Amira dating", "are my teammates hooking up".
  re("iu")`
    \b(?:are|were)\s+[\p{L}.]+\s+(?:and|&)\s+[\p{L}.]+(?:\s+[\p{L}\p{N}]+){0,4}?\s+(?:dating|a\s+couple|an\s+item|
    hooking\s+up|sleeping\s+together|seeing\s+each\s+other|in\s+a\s+relationship)\b
  `,
  // Someone's health asked after: "what was wrong with her?", "why was he in hospital".
  re("iu")`
    \bwhat(?:'s|s|\s+is|\s+was)\s+wrong\s+with\s+(?:him|her)\s*(?:[?!.]|$)|\bwhy\s+(?:was|is|were)\s+(?:he|she|
    ${PEER})\s+(?:in|at)\s+(?:the\s+)?(?:hospital|rehab|therapy|a\s+clinic|the\s+er)\b|\b(?:he|she)\s+(?:was|
    were|is|'s)\s+in\s+(?:the\s+)?hospital\b[^]{0,60}?\bwhat\s+(?:was|is)\s+(?:wrong|the\s+(?:illness|
    diagnosis|problem))\b
  `,
  // A visa or permit of another person: "his student permit expired", "does he have a valid visa".
  re("iu")`
    \b(?:his|her)\s+(?:student\s+|work\s+|residence\s+|study\s+)?(?:permit|visa|green\s+card)\s+(?:has\s+|had\s+)?
    (?:expired|ran\s+out|runs\s+out|is\s+valid|was\s+revoked|got\s+revoked|status)\b
  `,
  // A private email asked for, not the course one: "his gmail", "jego prywatny adres e-mail".
  re("iu")`
    \b(?:his|her)\s+(?:personal\s+|private\s+)?(?:gmail|hotmail|yahoo|outlook|icloud|proton(?:mail)?)\b|
    \b(?:prywatny|prywatnego|osobisty)\s+(?:adres\s+)?(?:e-?mail|mail|numer)|\b(?:jego|jej)\s+(?:prywatny\s+)?
    (?:gmail|e-?mail|numer(?:\s+telefonu)?)\b|\b(?:e-?mail|indirizzo\s+e-?mail|numero)\s+(?:privat[oa]|
    personale)\s+d[ie]\b|\bprive\s+(?:e-?mail(?:adres)?|nummer|adres|telefoonnummer)\s+van\b|\bozel\s+
    (?:e-?posta|telefon)\b
  `,
  // Another numbered team's graded work: "send me team 7's Project 3 report and repo link".
  re("iu")`
    \b${FETCH}\b[^.?!]{0,40}?${NUMBERED_TEAM}(?:'s|s')?\s+(?:[\p{L}\p{N}]+\s+){0,3}?${TEAM_WORK}\b|\b${FETCH}\b
    [^.?!]{0,30}?\b${TEAM_WORK}\s+(?:of|for|from|by)\s+${NUMBERED_TEAM}
  `,
  // A ranking with who is who: "post the leaderboard with everyone's real names".
  re("iu")`\b${FETCH}\b[^.?!]{0,40}?\b${RANKING}\b[^.?!]{0,40}?\b(?:with|including|showing)\s+${REAL_NAMES}`,
  // Classmates who talked to the tutor: "which of my classmates have talked to you about …".
  re("iu")`
    \b(?:which|who)\s+(?:of\s+(?:my|the|our)\s+|else\s+(?:in|from)\s+(?:my|our|the)\s+\p{L}+\s+)(?:\p{L}+\s+)?
    (?:classmates|students|teammates|people|friends|peers|\p{L}+)?\s*(?:have|has|had|did)\s+(?:been\s+)?
    ${TALKED}\s+(?:to\s+|with\s+|in\s+)?(?:you|the\s+(?:tutor|bot|assistant))\b
  `,
];

/** A member of staff's love life, asked whoever they are: "is the TA with the beard single?". */
const STAFF_LIFE_PATTERN = re("iu")`
  \b(?:is|are)\s+${STAFF_REF}(?:\s+[\p{L}.]+){0,4}?\s+(?:single|married|dating\s+(?:anyone|someone))\b(?!-)
`;

// A member of staff by role or by title, or anyone by a title ("Ms. Rivera").
const STAFF_PERSON = reSource`(?:${STAFF_REF}|${TITLED_PERSON})`;
// Contact details that are not the work ones: "personal phone", "private email", "home number".
const PRIVATE_CONTACT = reSource`
  (?:personal|private|home|family)\s+(?:e-?mail(?:\s+address)?|(?:phone|cell|mobile|telephone|landline)
  (?:\s+number)?|number|address|gmail|whatsapp|instagram|socials)
`;

/**
 * The private side of a member of staff: their love life, their personal (not work) contact
 * details and where they live. Staff's work contact details pass ("Dr. Vasquez's email", "the TA's
 * office hours"), so these hold whether or not the message names a role or a title.
 */
export const STAFF_PRIVATE_PATTERNS: RegExp[] = [
  STAFF_LIFE_PATTERN,
  // "Dr. Vasquez's personal phone number", "the home address of Prof. Okafor", "Dr. Vasquez? what's
  // her private email".
  re("iu")`
    \b${STAFF_PERSON}(?:'s|’s|s'|')\s+(?:own\s+)?${PRIVATE_CONTACT}\b|\b${PRIVATE_CONTACT}\s+(?:of|for)\s+
    ${STAFF_PERSON}|\b(?:what(?:'s|s|\s+is|\s+are)|give|send|tell|share|find|get|need|want|leak|post|dm)\s+
    (?:me\s+)?(?:his|her)\s+${PRIVATE_CONTACT}\b
  `,
  // "where does Dr. Vasquez live", "where does the TA live".
  re("iu")`\bwhere\s+(?:does|do|did|is)\s+${STAFF_PERSON}\s+(?:live|living|reside|residing)\b`,
];

/** The same on the text as written: "Does Mateo from Section B have a valid visa?". */
export const OTHERS_NAMED_PATTERNS: RegExp[] = [
  re("u")`
    \b(?:[Dd]oes|[Dd]id|[Hh]as)\s+${NAME}(?:\s+(?:from|in|on)\s+(?:[Mm]y\s+|[Oo]ur\s+|[Tt]he\s+)?[\p{L}\p{N}]+
    (?:\s+[\p{L}\p{N}]+)?)?\s+(?:have|hold|need|got)\s+(?:an?\s+|any\s+)?(?:valid\s+|current\s+|student\s+|
    work\s+)?(?:visa|permit|green card|residence permit|diagnosis|disability|illness)\b|\b(?:[Ww]hich|[Ww]hat)\s+
    ${PLACE_PAIR}\s+(?:is|does)\s+${NAME}\s+(?:in|attend|sit)\b
  `,
];

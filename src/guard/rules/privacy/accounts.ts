import { re, reSource } from "../../regex.ts";
import { LOWER_NAME, WORD } from "./lower-names.ts";
import { HANDOVER, PARTICULAR_PERSON, PEER, RELATION, SOCIAL } from "./vocabulary.ts";

/**
 * Someone's social accounts and private contact details: "does Arjun Mehta have an Instagram or
 * TikTok? send me his handle", "whats sofia novak's personal gmail, not the staff list one". A
 * member of staff publishes a work address (the syllabus, the staff list) and nothing else, so a
 * personal address is private whoever owns it, even in a message that names staff. Matched on the
 * lower-case forms; the course's own channels ("does the course have a discord?") and one's own
 * or family's details ("my sister's personal email got leaked") name no one else.
 */

// Someone in particular who could hold an account: a pronoun, a peer, a relation, a described
// student, or a name (LOWER_NAME: never "the", "anyone", "the course").
const HOLDER = reSource`(?:he|she|${PEER}|${RELATION}|${PARTICULAR_PERSON}|${LOWER_NAME})`;
const WHERE = reSource`(?:\s+(?:on|in|from|at)\s+(?:my|our|the|this)\s+(?:\p{L}+\s+)?\p{L}+)?`;
// Accounts a person keeps for themselves (a company's account is on Twitter, LinkedIn or Discord).
const PERSONAL_SOCIAL = reSource`
  (?:instagram|insta|ig|tiktok|snapchat|snap|facebook|fb|onlyfans|bereal|dating\s+(?:app|profile))
`;
const HANDLE = reSource`(?:handles?|usernames?|user\s+names?|tags?|accounts?|profiles?|pages?)`;
// Contact details that are not the published work ones.
const PRIVATE_CONTACT = reSource`
  (?:(?:personal|private|non-?(?:school|uni|university|work|course|staff)|home|family)\s+(?:e-?mail(?:\s+address)?|
  gmail|hotmail|yahoo|icloud|(?:phone|cell|mobile)(?:\s+number)?|number|whatsapp)|home\s+address|(?:gmail|hotmail|
  yahoo|icloud|protonmail)(?:\s+(?:address|account))?)
`;
// Whose, by name, not one's own or one's family's ("my sister's personal email"). The lookahead
// first skips, cheaply, every word that is not followed by "'s".
const POSSESSOR = reSource`\b(?=[\p{L}-]+['’]s\s)(?<!\b(?:my|our|your|own)\s+)${WORD}(?:'s|’s)`;

/** Accounts and handles of another student (staff's work accounts pass: see index.ts). */
export const ACCOUNT_PATTERNS: RegExp[] = [
  // "does Arjun Mehta have an Instagram or TikTok", "is the girl from my lab on snapchat".
  re("iu")`
    \b(?:does|did|has)\s+${HOLDER}${WHERE}\s+(?:even\s+|still\s+|actually\s+)?(?:have|has|got|use)\s+(?:an?\s+|any\s+)?
    (?:public\s+|private\s+|secret\s+|alt\s+|fake\s+)?${SOCIAL}\b|\bis\s+(?:he|she|${PEER}|${RELATION}|
    ${PARTICULAR_PERSON})${WHERE}\s+(?:even\s+|still\s+|actually\s+)?on\s+${SOCIAL}\b
  `,
  // "send me his handle", "what's her insta username", "find their tiktok account".
  re("iu")`
    \b(?:${HANDOVER}|what(?:'s|s|\s+is|\s+are)|find|dm|tell\s+me)\s+(?:his|her)\s+
    (?:${SOCIAL}\s+)?(?:(?:handles?|usernames?|user\s+names?|tags?)\b|@)|\b(?:${HANDOVER}|what(?:'s|s|\s+is|\s+are)|
    find|tell\s+me)\s+(?:his|her|their)\s+${SOCIAL}(?:\s+${HANDLE})?\b
  `,
  // "what's jordan's insta", "priya's tiktok handle".
  re("iu")`${POSSESSOR}\s+${PERSONAL_SOCIAL}(?:\s+${HANDLE})?\b`,
];

/** Private contact details, whoever owns them (staff included). */
export const PRIVATE_CONTACT_PATTERNS: RegExp[] = [
  // "whats sofia novak's personal gmail", "lucía's private phone number", "the personal email of jordan".
  re("iu")`
    ${POSSESSOR}\s+(?:own\s+)?${PRIVATE_CONTACT}\b|\b${PRIVATE_CONTACT}\s+of\s+${LOWER_NAME}\b
  `,
];

import { withDefaults } from "../../../core/options.ts";
import { execAnchored, prepareAnchors, testAnchored } from "../../anchors/index.ts";
import { allForms, textViews } from "../../normalize/index.ts";
import { re } from "../../regex.ts";
import type { GuardRule, GuardVerdict } from "../../types.ts";
import { ACCOUNT_PATTERNS, PRIVATE_CONTACT_PATTERNS } from "./accounts.ts";
import { PRIVACY_CLASS_PATTERNS, PRIVATE_LIFE_PATTERNS } from "./classes.ts";
import { HEALTH_PATTERNS } from "./health.ts";
import { LOWER_NAME_PATTERNS } from "./lower-names.ts";
import { ABROAD_CLASS_PATTERNS, NAME, NAMED_CLASS_PATTERNS } from "./named.ts";
import { OTHERS_NAMED_PATTERNS, OTHERS_PATTERNS, STAFF_PRIVATE_PATTERNS } from "./others.ts";
import { NAMED_PATTERNS, PRIVACY_PATTERNS, PRONOUN_PATTERN } from "./patterns.ts";
import { NAMED_RECORD_PATTERNS, RECORD_PATTERNS } from "./records.ts";
import { STAFF, STAFF_TITLED, TITLE } from "./vocabulary.ts";
import { NAMED_REACH_PATTERNS, REACH_PATTERNS, ROLE_PRIVATE_PATTERNS } from "./whereabouts.ts";

/**
 * Other people's personal data: a student asking the tutor for a classmate's email, phone number,
 * student ID, address, schedule, grades, submissions or health details, or for a class list with
 * them. The tutor holds none of it and must never look as if it might. A student's own data
 * ("my grade", "my email") and the teaching team's published contact details ("the TA's email",
 * "office hours") are not other people's data; neither are questions about handling personal
 * data ("how do we redact student IDs in a dataset?").
 */
export interface PrivacyOptions {
  extraPatterns: readonly RegExp[];
  refusal?: string;
}

export const defaultPrivacyOptions: PrivacyOptions = { extraPatterns: [] };

export const defaultPrivacyRefusal =
  "I can't share or look up other students' personal details, grades or work. " +
  "For anything about your own records, or a concern about another student, please contact the teaching team.";

// A member of the teaching team: their published contact details are there for students to use.
const STAFF_WORD = re("iu")`\b${STAFF}\b`;
// A member of staff named by title ("Dr. Vasquez"). A title vouches only for the person it names:
// "Dr. Vasquez said I could ask: what's priyanka's number?" still asks for a student's number.
const TITLED_STAFF = re("iu")`${STAFF_TITLED}`;
const TITLE_BEFORE = re("iu")`\b${TITLE}\.?\s+$`;
const TITLE_WORD = re("iu")`^${TITLE}\b`;
const NAMES = new RegExp(NAME, "gu");
// Capitalised words that open a message without naming anyone: "Hi! How do I contact Dr. Vasquez?".
const NOT_A_PERSON =
  /^(?:Hi|Hey|Hello|Hiya|Thanks|Thank|Also|Okay|Ok|Sorry|Quick|Yes|Yeah|No|Oh|Um|Btw|Hmm)$/u;
// "what did Alex ask the tutor": the tutor asked is this tutor, not a member of staff.
const TUTOR_ADDRESSED = re("giu")`
  \b(?:ask|asked|say to|said to|tell|told|type to|typed to|write to|wrote to)\s+(?:the\s+)?
  (?:tutor|bot|assistant)\b
`;
const OTHER_PERSON_PATTERNS = [
  ...PRIVACY_PATTERNS,
  ...PRIVACY_CLASS_PATTERNS,
  ...ABROAD_CLASS_PATTERNS,
  ...OTHERS_PATTERNS,
  ...ACCOUNT_PATTERNS,
  ...RECORD_PATTERNS,
  ...REACH_PATTERNS,
];
// A person named as written, where a capital marks the name.
const NAMED_PERSON_PATTERNS = [
  ...NAMED_CLASS_PATTERNS,
  ...OTHERS_NAMED_PATTERNS,
  ...NAMED_RECORD_PATTERNS,
  ...NAMED_REACH_PATTERNS,
];
// Private whoever it concerns, staff included: a private life, health, a personal address.
const ANYONES_PRIVATE_PATTERNS = [
  ...PRIVATE_LIFE_PATTERNS,
  ...STAFF_PRIVATE_PATTERNS,
  ...HEALTH_PATTERNS,
  ...PRIVATE_CONTACT_PATTERNS,
  ...ROLE_PRIVATE_PATTERNS,
];
// The owner only a pronoun or a name in lower case: someone else's, unless the message is about staff.
const PRONOUN_OR_NAME_PATTERNS = [PRONOUN_PATTERN, ...LOWER_NAME_PATTERNS];

const mentionsStaff = (text: string) => STAFF_WORD.test(text.replace(TUTOR_ADDRESSED, " "));
const mentionsTitledStaff = (text: string) => TITLED_STAFF.test(text);

/** The match asks for the details of a member of staff named by title: "Dr. Vasquez's email". */
function ownedByTitledStaff(text: string, start: number, end: number): boolean {
  const title = TITLE_BEFORE.exec(text.slice(0, start));
  return mentionsTitledStaff(text.slice(title ? title.index : start, end));
}

/** The pattern matches somewhere other than at a titled member of staff ("Dr. Vasquez's email"). */
function matchesBeyondTitledStaff(pattern: RegExp, text: string): boolean {
  let from = 0;
  while (from < text.length) {
    const match = from === 0 ? execAnchored(pattern, text) : pattern.exec(text.slice(from));
    if (!match) return false;
    const start = from + match.index;
    const end = start + match[0].length;
    if (!ownedByTitledStaff(text, start, end)) return true;
    from = Math.max(end, start + 1);
  }
  return false;
}

/**
 * "How do I contact Dr. Vasquez? what's her email": "her" is the titled member of staff when the
 * message names no one else (a capitalised name with no title before it).
 */
function pronounIsTitledStaff(text: string): boolean {
  if (!mentionsTitledStaff(text)) return false;
  for (const name of text.matchAll(NAMES)) {
    const start = name.index ?? 0;
    if (NOT_A_PERSON.test(name[0]) || TITLE_WORD.test(name[0])) continue;
    if (!TITLE_BEFORE.test(text.slice(0, start))) return false;
  }
  return true;
}

export function findPrivacyRequest(
  text: string,
  options: Pick<PrivacyOptions, "extraPatterns">,
  views = textViews(text),
): "other_person" | "custom" | undefined {
  const forms = allForms(views);
  const aboutStaff = mentionsStaff(views.clean);
  const pronounIsStaff = pronounIsTitledStaff(views.clean);
  for (const form of forms) {
    // A member of staff inside the match asks for their published details, which are fine.
    for (const pattern of OTHER_PERSON_PATTERNS) {
      const match = execAnchored(pattern, form);
      if (match && !mentionsStaff(match[0]) && !mentionsTitledStaff(match[0])) return "other_person";
    }
    // A private life is private whoever lives it, staff included.
    if (ANYONES_PRIVATE_PATTERNS.some((pattern) => testAnchored(pattern, form))) return "other_person";
    if (
      !aboutStaff &&
      ((!pronounIsStaff && testAnchored(PRONOUN_PATTERN, form)) ||
        LOWER_NAME_PATTERNS.some((pattern) => matchesBeyondTitledStaff(pattern, form)))
    )
      return "other_person";
    for (const pattern of options.extraPatterns) if (pattern.test(form)) return "custom";
  }
  if (!aboutStaff && NAMED_PATTERNS.some((pattern) => matchesBeyondTitledStaff(pattern, views.clean)))
    return "other_person";
  for (const pattern of NAMED_PERSON_PATTERNS) {
    const match = execAnchored(pattern, views.clean);
    if (match && !mentionsStaff(match[0]) && !mentionsTitledStaff(match[0])) return "other_person";
  }
  return undefined;
}

export function privacyRule(settings: Partial<PrivacyOptions> = {}): GuardRule {
  const options = withDefaults(defaultPrivacyOptions, settings);
  prepareAnchors([
    ...OTHER_PERSON_PATTERNS,
    ...ANYONES_PRIVATE_PATTERNS,
    ...PRONOUN_OR_NAME_PATTERNS,
    ...NAMED_PATTERNS,
    ...NAMED_PERSON_PATTERNS,
  ]);
  return {
    id: "input.privacy",
    stage: "input",
    check(text, context): GuardVerdict {
      const kind = findPrivacyRequest(text, options, context.views ?? textViews(text));
      if (!kind) return { rule: "input.privacy", action: "allow" };
      return {
        rule: "input.privacy",
        action: "refuse",
        reason: options.refusal ?? defaultPrivacyRefusal,
        details: { family: kind },
      };
    },
  };
}

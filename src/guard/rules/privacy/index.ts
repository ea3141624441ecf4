import { withDefaults } from "../../../core/options.ts";
import { execAnchored, prepareAnchors, testAnchored } from "../../anchors/index.ts";
import { allForms, textViews } from "../../normalize/index.ts";
import { re } from "../../regex.ts";
import type { GuardRule, GuardVerdict } from "../../types.ts";
import { PRIVACY_CLASS_PATTERNS, PRIVATE_LIFE_PATTERNS } from "./classes.ts";
import { LOWER_NAME_PATTERNS } from "./lower-names.ts";
import { ABROAD_CLASS_PATTERNS, NAMED_CLASS_PATTERNS } from "./named.ts";
import { OTHERS_NAMED_PATTERNS, OTHERS_PATTERNS, STAFF_LIFE_PATTERN } from "./others.ts";
import { NAMED_PATTERNS, PRIVACY_PATTERNS, PRONOUN_PATTERN } from "./patterns.ts";
import { STAFF } from "./vocabulary.ts";

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
];
// A person named as written, where a capital marks the name.
const NAMED_PERSON_PATTERNS = [...NAMED_CLASS_PATTERNS, ...OTHERS_NAMED_PATTERNS];
// The owner only a pronoun or a name in lower case: someone else's, unless the message is about staff.
const PRONOUN_OR_NAME_PATTERNS = [PRONOUN_PATTERN, ...LOWER_NAME_PATTERNS];

const mentionsStaff = (text: string) => STAFF_WORD.test(text.replace(TUTOR_ADDRESSED, " "));

export function findPrivacyRequest(
  text: string,
  options: Pick<PrivacyOptions, "extraPatterns">,
  views = textViews(text),
): "other_person" | "custom" | undefined {
  const forms = allForms(views);
  const aboutStaff = mentionsStaff(views.clean);
  for (const form of forms) {
    // A member of staff inside the match asks for their published details, which are fine.
    for (const pattern of OTHER_PERSON_PATTERNS) {
      const match = execAnchored(pattern, form);
      if (match && !mentionsStaff(match[0])) return "other_person";
    }
    // A private life is private whoever lives it, staff included.
    if (
      PRIVATE_LIFE_PATTERNS.some((pattern) => testAnchored(pattern, form)) ||
      testAnchored(STAFF_LIFE_PATTERN, form)
    )
      return "other_person";
    if (!aboutStaff && PRONOUN_OR_NAME_PATTERNS.some((pattern) => testAnchored(pattern, form)))
      return "other_person";
    for (const pattern of options.extraPatterns) if (pattern.test(form)) return "custom";
  }
  if (!aboutStaff && NAMED_PATTERNS.some((pattern) => testAnchored(pattern, views.clean)))
    return "other_person";
  for (const pattern of NAMED_PERSON_PATTERNS) {
    const match = execAnchored(pattern, views.clean);
    if (match && !mentionsStaff(match[0])) return "other_person";
  }
  return undefined;
}

export function privacyRule(settings: Partial<PrivacyOptions> = {}): GuardRule {
  const options = withDefaults(defaultPrivacyOptions, settings);
  prepareAnchors([
    ...OTHER_PERSON_PATTERNS,
    ...PRIVATE_LIFE_PATTERNS,
    STAFF_LIFE_PATTERN,
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

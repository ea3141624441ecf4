import { withDefaults } from "../../core/options.ts";
import { cleanText } from "../normalize/index.ts";
import { re } from "../regex.ts";
import type { GuardContext, GuardRule } from "../types.ts";

/**
 * Personal data: emails, phone numbers, student IDs, payment card numbers and US social security
 * numbers. Input: redacted before anything is stored, logged or sent on. Output: redacted unless
 * the course material itself contains the value (a published office email is not a leak).
 */
export type PiiKind = "email" | "phone" | "student_id" | "card" | "ssn";

export interface PiiOptions {
  kinds: readonly PiiKind[];
  /** Course-specific student ID formats (regular expression sources, matched case-insensitively). */
  studentIdPatterns: readonly string[];
  /** The placeholder each kind is replaced with. */
  placeholders: Record<PiiKind, string>;
}

/** Options as a course sets them: any of them, and any of the placeholders. */
export type PiiSettings = Partial<Omit<PiiOptions, "placeholders">> & {
  placeholders?: Partial<Record<PiiKind, string>>;
};

export const defaultPiiOptions: PiiOptions = {
  kinds: ["email", "phone", "student_id", "card", "ssn"],
  studentIdPatterns: [],
  placeholders: {
    email: "[EMAIL]",
    phone: "[PHONE]",
    student_id: "[STUDENT_ID]",
    card: "[CARD]",
    ssn: "[SSN]",
  },
};

/** The default options with the course's settings on top, placeholders merged one by one. */
export function withPiiDefaults({ placeholders, ...settings }: PiiSettings = {}): PiiOptions {
  return {
    ...withDefaults(defaultPiiOptions, settings),
    placeholders: withDefaults(defaultPiiOptions.placeholders, placeholders ?? {}),
  };
}

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  value: string;
}

const TLD =
  "(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|ac|info|me|us|ca|au|in|ch|se|no|dk|fi|pl|br|jp|cn|ru|app|dev|ai)";
// Every quantifier is bounded, and emails are only looked for around an "@": long runs of
// letters, digits or dots (a 64 KiB paste) must cost linear time, not quadratic.
const EMAIL_LOCAL = /[\p{L}\p{N}._%+-]{1,64}$/u;
const EMAIL_DOMAIN = /^[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}/u;
// "ana (at) example (dot) org", "ana [at] example.org", "ana at example dot org"
const EMAIL_SPELLED = re("giu")`
  \b[\w.+-]{1,64}\s{0,3}(?:[([{]\s{0,3}at\s{0,3}[)\]}]|
  \s{1,3}at\s{1,3})\s{0,3}[\w-]{1,63}(?:\s{0,3}(?:[([{]\s{0,3}dot\s{0,3}[)\]}]|\s{1,3}dot\s{1,3}|
  \.)\s{0,3}[\w-]{1,63}){0,6}?(?:\s{0,3}(?:[([{]\s{0,3}dot\s{0,3}[)\]}]|\s{1,3}dot\s{1,3}|
  \.)\s{0,3}${TLD})\b
`;
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const SSN = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;
// An SSN written with spaces, dots or no separators is only an SSN when it is called one.
const SSN_NAMED = re("giu")`
  \b(?:ssn|social security(?: number| no\.?| #)?|social insurance number)\s*(?:is|:|=|#|
  -)?\s*(\d{3}[ .-]?\d{2}[ .-]?\d{4})(?![\d-])
`;
const PHONE = /(?<![\w+])(?:\+|00)?\(?\d[\d ().\-/]{5,24}\d(?![\w])/g;
// "reachable at …", "meine Telefonnummer …": how people introduce their own number. Bare "contact"
// and "number is" are left out: "the number is 1 000 000" is not a phone number.
const PHONE_CONTEXT = re("i")`
  \b(?:call|phone|tel|telephone|mobile|cell|cellphone|whatsapp|telegram|text me|sms|my number|reach me|
  reachable|contact me|ring me|telefono|telefonnummer)\b
`;
// Student IDs written next to what they are.
const STUDENT_ID_CONTEXT = re("gi")`
  \b(?:student|matriculation|matric|enrol(?:l)?ment|registration|university|campus|learner)\s*(?:id|number|
  no\.?|#|code)\s*(?:is|:|=|-)?\s*#?\s*([A-Za-z]{0,3}[-\s]?\d[\d-]{4,11}[A-Za-z]?)\b
`;
const DEFAULT_STUDENT_ID = /\b[A-Z]{1,2}\d{7,9}\b/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

/** Dates, times, versions and decimal numbers look like phone numbers to a loose pattern. */
function looksLikeNonPhone(candidate: string): boolean {
  const trimmed = candidate.trim();
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(trimmed)) return true;
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(trimmed)) return true;
  if (/^\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2}$/.test(trimmed)) return true;
  if (/^\d{4}\s*[-–]\s*\d{4}$/.test(trimmed)) return true; // year ranges
  // Thousands written with spaces or commas ("1 000 000 rows"): a short lead group, then threes.
  if (/^\d{1,2}(?:[ ,]\d{3}){2,}$/.test(trimmed)) return true;
  // 3.11.4, 0.25 — but not a phone number dotted in the 3-3-4 shape (555.867.5309).
  if (/^\d+\.\d+(?:\.\d+)*$/.test(trimmed) && !/^\d{3}\.\d{3}\.\d{4}$/.test(trimmed)) return true;
  if (/\d\.\d+\s+\d/.test(trimmed) && !/[()+]/.test(trimmed)) return true; // lists of decimals
  return false;
}

function overlaps(matches: readonly PiiMatch[], start: number, end: number): boolean {
  return matches.some((m) => start < m.end && end > m.start);
}

/** Every personal-data value in `text`, leftmost first, without overlaps. */
export function findPii(text: string, options: PiiOptions = defaultPiiOptions): PiiMatch[] {
  const kinds = new Set(options.kinds);
  const matches: PiiMatch[] = [];
  const add = (kind: PiiKind, start: number, value: string) => {
    const end = start + value.length;
    if (!overlaps(matches, start, end)) matches.push({ kind, start, end, value });
  };

  if (kinds.has("email")) {
    for (const at of text.matchAll(/@/g)) {
      const local = EMAIL_LOCAL.exec(text.slice(Math.max(0, at.index - 64), at.index));
      const domain = EMAIL_DOMAIN.exec(text.slice(at.index + 1, at.index + 1 + 300));
      if (local && domain) add("email", at.index - local[0].length, `${local[0]}@${domain[0]}`);
    }
    for (const m of text.matchAll(EMAIL_SPELLED)) add("email", m.index, m[0]);
  }
  if (kinds.has("student_id")) {
    for (const source of options.studentIdPatterns) {
      for (const m of text.matchAll(new RegExp(source, "gi"))) if (m[0]) add("student_id", m.index, m[0]);
    }
    for (const m of text.matchAll(STUDENT_ID_CONTEXT)) {
      const id = m[1] ?? "";
      add("student_id", m.index + m[0].lastIndexOf(id), id);
    }
    for (const m of text.matchAll(DEFAULT_STUDENT_ID)) add("student_id", m.index, m[0]);
  }
  if (kinds.has("card")) {
    for (const m of text.matchAll(CARD)) {
      const digits = m[0].replace(/\D/g, "");
      if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) add("card", m.index, m[0]);
    }
  }
  if (kinds.has("ssn")) {
    for (const m of text.matchAll(SSN)) add("ssn", m.index, m[0]);
    for (const m of text.matchAll(SSN_NAMED)) {
      const ssn = m[1] ?? "";
      add("ssn", m.index + m[0].lastIndexOf(ssn), ssn);
    }
  }
  if (kinds.has("phone")) {
    for (const m of text.matchAll(PHONE)) {
      const value = m[0].replace(/[\s(.\-/]+$/, "");
      const digits = value.replace(/\D/g, "").length;
      if (digits > 15 || digits < 7 || looksLikeNonPhone(value)) continue;
      const international = /^(?:\+|00)/.test(value);
      const grouped = /[\s().\-/]/.test(value);
      // Wide enough for "I'm reachable at <an email> or <number>".
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      const phoneWords = PHONE_CONTEXT.test(before);
      const plausible =
        (international && digits >= 8) ||
        (digits >= 10 && grouped) ||
        // Ungrouped: national numbers like 07911123456 or 15550199123, not any long figure.
        (!grouped && digits >= 10 && digits <= 11 && /^[01]/.test(value)) ||
        (phoneWords && digits >= 7 && digits <= 12);
      if (plausible) add("phone", m.index, value);
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** Replaces each match with its kind's placeholder. */
export function redactPii(text: string, matches: readonly PiiMatch[], options: PiiOptions): string {
  let out = "";
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + options.placeholders[m.kind];
    at = m.end;
  }
  return out + text.slice(at);
}

function details(matches: readonly PiiMatch[]) {
  return { kinds: [...new Set(matches.map((m) => m.kind))].sort().join(","), count: matches.length };
}

/** Input: redacts personal data in the question (on its cleaned form, so invisible characters cannot hide it). */
export function piiInputRule(settings: PiiSettings = {}): GuardRule {
  const options = withPiiDefaults(settings);
  return {
    id: "input.pii",
    stage: "input",
    alwaysRun: true,
    check(text) {
      const clean = cleanText(text);
      const matches = findPii(clean, options);
      if (matches.length === 0) return { rule: "input.pii", action: "allow" };
      return {
        rule: "input.pii",
        action: "redact",
        reason: "Personal details were removed from the question before it was stored.",
        text: redactPii(clean, matches, options),
        details: details(matches),
      };
    },
    // Sentences that only carried redacted personal details are not what to search for.
    searchText: (text) => withoutPersonalDetails(text),
  };
}

/** A value in a canonical form, so "+1 555 010 7788" in the notes matches "+15550107788" in an answer. */
function canonical(match: PiiMatch): string {
  return match.kind === "email" ? match.value.toLowerCase() : match.value.replace(/\D/g, "");
}

function materialValues(context: GuardContext, options: PiiOptions): Set<string> {
  const values = new Set<string>();
  for (const chunk of context.chunks ?? []) {
    for (const match of findPii(chunk.text, options)) values.add(canonical(match));
  }
  return values;
}

/** Output: redacts personal data the answer contains unless the course material published it. */
export function piiOutputRule(settings: PiiSettings = {}): GuardRule {
  const options = withPiiDefaults(settings);
  return {
    id: "output.pii",
    stage: "output",
    judgesSentences: true,
    check(text, context) {
      const published = materialValues(context, options);
      const leaks = findPii(text, options).filter((m) => !published.has(canonical(m)));
      if (leaks.length === 0) return { rule: "output.pii", action: "allow" };
      return {
        rule: "output.pii",
        action: "redact",
        reason: "Personal details were removed from the answer.",
        text: redactPii(text, leaks, options),
        details: details(leaks),
      };
    },
  };
}

const PLACEHOLDER = /\[(?:EMAIL|PHONE|STUDENT_ID|CARD|SSN)\]/;

/**
 * The redacted question as retrieval should see it: sentences that only carried personal details
 * ("My email is [EMAIL].") are dropped when another sentence asks the question, since words like
 * "email" and "phone" would pull in the course's notes on PII. Otherwise just the placeholders go.
 */
export function withoutPersonalDetails(redacted: string): string {
  if (!PLACEHOLDER.test(redacted)) return redacted;
  const sentences = redacted.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim());
  const rest = sentences.filter((s) => !PLACEHOLDER.test(s));
  const kept = rest.length > 0 ? rest.join(" ") : redacted.replace(new RegExp(PLACEHOLDER.source, "g"), " ");
  return kept.replace(/\s{2,}/g, " ").trim() || redacted;
}

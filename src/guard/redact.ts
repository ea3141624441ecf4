import { cleanText } from "./normalize/index.ts";
import { findPii, type PiiSettings, redactPii, withPiiDefaults } from "./rules/pii.ts";

/** A course's `input.pii` settings as the guard configuration holds them (`enabled` included). */
export type StoredTextPiiSettings = PiiSettings & { enabled?: boolean };

/**
 * Free text a user sent (a feedback comment, an escalation note, a Slack message), as it may be
 * stored or logged: cleaned like a question (NFKC, invisible characters gone, so they cannot hide
 * a value) and with personal data replaced by the same placeholders questions get (`[EMAIL]`,
 * `[PHONE]`, `[CARD]`, …), found by the `input.pii` rule's detectors. Pass the course's `input.pii`
 * settings for its placeholders and student-ID formats; a course that turned the rule off keeps
 * its text as sent, as it keeps its questions.
 */
export function redactForStorage(text: string, settings: StoredTextPiiSettings = {}): string {
  if (settings.enabled === false) return text;
  const { enabled: _enabled, ...piiSettings } = settings;
  const options = withPiiDefaults(piiSettings);
  const clean = cleanText(text);
  const matches = findPii(clean, options);
  return matches.length === 0 ? clean : redactPii(clean, matches, options);
}

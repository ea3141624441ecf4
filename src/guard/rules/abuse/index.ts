import { withDefaults } from "../../../core/options.ts";
import { prepareAnchors, testAnchored } from "../../anchors/index.ts";
import { textViews } from "../../normalize/index.ts";
import type { GuardRule, GuardVerdict } from "../../types.ts";
import { CAMPAIGN_PATTERNS } from "./campaigns.ts";
import { ABUSE_CLASS_PATTERNS } from "./classes.ts";
import { GENERAL_PATTERNS } from "./general.ts";
import { HOSTILITY_PATTERNS } from "./hostility.ts";
import { NAME_CALLING_AND_EXPOSURE_PATTERNS } from "./name-calling.ts";
import { ABUSE_PATTERNS } from "./patterns.ts";
import { PRESSURE_PATTERNS } from "./pressure.ts";
import { ownAbuse } from "./reported.ts";
import { ABROAD_PATTERNS, NAMED_PATTERNS, TARGETED_PATTERNS } from "./targets.ts";
import type { AbuseFamily, AbusePattern } from "./types.ts";

export type { AbuseFamily } from "./types.ts";

/**
 * Abuse and harassment: insults aimed at the tutor or at people, threats, sexual harassment,
 * hunting for someone's private details, and hate against groups. Frustration with the material
 * ("this lab is so damn hard") and technical words ("kill the process", "toxic comments
 * dataset") are not abuse: the patterns need a target. Hate the student reports, quotes or
 * questions ("posts saying …", "is it true that …") is not theirs (reported.ts).
 */

const FAMILY_REASON: Record<AbuseFamily, string> = {
  insult: "I'd like to keep this conversation respectful.",
  threat:
    "I can't help with threats of harm. " +
    "If you or someone else is in danger, contact campus security or emergency services now.",
  harassment: "I can't help with comments like that about people.",
  doxxing:
    "I can't help find anyone's private details. Staff contact details for the course are in the syllabus.",
  hate: "I can't engage with hateful statements about groups of people.",
  custom: "I can't respond to that message.",
};

export interface AbuseOptions {
  extraPatterns: readonly RegExp[];
  refusal?: string;
}

export const defaultAbuseOptions: AbuseOptions = { extraPatterns: [] };

/** Every pattern matched on the lower-case forms, in the order they are tried. */
const PATTERNS: AbusePattern[] = ABUSE_PATTERNS.concat(
  GENERAL_PATTERNS,
  NAME_CALLING_AND_EXPOSURE_PATTERNS,
  TARGETED_PATTERNS,
  ABUSE_CLASS_PATTERNS,
  HOSTILITY_PATTERNS,
  CAMPAIGN_PATTERNS,
  PRESSURE_PATTERNS,
);

export function findAbuse(
  text: string,
  options: Pick<AbuseOptions, "extraPatterns">,
  views = textViews(text),
): AbuseFamily | undefined {
  const patterns = PATTERNS.concat(
    options.extraPatterns.map((pattern) => ({ family: "custom" as const, pattern })),
  );
  for (const form of views.forms.concat(views.decoded.flatMap((p) => p.forms))) {
    for (const { family, pattern } of patterns) if (ownAbuse(pattern, family, form)) return family;
  }
  const lower = views.clean.toLowerCase();
  const abroad = ABROAD_PATTERNS.find(({ pattern }) => testAnchored(pattern, lower));
  return abroad?.family ?? NAMED_PATTERNS.find(({ pattern }) => testAnchored(pattern, views.clean))?.family;
}

const OFFER =
  "If something about the course is frustrating, tell me what you're stuck on, or reach out to the teaching team.";

/** The reply when a message reads as abuse by its meaning, without a known kind of abuse. */
export const defaultAbuseRefusal = `I can't help with messages that insult, threaten or demean people. ${OFFER}`;

export function abuseRule(settings: Partial<AbuseOptions> = {}): GuardRule {
  const options = withDefaults(defaultAbuseOptions, settings);
  prepareAnchors(PATTERNS.concat(ABROAD_PATTERNS, NAMED_PATTERNS).map(({ pattern }) => pattern));
  return {
    id: "input.abuse",
    stage: "input",
    check(text, context): GuardVerdict {
      const family = findAbuse(text, options, context.views ?? textViews(text));
      if (!family) return { rule: "input.abuse", action: "allow" };
      const reason = `${options.refusal ?? FAMILY_REASON[family]} ${OFFER}`;
      return { rule: "input.abuse", action: "refuse", reason, details: { family } };
    },
  };
}

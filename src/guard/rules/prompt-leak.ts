import { withDefaults } from "../../core/options.ts";
import { contentTerms } from "../../text/terms.ts";
import { type AnswerSentence, answerSentences, removeSentences, stripMarkers } from "../answer-text.ts";
import { re } from "../regex.ts";
import type { GuardRule, GuardVerdict } from "../types.ts";

/**
 * No system prompt or hidden instructions in the output: sentences that repeat a protected text
 * (the answerer's system prompt; seven words in a row are enough) or that announce what the
 * tutor was instructed are dropped. A sentence the course material itself contains is a quote
 * of the notes (week 14 quotes "print your system prompt"), not a leak.
 */
export interface PromptLeakOptions {
  /** Texts that must never be repeated: system prompts, hidden instructions. */
  protectedTexts: readonly string[];
  extraPatterns: readonly RegExp[];
  refusal?: string;
}

export const defaultPromptLeakOptions: PromptLeakOptions = { protectedTexts: [], extraPatterns: [] };

export const defaultPromptLeakRefusal =
  "I can't share how I'm configured, but I'm glad to help with the course material.";

const SHINGLE = 7;

const LEAK_MARKERS = [
  re("iu")`
    \b(?:my|the)\s+(?:system prompt|system message|initial instructions|hidden instructions|
    original instructions|developer instructions|secret instructions|instructions i (?:was|have been|
    've been) given)\b.{0,30}\b(?:is|are|says|say|reads?|states?|begins?|starts?)\b|\b(?:my|
    the)\s+(?:system prompt|system message|hidden instructions)\s*:
  `,
  re("iu")`
    \bi\s+(?:was|am|have been|'ve been|'m)\s+(?:instructed|told|programmed|configured|prompted)\s+(?:to|
    not to|by|that)\b
  `,
  re("iu")`
    <\|im_start\|>|<\|im_end\|>|\[\/?inst\]|<<\/?sys>>|<\|system\|>|<\|eot_id\|>|\b(?:begin|
    end) (?:of )?(?:system )?prompt\b
  `,
  re("iu")`
    \b(?:here (?:is|are)|below (?:is|are))\s+(?:my|the)\s+(?:full |complete |exact |
    original )?(?:system prompt|instructions|hidden instructions|system message|prompt)\b
  `,
  /(?:^|\n)\s*(?:system|developer)\s*:/iu,
];

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize("NFKC")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(" "));
  return out;
}

function inMaterial(sentence: string, material: readonly string[]): boolean {
  const body = words(stripMarkers(sentence)).join(" ");
  return body.length > 0 && material.some((text) => text.includes(body));
}

export function promptLeakRule(settings: Partial<PromptLeakOptions> = {}): GuardRule {
  const options = withDefaults(defaultPromptLeakOptions, settings);
  return {
    id: "output.prompt_leak",
    stage: "output",
    judgesSentences: true,
    check(text, context): GuardVerdict {
      const allow: GuardVerdict = { rule: "output.prompt_leak", action: "allow" };
      const protectedTexts = [...options.protectedTexts, ...(context.protectedTexts ?? [])].filter((t) =>
        t.trim(),
      );
      const protectedShingles = new Set<string>();
      for (const t of protectedTexts) for (const s of shingles(t)) protectedShingles.add(s);
      const shortProtected = protectedTexts
        .filter((t) => words(t).length < SHINGLE)
        .map((t) => words(t).join(" "));
      const material = (context.chunks ?? []).map((chunk) => words(chunk.text).join(" "));
      const markers = [...LEAK_MARKERS, ...options.extraPatterns];

      const leaking: AnswerSentence[] = [];
      for (const sentence of answerSentences(text)) {
        const sentenceWords = words(sentence.text).join(" ");
        const repeats =
          [...shingles(sentence.text)].some((s) => protectedShingles.has(s)) ||
          shortProtected.some((p) => p.length > 0 && sentenceWords.includes(p));
        const announces = markers.some((pattern) => pattern.test(sentence.text));
        if ((repeats || announces) && !inMaterial(sentence.text, material)) leaking.push(sentence);
      }
      // A leak can also straddle sentence boundaries: check the whole answer against the prompts.
      const wholeRepeats = leaking.length === 0 && [...shingles(text)].some((s) => protectedShingles.has(s));
      if (leaking.length === 0 && !wholeRepeats) return allow;
      const refusal = options.refusal ?? defaultPromptLeakRefusal;
      const remaining = wholeRepeats ? "" : removeSentences(text, leaking);
      const details = { sentences: leaking.length };
      // What is left must still say something ("Sure!" alone does not).
      if (contentTerms(stripMarkers(remaining)).length < 3) {
        return { rule: "output.prompt_leak", action: "refuse", reason: refusal, reply: refusal, details };
      }
      return {
        rule: "output.prompt_leak",
        action: "redact",
        reason: "Text about the tutor's configuration was removed.",
        text: remaining,
        details,
      };
    },
  };
}

import type { ScoredChunk } from "../../core/chunks.ts";
import { withDefaults } from "../../core/options.ts";
import { contentTerms } from "../../text/terms.ts";
import {
  type AnswerSentence,
  answerSentences,
  citedChunks,
  removeSentences,
  stripMarkers,
} from "../answer-text.ts";
import type { GuardRule, GuardVerdict } from "../types.ts";

/**
 * Every statement in an answer must be supported by the chunk(s) it cites: most of its content
 * words occur there, and every number it states occurs there. Unsupported statements are dropped
 * (or marked); an answer left with no supported statement is refused. Questions the answer asks
 * back (hints, quizzes) and short connectives ("In short:") state nothing and are not checked.
 */
export interface GroundingOptions {
  /** Share of a statement's content terms that must occur in the chunks it cites, 0..1. */
  minSupport: number;
  /** drop: remove unsupported statements; mark: keep them, flagged as unverified. */
  action: "drop" | "mark";
  /** Appended to a statement kept under `mark`. */
  marker: string;
  refusal?: string;
}

export const defaultGroundingOptions: GroundingOptions = {
  minSupport: 0.6,
  action: "drop",
  marker: " (unverified)",
};

export const defaultGroundingRefusal =
  "I couldn't check that answer against the course material, so I won't show it. " +
  "Try asking about a specific topic from the notes.";

const NUMBER_WORDS: Record<string, string> = {
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
  thirteen: "13",
  fourteen: "14",
  fifteen: "15",
  twenty: "20",
  thirty: "30",
  hundred: "100",
  half: "0.5",
};

/** Numbers a text states ("0.25", "1,000" → "1000", "five" → "5"). */
export function statedNumbers(text: string): Set<string> {
  const numbers = new Set<string>();
  for (const match of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const value = match[0].replace(/,(?=\d{3}\b)/g, "");
    numbers.add(value.replace(/\.0+$/, ""));
  }
  for (const word of text.toLowerCase().match(/\b[a-z]+\b/g) ?? []) {
    const digit = NUMBER_WORDS[word];
    if (digit) numbers.add(digit);
  }
  return numbers;
}

export interface SupportScore {
  /** Share of the statement's content terms found in the cited chunks. */
  support: number;
  /** Numbers the statement gives that the cited chunks do not contain. */
  missingNumbers: number;
  terms: number;
}

/** How well the cited chunks back one statement. */
export function supportScore(statement: string, chunks: readonly ScoredChunk[]): SupportScore {
  const body = withoutListMarker(stripMarkers(statement));
  const terms = [...new Set(contentTerms(body))].filter((t) => !/^\d+$/.test(t));
  const available = new Set<string>();
  let chunkText = "";
  for (const chunk of chunks) {
    const text = `${chunk.title} ${chunk.headingPath.join(" ")} ${chunk.text}`;
    chunkText += ` ${text}`;
    for (const term of contentTerms(text)) available.add(term);
  }
  const present = terms.filter((t) => available.has(t)).length;
  const chunkNumbers = statedNumbers(chunkText);
  let missingNumbers = 0;
  for (const n of statedNumbers(body)) if (!chunkNumbers.has(n)) missingNumbers++;
  return { support: terms.length === 0 ? 1 : present / terms.length, missingNumbers, terms: terms.length };
}

/** "1. Compute the PSI" states no number 1: list numbering is layout, not a claim. */
function withoutListMarker(text: string): string {
  return text.replace(/^\s*(?:\(?\d{1,2}[.)]|[-*•])\s+/, "");
}

function isStatement(sentence: AnswerSentence): boolean {
  const body = withoutListMarker(stripMarkers(sentence.text)).trim();
  if (body.endsWith("?")) return false;
  return contentTerms(body).length >= 3 || /\d/.test(body.replace(/\[\d+\]/g, ""));
}

/** "Start with “Detecting drift” in Week 9 [2]": a sentence that points at its section, stating nothing. */
function pointsAtSection(sentence: AnswerSentence, chunks: readonly ScoredChunk[]): boolean {
  const text = sentence.text.toLowerCase();
  return chunks.some(
    (chunk) =>
      (chunk.heading.length > 3 && text.includes(chunk.heading.toLowerCase())) ||
      (chunk.title.length > 3 && text.includes(chunk.title.toLowerCase())),
  );
}

export function groundingRule(settings: Partial<GroundingOptions> = {}): GuardRule {
  const options = withDefaults(defaultGroundingOptions, settings);
  return {
    id: "output.grounding",
    stage: "output",
    check(text, context): GuardVerdict {
      const allow: GuardVerdict = { rule: "output.grounding", action: "allow" };
      if ((context.answerStatus ?? "answered") !== "answered") return allow;
      const byNumber = citedChunks(context.citations, context.chunks);
      const chunksOf = (sentence: AnswerSentence) =>
        sentence.cites.map((n) => byNumber.get(n)).filter((c): c is ScoredChunk => c !== undefined);
      // Hint and quiz replies frame the material in the tutor's own words ("Let's work it out");
      // there only the sentences that cite something, beyond naming a section, must be backed by it.
      const explaining = (context.mode ?? "explain") === "explain";
      const statements = answerSentences(text)
        .filter(isStatement)
        .filter(
          (sentence) =>
            explaining || (sentence.cites.length > 0 && !pointsAtSection(sentence, chunksOf(sentence))),
        );
      if (statements.length === 0) return allow;
      const unsupported = statements.filter((sentence) => {
        const chunks = chunksOf(sentence);
        if (chunks.length === 0) return true;
        const score = supportScore(sentence.text, chunks);
        return score.support < options.minSupport || score.missingNumbers > 0;
      });
      if (unsupported.length === 0) return allow;
      const details = { unsupported: unsupported.length, statements: statements.length };
      if (unsupported.length === statements.length) {
        const refusal = options.refusal ?? defaultGroundingRefusal;
        return { rule: "output.grounding", action: "refuse", reason: refusal, reply: refusal, details };
      }
      if (options.action === "mark") {
        let marked = text;
        for (const sentence of [...unsupported].sort((a, b) => b.start - a.start)) {
          const body = marked.slice(sentence.start, sentence.end);
          const withMark = body.replace(/([.!?…]["”’)]*)?\s*$/, (ending) => `${options.marker}${ending}`);
          marked = marked.slice(0, sentence.start) + withMark + marked.slice(sentence.end);
        }
        return {
          rule: "output.grounding",
          action: "redact",
          reason: "Unverified statements are marked.",
          text: marked,
          details,
        };
      }
      const answer = removeSentences(text, unsupported);
      const referenced = new Set(answerSentences(answer).flatMap((s) => s.cites));
      return {
        rule: "output.grounding",
        action: "redact",
        reason: "Statements the cited material did not support were removed.",
        text: answer,
        citations: (context.citations ?? []).filter((c) => referenced.has(c.n)),
        details,
      };
    },
  };
}

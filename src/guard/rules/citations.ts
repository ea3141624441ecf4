import type { Citation } from "../../core/chat.ts";
import {
  type AnswerSentence,
  answerSentences,
  citedChunks,
  dropMarkers,
  removeSentences,
  stripMarkers,
} from "../answer-text.ts";
import type { GuardRule, GuardVerdict } from "../types.ts";

/**
 * Citations must point at retrieved chunks. A citation whose chunk was not retrieved is removed,
 * with its [n] markers; a sentence that cited only such citations goes too (nothing retrieved
 * backs it). Citations no longer referenced by the answer are dropped from the list.
 */
export interface CitationOptions {
  refusal?: string;
}

export const defaultCitationRefusal =
  "I couldn't tie that answer to the course material, so I won't show it. Try rephrasing your question.";

export function citationsRule(options: CitationOptions = {}): GuardRule {
  return {
    id: "output.citations",
    stage: "output",
    check(text, context): GuardVerdict {
      const allow: GuardVerdict = { rule: "output.citations", action: "allow" };
      const citations = context.citations ?? [];
      const valid = citedChunks(citations, context.chunks);
      const listed = new Set(citations.map((c) => c.n));
      const sentences = answerSentences(text);
      const invalidNumbers = new Set<number>();
      for (const sentence of sentences)
        for (const n of sentence.cites) if (!valid.has(n)) invalidNumbers.add(n);
      for (const n of listed) if (!valid.has(n)) invalidNumbers.add(n);

      let answer = text;
      const dropped: AnswerSentence[] = [];
      if (invalidNumbers.size > 0) {
        const keptSentences: AnswerSentence[] = [];
        for (const sentence of sentences) {
          if (sentence.cites.length > 0 && sentence.cites.every((n) => invalidNumbers.has(n)))
            dropped.push(sentence);
          else keptSentences.push(sentence);
        }
        answer = removeSentences(text, dropped);
        answer = dropMarkers(answer, invalidNumbers);
      }
      // Only an answer's own citations are pruned; a no-answer reply lists the nearest sections.
      const referenced = new Set(answerSentences(answer).flatMap((s) => s.cites));
      const answered = (context.answerStatus ?? "answered") === "answered";
      const kept: Citation[] = citations.filter((c) => valid.has(c.n) && (!answered || referenced.has(c.n)));
      if (answer === text && kept.length === citations.length) return allow;

      const details = {
        invalid: invalidNumbers.size,
        droppedSentences: dropped.length,
        unreferenced: citations.length - kept.length - [...listed].filter((n) => !valid.has(n)).length,
      };
      if (answered && stripMarkers(answer).length === 0) {
        return {
          rule: "output.citations",
          action: "refuse",
          reason: options.refusal ?? defaultCitationRefusal,
          reply: options.refusal ?? defaultCitationRefusal,
          details,
        };
      }
      return {
        rule: "output.citations",
        action: "redact",
        reason: "Citations that did not point at retrieved course material were removed.",
        text: answer,
        citations: kept,
        details,
      };
    },
  };
}

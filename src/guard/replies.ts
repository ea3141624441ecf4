import { distinctCitations } from "../answer/index.ts";
import type { AnswerDraft } from "../answer/types.ts";
import type { Citation } from "../core/chat.ts";
import { answerSentences } from "./answer-text.ts";

/**
 * What the tutor says when a guard rule redirects instead of refusing outright. Plain functions
 * over drafts, so the pipeline only decides when to use them.
 */

function pointer(citation: Citation): string {
  const where = citation.heading && citation.heading !== citation.title ? ` › ${citation.heading}` : "";
  return `[${citation.n}] ${citation.title}${where}`;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * Academic integrity: the refusal wording, then a hint built from the course material (the
 * answerer's hint mode), ending in a question that sends the student back to the work. The status
 * stays "refused", the citations stay, so the student knows where to read.
 */
export function socraticReply(hint: AnswerDraft, refusal: string): AnswerDraft {
  if (hint.status !== "answered" || hint.answer.trim() === "") {
    const places = hint.citations.slice(0, 3).map(pointer);
    const read =
      places.length > 0
        ? ` The sections closest to what you asked are ${joinList(places)}: ` +
          "which idea there does your task rely on, and what would your first step be?"
        : " Which concept from the course does the task rely on? " +
          "Ask me about that concept and we can work through it together.";
    return {
      ...hint,
      status: "refused",
      answer: `${refusal}${read}`,
      answeredBy: `guard+${hint.answeredBy}`,
    };
  }
  const asksBack = answerSentences(hint.answer).some((s) => s.text.trim().endsWith("?"));
  const first = hint.citations[0];
  const question = asksBack
    ? ""
    : first
      ? ` Now try it yourself: how would you explain “${first.heading || first.title}” in your own words, ` +
        "and how does it apply to your task?"
      : " Now try it yourself: what would your first step be?";
  return {
    ...hint,
    status: "refused",
    answer: `${refusal} ${hint.answer.trim()}${question}`,
    answeredBy: `guard+${hint.answeredBy}`,
  };
}

/**
 * Off-topic: a polite redirect to what the tutor covers, still pointing at the nearest sections
 * (the course may cover more than it seems). Status "no_answer": nothing was refused, the course
 * simply does not cover it.
 */
export function offTopicReply(nearest: AnswerDraft, reason: string): AnswerDraft {
  const citations = distinctCitations(nearest.citations);
  const places = citations.map(pointer);
  const tail =
    places.length > 0
      ? ` If you meant something from the course, the closest sections I found are ${joinList(places)}.`
      : "";
  return {
    status: "no_answer",
    answer: `${reason}${tail}`,
    citations,
    answeredBy: "guard",
  };
}

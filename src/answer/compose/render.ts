import { contentTerms } from "../../text/terms.ts";
import type { ChunkCitations } from "../citations.ts";
import { classifyQuestion } from "../question.ts";
import { renderRow } from "./tables.ts";
import type { Unit } from "./units.ts";

/** Puts the citation before the sentence's closing punctuation: "… drift [2]." */
export function withCitation(sentence: string, n: number): string {
  const match = /^(.*?)([.!?…]+["”’)]*)?$/s.exec(sentence.trim());
  const body = (match?.[1] ?? sentence).trim();
  const ending = match?.[2] ?? ".";
  return `${body} [${n}]${ending}`;
}

/** The columns of a row the question names ("due", "weight"), to say first. */
function focusColumns(header: readonly string[], questionTerms: ReadonlySet<string>): number[] {
  const focus: number[] = [];
  header.forEach((column, index) => {
    if (index > 0 && contentTerms(column).some((t) => questionTerms.has(t))) focus.push(index);
  });
  return focus;
}

const REPLY_WORD = /^(?:yes|no)\b[.,!;:]?\s+(?=\S)/i;

/**
 * A FAQ answer opens with "Yes." or "No.", which answers its heading's question. It is kept only
 * when the student asked a yes/no question that heading asks too (most of the question's words in
 * it); quoted for another question, "Yes." would answer something nobody asked.
 */
function withoutForeignReply(text: string, unit: Unit, question: string, questionTerms: ReadonlySet<string>) {
  if (!REPLY_WORD.test(text)) return text;
  const heading = unit.chunk.heading ?? "";
  if (classifyQuestion(question).type === "yesno" && heading.trim().endsWith("?")) {
    const headingTerms = new Set(contentTerms(heading));
    const shared = [...questionTerms].filter((t) => headingTerms.has(t)).length;
    if (questionTerms.size > 0 && shared / questionTerms.size >= 0.6) return text;
  }
  const rest = text.replace(REPLY_WORD, "");
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** A unit as answer text, cited; lists become markdown lists under their label. */
function renderUnit(
  unit: Unit,
  numbering: ChunkCitations,
  question: string,
  questionTerms: ReadonlySet<string>,
  maxListItems: number,
): string {
  if (unit.kind === "list" && unit.list) {
    const items = unit.list.items.slice(0, maxListItems);
    const lines = items.map((item, i) => {
      const n = numbering.numberFor(item.chunk, item.text);
      return `${unit.list?.ordered ? `${i + 1}.` : "-"} ${withCitation(item.text, n)}`;
    });
    return [unit.list.label ?? "", ...lines].filter((l) => l !== "").join("\n");
  }
  const text = unit.row
    ? renderRow(unit.row.header, unit.row.cells, focusColumns(unit.row.header, questionTerms))
    : withoutForeignReply(unit.text, unit, question, questionTerms);
  return withCitation(text, numbering.numberFor(unit.chunk, unit.row ? text : unit.text));
}

/** The answer: units in order, sentences run together, lists on lines of their own. */
export function renderAnswer(
  units: readonly Unit[],
  numbering: ChunkCitations,
  question: string,
  maxListItems: number,
): string {
  const questionTerms = new Set(contentTerms(question));
  let answer = "";
  let previousWasList = false;
  for (const unit of units) {
    const text = renderUnit(unit, numbering, question, questionTerms, maxListItems);
    const isList = unit.kind === "list";
    if (answer === "") answer = text;
    else answer += isList || previousWasList ? `\n\n${text}` : ` ${text}`;
    previousWasList = isList;
  }
  return answer;
}

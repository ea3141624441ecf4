import { contentTerms } from "../../text/terms.ts";
import type { ChunkCitations } from "../citations.ts";
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

/** A unit as answer text, cited; lists become markdown lists under their label. */
function renderUnit(
  unit: Unit,
  numbering: ChunkCitations,
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
    : unit.text;
  return withCitation(text, numbering.numberFor(unit.chunk, text));
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
    const text = renderUnit(unit, numbering, questionTerms, maxListItems);
    const isList = unit.kind === "list";
    if (answer === "") answer = text;
    else answer += isList || previousWasList ? `\n\n${text}` : ` ${text}`;
    previousWasList = isList;
  }
  return answer;
}

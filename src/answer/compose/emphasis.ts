import { askedMeasures } from "../../text/measures.ts";
import { contentTerms } from "../../text/terms.ts";
import type { QuestionShape } from "../question.ts";
import { type QueryView, queryView } from "./score.ts";

/**
 * The question's forms as the composer weighs them. Words that only place or frame what is asked
 * count for less: the setting of a defined term ("attention in transformers"), and the words that
 * only say a date is wanted ("what is the deadline for the audit"), which a sentence saying
 * "deadlines are in the projects document" shares without giving one, and the adjective of "how
 * big should chunks be", which the sentence giving a size rarely repeats. Pairs with such a word
 * are no phrase to look for.
 */
const LESSER_WEIGHT = 0.3;
const ASKS_FOR_A_DATE = new Set(contentTerms("due deadline deadlines date dates"));

export function weighedViews(
  forms: readonly string[],
  shape: QuestionShape,
  termWeight: (term: string) => number,
  attainable: ReadonlySet<string>,
): QueryView[] {
  const lesser = new Set(contentTerms(shape.setting ?? ""));
  if (shape.type === "quantity" && shape.wants === "time") for (const t of ASKS_FOR_A_DATE) lesser.add(t);
  if (shape.type === "quantity")
    for (const form of forms)
      for (const { adjective } of askedMeasures(form)) for (const t of contentTerms(adjective)) lesser.add(t);
  if (lesser.size === 0) return forms.map((form) => queryView(form, termWeight, attainable));
  const weight = (term: string) => termWeight(term) * (lesser.has(term) ? LESSER_WEIGHT : 1);
  return forms.map((form) => {
    const view = queryView(form, weight, attainable);
    const pairs = [...view.pairs].filter((pair) => !pair.split(" ").some((term) => lesser.has(term)));
    return { ...view, pairs: new Set(pairs) };
  });
}

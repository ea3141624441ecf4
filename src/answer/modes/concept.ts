import { contentTerms, stem } from "../../text/terms.ts";

/** A stretch of a sentence to blank out: one concept, possibly several words. */
export interface Span {
  index: number;
  text: string;
}

// "Model drift is the decline …", "Best Matching 25 (BM25) is a ranking function …": the defined
// subject, the linking verb, then the genus the definition puts it in.
const SUBJECT = String.raw`([A-Za-z][\w'()/-]*(?:\s+[\w'()/-]+){0,6}?)`;
const DEFINITION = new RegExp(
  String.raw`^(?:(?:an?|the)\s+)?${SUBJECT}\s+(?:is|are|means|refers to|describes)\s+` +
    String.raw`(?:(an?|the|one of the)\s+)?`,
  "i",
);
// Subjects that point back at earlier text ("This approach is …", "It is …"): not a definition.
const VAGUE = new RegExp(
  "^(?:it|this|that|these|those|there|they|its|their|our|your|such|each|every|both|all|some|" +
    String.raw`many|most|one|another|other|here)\b`,
  "i",
);
// Where a genus ends: a relative clause, a preposition or punctuation ("a ranking function that …").
const GENUS_END =
  /^(?:that|which|who|whose|where|when|of|in|on|for|to|from|by|with|as|at|and|or|but|because|so|than|between)$/i;
// Names of techniques and settings: acronyms (BM25, HNSW), identifiers (ef_search), CamelCase.
const NAME = /^(?:[A-Z][A-Z0-9]{1,}s?|[A-Za-z]+_[\w]+|[a-z]+[A-Z]\w*|[A-Z][a-z]+[A-Z]\w*|[A-Za-z]+\d+)$/;
// Content words that never name a concept: degree, frequency and quantity words.
const NOT_CONCEPTS = new Set(
  (
    "longer shorter more less most least many much few several often usually always never also still " +
    "already just only very really quite rather almost nearly instead however therefore thus whole " +
    "first second third last next new old same different other another certain various each every " +
    "way thing things lot lots kind kinds part parts number numbers time times case cases example"
  ).split(" "),
);

const WORD = /[A-Za-z][A-Za-z0-9_]*(?:[-'][A-Za-z0-9_]+)*/g;

/** Whether a word can stand for a concept: a content word that is not a degree or quantity word. */
export function isConceptWord(word: string): boolean {
  if (word.length < 3 && !NAME.test(word)) return false;
  if (NOT_CONCEPTS.has(word.toLowerCase())) return false;
  return contentTerms(word).length > 0 || NAME.test(word);
}

/** Whether the student named the phrase: all its terms, or all of one of its aliases ("X (Y)"). */
function knows(phrase: string, known: ReadonlySet<string>): boolean {
  return phrase
    .split(/[()]/)
    .map((alias) => contentTerms(alias))
    .some((terms) => terms.length > 0 && terms.every((t) => known.has(t)));
}

/** The genus of a definition: its content words up to the first relative clause or preposition. */
function genusAt(sentence: string, from: number): Span | undefined {
  const words: { index: number; word: string }[] = [];
  let end = from;
  for (const match of sentence.slice(from).matchAll(WORD)) {
    const index = from + (match.index ?? 0);
    if (words.length > 0 && /[,;:.()]/.test(sentence.slice(end, index))) break;
    if (GENUS_END.test(match[0]) || words.length >= 3) break;
    words.push({ index, word: match[0] });
    end = index + match[0].length;
  }
  while (words.length > 0 && !isConceptWord(words[0]?.word ?? "")) words.shift();
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last || !words.every((w) => isConceptWord(w.word))) return undefined;
  return { index: first.index, text: sentence.slice(first.index, last.index + last.word.length) };
}

/**
 * The key concept of a sentence, the one thing a hint should hold back. A definition's subject
 * when the student did not name it; when they did, the genus the definition puts it in (what the
 * student must recall). Otherwise a named technique the student did not say, else none.
 */
export function keyConcept(sentence: string, known: ReadonlySet<string>): Span | undefined {
  const definition = DEFINITION.exec(sentence);
  const subject = definition?.[1];
  if (definition && subject && !VAGUE.test(subject)) {
    if (!knows(subject, known) && contentTerms(subject).length > 0)
      return { index: sentence.indexOf(subject), text: subject };
    const genus = genusAt(sentence, definition[0].length);
    // "The model is trained on …" is a passive, not a definition: without an article a genus is a noun.
    const passive = !definition[2] && /(?:ed|ing)$/i.test(genus?.text.split(/\s+/)[0] ?? "");
    if (genus && !passive && !knows(genus.text, known)) return genus;
  }
  for (const match of sentence.matchAll(WORD)) {
    if (NAME.test(match[0]) && !known.has(stem(match[0].toLowerCase())))
      return { index: match.index ?? 0, text: match[0] };
  }
  return undefined;
}

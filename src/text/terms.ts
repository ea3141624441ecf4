import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemSentence, type ItemToken, type ItsFunction } from "wink-nlp";

/**
 * The lexical view of text shared by BM25, the extractive answerer and the reranker: wink-nlp
 * tokens, lower-cased and Porter-stemmed, without stop words and punctuation. Hyphenated words
 * count once joined and once per part so "re-ranking" meets "reranking" and "ranking".
 */
const nlp = winkNLP(model);
// wink-nlp's declarations type `its` helpers more narrowly than `out()` accepts; the calls are fine.
const itsType = nlp.its.type as unknown as ItsFunction<string>;
const itsStem = nlp.its.stem as unknown as ItsFunction<string>;
const itsStopWord = nlp.its.stopWordFlag as unknown as ItsFunction<boolean>;

/**
 * Words that carry no subject in a student's question, beyond wink's stop words: apostrophe-less
 * contractions and request phrasing ("whats", "explain", "stand for").
 */
const QUESTION_FILLERS = new Set([
  "whats",
  "hows",
  "whys",
  "wheres",
  "whos",
  "thats",
  "dont",
  "doesnt",
  "isnt",
  "arent",
  "cant",
  "vs",
  "versus",
  "explain",
  "describe",
  "tell",
  "please",
  "pls",
  "plz",
  "thanks",
  "thank",
  "hi",
  "hello",
  "hey",
  "stand",
  "stands",
  "eli5",
  "basically",
  "actually",
  "exactly",
  "anyone",
]);

export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  nlp
    .readDoc(text)
    .tokens()
    .each(eachContentWord((term) => terms.push(term)));
  return terms;
}

/** A content term with the lower-cased word it was stemmed from ("fused" → {term: "fuse", word: "fused"}). */
export interface ContentWord {
  term: string;
  word: string;
}

/**
 * `contentTerms` sentence by sentence (wink-nlp's sentence boundaries), each term with its word
 * (text that analyses back to the same term), from one pass over the text.
 */
export function contentWordsBySentence(text: string): ContentWord[][] {
  const sentences: ContentWord[][] = [];
  nlp
    .readDoc(text)
    .sentences()
    .each((sentence: ItemSentence) => {
      const words: ContentWord[] = [];
      sentence.tokens().each(eachContentWord((term, word) => words.push({ term, word })));
      sentences.push(words);
    });
  return sentences;
}

/** A token visitor that hands each content term, and the word it came from, to `take`. */
function eachContentWord(take: (term: string, word: string) => void): (token: ItemToken) => void {
  return (token: ItemToken) => {
    const type = token.out(itsType);
    if (type !== "word" && type !== "number") return;
    if (token.out(itsStopWord) === true) return;
    const raw = token.out().toLowerCase();
    if (QUESTION_FILLERS.has(raw)) return;
    if (raw.includes("-")) {
      const parts = raw.split("-").filter(Boolean);
      take(stem(parts.join("")), parts.join(""));
      for (const part of parts) if (part.length > 1) take(stem(part), part);
      return;
    }
    if (raw.length === 1 && type === "word") return;
    take(String(token.out(itsStem)).toLowerCase(), raw);
  };
}

const stemCache = new Map<string, string>();

/** Stems one word the way `contentTerms` does. */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const doc = nlp.readDoc(word);
  const stemmed = String(doc.tokens().itemAt(0)?.out(itsStem) ?? word).toLowerCase();
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}

/** Distinct content terms, in first-seen order. */
export function uniqueTerms(text: string): string[] {
  return [...new Set(contentTerms(text))];
}

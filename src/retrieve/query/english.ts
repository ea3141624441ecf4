import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemToken, type ItsFunction } from "wink-nlp";

/**
 * Whether a word is in wink's English lexicon. The spelling corrector leaves such words alone:
 * "lasagna" is not a typo just because the course never uses it.
 *
 * wink gives lexicon words ids below the lexicon's size and numbers unseen words from there on,
 * so this module keeps its own instance (its unseen-word ids start right after the lexicon) and
 * learns the lexicon's size from a word no lexicon holds.
 */
interface Lexicon {
  idOf(word: string): number;
  size: number;
}

let lexicon: Lexicon | undefined;

function english(): Lexicon {
  if (lexicon) return lexicon;
  const nlp = winkNLP(model);
  const itsUniqueId = nlp.its.uniqueId as unknown as ItsFunction<number>;
  const idOf = (word: string): number => {
    let id = Number.POSITIVE_INFINITY;
    nlp
      .readDoc(word)
      .tokens()
      .each((token: ItemToken, index: number) => {
        if (index === 0) id = Number(token.out(itsUniqueId));
      });
    return id;
  };
  lexicon = { idOf, size: idOf("qzxjvkqzxjvk") };
  return lexicon;
}

const known = new Map<string, boolean>();

export function isEnglishWord(word: string): boolean {
  const lower = word.toLowerCase();
  let answer = known.get(lower);
  if (answer === undefined) {
    const { idOf, size } = english();
    answer = idOf(lower) < size;
    if (known.size > 20_000) known.clear();
    known.set(lower, answer);
  }
  return answer;
}

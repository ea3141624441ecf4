import { type ContentWord, contentWordsBySentence } from "../../text/terms.ts";

/**
 * A course's chunks analysed into sentences of content words, kept between index rebuilds by
 * chunk id. Chunk rows never change in place (a changed document gets new rows with new ids), so
 * a rebuild after one document was added or removed only analyses that document's chunks; the
 * rest is decoded from a compact string (about the size of the chunk's text) instead of running
 * wink-nlp over the whole course again.
 */
export class ChunkAnalyses {
  private encoded = new Map<string, string>();
  private next = new Map<string, string>();

  /** Each chunk's sentences of content words, from the cache where the chunk was seen before. */
  analyse(chunks: readonly { chunkId: string; text: string }[]): ContentWord[][][] {
    const analysed = chunks.map((chunk) => this.analyseOne(chunk));
    this.finish();
    return analysed;
  }

  /** One chunk of a build in progress; `finish` ends the build. */
  analyseOne(chunk: { chunkId: string; text: string }): ContentWord[][] {
    const cached = this.encoded.get(chunk.chunkId);
    const sentences = cached === undefined ? contentWordsBySentence(chunk.text) : decode(cached);
    const kept = cached ?? encode(sentences);
    if (kept !== undefined) this.next.set(chunk.chunkId, kept);
    return sentences;
  }

  /** Keeps only the chunks of the build just ended: removed and replaced ones are dropped. */
  finish(): void {
    this.encoded = this.next;
    this.next = new Map();
  }
}

const WORDS = " ";
const SENTENCES = "\n";
const TERM_WORD = "\u0001";
const hasSeparator = (text: string) =>
  text.includes(WORDS) || text.includes(SENTENCES) || text.includes(TERM_WORD);

/**
 * `term` or `term\u0001word` per word, words by spaces, sentences by newlines. Undefined (not
 * cached) when a separator occurs in a word, or for no sentences at all, which would read back as
 * one empty sentence.
 */
function encode(sentences: readonly (readonly ContentWord[])[]): string | undefined {
  if (sentences.length === 0) return undefined;
  const parts: string[] = [];
  for (const sentence of sentences) {
    const words: string[] = [];
    for (const { term, word } of sentence) {
      if (hasSeparator(term) || hasSeparator(word)) return undefined;
      words.push(term === word ? term : `${term}${TERM_WORD}${word}`);
    }
    parts.push(words.join(WORDS));
  }
  return parts.join(SENTENCES);
}

function decode(encoded: string): ContentWord[][] {
  return encoded.split(SENTENCES).map((sentence) =>
    sentence === ""
      ? []
      : sentence.split(WORDS).map((pair) => {
          const at = pair.indexOf(TERM_WORD);
          return at === -1
            ? { term: pair, word: pair }
            : { term: pair.slice(0, at), word: pair.slice(at + 1) };
        }),
  );
}

import type { Citation } from "../core/chat.ts";
import type { ScoredChunk } from "../core/chunks.ts";
import { sentenceSpans } from "../text/sentences/index.ts";

/** One sentence of an answer, where it sits, and the [n] citations it carries. */
export interface AnswerSentence {
  text: string;
  start: number;
  end: number;
  cites: number[];
}

// A citation marker is one number in brackets, "[2]", several written "[1][3]". Lists like
// "[1, 0, 1, 1]" are vectors in the material, and "x[1]" is indexing in code: neither is a citation.
const MARKER = /(?<![\w\]])(?:\[[1-9]\d?\])+(?![\w(])/g;
const ONE_MARKER = /\[([1-9]\d?)\]/g;
const LEADING_MARKERS = /^\s*(?:\[[1-9]\d?\])+(?![\w(])\s*/;

/** The citation numbers in a piece of text: "[1]", "[2][4]". */
export function citedNumbers(text: string): number[] {
  const numbers: number[] = [];
  for (const run of text.matchAll(MARKER)) {
    for (const marker of run[0].matchAll(ONE_MARKER)) numbers.push(Number(marker[1]));
  }
  return [...new Set(numbers)];
}

/** Removes every [n] marker from a piece of text. */
export function stripMarkers(text: string): string {
  return text
    .replace(MARKER, "")
    .replace(/\s+([.,;:!?])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/**
 * The answer's sentences with their citations. A marker placed after the full stop ("… drift. [2]")
 * belongs to the sentence before it, not to the one it starts.
 */
export function answerSentences(answer: string): AnswerSentence[] {
  const sentences: AnswerSentence[] = [];
  for (const span of sentenceSpans(answer)) {
    const raw = answer.slice(span.start, span.end);
    const leading = LEADING_MARKERS.exec(raw);
    const previous = sentences.at(-1);
    if (leading && previous) {
      previous.cites = [...new Set([...previous.cites, ...citedNumbers(leading[0])])];
      previous.end = span.start + leading[0].trimEnd().length;
      const rest = raw.slice(leading[0].length);
      if (rest.trim() === "") continue;
      const start = span.start + leading[0].length;
      sentences.push({ text: rest, start, end: span.end, cites: citedNumbers(rest) });
      continue;
    }
    sentences.push({ text: raw, start: span.start, end: span.end, cites: citedNumbers(raw) });
  }
  return sentences;
}

/** The answer without the given sentences, whitespace tidied but line structure kept. */
export function removeSentences(answer: string, remove: readonly AnswerSentence[]): string {
  if (remove.length === 0) return answer;
  const sorted = [...remove].sort((a, b) => b.start - a.start);
  let out = answer;
  for (const sentence of sorted) {
    let end = sentence.end;
    while (end < out.length && (out[end] === " " || out[end] === "\t")) end++;
    out = out.slice(0, sentence.start) + out.slice(end);
  }
  return out
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\s*[-*]\s*$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Removes the markers of the given numbers, keeping the others. */
export function dropMarkers(text: string, numbers: ReadonlySet<number>): string {
  return text
    .replace(MARKER, (run) =>
      run.replace(ONE_MARKER, (marker, n: string) => (numbers.has(Number(n)) ? "" : marker)),
    )
    .replace(/\s+([.,;:!?])/g, "$1")
    .replace(/ {2,}/g, " ");
}

/** The chunks each citation number points at, when it points at a retrieved chunk. */
export function citedChunks(
  citations: readonly Citation[] | undefined,
  chunks: readonly ScoredChunk[] | undefined,
): Map<number, ScoredChunk> {
  const byId = new Map((chunks ?? []).map((chunk) => [chunk.chunkId, chunk]));
  const out = new Map<number, ScoredChunk>();
  for (const citation of citations ?? []) {
    const chunk = byId.get(citation.chunkId);
    if (chunk) out.set(citation.n, chunk);
  }
  return out;
}

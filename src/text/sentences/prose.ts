import { normalizeWhitespace } from "../whitespace.ts";
import type { Unit } from "./types.ts";

/**
 * Prose split on sentence punctuation, with pure string operations: a terminator ends a sentence
 * when whitespace and a sentence start follow it, unless its period belongs to an abbreviation,
 * an initial, or a number, version or address.
 */

// Abbreviations whose period never ends a sentence, whatever follows.
const NEVER_FINAL = new Set([
  "e.g",
  "i.e",
  "eg",
  "ie",
  "vs",
  "cf",
  "approx",
  "viz",
  "al",
  "ca",
  "incl",
  "resp",
  "dr",
  "mr",
  "mrs",
  "ms",
  "prof",
  "sr",
  "jr",
  "st",
  "mt",
  "gen",
  "rev",
  "hon",
]);

// Abbreviations that point at a number or label next ("Fig. 3", "No. 5", "pp. 10-12").
const BEFORE_NUMBER = new Set([
  "fig",
  "figs",
  "eq",
  "eqs",
  "no",
  "nos",
  "vol",
  "vols",
  "pp",
  "p",
  "ch",
  "sec",
  "ref",
  "refs",
  "tab",
  "art",
  "ex",
  "ed",
  "op",
]);

const TERMINATORS = ".!?…";
const CLOSERS = "\"'”’)]}»*_";
const OPENERS = "\"'“‘([{¿¡*_`«";

function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\n" || char === "\t" || char === "\r" || char === "\u00A0";
}

function canStartSentence(char: string): boolean {
  if (char >= "0" && char <= "9") return true;
  if (OPENERS.includes(char)) return true;
  const lower = char.toLowerCase();
  if (lower !== char) return true;
  // Letters of scripts without case (CJK and others) can start a sentence too.
  return lower === char.toUpperCase() && /\p{L}/u.test(char);
}

/** Whether the single period at `dot` belongs to the word before it rather than ending a sentence. */
function isAbbreviationPeriod(text: string, from: number, dot: number, next: string): boolean {
  let begin = dot;
  while (begin > from && !isSpace(text[begin - 1]) && !OPENERS.includes(text[begin - 1]!)) begin--;
  const word = text.slice(begin, dot);
  if (word.length === 0) return false;
  const lower = word.toLowerCase();
  if (NEVER_FINAL.has(lower)) return true;
  if (BEFORE_NUMBER.has(lower)) return (next >= "0" && next <= "9") || next === "(";
  // Initials: "A. Turing", "J.R.R. Tolkien"; "I" is a pronoun far more often.
  if (/^[A-Z]$/.test(word)) return word !== "I";
  return /^(?:[A-Z]\.)+[A-Z]$/.test(word);
}

/** Splits the prose between `from` and `to` on sentence punctuation and pushes the sentences. */
export function splitProse(text: string, from: number, to: number, units: Unit[]): void {
  let sentenceStart = from;
  const push = (start: number, end: number) => {
    const sentence = normalizeWhitespace(text.slice(start, end));
    if (sentence.length === 0) return;
    let s = start;
    while (s < end && isSpace(text[s])) s++;
    let e = end;
    while (e > s && isSpace(text[e - 1])) e--;
    units.push({ text: sentence, start: s, end: e, kind: "prose", attachNext: false });
  };

  for (let i = from; i < to; i++) {
    if (!TERMINATORS.includes(text[i]!)) continue;
    let last = i;
    while (last + 1 < to && TERMINATORS.includes(text[last + 1]!)) last++;
    let close = last + 1;
    while (close < to && CLOSERS.includes(text[close]!)) close++;
    if (close < to && !isSpace(text[close])) {
      // "0.25", "v1.2", "example.com": punctuation inside a token.
      i = last;
      continue;
    }
    let next = close;
    while (next < to && isSpace(text[next])) next++;
    if (next >= to) break;
    const nextChar = text[next]!;
    const singleDot = last === i && text[i] === ".";
    if (
      !canStartSentence(nextChar) ||
      (singleDot && isAbbreviationPeriod(text, sentenceStart, i, nextChar))
    ) {
      i = last;
      continue;
    }
    push(sentenceStart, close);
    sentenceStart = next;
    i = next - 1;
  }
  push(sentenceStart, to);
}

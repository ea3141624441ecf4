/**
 * Anchor words: for a pattern, a few literal strings one of which every match must contain
 * ("ignore", "disregard", "forget" for an override pattern). Testing them is far cheaper than
 * running the pattern, so a rule first asks `mayMatch` and runs the pattern only when an anchor is
 * in the text. The anchors are read from the pattern's own source, once per pattern, and tested
 * with the pattern's own flags, so skipping a pattern never changes what it matches: a pattern
 * whose source gives no anchor (or uses syntax this reader does not follow) simply always runs.
 */

import { anchorStrings } from "./source.ts";

export { anchorStrings } from "./source.ts";

// Syntax characters (the only identity escapes unicode mode allows).
const ESCAPE = /[\\^$.*+?()[\]{}|/]/g;

/** A pattern's anchors compiled: tested on the text, or on its folded copy (see `folded`). */
interface Anchors {
  regex: RegExp;
  folded: boolean;
}

const ANCHORS = new WeakMap<RegExp, Anchors | null>();
// Printable ASCII: the only anchors read through `folded`.
const ASCII = /^[ -~]*$/;

/**
 * The text as a case-insensitive pattern sees ASCII letters: lower case, with the two other
 * characters whose case folding is an ASCII letter (the long s "ſ" and the Kelvin sign) read as
 * "s" and "k". A case-insensitive ASCII literal is in the text exactly when its lower-case spelling
 * is in this copy, so a plain, case-sensitive search for it does the same job faster.
 */
let lastText = "";
let lastFolded = "";
function folded(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastFolded = text.toLowerCase().replace(/\u017F/g, "s");
  }
  return lastFolded;
}

/** The pattern's anchors, compiled once (null: none known, or one is a single character). */
function anchorsOf(pattern: RegExp): Anchors | null {
  let anchors = ANCHORS.get(pattern);
  if (anchors === undefined) {
    anchors = null;
    const strings = anchorStrings(pattern);
    // A one-letter anchor is in nearly every text: the pattern runs as it is.
    if (strings?.every((s) => s.trim().length >= 2)) {
      const foldable = pattern.ignoreCase && strings.every((s) => ASCII.test(s));
      const spelled = foldable ? strings.map((s) => s.toLowerCase()) : strings;
      const source = [...new Set(spelled)].map((s) => s.replace(ESCAPE, "\\$&")).join("|");
      anchors = foldable
        ? { regex: new RegExp(source), folded: true }
        : { regex: new RegExp(source, pattern.flags), folded: false };
    }
    ANCHORS.set(pattern, anchors);
  }
  return anchors;
}

/** Reads and compiles the patterns' anchors now (a rule does it once, when it is built). */
export function prepareAnchors(patterns: Iterable<RegExp>): void {
  for (const pattern of patterns) anchorsOf(pattern);
}

/** False only when the pattern cannot match the text: none of its anchors is in it. */
export function mayMatch(pattern: RegExp, text: string): boolean {
  const anchors = anchorsOf(pattern);
  return anchors === null || anchors.regex.test(anchors.folded ? folded(text) : text);
}

/** `pattern.test(text)`, skipped when none of the pattern's anchors is in the text. */
export function testAnchored(pattern: RegExp, text: string): boolean {
  return mayMatch(pattern, text) && pattern.test(text);
}

/** `pattern.exec(text)`, skipped when none of the pattern's anchors is in the text. */
export function execAnchored(pattern: RegExp, text: string): RegExpExecArray | null {
  return mayMatch(pattern, text) ? pattern.exec(text) : null;
}

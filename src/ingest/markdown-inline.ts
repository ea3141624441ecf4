import { decodeEntities } from "../text/entities.ts";

/**
 * Inline markdown → the words a reader sees: code spans and escapes kept literally, images and
 * comments dropped, links and emphasis unwrapped, known HTML tags removed, entities decoded.
 */

// Tags removed from prose while their text stays; only known names, so "x <y" and "<T>" survive.
const HTML_TAG_NAMES = [
  "a|abbr|address|article|aside|b|bdi|bdo|big|blockquote|body|br|button|caption|center|cite|code|col",
  "colgroup|dd|del|details|dfn|div|dl|dt|em|figcaption|figure|font|footer|h[1-6]|header|hr|html|i|iframe",
  "img|ins|kbd|label|li|main|mark|nav|ol|p|picture|pre|q|s|samp|section|small|source|span|strike|strong",
  "sub|summary|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|ul|var|video|audio|wbr",
].join("|");
const HTML_TAG = new RegExp(`</?(?:${HTML_TAG_NAMES})(?:\\s[^<>]*)?/?>`, "gi");
const LINE_BREAK_TAG = /<br\s*\/?>/gi;
const IMG_TAG = /<img\b[^>]*>/gi;

const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
const IMAGE = /!\[(?:[^[\]]|\[[^\]]*\])*\]\((?:[^()]|\([^)]*\))*\)/g;
const REFERENCE_IMAGE = /!\[[^\]]*\]\[[^\]]*\]/g;
const LINK = /\[((?:[^[\]]|\[[^\]]*\])*)\]\((?:[^()]|\([^)]*\))*\)/g;
const REFERENCE_LINK = /\[([^\]]+)\]\[[^\]]*\]/g;
const FOOTNOTE_REFERENCE = /\[\^[^\]]+\]/g;
const AUTOLINK = /<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+\.[a-z]{2,})>/gi;
// Longest markers first, so "*a **b** c*" unwraps from the inside out.
const EMPHASIS: Array<[RegExp, string]> = [
  [/\*\*\*(?=\S)([\s\S]*?\S)\*\*\*/g, "$1"],
  [/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "$1"],
  [/\*(?=\S)([\s\S]*?\S)\*/g, "$1"],
  [/(^|[^\p{L}\p{N}_])___(?=\S)([\s\S]*?\S)___(?![\p{L}\p{N}_])/gu, "$1$2"],
  [/(^|[^\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, "$1$2"],
  [/(^|[^\p{L}\p{N}_])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}_])/gu, "$1$2"],
  [/~~(?=\S)([\s\S]*?\S)~~/g, "$1"],
  [/==(?=\S)([\s\S]*?\S)==/g, "$1"],
];

/** Turns one line (or paragraph) of inline markdown into the text a reader sees. */
export function inlineToPlain(markdown: string): string {
  if (markdown === "") return markdown;
  // Code spans and escaped characters are literal: park them while markup is removed.
  const parked: string[] = [];
  const park = (literal: string) => {
    parked.push(literal);
    return `\uE000${parked.length - 1}\uE001`;
  };
  let plain = markdown
    .replace(CODE_SPAN, (_whole, _ticks: string, code: string) =>
      // CommonMark strips one space of padding on both sides of a code span.
      park(/^ [\s\S]* $/.test(code) && code.trim() !== "" ? code.slice(1, -1) : code),
    )
    .replace(ESCAPE, (_whole, char: string) => park(char))
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(IMAGE, "")
    .replace(REFERENCE_IMAGE, "")
    .replace(IMG_TAG, "")
    .replace(LINK, "$1")
    .replace(REFERENCE_LINK, "$1")
    .replace(FOOTNOTE_REFERENCE, "")
    .replace(AUTOLINK, "$1")
    .replace(LINE_BREAK_TAG, " ")
    .replace(HTML_TAG, "");
  // Nested emphasis ("***a** b*") needs more than one pass.
  for (let pass = 0; pass < 3; pass++) {
    const before = plain;
    for (const [pattern, replacement] of EMPHASIS) plain = plain.replace(pattern, replacement);
    if (plain === before) break;
  }
  plain = decodeEntities(plain).replace(
    /\uE000(\d+)\uE001/g,
    (_whole, index: string) => parked[Number(index)] ?? "",
  );
  return plain.replace(/[ \t]+/g, " ").trim();
}

// Invisible or direction-changing code points that can split a word without showing.
const INVISIBLE_BMP = [
  String.raw`\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F`,
  String.raw`\u3164\uFE00-\uFE0F\uFEFF\uFFA0`,
].join("");
const INVISIBLE = new RegExp(
  [
    `[${INVISIBLE_BMP}]`,
    String.raw`\u{E0000}`,
    String.raw`\u{E0001}`,
    String.raw`[\u{E007F}-\u{E01EF}]`,
  ].join("|"),
  "gu",
);
// Unicode "tag" characters mirror ASCII invisibly; they are used to smuggle instructions.
const TAG_CHARS = /[\u{E0020}-\u{E007E}]+/gu;

/** Text as it may be stored: NFKC, invisible characters gone, tag characters turned into ASCII. */
export function cleanText(text: string): string {
  return text
    .replace(TAG_CHARS, (run) =>
      String.fromCodePoint(...[...run].map((c) => (c.codePointAt(0) ?? 0) - 0xe0000)),
    )
    .normalize("NFKC")
    .replace(INVISIBLE, "");
}

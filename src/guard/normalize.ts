import { decodeEntities } from "../text/entities.ts";

/**
 * Attackers disguise the words a rule looks for; these functions undo the common disguises so
 * the rules can match plain lower-case English. Nothing here decides anything: it only produces
 * views of the text for the rules to read.
 */

/** The views of one text that rules match against. */
export interface TextViews {
  /** NFKC, invisible characters removed, smuggled tag characters made visible: safe to store. */
  clean: string;
  /** Lower-case matching forms: folded, with markup stripped, with spacing tricks undone. */
  forms: string[];
  /** Letter-by-letter spelled runs ("i g n o r e") squashed into words, for phrase checks. */
  squashedRuns: string[];
  /** Payloads that were encoded (base64, hex, …) and decoded; non-empty means obfuscation. */
  decoded: DecodedPayload[];
}

export interface DecodedPayload {
  via: "base64" | "hex" | "binary" | "url" | "entities" | "rot13" | "reversed" | "unicode-tags";
  /** The decoded text, folded. */
  text: string;
  /** Matching forms of the decoded text, like `TextViews.forms`. */
  forms: string[];
}

// Invisible or direction-changing code points that can split a word without showing.
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: listing invisible and combining code points one by one is this pattern's job
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\u{E0000}|\u{E0001}|[\u{E007F}-\u{E01EF}]/gu;
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

/** Letters from other scripts that look like Latin ones, mapped to the Latin letter they imitate. */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  з: "3",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ѕ: "s",
  і: "i",
  ї: "i",
  ј: "j",
  ԁ: "d",
  һ: "h",
  ԛ: "q",
  ԝ: "w",
  ӏ: "l",
  ү: "y",
  ɡ: "g",
  // Greek
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ω: "w",
  ϲ: "c",
  // Latin look-alikes, IPA and small capitals
  ı: "i",
  ɩ: "i",
  ɑ: "a",
  ȷ: "j",
  ʟ: "l",
  ɪ: "i",
  ᴀ: "a",
  ʙ: "b",
  ᴄ: "c",
  ᴅ: "d",
  ᴇ: "e",
  ꜰ: "f",
  ɢ: "g",
  ʜ: "h",
  ᴊ: "j",
  ᴋ: "k",
  ᴍ: "m",
  ɴ: "n",
  ᴏ: "o",
  ᴘ: "p",
  ǫ: "q",
  ʀ: "r",
  ꜱ: "s",
  ᴛ: "t",
  ᴜ: "u",
  ᴠ: "v",
  ᴡ: "w",
  ʏ: "y",
  ᴢ: "z",
  // Armenian
  օ: "o",
  ս: "u",
  ո: "n",
};

/** Lower-case, accents removed, look-alike letters mapped to Latin. */
export function foldLetters(text: string): string {
  let out = "";
  for (const char of text.toLowerCase().normalize("NFKD")) {
    if (/\p{M}/u.test(char)) continue;
    out += HOMOGLYPHS[char] ?? char;
  }
  return out;
}

const LEET_COMMON: Record<string, string> = {
  "0": "o",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  $: "s",
  "€": "e",
  "!": "i",
  "+": "t",
};

/**
 * Undoes leetspeak inside words that mix letters with digits or symbols ("1gn0r3"), leaving
 * plain numbers alone ("week 3"). "1" and "|" read as "i" or "l", so both readings are returned.
 */
export function unleet(text: string): string[] {
  const readings = ["i", "l"].map((one) =>
    text.replace(/[\p{L}\p{N}@$€!|+]+/gu, (token) => {
      if (!/\p{L}/u.test(token) || !/[0-9@$€!|+]/.test(token)) return token;
      // Trailing "!" or "+" is punctuation, not a letter.
      const core = token.replace(/[!+]+$/, "");
      const tail = token.slice(core.length);
      let word = "";
      for (const char of core) word += char === "1" || char === "|" ? one : (LEET_COMMON[char] ?? char);
      return word + tail;
    }),
  );
  return readings[0] === readings[1] ? [readings[0]!] : readings;
}

// Profanity written with a masking symbol ("f*ck", "sh!t", "b@tch"): spelled out for the abuse rule.
const MASKED_WORDS: [RegExp, string][] = [
  // Everything between the "f" and the suffix masked ("f***ing", "f#@%ing").
  [/\bf[^\p{L}\p{N}\s]{2,4}(?=ing\b|in\b|er\b|ed\b)/giu, "fuck"],
  [/\bf[\W_]{1,3}c?k(?=ing|in|er|ed|s|\b)/giu, "fuck"],
  [/\bf[\W_]?u[\W_]{1,2}k(?=ing|in|er|ed|s|\b)/giu, "fuck"],
  [/\bsh[\W_]{1,2}t\b/giu, "shit"],
  [/\bb[\W_]{1,2}tch/giu, "bitch"],
  [/\ba[\W_]{1,3}hole\b/giu, "asshole"],
  [/\bc[\W_]{1,2}nt\b/giu, "cunt"],
  [/\bd[\W_]{1,2}ck\b/giu, "dick"],
  [/\bb[\W_]{1,2}stard\b/giu, "bastard"],
];

/** Spells out masked profanity. */
export function unmaskProfanity(text: string): string {
  let out = text;
  for (const [pattern, word] of MASKED_WORDS) out = out.replace(pattern, word);
  return out;
}

/** The words an override, extraction or jailbreak attempt is built from. */
const ATTACK_KEYWORDS = [
  "ignore",
  "disregard",
  "previous",
  "instructions",
  "instruction",
  "system",
  "prompt",
  "guidelines",
  "restrictions",
  "override",
  "bypass",
  "jailbreak",
  "unrestricted",
  "uncensored",
];

/**
 * Words an attack cannot do without, for reading typos ("igonre all previuos instructons"). A
 * keyword filter that needs exact spelling is beaten by one swapped letter, while the model
 * behind it still reads the intent. Only words whose one-edit neighbours are not everyday
 * English are listed ("rules" is one letter from "roles", "forget" from "forgot", "idiot" from
 * "idiom": those stay exact).
 */
const TYPO_KEYWORDS = [...ATTACK_KEYWORDS, "homework", "assignment"];

/** Optimal string alignment distance, capped: whether `a` is within one edit (or swap) of `b`. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]! <= 1;
}

/** Typos of attack keywords corrected ("previuos" → "previous"); inflections ("ignored") left alone. */
export function correctKeywordTypos(text: string): string {
  return text.replace(/\p{L}{5,}/gu, (word) => {
    if (TYPO_KEYWORDS.includes(word)) return word;
    const fix = TYPO_KEYWORDS.find((keyword) => !word.startsWith(keyword) && withinOneEdit(word, keyword));
    return fix ?? word;
  });
}

// Chat shorthand for the words the rules look for ("ur system msg", "instrux", "w/o rules"), and
// compounds that other languages write as one word ("Systemprompt").
const SHORTHAND: [RegExp, string][] = [
  [/\bmsgs\b/gu, "messages"],
  [/\bmsg\b/gu, "message"],
  [/\b(?:instrux|instrs?|instructs)\b/gu, "instructions"],
  [/\bsys(?=\s*(?:prompt|message|msg|instructions)\b)/gu, "system"],
  [/\bsystem(prompt|message|nachricht|anweisungen)\b/gu, "system $1"],
  [/\bw\/o\b/gu, "without"],
];

/** Chat shorthand written out. */
export function expandShorthand(text: string): string {
  let out = text;
  for (const [pattern, word] of SHORTHAND) out = out.replace(pattern, word);
  return out;
}

/** Markdown, HTML and delimiter noise replaced by spaces, so "**ignore** all" reads "ignore all". */
export function stripMarkup(text: string): string {
  return text
    .replace(/<!--|-->/g, " ")
    .replace(/<\/?[a-z][^>]*>/gi, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_~`#>|=^]+/g, " ")
    .replace(/[ \t]+/g, " ");
}

/** Runs of at least four single characters ("i g n o r e", "i.g.n.o.r.e") as the words they spell. */
export function spelledRuns(text: string): string[] {
  const runs: string[] = [];
  const pattern =
    /(?:^|[^\p{L}\p{N}])((?:[\p{L}\p{N}][ .\-_*/\\|,]{1,3}){3,}[\p{L}\p{N}])(?=$|[^\p{L}\p{N}])/gu;
  for (const match of text.matchAll(pattern)) {
    const run = match[1] ?? "";
    // Wider gaps between letters mark word boundaries ("i g n o r e   a l l").
    const words = run
      .split(/[ .\-_*/\\|,]{2,}/)
      .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ""))
      .filter(Boolean);
    runs.push(words.join(" "));
  }
  return runs;
}

function collapseSpelledRuns(text: string): string {
  return text.replace(
    /(?<=^|[^\p{L}\p{N}])(?:[\p{L}\p{N}][ .\-_*/\\|,]{1,3}){3,}[\p{L}\p{N}](?=$|[^\p{L}\p{N}])/gu,
    (run) =>
      run
        .split(/[ .\-_*/\\|,]{2,}/)
        .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ""))
        .join(" "),
  );
}

const PRINTABLE = /^[\x20-\x7E\t\n\r\u00A0-\uFFFF]*$/;

/** Whether decoded bytes read as text someone wrote, not noise. */
function readsAsText(text: string): boolean {
  if (text.length < 4 || !PRINTABLE.test(text) || text.includes("\uFFFD")) return false;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters / text.length >= 0.6 && /\p{L}{2,}/u.test(text);
}

function decodeBase64(blob: string): string | undefined {
  const standard = blob.replace(/-/g, "+").replace(/_/g, "/");
  if (standard.replace(/=+$/, "").length % 4 === 1) return undefined;
  const decoded = Buffer.from(standard, "base64").toString("utf8");
  return readsAsText(decoded) ? decoded : undefined;
}

function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

// Words nearly every English sentence (and every attack) contains.
const COMMON_WORDS = new Set(
  "the a an all your you me my and or to of in is are what how why now then this that it any previous instructions instruction ignore rules prompt system show print reveal tell give answer answers exam homework disregard forget guidelines".split(
    " ",
  ),
);

function commonWordCount(text: string): number {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => COMMON_WORDS.has(word)).length;
}

/**
 * Reversed text sent without saying so ("snoitcurtsni suoiverp lla erongi"): the reversal reads
 * as English (several common words) while the text as sent reads as almost none.
 */
function readsBetterReversed(text: string): boolean {
  if (text.length < 12) return false;
  const reversed = commonWordCount([...text].reverse().join(""));
  return reversed >= 2 && reversed > 2 * commonWordCount(text);
}

/** Encoded payloads inside the text, decoded. Two levels deep: base64 of base64 is a known trick. */
export function decodePayloads(text: string, depth = 0): { via: DecodedPayload["via"]; text: string }[] {
  const found: { via: DecodedPayload["via"]; text: string }[] = [];
  const add = (via: DecodedPayload["via"], decoded: string | undefined) => {
    if (decoded === undefined || decoded.trim() === "") return;
    found.push({ via, text: decoded });
    if (depth < 1) found.push(...decodePayloads(decoded, depth + 1));
  };

  // Base64 blobs: long runs of the alphabet that mix cases or digits (plain words are skipped).
  const blobs = text.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? [];
  for (const blob of blobs) {
    if (!/[A-Z]/.test(blob) && !/\d/.test(blob)) continue;
    add("base64", decodeBase64(blob));
  }
  // Base64 broken over lines or spaces.
  const joined = text.match(/(?:[A-Za-z0-9+/]{4,}={0,2}\s+){2,}[A-Za-z0-9+/]{2,}={0,2}/g) ?? [];
  for (const blob of joined) add("base64", decodeBase64(blob.replace(/\s+/g, "")));

  for (const blob of text.match(/(?:\\x|0x)?[0-9a-fA-F]{2}(?:[\s:,]*(?:\\x|0x)?[0-9a-fA-F]{2}){7,}/g) ?? []) {
    const hex = blob.replace(/\\x|0x|[\s:,]/g, "");
    if (hex.length % 2 !== 0) continue;
    const decoded = Buffer.from(hex, "hex").toString("utf8");
    if (readsAsText(decoded)) add("hex", decoded);
  }
  for (const blob of text.match(/(?:[01]{8}\s*){4,}/g) ?? []) {
    const bytes = (blob.match(/[01]{8}/g) ?? []).map((b) => Number.parseInt(b, 2));
    const decoded = Buffer.from(bytes).toString("utf8");
    if (readsAsText(decoded)) add("binary", decoded);
  }
  if (/(?:%[0-9a-fA-F]{2}){4,}/.test(text)) {
    try {
      add("url", decodeURIComponent(text));
    } catch {
      // Malformed escapes: nothing to decode.
    }
  }
  if (/&#x?[0-9a-f]+;/i.test(text)) add("entities", decodeEntities(text));
  if (/\brot[\s-]?13\b|\bcaesar\b/i.test(text)) add("rot13", rot13(text));
  if (
    /\b(?:backwards?|reversed?|mirrored|right[\s-]to[\s-]left)\b/i.test(text) ||
    readsBetterReversed(text)
  ) {
    add("reversed", [...text].reverse().join(""));
  }
  return found;
}

/** Runs of spaces collapsed; line breaks kept (role markers like "system:" count at a line start). */
function tidySpace(text: string): string {
  return text
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim();
}

// Attack keywords cut into pieces with plain spaces ("ign ore prev ious instr uctions"): the
// pieces are not words, so no rule reads them, while a model still does. Two or three adjacent
// pieces are joined only when together they spell one of these words. "forget" is left out:
// "for get requests" must not read "forget requests".
const SPLIT_KEYWORDS = new Set([...ATTACK_KEYWORDS, "reveal"]);

/** Keywords split by spaces put back together ("ign ore" → "ignore"). */
export function joinSplitKeywords(text: string): string {
  const words = text.split(" ");
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let joined: string | undefined;
    for (const size of [3, 2]) {
      const pieces = words.slice(i, i + size);
      if (pieces.length < size || !pieces.every((piece) => /^\p{L}+[,.;:!?]?$/u.test(piece))) continue;
      // Punctuation may only end the last piece: "ign, ore" is two words.
      if (pieces.slice(0, -1).some((piece) => /[,.;:!?]$/.test(piece))) continue;
      const candidate = pieces.join("");
      if (SPLIT_KEYWORDS.has(candidate.replace(/[,.;:!?]$/, "").toLowerCase())) {
        joined = candidate;
        i += size;
        break;
      }
    }
    if (joined === undefined) {
      out.push(words[i] ?? "");
      i++;
    } else out.push(joined);
  }
  return out.join(" ");
}

/** Lower-case matching forms of already folded text: as is, without markup, spacing tricks undone, leetspeak read. */
function matchingForms(folded: string): string[] {
  const forms = new Set<string>();
  const add = (form: string) => {
    for (const variant of [form, ...unleet(form)]) {
      forms.add(tidySpace(variant));
      forms.add(tidySpace(collapseSpelledRuns(variant)));
    }
  };
  add(folded);
  add(stripMarkup(folded));
  // Words broken up inside ("ig-nore", "in.struc.tions") joined again.
  add(stripMarkup(folded).replace(/(?<=\p{L})[-_.'’·•*~]+(?=\p{L})/gu, ""));
  const rejoined = joinSplitKeywords(stripMarkup(folded));
  if (rejoined !== stripMarkup(folded)) add(rejoined);
  const unmasked = unmaskProfanity(folded);
  if (unmasked !== folded) add(unmasked);
  // Shorthand written out and keyword typos corrected: a form of its own, so the exact-spelling
  // forms above still exist for rules that care about the word as written.
  const respelled = correctKeywordTypos(expandShorthand(folded));
  if (respelled !== folded) add(respelled);
  // Punctuation used as spacing ("ignore.all.previous", "ignore/previous") read as spaces.
  add(folded.replace(/[^\p{L}\p{N}\s'"?,]+/gu, " "));
  return [...forms].filter(Boolean);
}

/** Every view the rules match against. Pure and deterministic. */
export function textViews(text: string): TextViews {
  const hadTags = /[\u{E0020}-\u{E007E}]/u.test(text);
  const clean = cleanText(text);
  const folded = foldLetters(clean);
  const decoded: DecodedPayload[] = [];
  if (hadTags) decoded.push({ via: "unicode-tags", text: folded, forms: matchingForms(folded) });
  for (const payload of decodePayloads(clean)) {
    const text = foldLetters(cleanText(payload.text));
    decoded.push({ via: payload.via, text, forms: matchingForms(text) });
  }
  const squashedRuns = spelledRuns(folded).concat(spelledRuns(stripMarkup(folded)));
  return { clean, forms: matchingForms(folded), squashedRuns: [...new Set(squashedRuns)], decoded };
}

/** Every matching form: the text's own, then those of each decoded payload. */
export function allForms(views: Pick<TextViews, "forms" | "decoded">): string[] {
  return views.forms.concat(views.decoded.flatMap((payload) => payload.forms));
}

/** The first pattern that matches any form of the text or of its decoded payloads. */
export function matchesAny(
  views: Pick<TextViews, "forms" | "decoded">,
  patterns: readonly RegExp[],
): RegExp | undefined {
  const forms = allForms(views);
  for (const pattern of patterns) {
    for (const form of forms) {
      pattern.lastIndex = 0;
      if (pattern.test(form)) return pattern;
    }
  }
  return undefined;
}

/**
 * The register of a message: the chat slang, interjections, swearing used for emphasis and
 * casual misspellings of question words that say how a student writes, not what they ask about
 * ("wtf is a reranker lol" asks what a reranker is). Removing them leaves the subject, so topic
 * and coverage checks judge the question, not its tone. Words a course might be about stay:
 * "tf" goes only where it swears ("how tf"), never in "TF-IDF".
 */

// Whole words that carry tone only. Matched case-insensitively as separate words.
const TONE_WORDS = [
  "lol+",
  "lmf?ao+",
  "rofl",
  "ha(?:ha)+h?",
  "he(?:he)+",
  "xd+",
  "omf?g+",
  "wt[fh]+",
  "ngl",
  "tbh",
  "tbf",
  "fr(?:fr)?",
  "imo",
  "imho",
  "idk",
  "idc",
  "smh",
  "fml",
  "istg",
  "ong",
  "bruh+",
  "bro",
  "dude",
  "dawg",
  "fam",
  "yall",
  "y'all",
  "yo+",
  "he+y+",
  "hiya",
  "sup",
  "ug+h+",
  "uh+",
  "u+m+",
  "hm+",
  "meh",
  "welp",
  "oof",
  "yikes",
  "damn",
  "dammit",
  "goddamn",
  "freaking",
  "friggin",
  "frick(?:in|ing)?",
  "effing",
  "f[*]+(?:in|ing)",
  "fu?c?king?",
  "fuckin",
  "af",
  "asf",
  "lowkey",
  "highkey",
  "kinda",
  "sorta",
  "sry",
  "soz",
  "srsly",
  "nah",
  "pls+",
  "plz+",
  "rq",
  // Question words as they are mistyped in a hurry.
  "wats?",
  "wuts?",
  "sum1",
  "some1",
  "any1",
  "s+o{3,}",
  "wht",
  "waht",
  "whta",
  "hwo",
  "teh",
];

// Phrases that say why or how the student asks, not what.
const TONE_PHRASES = [
  // After a question word only: "how tf", "what the hell" (the question word stays).
  String.raw`(?<=\b(?:how|what|why|where|who|when)\s+)(?:the\s+)?(?:tf|hell|heck|fuck|f)\b(?=\s)`,
  String.raw`\bthe\s+(?:hell|heck|fuck)\b`,
  String.raw`\b(?:dumb|stupid|silly|noob|newbie)\s+(?:q|qn|question)\b`,
  String.raw`\breal\s+quick\b`,
  String.raw`\basking\s+for\s+a\s+friend\b`,
  String.raw`\bin\s+plain\s+english\b`,
  String.raw`\blike\s+(?:i'?m|im|i\s+am)\s+(?:five|5|a\s+(?:kid|child|baby))\b`,
  String.raw`\b(?:i'?m|im|i\s+am)\s+(?:so\s+|kinda\s+|totally\s+|completely\s+)?(?:lost|confused|dying|dead)\b`,
  String.raw`\b(?:kinda\s+|so\s+|totally\s+|completely\s+)?lost\s+(?:on|with|about)\b`,
  String.raw`\bmy\s+brain\s+is\s+(?:fried|dead|melting|mush)\b`,
  String.raw`\bor\s+(?:nah|not|what)\s*(?=[?!.]*\s*$)`,
  // How the student feels about the question, and how they want it put.
  String.raw`\b(?:this|it|that)(?:'s|\s+is)\s+(?:so\s+|really\s+|very\s+|super\s+)?(?:hard|confusing|difficult|` +
    String.raw`annoying|frustrating|brutal)\b`,
  String.raw`\b(?:i|i'?m|im)\s+(?:feel\s+|am\s+|'m\s+)?(?:so\s+|really\s+|kinda\s+|super\s+)?(?:dumb|stupid|` +
    String.raw`frustrated|stressed|overwhelmed|desperate)\b`,
  String.raw`\b(?:so|super|really)\s+(?:bad|badly|hard|confusing)\b`,
  String.raw`\bin\s+(?:simple|plain|layman'?s?|easy)\s+(?:terms|words|language)\b`,
  String.raw`\b(?:simply|briefly|in a nutshell)\b`,
  String.raw`\b(?:any|some|got any)\s+tips\b`,
  String.raw`\bhelp\s+me\s+(?:out|understand)\b`,
  String.raw`\b(?:can|could)\s+(?:you|u)\s+give\s+me\s+a\s+hint\s+(?:about|on|for|with)\b`,
  // "so like what …", "it's like 6gb": "like" as a filler, not a comparison ("models like BERT").
  String.raw`(?<=\b(?:so|is|was|it'?s|its|just|um|uh|and|but|literally)\s+)like\b(?=\s+(?:\d|(?:what|how|why|when|` +
    String.raw`where|who|which|a|an|the|my|super|really|totally|so)\b))`,
  String.raw`^\s*(?:ok|okay|okie|alright)\b[,!.]?\s*(?:so\b)?`,
  String.raw`\bquick\s+(?:q|qn|question)\b[:,]?`,
  String.raw`\b(?:is|are|seems?|looks?)\s+(?:so\s+|really\s+|super\s+|kinda\s+|very\s+)?(?:confusing|weird|annoying|` +
    String.raw`brutal)\b`,
  String.raw`\b(?:i|we)\s+(?:have|got|'ve got)\s+(?:an?\s+)?(?:quiz|exam|test|midterm|final|deadline|lab)\s+(?:tmrw|` +
    String.raw`tmr|tomorrow|today|tonight|soon|next week|on \w+)\b`,
  // A plea tacked on after the question ("…, help", "…, what do i do"), not "how does X help?".
  String.raw`[,.;:!-]\s*(?:please\s+|pls\s+)?help\s*(?:me\s*)?[?!.]*\s*$`,
  String.raw`[,.;:!-]\s*what\s+(?:do|should|can)\s+i\s+do\s*[?!.]*\s*$`,
  String.raw`\beven\b(?=\s+(?:work|mean|is|are|do|does))`,
];

const TONE = new RegExp(
  `${TONE_PHRASES.join("|")}|(?<![\\p{L}\\p{N}'-])(?:${TONE_WORDS.join("|")})(?![\\p{L}\\p{N}'-])`,
  "giu",
);
const PICTOGRAPHS = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})+/gu;
// Emoticons made of punctuation: ":)", ":-(", ";P", "xD" is a tone word above.
const EMOTICONS = /(?<!\S)[:;=]-?[()DPp/\\|]+(?!\S)/g;

// "wtf is X" asks what X is.
const SWORE_WHAT = /\bwt[fh]\s+(?=(?:is|are|was|were|does|do|did|happens?)\b)/giu;

/** The message without its register: slang, interjections, swearing for emphasis, emoji. */
export function withoutRegister(text: string): string {
  const stripped = text
    .replace(SWORE_WHAT, "what ")
    .replace(PICTOGRAPHS, " ")
    .replace(EMOTICONS, " ")
    .replace(TONE, " ")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/^[\s,.;:!-]+/, "")
    .replace(/([,;:])(?:\s*[,;:])+/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
  // A message that is nothing but tone keeps its words: there is no other subject to judge.
  return /[\p{L}\p{N}]/u.test(stripped) ? stripped : text.trim();
}

import { contentTerms, stem } from "../../text/terms.ts";

/**
 * Follow-up questions ("what about its disadvantages?") name their subject only through the
 * conversation. A question is a follow-up when it has no subject of its own, or when it points
 * back (it, its, this, those…, "what about …", "and …") and has at most one subject word. Its
 * search query is then the question plus the subject words of the turn it follows; that turn,
 * when itself a follow-up, brings its own predecessor's subject along.
 */

export interface PastTurn {
  question: string;
}

// Words that say what is asked about a subject, not what the subject is.
const ASPECT_WORDS = [
  "advantage",
  "disadvantage",
  "benefit",
  "drawback",
  "downside",
  "upside",
  "pro",
  "con",
  "limitation",
  "problem",
  "issue",
  "risk",
  "tradeoff",
  "trade-off",
  "alternative",
  "example",
  "instance",
  "difference",
  "differ",
  "compare",
  "comparison",
  "mean",
  "meaning",
  "work",
  "use",
  "used",
  "usage",
  "purpose",
  "reason",
  "need",
  "matter",
  "important",
  "help",
  "detail",
  "more",
  "else",
  "instead",
  "handle",
  "happen",
  "choose",
  "pick",
  "better",
  "worse",
  "good",
  "bad",
  "fail",
  "failure",
  "step",
  "way",
  "thing",
  "kind",
  "type",
];
const ASPECT_TERMS = new Set(ASPECT_WORDS.map((w) => stem(w)));

// Words that point back at something said before.
const POINTING_WORDS = [
  "it|its|it's|itself|they|them|their|theirs|this|that|these|those",
  "the former|the latter|the same|such|there|then",
].join("|");
const POINTS_BACK = new RegExp(`\\b(?:${POINTING_WORDS})\\b`, "i");
const CONTINUES =
  /^\s*(?:what about|how about|and|also|plus|but|so|what else|why not|same for|ok(?:ay)?,?)\b/i;

/** Stemmed terms that name a subject: content terms that are not aspect words. */
export function subjectTerms(text: string): string[] {
  return [...new Set(contentTerms(text))].filter((term) => !ASPECT_TERMS.has(term));
}

export function isFollowUp(question: string): boolean {
  const subjects = subjectTerms(question).length;
  if (subjects === 0) return true;
  return subjects <= 1 && (POINTS_BACK.test(question) || CONTINUES.test(question));
}

/** The surface words of `text` that carry its subject, lower-cased, in order, without repeats. */
export function subjectWords(text: string): string[] {
  const subjects = new Set(subjectTerms(text));
  const words: string[] = [];
  for (const [raw] of text.matchAll(/[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*/gu)) {
    const word = raw.toLowerCase();
    if (words.includes(word)) continue;
    const terms = contentTerms(raw);
    if (terms.length > 0 && terms.some((t) => subjects.has(t))) words.push(word);
  }
  return words;
}

/**
 * The search query for `question` asked after `history` (oldest first): the question itself, or
 * for a follow-up, the question followed by the subject words it refers to.
 */
export function resolveFollowUp(question: string, history: readonly PastTurn[], maxTurns = 3): string {
  if (history.length === 0 || !isFollowUp(question)) return question;
  const carried: string[] = [];
  for (let i = history.length - 1, used = 0; i >= 0 && used < maxTurns; i--, used++) {
    const previous = (history[i] as PastTurn).question;
    for (const word of subjectWords(previous)) if (!carried.includes(word)) carried.push(word);
    if (!isFollowUp(previous)) break;
  }
  const own = new Set(subjectWords(question));
  const added = carried.filter((word) => !own.has(word));
  return added.length > 0 ? `${question.trim()} ${added.join(" ")}` : question;
}

import { testAnchored } from "../../anchors/index.ts";
import { quotedPassages } from "../../match.ts";
import { re, reSource } from "../../regex.ts";
import type { AbuseFamily } from "./types.ts";
import { GROUP } from "./vocabulary.ts";

/**
 * Hate that is reported, quoted or questioned is not the user's own: "classifiers flag posts saying
 * muslims are terrorists, why?", "is it true women can't code?", "the stereotype that girls can't do
 * maths", "the model says immigrants are criminals". The claim is someone else's, and the student
 * asks about it. The same claim asserted ("muslims are terrorists"), endorsed ("… and they're
 * right") or asked for ("write posts saying …") is still abuse.
 */

// Who or what says it: posts and people, or a model, classifier or dataset.
const SAYERS = reSource`
  (?:posts?|tweets?|comments?|messages?|texts?|sentences?|examples?|samples?|reviews?|replies|threads?|
  memes?|content|lines?|statements?|captions?|headlines?|articles?|videos?|people|users?|someone|somebody|
  trolls?|accounts?|documents?|rows?|labels?)
`;
const SAYING = reSource`
  (?:saying|that\s+(?:says?|said|claims?|claimed|argues?|suggests?)|claiming|stating|arguing|suggesting|
  implying|which\s+(?:say|says|claim|claims))
`;
const MACHINE = reSource`
  (?:models?|classifiers?|llms?|chatbots?|bots?|gpt|systems?|algorithms?|embeddings?|networks?|ai|datasets?|
  data|corpus|corpora|training\s+data|outputs?|predictions?|completions?|filters?|moderation)
`;
const MACHINE_SAYS = reSource`
  (?:says?|said|outputs?|outputted|predicts?|predicted|generates?|generated|learn(?:s|ed|t)?|assumes?|assumed|
  thinks?|believes?|claims?|claimed|implies|implied|suggests?|suggested|associates?|encodes?|reflects?|
  shows?|concludes?|decides?|decided)
`;
// Someone else who holds the claim: "my teammate thinks …", "people say …" (never "i think …").
const HOLDER = reSource`
  (?:he|she|they|people|someone|somebody|everyone|(?:my|our|a|the|some|this|that)\s+(?:\p{L}+\s+)?\p{L}+)\s+
  (?:(?:still|always|keeps?|kept|once|actually|really)\s+)?(?:thinks?|thought|says?|said|saying|believes?|
  believed|claims?|claimed|assumes?|assumed|argues?|argued|insists?|insisted|told\s+(?:me|us|the\s+class))
`;
// The claim put in question or named as a belief: "is it true that", "the stereotype that".
const QUESTIONED = reSource`
  (?:is\s+it\s+(?:really\s+|actually\s+)?(?:true|a\s+fact|a\s+myth|right|correct)|is\s+there\s+(?:any\s+)?
  (?:evidence|proof|data)|do(?:es)?\s+(?:\p{L}+\s+){0,2}?(?:data|evidence|research|studies)\s+(?:show|say|
  support)|(?:why|how\s+come)\s+do\s+(?:some\s+|many\s+|so\s+many\s+)?people\s+(?:think|say|believe|assume)|
  do\s+(?:some\s+|many\s+)?people\s+(?:really\s+|actually\s+)?(?:think|believe)|whether|
  (?:the|a|that|this|an|common)\s+(?:\p{L}+\s+)?(?:stereotypes?|myths?|tropes?|claims?|ideas?|beliefs?|
  assumptions?|notions?|misconceptions?|narratives?|cliches?|prejudices?|biases?)|(?:heard|read|seen)\s+
  (?:people|someone|somebody|it)\s+(?:say|saying|claim|claiming|said))
`;
// A frame ending just before the claim, with at most a few words ("all", "the") in between.
const FRAME = re("iu")`
  \b(?:${SAYERS}\s+${SAYING}|${HOLDER}|(?:the|a|an|my|our|this|that|its|their)\s+(?:\p{L}+\s+){0,2}?${MACHINE}\s+
  (?:\p{L}+\s+)?${MACHINE_SAYS}|${QUESTIONED})(?:\s+(?:that|of|like))?(?:\s+[\p{L}'-]+){0,3}?[\s,:"'“‘«]*$
`;
// Asking for the hateful content, before its frame: "write posts saying …", "generate tweets claiming …".
const GENERATE = re("iu")`
  \b(?:write|generate|create|make|draft|compose|produce|give\s+me|come\s+up\s+with|craft|post|tweet|spread|
  publish|send|help\s+me\s+(?:write|make|post)|list|invent|fake)\b
`;
// The student taking the claim as their own: "… and they're right", "i agree with the posts saying …",
// "the stereotype that … is true." (a statement; "… is true?" still asks).
const NOT_NEGATED = reSource`(?:(?!not\b|never\b|hardly\b|barely\b)\p{L}+\s+)?`;
const ENDORSED = re("iu")`
  \b(?:i|we)\s+${NOT_NEGATED}(?:agree|know\s+(?:it'?s|it\s+is|that'?s)\s+true|think\s+(?:so|they'?re\s+right|
  it'?s\s+true))\b|\b(?:they'?re|they\s+are|it'?s|it\s+is|that'?s|that\s+is|which\s+is)\s+${NOT_NEGATED}
  (?:right|true|correct|a\s+fact|facts)\b(?!\s+(?:that|to\s+flag|to\s+label))|\b(?:obviously|clearly)\s+
  (?:yes|true)\b|\bproving\s+it\b|\b(?:is|are)\s+(?:actually\s+|really\s+|totally\s+|just\s+)?(?:true|right|
  correct|a\s+fact)\s*(?:[.!]|$)
`;
// What makes a quoted claim a question about it rather than a claim in quotes.
const ABOUT_QUOTE = re("iu")`
  \b(?:why|how|what|which|whether|is|are|does|do|should|would|could|flag\w*|label\w*|classif\w*|detect\w*|
  moderat\w*|toxic\w*|dataset|model|example|annotat\w*|filter\w*)\b
`;
const GROUP_WORD = re("iu")`\b${GROUP}\b`;
const SENTENCE_END = /[.!?;\n]/;

/** Families whose claims can be reported; an insult only when it is about a group of people. */
const REPORTABLE: ReadonlySet<AbuseFamily> = new Set(["hate", "insult"]);

/** The sentence before `index`, without the text of earlier sentences. */
function clauseBefore(form: string, index: number): string {
  const before = form.slice(Math.max(0, index - 160), index);
  let start = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (SENTENCE_END.test(before[i] ?? "")) {
      start = i + 1;
      break;
    }
  }
  return before.slice(start);
}

function quotedAndAsked(form: string, claim: string): boolean {
  const quoted = quotedPassages(form).some((passage) => passage.includes(claim.trim()));
  if (!quoted) return false;
  const outside = quotedPassages(form).reduce((rest, passage) => rest.replace(passage, " "), form);
  return ABOUT_QUOTE.test(outside);
}

/**
 * Whether the match at `index` in `form` is a claim the student reports, quotes or questions
 * rather than makes: a hate claim (or an insult of a group) after a frame ("posts saying", "is it
 * true that", "the model says"), or quoted inside a question about it; never when the student
 * asks for it to be written or endorses it.
 */
function reportedClaim(form: string, family: AbuseFamily, index: number, claim: string): boolean {
  if (!REPORTABLE.has(family)) return false;
  if (family === "insult" && !GROUP_WORD.test(`${clauseBefore(form, index)} ${claim}`)) return false;
  if (ENDORSED.test(form)) return false;
  const clause = clauseBefore(form, index);
  const frame = FRAME.exec(clause);
  if (frame) return !GENERATE.test(clause.slice(0, frame.index));
  return quotedAndAsked(form, claim) && !GENERATE.test(clause);
}

const GLOBAL = new WeakMap<RegExp, RegExp>();

/** The pattern's matches in `form`, every one of them (the pattern itself stays non-global). */
function matchesOf(pattern: RegExp, form: string): IterableIterator<RegExpMatchArray> {
  let global = GLOBAL.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    GLOBAL.set(pattern, global);
  }
  return form.matchAll(global);
}

/**
 * Whether the pattern finds abuse the student makes in `form`: a match that is not a reported,
 * quoted or questioned claim (see reportedClaim).
 */
export function ownAbuse(pattern: RegExp, family: AbuseFamily, form: string): boolean {
  if (!testAnchored(pattern, form)) return false;
  if (!REPORTABLE.has(family)) return true;
  for (const match of matchesOf(pattern, form)) {
    if (!reportedClaim(form, family, match.index ?? 0, match[0])) return true;
  }
  return false;
}

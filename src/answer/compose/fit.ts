import { contentTerms } from "../../text/terms.ts";
import type { QuestionShape } from "../question.ts";
import type { Unit } from "./units.ts";

/**
 * How well a unit fits the shape of the question, beyond sharing its words: a definition of the
 * asked term, the expansion of the asked acronym, both sides of a comparison, a reason, a date
 * or a number, ordered steps. Bonuses are small next to relevance: they pick among relevant units.
 */
export interface ShapeContext {
  shape: QuestionShape;
  /** Content terms of each subject (the defined term, the compared sides). */
  subjectTerms: string[][];
  /** The question asks for several things ("what are the five stages", "which tools"). */
  wantsList: boolean;
  /** A number asked for by its name ("what value of k…"): the name followed closely by a number. */
  valueNamed?: RegExp;
}

// "what value of k", "the default value for top_k", "what should temperature be set to".
const ASKED_VALUE = [
  /\b(?:value|values|setting|number) (?:of|for) (?:the )?([\w.-]+)/i,
  /\bdefault (?:value )?(?:of|for) (?:the )?([\w.-]+)/i,
  /\bwhat (?:should|is|are) (?:the )?([\w.-]+) (?:be )?set to\b/i,
];

/** The name a number is asked for by, stated a few words before a number: "k = 60", "k is usually 60". */
function valueNamed(question: string): RegExp | undefined {
  for (const pattern of ASKED_VALUE) {
    const name = pattern.exec(question)?.[1];
    if (!name) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // Words, spaces, "=" or ":" between the name and the number; a formula's "(k + rank)" is no value.
    return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])(?:[\\s=:]+[a-z]+){0,3}?[\\s=:]+\\d`, "i");
  }
  return undefined;
}

export function shapeContext(question: string, shape: QuestionShape): ShapeContext {
  return {
    shape,
    subjectTerms: shape.subjects.map((s) => contentTerms(s)).filter((t) => t.length > 0),
    wantsList:
      shape.type === "procedure" ||
      PLURAL_ASK.test(question) ||
      /\b(?:list|name|enumerate)\b.*\b(?:the|all)\b/i.test(question) ||
      /\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:main |key )?\w+s\b/i.test(question),
    ...(shape.type === "quantity" ? { valueNamed: valueNamed(question) } : {}),
  };
}

const LISTED = [
  "stages",
  "steps",
  "types",
  "kinds",
  "parts",
  "phases",
  "states",
  "rules",
  "criteria",
  "options",
  "components",
  "guarantees",
  "families",
  "levels",
  "forms",
  "tools",
  "practices",
  "benefits",
  "risks",
  "properties",
  "principles",
];
// "What are the five stages…", "which tools…".
const PLURAL_ASK = new RegExp(
  `\\b(?:what|which) (?:are|were) (?:the )?(?:\\w+ )?(?:${LISTED.join("|")})\\b`,
  "i",
);

const plain = (text: string) => text.replace(/\*\*|__|`/g, "");

// "X is …", "X are …", "X means …", "X: …" (glossary), "X (ACR) is …".
const DEFINING =
  /\s(?:is|are|means|refers to|describes|denotes|measures|is called|are called|stands for)\s|:\s/;
const CONTRAST =
  /\b(?:whereas|while|unlike|in contrast|instead|rather than|differs?|difference|than|however|but|both|whereas)\b/i;
const CAUSAL = new RegExp(
  "\\b(?:because|since|so that|due to|therefore|thus|which is why|the reason|causes?|leads? to|results? in|" +
    "so the|so it|otherwise|to avoid|to prevent|in order to)\\b",
  "i",
);
const TIME = new RegExp(
  "\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week \\d+|january|february|march|april|" +
    // "may" is a month only beside a day: "you may bring two sheets" dates nothing.
    "may \\d{1,2}|\\d{1,2} may|june|july|august|september|october|november|december|\\d{1,2}:\\d{2}|noon|midnight|" +
    "\\d{4}-\\d{2}-\\d{2})\\b",
  "i",
);
// Names a deadline without giving it ("deadlines are described in the projects document").
const DEADLINE_WORD = /\b(?:due|deadlines?)\b/i;
// Sends the reader elsewhere for it ("are described in the projects document", "see the calendar").
const POINTER =
  /\b(?:described|listed|given|posted|announced|published|found|specified)\s+(?:in|on)\b|\bsee the\b/i;
const NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|million|half)\b/i;
const MEASURED = new RegExp(
  "(?:\\d[\\d.,]*|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|half))" +
    "(?:\\s*(?:to|-|–)\\s*\\d[\\d.,]*)?\\s*(?:%|percent|tokens?|words?|characters?|chars?|ms|milliseconds?|" +
    "seconds?|minutes?|hours?|days?|weeks?|[kmg]b|bytes?|pages?|points?|marks?|rows?|dimensions?|items?|" +
    "times|x\\b|late days?)",
  "i",
);
const STEPWISE =
  /^(?:first|then|next|finally|start|begin|install|run|create|add|set|use|open|compute|call)\b/i;

// What follows "is"/"are" when X is qualified or compared rather than defined: "X is slower but…",
// "X is not…", or one word then a break ("X is fast and needs no dictionary", "X are cheap.").
// "Full fine-tuning is training that updates every parameter" defines without an article.
const QUALIFYING = new RegExp(
  "^(?:(?:more|less|not|often|usually|sometimes|only|very|too|much|faster|slower|cheaper|better|worse|" +
    "easier|harder|larger|smaller|bigger)\\b|[\\w-]+(?:\\s*[,.;:]|\\s+(?:and|but|or|than|because|when|if|so)\\b))",
  "i",
);

function opensDefinition(marker: string, rest: string): boolean {
  const verb = marker.trim();
  return (verb !== "is" && verb !== "are") || !QUALIFYING.test(rest);
}

/** The terms of what the unit opens by defining ("Model drift is …" → model, drift), if it does. */
function definedHead(text: string): Set<string> | undefined {
  const body = plain(text);
  const marker = DEFINING.exec(body);
  if (!marker || marker.index > 90) return undefined;
  if (!opensDefinition(marker[0], body.slice(marker.index + marker[0].length))) return undefined;
  return new Set(contentTerms(body.slice(0, marker.index)));
}

/**
 * How the unit defines the subject: "exact" when it opens by defining just that term ("Attention
 * is …"), "narrower" when it defines a kind of it ("Scaled dot-product attention is …").
 */
export function definitionOf(text: string, subject: readonly string[]): "exact" | "narrower" | undefined {
  if (subject.length === 0) return undefined;
  const head = definedHead(text);
  if (!head || !subject.every((t) => head.has(t)) || head.size > subject.length + 4) return undefined;
  return head.size === subject.length ? "exact" : "narrower";
}

/** The unit opens by defining the subject: "Model drift is …", "**Chunking**: The process …". */
export function definesSubject(text: string, subject: readonly string[]): boolean {
  return definitionOf(text, subject) !== undefined;
}

const SMALL_WORDS = new Set(["of", "and", "the", "for", "to", "a", "an", "in", "on", "with", "&"]);

/** The unit spells out the acronym: "Best Matching 25 (BM25)", "atomicity, consistency, isolation and durability". */
export function expandsAcronym(text: string, acronym: string): boolean {
  const letters = acronym.replace(/s$/, "").toLowerCase();
  if (letters.length < 2) return false;
  const body = plain(text);
  const escaped = acronym.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (new RegExp(`\\w[\\w\\s,-]{3,}\\(${escaped}s?\\)`, "i").test(body)) return true;
  if (new RegExp(`\\b${escaped}s?\\s+\\([^)]{6,}\\)`, "i").test(body)) return true;
  const words = body
    .split(/[\s,;:/()"“”]+/)
    .filter((w) => w !== "" && !SMALL_WORDS.has(w.toLowerCase()) && !/^or$/i.test(w));
  for (let i = 0; i + letters.length <= words.length; i++) {
    const initials = words
      .slice(i, i + letters.length)
      .map((w) => w.charAt(0).toLowerCase())
      .join("");
    if (initials === letters) return true;
  }
  return false;
}

function mentions(unit: Unit, terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((t) => unit.terms.has(t));
}

/** The list's items start with the acronym's letters, in order (ACID: Atomicity, Consistency…). */
function listSpellsAcronym(unit: Unit, acronym: string): boolean {
  const items = unit.list?.items ?? [];
  const letters = acronym.replace(/s$/, "").toLowerCase();
  const initials = items.map((i) => plain(i.text).trim().charAt(0).toLowerCase()).join("");
  return letters.length >= 2 && initials.includes(letters);
}

/** The shape bonus of one unit (0 to about 0.5). */
export function shapeFit(unit: Unit, context: ShapeContext): number {
  const { shape, subjectTerms } = context;
  const text = unit.kind === "list" ? (unit.list?.label ?? "") : unit.text;
  const isList = unit.kind === "list";
  let fit = isList && context.wantsList ? 0.15 : 0;
  switch (shape.type) {
    case "definition": {
      const subject = subjectTerms[0] ?? [];
      const defines = isList ? undefined : definitionOf(text, subject);
      if (defines) fit += defines === "exact" ? 0.5 : 0.35;
      else if (mentions(unit, subject)) fit += 0.05;
      break;
    }
    case "acronym": {
      const acronym = shape.subjects[0] ?? "";
      if (isList ? listSpellsAcronym(unit, acronym) : expandsAcronym(text, acronym)) fit += 0.45;
      break;
    }
    case "comparison": {
      const [a = [], b = []] = subjectTerms;
      const both = mentions(unit, a) && mentions(unit, b);
      if (both) fit += 0.15;
      if ((both || mentions(unit, a) || mentions(unit, b)) && CONTRAST.test(text)) fit += 0.1;
      if (!isList && (definesSubject(text, a) || definesSubject(text, b))) fit += 0.1;
      break;
    }
    case "cause":
      if (CAUSAL.test(text)) fit += 0.15;
      break;
    case "quantity":
      if (shape.wants === "time")
        fit += TIME.test(unit.text)
          ? 0.35
          : POINTER.test(unit.text)
            ? -0.15
            : DEADLINE_WORD.test(unit.text)
              ? 0.05
              : 0;
      // A measured amount ("200 to 500 tokens", "five late days") answers "how big/many"; a count
      // in passing ("three stages") much less.
      else fit += MEASURED.test(unit.text) ? 0.3 : NUMBER.test(unit.text) ? 0.1 : 0;
      if (context.valueNamed?.test(unit.text)) fit += 0.25;
      if (unit.kind === "row") fit += 0.05;
      break;
    case "procedure":
      if (isList) fit += unit.list?.ordered ? 0.1 : 0.05;
      else if (STEPWISE.test(plain(unit.text))) fit += 0.05;
      break;
    default:
      break;
  }
  return fit;
}

/** Sections that ask the student questions or list goals: they do not answer anything. */
export const NOT_ANSWERS = new RegExp(
  "\\b(?:check your understanding|exercises?|practice questions?|review questions|self[- ]check|" +
    "try it yourself|learning (?:objectives|outcomes|goals)|objectives|by the end of this|further reading|" +
    "reading list|discussion questions?)\\b",
  "i",
);

// What an exercise or a learning goal asks the reader to do ("Describe the three states of…",
// "Compare the economics of…"). The set-up of a worked example ("Suppose a loan model approves…")
// is not among them: a question about the example is answered by it.
const INSTRUCTION_VERBS = [
  "describe",
  "explain",
  "compare",
  "contrast",
  "distinguish",
  "recognize",
  "recognise",
  "identify",
  "list",
  "propose",
  "discuss",
  "compute",
  "calculate",
  "justify",
  "outline",
  "sketch",
  "summarize",
  "summarise",
  "evaluate",
  "analyze",
  "analyse",
];
const ASKS_THE_READER = new RegExp(
  `^(?:\\d+[.)]\\s*)?(?:${INSTRUCTION_VERBS.join("|")})\\s+(?!(?:is|are|was|were)\\b)`,
  "i",
);

/**
 * A unit that asks rather than tells: it stands in an exercise or learning-goals section, or it
 * is itself an instruction to the reader. It restates the question's words, so on overlap alone
 * it would lead the answer.
 */
export function asksTheReader(unit: Unit): boolean {
  return NOT_ANSWERS.test(unit.chunk.headingPath.join(" ")) || ASKS_THE_READER.test(plain(unit.text).trim());
}

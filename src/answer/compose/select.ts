import { asksTheReader, definesSubject, type ShapeContext } from "./fit.ts";
import { headingTerms, type QueryView, type ScoredUnit, weightedCoverage } from "./score.ts";
import type { Unit } from "./units.ts";

/**
 * Picks what an answer quotes: the unit that answers best first, then the next best within a
 * length budget, never the same thing twice. A comparison gets a sentence on each side; a list
 * leads when the question asks for several things or for steps.
 */
export interface SelectOptions {
  maxUnits: number;
  maxChars: number;
  /** Units below this score are never quoted. */
  minScore: number;
  /** Supporting units must score at least this share of the lead's score. */
  supportRatio: number;
  /** Items a list may show. */
  maxListItems: number;
  /** Longest list (all its items) that is quoted whole. */
  maxListChars: number;
}

/** Characters a unit adds to the answer. */
export function unitChars(unit: Unit, maxListItems: number): number {
  if (unit.kind !== "list" || !unit.list) return unit.text.length;
  const items = unit.list.items.slice(0, maxListItems);
  return (unit.list.label?.length ?? 0) + items.reduce((n, i) => n + i.text.length + 4, 0);
}

function quotable(s: ScoredUnit, options: SelectOptions, context: ShapeContext): boolean {
  const { unit } = s;
  // An exercise or a goal says what to find out, never what the answer is.
  if (asksTheReader(unit)) return false;
  if (unit.kind === "list") {
    const items = unit.list?.items ?? [];
    if (items.length < 2 || unitChars(unit, options.maxListItems) > options.maxListChars) return false;
    // A list answers when the question asks for several things, or its label says what it lists.
    return context.wantsList || context.shape.type === "acronym" || Boolean(unit.list?.label);
  }
  return unit.standalone;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Already said: the same text, mostly the same words (or many of them about the same first term: a
 * glossary entry and the notes' sentence defining the same thing), or an item of a list already quoted; or,
 * unless several things were asked for, another row of a table already quoted.
 */
function repeats(unit: Unit, chosen: readonly Unit[], wantsList: boolean): boolean {
  return chosen.some(
    (c) =>
      c.text === unit.text ||
      overlap(c.terms, unit.terms) >= 0.8 ||
      (overlap(c.terms, unit.terms) >= 0.45 && c.sequence[0] === unit.sequence[0]) ||
      (unit.list !== undefined && c.list === unit.list) ||
      (c.kind === "list" && c.list?.items.some((i) => i.text === unit.text)) ||
      (!wantsList && unit.row !== undefined && c.row?.header === unit.row.header),
  );
}

/** The best unit that defines a compared side, else the best that names it. */
function sideUnit(ranked: readonly ScoredUnit[], side: readonly string[]): ScoredUnit | undefined {
  const candidates = ranked.filter((s) => s.unit.kind !== "list");
  return (
    candidates.find((s) => definesSubject(s.unit.text, side)) ??
    candidates.find((s) => mentionsAll(s.unit, side))
  );
}

const mentionsAll = (unit: Unit, terms: readonly string[]) =>
  terms.length > 0 && terms.every((t) => unit.terms.has(t));

/** A unit's words with those of the section it stands in ("How to detect drift"). */
const withHeading = (unit: Unit) => new Set([...unit.terms, ...headingTerms(unit)]);

/**
 * The unit that answers the part of the question the lead leaves open ("what is drift and how do
 * I detect it"): the one carrying most of the question's weight the lead lacks, in its own words
 * or its section's, when that is a fair share of the question.
 */
function complement(
  ranked: readonly ScoredUnit[],
  lead: Unit,
  views: readonly QueryView[],
): ScoredUnit | undefined {
  const said = withHeading(lead);
  let best: { s: ScoredUnit; gain: number } | undefined;
  for (const s of ranked) {
    if (s.unit === lead || s.unit.kind === "list") continue;
    const open = new Set([...withHeading(s.unit)].filter((t) => !said.has(t)));
    const gain = Math.max(...views.map((view) => weightedCoverage(open, view)));
    if (gain >= 0.2 && (!best || gain > best.gain)) best = { s, gain };
  }
  return best?.s;
}

/** A lead this short only names what its paragraph goes on to say ("Chunk size is a trade-off."). */
const TOPIC_SENTENCE_WORDS = 8;

function isTopicSentence(unit: Unit): boolean {
  return (
    unit.kind === "sentence" && unit.text.split(/\s+/).length <= TOPIC_SENTENCE_WORDS && !/\d/.test(unit.text)
  );
}

/** The sentences right after `lead` in its paragraph, in order. */
function restOfParagraph(scored: readonly ScoredUnit[], lead: Unit): ScoredUnit[] {
  const text = lead.chunk.text;
  const following: ScoredUnit[] = [];
  let end = text.indexOf(lead.text);
  if (end === -1) return following;
  end += lead.text.length;
  for (let position = lead.position + 1; ; position++) {
    const next = scored.find((s) => s.unit.chunk === lead.chunk && s.unit.position === position);
    if (next?.unit.kind !== "sentence" || !next.unit.standalone) break;
    const at = text.indexOf(next.unit.text, end);
    if (at === -1 || /\n\s*\n|\n#/.test(text.slice(end, at))) break;
    following.push(next);
    end = at + next.unit.text.length;
  }
  return following;
}

/** The units to quote, the lead first and the rest in reading order; empty when none is good enough. */
export function selectUnits(
  scored: readonly ScoredUnit[],
  context: ShapeContext,
  options: SelectOptions,
  views: readonly QueryView[] = [],
): Unit[] {
  const ranked = scored
    .filter((s) => s.score >= options.minScore && quotable(s, options, context))
    .sort((a, b) => b.score - a.score);
  const lead = ranked[0];
  if (!lead) return [];
  const chosen: Unit[] = [lead.unit];
  let chars = unitChars(lead.unit, options.maxListItems);
  // `paragraph`: a topic lead's own paragraph, which reads as one statement with it.
  const add = (s: ScoredUnit, paragraph = false) => {
    const size = unitChars(s.unit, options.maxListItems);
    if ((!paragraph && chosen.length >= options.maxUnits) || chars + size > options.maxChars) return false;
    if (repeats(s.unit, chosen, context.wantsList)) return false;
    chosen.push(s.unit);
    chars += size;
    return true;
  };
  // Each side of a comparison gets its own sentence, a definition where the material has one,
  // and the sides lead.
  const sides: Unit[] = [];
  if (context.shape.type === "comparison") {
    for (const side of context.subjectTerms.slice(0, 2)) {
      const best = sideUnit(ranked, side);
      if (!best) continue;
      // One sentence that states both sides ("lime raises…, while sulfur lowers…") leads once.
      if (sides.includes(best.unit)) continue;
      if (chosen.includes(best.unit) || add(best)) sides.push(best.unit);
    }
  }
  // What a topic sentence only names, the sentences after it say: they follow it, before other support.
  const paragraph: Unit[] = [];
  if (isTopicSentence(lead.unit)) {
    for (const next of restOfParagraph(scored, lead.unit)) {
      if (asksTheReader(next.unit) || !add(next, true)) break;
      paragraph.push(next.unit);
    }
  }
  const onSubject = aboutTheSubject(context);
  const open =
    views.length > 0 && context.shape.type !== "comparison"
      ? complement(ranked.filter(onSubject), lead.unit, views)
      : undefined;
  if (open) add(open);
  const floor = Math.max(options.minScore, lead.score * options.supportRatio);
  for (const s of ranked.slice(1)) {
    if (s.score < floor || chosen.length >= options.maxUnits) break;
    if (onSubject(s)) add(s);
  }
  const leading = sides.length === 2 ? sides : [chosen[0] as Unit, ...paragraph];
  const rest = chosen.filter((u) => !leading.includes(u));
  return [...leading, ...rest.sort((a, b) => a.chunkRank - b.chunkRank || a.position - b.position)];
}

/**
 * What may support a definition: a unit that names the defined term, in its words or its section's
 * heading. "What does MLOps mean" is not helped by "an ROC-AUC of 0.5 means random ranking", which
 * shares only "mean". Other shapes take any support.
 */
function aboutTheSubject(context: ShapeContext): (s: ScoredUnit) => boolean {
  const subject = context.subjectTerms[0];
  const defining = context.shape.type === "definition" || context.shape.type === "acronym";
  if (!defining || !subject || subject.length === 0) return () => true;
  return ({ unit }) => subject.some((term) => unit.terms.has(term) || headingTerms(unit).has(term));
}

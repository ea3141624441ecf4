/**
 * Acronyms a course defines, mined from "Full Name (ACRONYM)" in its own text. The long form is
 * found the way Schwartz and Hearst's abbreviation algorithm does: the acronym's characters are
 * matched right to left inside the words before the parenthesis, the first one at a word start.
 */
export interface AcronymDefinition {
  /** As the course writes it: "RRF", "LoRA", "CI/CD". */
  acronym: string;
  longForm: string;
}

// Inside the parentheses: one token of letters, digits and / & . - with at least two capitals.
const PARENTHESISED = /\(([A-Za-z0-9][A-Za-z0-9/&.-]{0,11})\)/g;
const CLAUSE_BREAK = /[.;:!?()[\]{}"“”]/;

const isAlphanumeric = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function looksLikeAcronym(token: string): boolean {
  const capitals = token.replace(/[^A-Z]/g, "").length;
  return capitals >= 2 && token.length <= 12 && /[A-Za-z]/.test(token[0] as string);
}

/** The shortest tail of `candidate` that spells `acronym`, or undefined. */
export function longFormFor(acronym: string, candidate: string): string | undefined {
  const short = acronym.toLowerCase();
  const long = candidate.toLowerCase();
  let s = short.length - 1;
  let l = long.length - 1;
  while (s >= 0) {
    const c = short[s] as string;
    if (!isAlphanumeric(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (long[l] !== c || (s === 0 && isAlphanumeric(long[l - 1])))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const start = candidate.lastIndexOf(" ", l) + 1;
  // Emphasis markers around the name ("**Horizontal Pod Autoscaler**") are not part of it.
  const form = candidate
    .slice(start)
    .replace(/[*_`]+/g, "")
    .trim();
  // The long form must be longer than the acronym and made of words.
  if (form.length <= acronym.length || !/\s|-/.test(form)) return undefined;
  return form;
}

/** Every "Full Name (ACRONYM)" in `text`, in order of appearance. */
export function findAcronymDefinitions(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const match of text.matchAll(PARENTHESISED)) {
    const acronym = (match[1] as string).replace(/[.-]+$/, "");
    if (!looksLikeAcronym(acronym)) continue;
    const before = text.slice(Math.max(0, (match.index ?? 0) - 200), match.index).trimEnd();
    // Only the clause just before the parenthesis, and at most a few more words than letters.
    const clause = before.split(CLAUSE_BREAK).at(-1) ?? "";
    const letters = acronym.replace(/[^A-Za-z0-9]/g, "").length;
    const words = clause.trim().split(/\s+/).filter(Boolean);
    const candidate = words.slice(-Math.min(letters + 5, letters * 2)).join(" ");
    const longForm = candidate ? longFormFor(acronym, candidate) : undefined;
    if (longForm) found.push({ acronym, longForm });
  }
  return found;
}

/**
 * The course's acronyms keyed by their lower-cased form; when a course spells one out in
 * several ways, the most frequent long form wins, then the shortest.
 */
export function mineAcronyms(texts: Iterable<string>): Map<string, AcronymDefinition> {
  const counts = new Map<string, Map<string, { definition: AcronymDefinition; count: number }>>();
  for (const text of texts) {
    for (const definition of findAcronymDefinitions(text)) {
      const key = definition.acronym.toLowerCase();
      const forms = counts.get(key) ?? new Map();
      const formKey = definition.longForm.toLowerCase().replace(/[\s–-]+/g, " ");
      const entry = forms.get(formKey) ?? { definition, count: 0 };
      entry.count++;
      forms.set(formKey, entry);
      counts.set(key, forms);
    }
  }
  const result = new Map<string, AcronymDefinition>();
  for (const [key, forms] of counts) {
    const best = [...forms.values()].sort(
      (a, b) => b.count - a.count || a.definition.longForm.length - b.definition.longForm.length,
    )[0];
    if (best) result.set(key, best.definition);
  }
  return result;
}

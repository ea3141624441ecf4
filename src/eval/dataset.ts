import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * Eval datasets: JSONL, one case a line. `expected_sources` are paths relative to the ingested
 * folder (`week-03/notes.md`); `expected_phrases` are fragments of the notes that a relevant
 * chunk must contain (whitespace- and case-insensitively). The no-answer categories have no
 * expected sources: the tutor should decline them.
 */
export const CATEGORIES = [
  "factual",
  "conceptual",
  "multi",
  "unanswerable",
  "injection",
  "integrity",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories whose right outcome is a declined answer (`no_answer` or `refused`). */
export const DECLINE_CATEGORIES: ReadonlySet<Category> = new Set(["unanswerable", "injection", "integrity"]);

export const SPLITS = ["dev", "test"] as const;
export type Split = (typeof SPLITS)[number];

const sourcePath = z
  .string()
  .trim()
  .min(1, "a source path must not be empty")
  .max(1_000)
  .transform(normalizeSourcePath);

export const evalCaseSchema = z
  .object({
    id: z
      .string()
      .trim()
      .min(1, "id must not be empty")
      .max(200)
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, "ids are letters, digits, '.', '_', ':' and '-'"),
    category: z.enum(CATEGORIES),
    question: z.string().trim().min(1, "question must not be empty").max(8_000),
    expected_sources: z.array(sourcePath).max(20).default([]),
    expected_phrases: z
      .array(z.string().trim().min(1, "a phrase must not be empty").max(1_000))
      .max(50)
      .default([]),
    reference_answer: z.string().trim().max(8_000).default(""),
    /** Which half of the golden set a case belongs to; the test half never tunes anything. */
    split: z.enum(SPLITS).optional(),
  })
  .superRefine((value, ctx) => {
    const declines = DECLINE_CATEGORIES.has(value.category);
    if (declines && value.expected_sources.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["expected_sources"],
        message: `a ${value.category} case expects the tutor to decline, so it lists no sources`,
      });
    }
    if (!declines && value.expected_sources.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["expected_sources"],
        message: `a ${value.category} case needs at least one expected source`,
      });
    }
    if (!declines && value.expected_phrases.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["expected_phrases"],
        message: `a ${value.category} case needs at least one expected phrase`,
      });
    }
    if (value.category === "multi" && new Set(value.expected_sources).size < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["expected_sources"],
        message: "a multi case needs at least two different sources",
      });
    }
  });

export type EvalCase = z.output<typeof evalCaseSchema>;
export type EvalCaseInput = z.input<typeof evalCaseSchema>;

export interface DatasetProblem {
  /** 1-based line number in the JSONL text (or the item number of a JSON array). */
  line: number;
  message: string;
}

export type ParsedDataset = { ok: true; cases: EvalCase[] } | { ok: false; problems: DatasetProblem[] };

export class DatasetError extends Error {
  override name = "DatasetError";
  constructor(readonly problems: DatasetProblem[]) {
    super(describeProblems(problems));
  }
}

export function describeProblems(problems: readonly DatasetProblem[], max = 20): string {
  const lines = problems.slice(0, max).map((p) => `line ${p.line}: ${p.message}`);
  if (problems.length > max) lines.push(`… and ${problems.length - max} more`);
  return lines.join("\n");
}

/** Parses JSONL text; blank lines and lines starting with `//` or `#` are skipped. */
export function parseJsonl(text: string): ParsedDataset {
  const items: { line: number; value: unknown }[] = [];
  const problems: DatasetProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("//") || line.startsWith("#")) return;
    try {
      items.push({ line: index + 1, value: JSON.parse(line) });
    } catch {
      problems.push({ line: index + 1, message: "not valid JSON" });
    }
  });
  return validateItems(items, problems);
}

/** Validates already-parsed cases (a JSON array upload); `line` is the 1-based item number. */
export function parseCaseArray(values: readonly unknown[]): ParsedDataset {
  return validateItems(
    values.map((value, index) => ({ line: index + 1, value })),
    [],
  );
}

function validateItems(items: { line: number; value: unknown }[], problems: DatasetProblem[]): ParsedDataset {
  const cases: EvalCase[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of items) {
    const result = evalCaseSchema.safeParse(value);
    if (!result.success) {
      const detail = result.error.issues
        .slice(0, 3)
        .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
        .join("; ");
      problems.push({ line, message: detail });
      continue;
    }
    const first = seen.get(result.data.id);
    if (first !== undefined) {
      problems.push({ line, message: `id "${result.data.id}" repeats the case on line ${first}` });
      continue;
    }
    seen.set(result.data.id, line);
    cases.push(result.data);
  }
  if (problems.length === 0 && cases.length === 0) {
    problems.push({ line: 1, message: "the dataset has no cases" });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, cases };
}

/** `./week-01\notes.md` → `week-01/notes.md`, the form ingestion stores sources in. */
export function normalizeSourcePath(source: string): string {
  return source
    .trim()
    .replace(/\\/g, "/")
    .replace(/^(\.\/)+/, "")
    .replace(/\/{2,}/g, "/");
}

/** Share of each category that goes to the dev half; the rest is the held-out test half. */
export const DEV_SHARE = 0.4;

/**
 * The deterministic dev/test split: within each category, cases are ordered by a hash of their
 * id and the first 40% (rounded) are dev. Adding a case moves no other case between halves
 * unless the category's rounded dev count changes.
 */
export function assignSplits(cases: readonly Pick<EvalCase, "id" | "category">[]): Map<string, Split> {
  const byCategory = new Map<string, string[]>();
  for (const c of cases) {
    const ids = byCategory.get(c.category) ?? [];
    ids.push(c.id);
    byCategory.set(c.category, ids);
  }
  const splits = new Map<string, Split>();
  for (const ids of byCategory.values()) {
    const ordered = [...ids].sort((a, b) => splitKey(a).localeCompare(splitKey(b)) || a.localeCompare(b));
    const devCount = Math.round(ordered.length * DEV_SHARE);
    ordered.forEach((id, index) => {
      splits.set(id, index < devCount ? "dev" : "test");
    });
  }
  return splits;
}

function splitKey(id: string): string {
  return createHash("sha256").update(`split:${id}`).digest("hex");
}

/** The cases of one half; cases without a split field are assigned with `assignSplits`. */
export function selectSplit(cases: readonly EvalCase[], split: Split | "all"): EvalCase[] {
  if (split === "all") return [...cases];
  const assigned = cases.some((c) => c.split === undefined) ? assignSplits(cases) : undefined;
  return cases.filter((c) => (c.split ?? assigned?.get(c.id)) === split);
}

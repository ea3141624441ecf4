import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { packageRoot } from "../../core/paths.ts";
import {
  EXEMPLAR_FAMILIES,
  EXEMPLAR_LABELS,
  type Exemplar,
  type ExemplarFamily,
  type ExemplarThresholds,
  type FamilyThresholds,
} from "./types.ts";

/**
 * The shipped exemplars: one JSON-lines file per family in config/guard-exemplars/
 * (`<family>.jsonl`, one `{id?, label, text}` a line), and `thresholds.json`, the thresholds
 * fitted on the dev split of the guard suites for each embedding model.
 */
export const defaultExemplarDir = path.join(packageRoot, "config", "guard-exemplars");

const text = z.string().trim().min(3).max(2_000);
export const exemplarLineSchema = z
  .object({ id: z.string().min(1).max(120).optional(), label: z.enum(EXEMPLAR_LABELS), text })
  .strict();
export const exemplarSchema = exemplarLineSchema.extend({ family: z.enum(EXEMPLAR_FAMILIES) }).strict();

const similarity = z.number().min(-1).max(1);
export const familyThresholdsSchema = z
  .object({ minSimilarity: similarity, minMargin: z.number().min(-2).max(2) })
  .strict();
const thresholdsSchema = z.object(
  Object.fromEntries(EXEMPLAR_FAMILIES.map((f) => [f, familyThresholdsSchema.optional()])) as Record<
    ExemplarFamily,
    z.ZodOptional<typeof familyThresholdsSchema>
  >,
);
const fittedFileSchema = z.object({
  version: z.literal(1),
  /** Per embedding model id: the thresholds, and how they were fitted (for the record). */
  models: z.record(
    z.string().min(1),
    z.object({ fitted: z.record(z.string(), z.unknown()).optional(), families: thresholdsSchema }),
  ),
});

export interface ExemplarLibrary {
  exemplars: readonly Exemplar[];
  /** Fitted thresholds per embedding model id. */
  thresholds: Readonly<Record<string, ExemplarThresholds>>;
}

export class ExemplarLibraryError extends Error {
  override name = "ExemplarLibraryError";
}

function readLines(file: string, family: ExemplarFamily): Exemplar[] {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const out: Exemplar[] = [];
  raw.split("\n").forEach((line, i) => {
    if (line.trim().length === 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new ExemplarLibraryError(`${file}:${i + 1}: not JSON`);
    }
    const entry = exemplarLineSchema.safeParse(parsed);
    if (!entry.success)
      throw new ExemplarLibraryError(`${file}:${i + 1}: ${entry.error.issues[0]?.message ?? "invalid"}`);
    out.push({ family, ...entry.data, id: entry.data.id ?? `${family}/${i + 1}` });
  });
  return out;
}

/** Reads every family's exemplars and the fitted thresholds from a folder; a missing file is empty. */
export function loadExemplarLibrary(dir = defaultExemplarDir): ExemplarLibrary {
  const exemplars = EXEMPLAR_FAMILIES.flatMap((family) =>
    readLines(path.join(dir, `${family}.jsonl`), family),
  );
  const ids = new Set<string>();
  for (const exemplar of exemplars) {
    if (ids.has(exemplar.id))
      throw new ExemplarLibraryError(`${dir}: exemplar id ${exemplar.id} is used twice`);
    ids.add(exemplar.id);
  }
  let thresholds: Record<string, ExemplarThresholds> = {};
  const file = path.join(dir, "thresholds.json");
  let raw: string | undefined;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    raw = undefined;
  }
  if (raw !== undefined) {
    const parsed = fittedFileSchema.safeParse(JSON.parse(raw));
    if (!parsed.success)
      throw new ExemplarLibraryError(`${file}: ${parsed.error.issues[0]?.message ?? "invalid thresholds"}`);
    thresholds = Object.fromEntries(
      Object.entries(parsed.data.models).map(([model, entry]) => [model, entry.families]),
    );
  }
  return { exemplars, thresholds };
}

/** What a course changes: exemplars added and removed (by id or by exact text), thresholds replaced. */
export interface CourseExemplarSettings {
  add?: readonly (Omit<Exemplar, "id"> & { id?: string })[];
  remove?: readonly string[];
  thresholds?: Partial<Record<ExemplarFamily, Partial<FamilyThresholds>>>;
}

/** The course's exemplars: the library's, without the removed ones, with the added ones. */
export function courseExemplars(library: ExemplarLibrary, settings: CourseExemplarSettings = {}): Exemplar[] {
  const removed = new Set(settings.remove ?? []);
  const kept = library.exemplars.filter((e) => !removed.has(e.id) && !removed.has(e.text));
  const added = (settings.add ?? []).map((e, i) => ({ ...e, id: e.id ?? `course/${e.family}/${i + 1}` }));
  return kept.concat(added);
}

/** The thresholds that apply for a model: the fitted ones, with the course's values on top. */
export function thresholdsFor(
  library: ExemplarLibrary,
  model: string,
  overrides: CourseExemplarSettings["thresholds"] = {},
): ExemplarThresholds {
  const fitted = library.thresholds[model] ?? {};
  const out: ExemplarThresholds = {};
  for (const family of EXEMPLAR_FAMILIES) {
    const merged = { ...fitted[family], ...overrides[family] };
    if (typeof merged.minSimilarity === "number" && typeof merged.minMargin === "number")
      out[family] = { minSimilarity: merged.minSimilarity, minMargin: merged.minMargin };
  }
  return out;
}

import { parse as parseYaml } from "yaml";
import { z } from "zod";

/** What front matter tells us about a document. */
export interface FrontMatter {
  title?: string;
  week?: number;
  url?: string;
  /** Every front matter key, with title/week/url in their validated form (invalid ones left out). */
  meta: Record<string, unknown>;
}

export interface FrontMatterSplit {
  frontMatter: FrontMatter;
  /** The text after the front matter (the whole text when there is none). */
  body: string;
  /** Why the front matter was ignored or partly ignored; absent when all was well. */
  warning?: string;
}

const numericString = /^\s*\d+\s*$/;

const frontMatterSchema = z.looseObject({
  title: z
    .union([z.string(), z.number()])
    .transform((value) => String(value).trim())
    .optional(),
  week: z
    .preprocess(
      (value) => (typeof value === "string" && numericString.test(value) ? Number(value) : value),
      z.number().int().min(0).max(60),
    )
    .optional(),
  url: z.string().trim().min(1).optional(),
});

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits YAML front matter (`---` … `---` at the very start) from the body. Never throws: broken
 * YAML or invalid fields come back as a warning so that one bad file cannot stop an ingest.
 */
export function parseFrontMatter(source: string): FrontMatterSplit {
  const text = source.replace(/^\uFEFF/, "");
  const opening = OPENING.exec(text);
  if (!opening) return { frontMatter: { meta: {} }, body: text };

  const rest = text.slice(opening[0].length);
  const lines = rest.split("\n");
  const closeIndex = lines.findIndex((line) => CLOSING.test(line.replace(/\r$/, "")));
  if (closeIndex === -1) return { frontMatter: { meta: {} }, body: text };

  const yamlText = lines.slice(0, closeIndex).join("\n");
  const body = lines.slice(closeIndex + 1).join("\n");

  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { frontMatter: { meta: {} }, body, warning: `Front matter is not valid YAML: ${reason}` };
  }

  if (data === null || data === undefined) {
    // `---` blocks holding only comments are slide separators around headings ("# Title"), not
    // front matter; a truly empty block is empty front matter.
    if (yamlText.trim() !== "") return { frontMatter: { meta: {} }, body: text };
    return { frontMatter: { meta: {} }, body };
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    // A `---` rule followed by ordinary text: not front matter at all.
    return { frontMatter: { meta: {} }, body: text };
  }

  return { ...validate(data as Record<string, unknown>), body };
}

function validate(data: Record<string, unknown>): { frontMatter: FrontMatter; warning?: string } {
  const first = frontMatterSchema.safeParse(data);
  if (first.success) return { frontMatter: toFrontMatter(first.data) };

  // Keep what is valid: drop only the offending fields and say which ones.
  const badKeys = new Set(first.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(data).filter(([key]) => !badKeys.has(key)));
  const second = frontMatterSchema.safeParse(kept);
  const warning = `Front matter fields ignored as invalid: ${[...badKeys].sort().join(", ")}`;
  return { frontMatter: second.success ? toFrontMatter(second.data) : { meta: {} }, warning };
}

function toFrontMatter(data: z.infer<typeof frontMatterSchema>): FrontMatter {
  const meta: Record<string, unknown> = { ...data };
  for (const key of ["title", "week", "url"] as const) {
    if (meta[key] === undefined || meta[key] === "") delete meta[key];
  }
  const frontMatter: FrontMatter = { meta };
  if (data.title) frontMatter.title = data.title;
  if (data.week !== undefined) frontMatter.week = data.week;
  if (data.url) frontMatter.url = data.url;
  return frontMatter;
}

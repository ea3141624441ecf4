const ZERO_WIDTH = /[\u200B-\u200D\uFEFF]/g;

/** Collapses every run of whitespace (newlines included) to one space and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(ZERO_WIDTH, "").replace(/\s+/g, " ").trim();
}

/**
 * Tidies multi-line text without losing its structure: spaces collapsed within lines, lines
 * trimmed, runs of blank lines reduced to one.
 */
export function normalizeBlockWhitespace(text: string): string {
  return text
    .replace(ZERO_WIDTH, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Whether a line is empty or only whitespace; a line past the end of the text counts as blank. */
export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === "";
}

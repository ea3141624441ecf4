/**
 * Long patterns written over several lines. A line break and the indentation after it are not
 * part of the pattern, so an alternation can wrap where it reads best; interpolated parts (named
 * fragments of other patterns) are inserted as they are. Text is taken raw: `\b` means `\b`.
 *
 * ```ts
 * const VERB = reSource`(?:ignore|disregard|
 *   forget)`;
 * const OVERRIDE = re("iu")`\b${VERB}\s+(?:all|any)\b`; // → /\b(?:ignore|disregard|forget)\s+(?:all|any)\b/iu
 * ```
 */
const WRAP = /\n[ \t]*/g;

/** The pattern source the template spells, line breaks and their indentation removed. */
export function reSource(strings: TemplateStringsArray, ...parts: readonly string[]): string {
  let source = "";
  strings.raw.forEach((raw, i) => {
    source += raw.replace(WRAP, "") + (parts[i] ?? "");
  });
  return source;
}

/** A regular expression with these flags from a template written as `reSource` reads it. */
export function re(flags: string): (strings: TemplateStringsArray, ...parts: readonly string[]) => RegExp {
  return (strings, ...parts) => new RegExp(reSource(strings, ...parts), flags);
}

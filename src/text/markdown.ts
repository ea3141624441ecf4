/** The opening line of a fenced code block (CommonMark: up to three spaces, then ``` or ~~~). */
export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/**
 * What may follow a closing fence: any whitespace, or only spaces and tabs as CommonMark has it
 * (the markdown loaders read it that way; sentence splitting and slide splitting are lenient).
 */
export type FenceTrailing = "whitespace" | "spaces-and-tabs";

/**
 * The line that closes a block opened by `fence` (the opening run of ``` or ~~~): up to three
 * spaces, the same character at least as many times, then only trailing space.
 */
export function fenceCloser(fence: string, trailing: FenceTrailing = "whitespace"): RegExp {
  const space = trailing === "whitespace" ? "\\s" : "[ \\t]";
  return new RegExp(`^ {0,3}\\${fence[0]}{${fence.length},}${space}*$`);
}

/**
 * Reads lines in order and says, line by line, whether each belongs to a fenced code block (its
 * opening and closing fences included). An unclosed fence runs to the end of the text.
 */
export function createFenceTracker(): (line: string) => boolean {
  let closer: RegExp | undefined;
  return (line) => {
    if (closer) {
      if (closer.test(line)) closer = undefined;
      return true;
    }
    const fence = FENCE_OPEN.exec(line)?.[1];
    if (fence) closer = fenceCloser(fence);
    return fence !== undefined;
  };
}

/** A code block's text: each line trimmed at the end, blank lines before and after dropped. */
export function codeBlockText(lines: readonly string[]): string {
  const code = lines.map((line) => line.trimEnd());
  let from = 0;
  let to = code.length;
  while (from < to && code[from] === "") from++;
  while (to > from && code[to - 1] === "") to--;
  return code.slice(from, to).join("\n");
}

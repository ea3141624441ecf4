/**
 * Table rows as sentences a student can read: "Project 2: Data pipeline — Due: Friday of Week 6;
 * Weight: 10%." instead of raw pipes. The columns the question asks about come first.
 */

/** The cells of a row as the sentence splitter gives it ("a | b | c"). */
export function splitCells(row: string): string[] {
  return row
    .replace(/^\s*\|/, "")
    .replace(/\|\s*$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.replace(/\\\|/g, "|").replace(/\s+/g, " ").trim());
}

/**
 * One row as a sentence: the first cell names the row (with its column's name when it is only a
 * number: "Week 3"), then "column: value" for every other non-empty cell, `first` columns first.
 */
export function renderRow(
  header: readonly string[],
  cells: readonly string[],
  first: readonly number[] = [],
): string {
  const [name = "", ...rest] = cells;
  const nameHeader = header[0] ?? "";
  const subject = nameHeader && /^[\d.]+$|^.{1,2}$/.test(name) ? `${nameHeader} ${name}` : name;
  const order = [
    ...first.filter((i) => i > 0),
    ...rest.map((_, i) => i + 1).filter((i) => !first.includes(i)),
  ];
  const parts: string[] = [];
  for (const index of order) {
    const value = cells[index];
    if (!value) continue;
    const column = header[index];
    parts.push(column ? `${column}: ${value}` : value);
  }
  const sentence = parts.length > 0 ? `${subject} — ${parts.join("; ")}` : subject;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

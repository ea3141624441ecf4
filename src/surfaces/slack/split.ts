/**
 * Cuts mrkdwn into pieces of at most `max` characters, at the most natural break available
 * (paragraph, line, sentence, word), never inside a `<link|label>` or an `&amp;` entity.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  if (max < 16) throw new RangeError("max must leave room for a word");
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = safeCut(rest, chooseCut(rest, max));
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function chooseCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  // A break that leaves a piece under a third full wastes messages; fall through to a finer one.
  const floor = Math.floor(max / 3);
  const finders: ((w: string) => number)[] = [
    (w) => lastBreak(w, /\n\s*\n/g),
    (w) => lastBreak(w, /\n/g),
    (w) => lastBreak(w, /[.!?…](?:["')\]]*)\s/g),
    (w) => lastBreak(w, /\s/g),
  ];
  for (const find of finders) {
    const at = find(window);
    if (at > floor && at <= max) return at;
  }
  return max;
}

/** The index just after the last match of `pattern` in `text`, or -1. */
function lastBreak(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index + match[0].length;
  return last;
}

/** Moves a cut back to the start of a link or entity it would split, when that leaves something. */
function safeCut(text: string, cut: number): number {
  const open = text.lastIndexOf("<", cut - 1);
  if (open > 0 && text.indexOf(">", open) >= cut) return open;
  const amp = text.lastIndexOf("&", cut - 1);
  if (amp > 0 && cut - amp < 6) {
    const entity = /^&(?:amp|lt|gt);/.exec(text.slice(amp));
    if (entity && amp + entity[0].length > cut) return amp;
  }
  return cut;
}

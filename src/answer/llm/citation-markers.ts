/**
 * The student-facing number of each source the model cites: the model cites prompt positions
 * ([4] = the fourth source); students see sources numbered in the order the answer first cites
 * them ([1], [2], …), like extractive answers (see ChunkCitations).
 */
export class PromptPositionNumbering {
  private readonly byPosition = new Map<number, number>();

  constructor(readonly sourceCount: number) {}

  /** The student-facing number for prompt position `position` (1-based), or null if invalid. */
  numberFor(position: number): number | null {
    if (!Number.isInteger(position) || position < 1 || position > this.sourceCount) return null;
    let n = this.byPosition.get(position);
    if (n === undefined) {
      n = this.byPosition.size + 1;
      this.byPosition.set(position, n);
    }
    return n;
  }

  /** Student-facing number → prompt position (1-based). */
  positions(): Map<number, number> {
    return new Map([...this.byPosition].map(([position, n]) => [n, position]));
  }
}

const MARKER_BODY =
  /^\s*(?:(?:sources?|src|refs?|chunk)\s*#?\s*)?(\d{1,3}(?:\s*(?:,|;|–|-|and)\s*\d{1,3})*)\s*$/i;
const PARTIAL_MARKER = /^\[[A-Za-z#\d\s,;–-]{0,24}$/;

/** The prompt positions a marker's inside names ("2", "1, 3", "Source 2", "2-4"), or null. */
export function parseMarker(inside: string): number[] | null {
  const match = MARKER_BODY.exec(inside);
  if (!match?.[1]) return null;
  const positions: number[] = [];
  for (const part of match[1].split(/\s*(?:,|;|and)\s*/i)) {
    const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to >= from && to - from <= 10) for (let p = from; p <= to; p++) positions.push(p);
      continue;
    }
    positions.push(Number(part));
  }
  return positions;
}

/**
 * Rewrites the model's citation markers as text streams in, to the numbers PromptPositionNumbering
 * gives. Markers naming no source are dropped, with the space before them. Text is held back only
 * while a marker could still be forming, so tokens keep flowing and the streamed text is exactly
 * the final answer.
 */
export class CitationRewriter {
  private buffer = "";

  constructor(private readonly numbering: PromptPositionNumbering) {}

  push(text: string): string {
    this.buffer += text;
    return this.drain(false);
  }

  end(): string {
    return this.drain(true);
  }

  private drain(final: boolean): string {
    let out = "";
    for (;;) {
      const open = this.buffer.indexOf("[");
      if (open === -1) {
        out += this.buffer;
        this.buffer = "";
        break;
      }
      out += this.buffer.slice(0, open);
      this.buffer = this.buffer.slice(open);
      const close = this.buffer.indexOf("]");
      if (close === -1) {
        if (!final && PARTIAL_MARKER.test(this.buffer)) break;
        out += "[";
        this.buffer = this.buffer.slice(1);
        continue;
      }
      const positions = parseMarker(this.buffer.slice(1, close));
      if (positions === null) {
        out += "[";
        this.buffer = this.buffer.slice(1);
        continue;
      }
      const numbers: number[] = [];
      for (const position of positions) {
        const n = this.numbering.numberFor(position);
        if (n !== null && !numbers.includes(n)) numbers.push(n);
      }
      if (numbers.length === 0) out = out.replace(/[ \t]+$/, "");
      out += numbers.map((n) => `[${n}]`).join("");
      this.buffer = this.buffer.slice(close + 1);
    }
    if (!final) {
      // Keep trailing whitespace back: if a marker that names nothing follows, the spaces go with
      // it, and whitespace that ends the reply is never shown.
      const trailing = /\s+$/.exec(out);
      if (trailing) {
        this.buffer = trailing[0] + this.buffer;
        out = out.slice(0, trailing.index);
      }
    }
    return out;
  }
}

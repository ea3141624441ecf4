import { FENCE_OPEN } from "../../../text/markdown.ts";
/**
 * A small markdown reader for tutor answers: text in, a tree of plain data out. It never produces
 * HTML; the widget turns the tree into DOM nodes and the course pages into escaped HTML, so
 * markup inside answers or sources is always shown as the characters it is.
 *
 * Covered: paragraphs with line breaks, headings, bullet and numbered lists, fenced code,
 * block quotes, `code`, **strong**, *emphasis*, [links](https://…), bare http(s) links and
 * citation markers `[1]`, `[1, 2]`.
 */

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; children: Inline[] }
  | { type: "cite"; n: number }
  | { type: "br" };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { type: "code"; text: string }
  | { type: "quote"; children: Block[] };

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const CONTINUATION = /^(?: {2,}|\t)(\S.*)$/;

/** Reads markdown into blocks. Unclosed constructs (a fence still streaming) end at the text's end. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const reader = new BlockReader();
  for (let i = 0; i < lines.length; i++) i = reader.readLine(lines, i);
  reader.flush();
  return reader.blocks;
}

/** The blocks read so far, and the paragraph or list still open. */
class BlockReader {
  readonly blocks: Block[] = [];
  private paragraph: string[] = [];
  private list: { ordered: boolean; start: number; items: string[] } | undefined;

  /** Reads the construct that starts at line `i`; returns the index of its last line. */
  readLine(lines: readonly string[], i: number): number {
    const line = lines[i] ?? "";
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      this.flush();
      return this.readFence(lines, i, fence[1] ?? "```");
    }
    if (line.trim() === "") {
      this.flush();
      return i;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      this.flush();
      this.blocks.push({
        type: "heading",
        level: heading[1]?.length ?? 1,
        children: parseInline(heading[2] ?? ""),
      });
      return i;
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      this.flush();
      return this.readQuote(lines, i, quote[1] ?? "");
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? undefined : ORDERED.exec(line);
    if (bullet || ordered) {
      this.addListItem(bullet, ordered);
      return i;
    }
    const continuation = CONTINUATION.exec(line);
    if (this.list && continuation) {
      const last = this.list.items.length - 1;
      this.list.items[last] = `${this.list.items[last] ?? ""}\n${continuation[1] ?? ""}`;
      return i;
    }
    this.flushList();
    this.paragraph.push(line.trim());
    return i;
  }

  flush(): void {
    this.flushParagraph();
    this.flushList();
  }

  /** A fenced code block up to its closing fence (or the end of a text still streaming). */
  private readFence(lines: readonly string[], start: number, marker: string): number {
    const code: string[] = [];
    let i = start + 1;
    while (i < lines.length && !(lines[i] ?? "").trimStart().startsWith(marker)) {
      code.push(lines[i] ?? "");
      i++;
    }
    this.blocks.push({ type: "code", text: code.join("\n") });
    return i;
  }

  /** Consecutive quoted lines, read as markdown of their own. */
  private readQuote(lines: readonly string[], start: number, first: string): number {
    const quoted = [first];
    let i = start;
    while (i + 1 < lines.length && QUOTE.test(lines[i + 1] ?? "")) {
      i++;
      quoted.push(QUOTE.exec(lines[i] ?? "")?.[1] ?? "");
    }
    this.blocks.push({ type: "quote", children: parseMarkdown(quoted.join("\n")) });
    return i;
  }

  private addListItem(bullet: RegExpExecArray | null, ordered: RegExpExecArray | null | undefined): void {
    this.flushParagraph();
    const isOrdered = ordered !== null && ordered !== undefined;
    if (!this.list || this.list.ordered !== isOrdered) {
      this.flushList();
      this.list = { ordered: isOrdered, start: isOrdered ? Number(ordered?.[1] ?? 1) : 1, items: [] };
    }
    this.list.items.push((bullet ? bullet[1] : ordered?.[2]) ?? "");
  }

  private flushParagraph(): void {
    if (this.paragraph.length > 0)
      this.blocks.push({ type: "paragraph", children: parseInline(this.paragraph.join("\n")) });
    this.paragraph = [];
  }

  private flushList(): void {
    if (this.list) {
      this.blocks.push({
        type: "list",
        ordered: this.list.ordered,
        start: this.list.start,
        items: this.list.items.map((item) => parseInline(item)),
      });
    }
    this.list = undefined;
  }
}

const CITE = /^\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/;
const LINK = /^\[([^\]\n]*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)/;
const AUTOLINK = /^https?:\/\/[^\s<>"'`]+/i;

/** Reads inline markup; anything it does not recognise stays literal text. */
export function parseInline(source: string): Inline[] {
  const out = new InlineOutput();
  let i = 0;
  while (i < source.length) {
    const next =
      readEscape(source, i, out) ??
      readBreak(source, i, out) ??
      readCode(source, i, out) ??
      readBracket(source, i, out) ??
      readAutolink(source, i, out) ??
      readEmphasisAt(source, i, out);
    if (next !== undefined) {
      i = next;
      continue;
    }
    out.pushText(source[i] ?? "");
    i++;
  }
  return out.finish();
}

/** Inline nodes with adjacent literal characters merged into one text node. */
class InlineOutput {
  private readonly nodes: Inline[] = [];
  /** Literal text not yet pushed as a node. */
  text = "";

  pushText(value: string): void {
    this.text += value;
  }

  push(...nodes: Inline[]): void {
    this.flushText();
    this.nodes.push(...nodes);
  }

  finish(): Inline[] {
    this.flushText();
    return this.nodes;
  }

  private flushText(): void {
    if (this.text) this.nodes.push({ type: "text", text: this.text });
    this.text = "";
  }
}

/* Each reader looks at `source[i]`: when its construct starts there it adds it to `out` and
   returns the index after it, else undefined. */

function readEscape(source: string, i: number, out: InlineOutput): number | undefined {
  if (source[i] !== "\\" || i + 1 >= source.length || !/[\\`*_[\]()#+\-.!>~|]/.test(source[i + 1] ?? ""))
    return undefined;
  out.pushText(source[i + 1] ?? "");
  return i + 2;
}

function readBreak(source: string, i: number, out: InlineOutput): number | undefined {
  if (source[i] !== "\n") return undefined;
  out.push({ type: "br" });
  return i + 1;
}

/** `code`, with as many backticks to close as opened it; unclosed ticks stay literal. */
function readCode(source: string, i: number, out: InlineOutput): number | undefined {
  if (source[i] !== "`") return undefined;
  const ticks = /^`+/.exec(source.slice(i))?.[0] ?? "`";
  const close = source.indexOf(ticks, i + ticks.length);
  if (close > i) {
    out.push({ type: "code", text: source.slice(i + ticks.length, close).replace(/\n/g, " ") });
    return close + ticks.length;
  }
  out.pushText(ticks);
  return i + ticks.length;
}

/** Citation markers `[1]`, `[1, 2]` and links `[text](href)`; an unsafe link keeps only its text. */
function readBracket(source: string, i: number, out: InlineOutput): number | undefined {
  if (source[i] !== "[") return undefined;
  const rest = source.slice(i);
  const cite = CITE.exec(rest);
  if (cite) {
    for (const n of (cite[1] ?? "").split(",")) out.push({ type: "cite", n: Number(n.trim()) });
    return i + cite[0].length;
  }
  const link = LINK.exec(rest);
  if (!link) return undefined;
  const href = safeHref(link[2] ?? "");
  const children = parseInline(link[1] ?? "");
  if (href) out.push({ type: "link", href, children });
  else out.push(...children);
  return i + link[0].length;
}

/** Bare addresses link only where they stand alone, not inside attribute-like text (src="…"). */
function readAutolink(source: string, i: number, out: InlineOutput): number | undefined {
  const ch = source[i];
  if (ch !== "h" && ch !== "H") return undefined;
  const rest = source.slice(i);
  if (!/^https?:\/\//i.test(rest) || !(out.text === "" || /[\s(]$/.test(out.text))) return undefined;
  const match = AUTOLINK.exec(rest);
  if (!match) return undefined;
  // Sentence punctuation after a link belongs to the sentence, not the address.
  const url = match[0].replace(/[.,;:!?)\]]+$/, "");
  const href = safeHref(url);
  if (!href) return undefined;
  out.push({ type: "link", href, children: [{ type: "text", text: url }] });
  return i + url.length;
}

function readEmphasisAt(source: string, i: number, out: InlineOutput): number | undefined {
  const ch = source[i];
  if (ch !== "*" && ch !== "_") return undefined;
  const emphasis = readEmphasis(source, i);
  if (!emphasis) return undefined;
  out.push(emphasis.node);
  return emphasis.end;
}

function readEmphasis(source: string, start: number): { node: Inline; end: number } | undefined {
  const ch = source[start] ?? "";
  const double = source[start + 1] === ch;
  const marker = double ? ch + ch : ch;
  const contentStart = start + marker.length;
  const first = source[contentStart];
  if (first === undefined || /\s/.test(first)) return undefined;
  // Underscores inside words (snake_case) are not emphasis.
  if (ch === "_" && start > 0 && /[\p{L}\p{N}]/u.test(source[start - 1] ?? "")) return undefined;
  let search = contentStart + 1;
  while (search <= source.length) {
    const close = source.indexOf(marker, search);
    if (close === -1) return undefined;
    const before = source[close - 1] ?? "";
    const after = source[close + marker.length] ?? "";
    const closesWord = !/\s/.test(before) && !(ch === "_" && /[\p{L}\p{N}]/u.test(after));
    // A single marker must not be the first half of a double one.
    const doubledAtClose = !double && source[close + 1] === ch;
    if (closesWord && !doubledAtClose && !source.slice(contentStart, close).includes("\n\n")) {
      const children = parseInline(source.slice(contentStart, close));
      return { node: { type: double ? "strong" : "em", children }, end: close + marker.length };
    }
    search = close + (doubledAtClose ? 2 : 1);
  }
  return undefined;
}

/**
 * The link target if it is safe to follow: web and mail addresses, and relative paths (resolved
 * later against the tutor's address). Script, data and other schemes are refused.
 */
export function safeHref(raw: string): string | undefined {
  const href = raw.trim();
  if (href === "") return undefined;
  let parsed: URL;
  try {
    parsed = new URL(href, "http://relative.invalid/");
  } catch {
    return undefined;
  }
  if (!["http:", "https:", "mailto:"].includes(parsed.protocol)) return undefined;
  return href;
}

/** The plain words of inline content (for labels and tests). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case "text":
        case "code":
          return node.text;
        case "strong":
        case "em":
        case "link":
          return inlineText(node.children);
        case "cite":
          return `[${node.n}]`;
        case "br":
          return "\n";
      }
      return "";
    })
    .join("");
}

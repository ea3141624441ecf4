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
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | undefined;

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", children: parseInline(paragraph.join("\n")) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) {
      blocks.push({
        type: "list",
        ordered: list.ordered,
        start: list.start,
        items: list.items.map((item) => parseInline(item)),
      });
    }
    list = undefined;
  };
  const flush = () => {
    flushParagraph();
    flushList();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      flush();
      const marker = fence[1] ?? "```";
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? "").trimStart().startsWith(marker)) {
        code.push(lines[i] ?? "");
        i++;
      }
      blocks.push({ type: "code", text: code.join("\n") });
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({
        type: "heading",
        level: heading[1]?.length ?? 1,
        children: parseInline(heading[2] ?? ""),
      });
      continue;
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      flush();
      const quoted = [quote[1] ?? ""];
      while (i + 1 < lines.length && QUOTE.test(lines[i + 1] ?? "")) {
        i++;
        quoted.push(QUOTE.exec(lines[i] ?? "")?.[1] ?? "");
      }
      blocks.push({ type: "quote", children: parseMarkdown(quoted.join("\n")) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? undefined : ORDERED.exec(line);
    if (bullet || ordered) {
      flushParagraph();
      const isOrdered = ordered !== null && ordered !== undefined;
      if (!list || list.ordered !== isOrdered) {
        flushList();
        list = { ordered: isOrdered, start: isOrdered ? Number(ordered?.[1] ?? 1) : 1, items: [] };
      }
      list.items.push((bullet ? bullet[1] : ordered?.[2]) ?? "");
      continue;
    }
    const continuation = CONTINUATION.exec(line);
    if (list && continuation) {
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last] ?? ""}\n${continuation[1] ?? ""}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

const CITE = /^\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/;
const LINK = /^\[([^\]\n]*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)/;
const AUTOLINK = /^https?:\/\/[^\s<>"'`]+/i;

/** Reads inline markup; anything it does not recognise stays literal text. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const pushText = (value: string) => {
    text += value;
  };
  const flushText = () => {
    if (text) out.push({ type: "text", text });
    text = "";
  };
  const push = (node: Inline) => {
    flushText();
    out.push(node);
  };

  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const ch = source[i] ?? "";
    if (ch === "\\" && i + 1 < source.length && /[\\`*_[\]()#+\-.!>~|]/.test(source[i + 1] ?? "")) {
      pushText(source[i + 1] ?? "");
      i += 2;
      continue;
    }
    if (ch === "\n") {
      push({ type: "br" });
      i++;
      continue;
    }
    if (ch === "`") {
      const ticks = /^`+/.exec(rest)?.[0] ?? "`";
      const close = source.indexOf(ticks, i + ticks.length);
      if (close > i) {
        push({ type: "code", text: source.slice(i + ticks.length, close).replace(/\n/g, " ") });
        i = close + ticks.length;
        continue;
      }
      pushText(ticks);
      i += ticks.length;
      continue;
    }
    if (ch === "[") {
      const cite = CITE.exec(rest);
      if (cite) {
        for (const n of (cite[1] ?? "").split(",")) push({ type: "cite", n: Number(n.trim()) });
        i += cite[0].length;
        continue;
      }
      const link = LINK.exec(rest);
      if (link) {
        const href = safeHref(link[2] ?? "");
        const children = parseInline(link[1] ?? "");
        if (href) push({ type: "link", href, children });
        else {
          flushText();
          out.push(...children);
        }
        i += link[0].length;
        continue;
      }
    }
    // Bare addresses link only where they stand alone, not inside attribute-like text (src="…").
    if ((ch === "h" || ch === "H") && /^https?:\/\//i.test(rest) && (text === "" || /[\s(]$/.test(text))) {
      const match = AUTOLINK.exec(rest);
      if (match) {
        // Sentence punctuation after a link belongs to the sentence, not the address.
        const url = match[0].replace(/[.,;:!?)\]]+$/, "");
        const href = safeHref(url);
        if (href) {
          push({ type: "link", href, children: [{ type: "text", text: url }] });
          i += url.length;
          continue;
        }
      }
    }
    if (ch === "*" || ch === "_") {
      const emphasis = readEmphasis(source, i);
      if (emphasis) {
        push(emphasis.node);
        i = emphasis.end;
        continue;
      }
    }
    pushText(ch);
    i++;
  }
  flushText();
  return out;
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

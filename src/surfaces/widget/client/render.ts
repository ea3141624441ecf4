import { append, el } from "./dom.ts";
import { type Block, type Inline, parseMarkdown } from "./markdown.ts";

export interface RenderContext {
  /** Citation numbers that exist for this answer; other `[n]` stay literal text. */
  citations: ReadonlySet<number>;
  onCite(n: number): void;
  /** Makes a link target absolute (relative links point at the tutor, not the host page). */
  resolveHref(href: string): string;
}

/** Markdown → DOM nodes built one by one; no string is ever parsed as HTML. */
export function renderMarkdown(source: string, context: RenderContext): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of parseMarkdown(source)) fragment.appendChild(renderBlock(block, context));
  return fragment;
}

function renderBlock(block: Block, context: RenderContext): Node {
  switch (block.type) {
    case "paragraph":
      return el("p", {}, ...renderInlines(block.children, context));
    case "heading":
      // Headings inside an answer stay below the panel's own heading levels.
      return el("p", { class: "ct-md-heading" }, el("strong", {}, ...renderInlines(block.children, context)));
    case "list": {
      const list = block.ordered
        ? el("ol", block.start !== 1 ? { start: String(block.start) } : {})
        : el("ul");
      for (const item of block.items) append(list, el("li", {}, ...renderInlines(item, context)));
      return list;
    }
    case "code":
      return el("pre", {}, el("code", {}, block.text));
    case "quote": {
      const quote = el("blockquote");
      for (const child of block.children) quote.appendChild(renderBlock(child, context));
      return quote;
    }
  }
}

function renderInlines(nodes: readonly Inline[], context: RenderContext): Node[] {
  return nodes.map((node) => renderInline(node, context));
}

function renderInline(node: Inline, context: RenderContext): Node {
  switch (node.type) {
    case "text":
      return document.createTextNode(node.text);
    case "br":
      return el("br");
    case "code":
      return el("code", {}, node.text);
    case "strong":
      return el("strong", {}, ...renderInlines(node.children, context));
    case "em":
      return el("em", {}, ...renderInlines(node.children, context));
    case "link":
      return el(
        "a",
        { href: context.resolveHref(node.href), target: "_blank", rel: "noopener noreferrer" },
        ...renderInlines(node.children, context),
      );
    case "cite": {
      if (!context.citations.has(node.n)) return document.createTextNode(`[${node.n}]`);
      const button = el(
        "button",
        { type: "button", class: "ct-cite-ref", "aria-label": `Source ${node.n}` },
        String(node.n),
      );
      button.addEventListener("click", () => context.onCite(node.n));
      return button;
    }
  }
}

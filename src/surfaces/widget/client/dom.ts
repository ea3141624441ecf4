/**
 * Tiny DOM builders. Text only ever enters the page through `textContent` / text nodes and
 * attributes through `setAttribute`: the widget has no code path that parses HTML.
 */
type Child = Node | string | false | null | undefined;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : value);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

const SVG = "http://www.w3.org/2000/svg";

/** A decorative icon from one path (hidden from assistive technology). */
export function icon(path: string, transform?: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "18");
  svg.setAttribute("height", "18");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const shape = document.createElementNS(SVG, "path");
  shape.setAttribute("d", path);
  shape.setAttribute("fill", "currentColor");
  if (transform) shape.setAttribute("transform", transform);
  svg.appendChild(shape);
  return svg;
}

export const ICONS = {
  // A speech bubble with three dots.
  chat:
    "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z" +
    "m3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z",
  close: "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z",
  thumb:
    "M2 10h4v11H2zm6 0 4-8c1.4 0 2.5 1.1 2.5 2.5L14 9h6c1.1 0 2 .9 2 2v1.5l-2.3 7.2c-.3.8-1.1 1.3-1.9 1.3H8z",
  send: "M3 20.5 21.5 12 3 3.5 3 10l13 2-13 2z",
};

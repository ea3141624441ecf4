/** Building the console's DOM: elements from data, never HTML strings, so student text stays text. */

export type Child = Node | string | number | null | undefined | false | Child[];
type AttrValue = string | number | boolean | null | undefined | ((event: Event) => void);
export type Attrs = Record<string, AttrValue>;

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

function setAttrs(element: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === "value" && "value" in element) (element as HTMLInputElement).value = String(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
}

/** `h("button", {class: "primary", onclick: save}, "Save")`: attributes, listeners (`on…`) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttrs(element, attrs);
  append(element, children);
  return element;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function s(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  setAttrs(element, attrs);
  append(element, children);
  return element;
}

/** Appends children (skipping null, undefined and false). */
export function add(element: Element, ...children: Child[]): void {
  append(element, children);
}

/** Replaces an element's children. */
export function fill(element: Element, ...children: Child[]): void {
  element.replaceChildren();
  append(element, children);
}

let nextId = 0;
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A labelled form control, with an optional hint read out with it. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid("f");
  control.id = id;
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) control.setAttribute("aria-describedby", hintId);
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    control,
    hint ? h("p", { class: "hint", id: hintId }, hint) : null,
  );
}

/** A checkbox with its label after it. */
export function checkbox(
  label: string,
  checked: boolean,
  attrs: Attrs = {},
): { box: HTMLInputElement; row: HTMLElement } {
  const box = h("input", { type: "checkbox", id: uid("c"), ...attrs });
  box.checked = checked;
  return { box, row: h("div", { class: "check" }, box, h("label", { for: box.id }, label)) };
}

/** A table with a caption and column headers; rows are arrays of cells. */
export function table(
  caption: string,
  headers: string[],
  rows: Child[][],
  options: { hideCaption?: boolean } = {},
) {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      {},
      h("caption", { class: options.hideCaption ? "visually-hidden" : undefined }, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          headers.map((header) => h("th", { scope: "col" }, header)),
        ),
      ),
      h(
        "tbody",
        {},
        rows.length > 0
          ? rows.map((cells) =>
              h(
                "tr",
                {},
                cells.map((cell) => h("td", {}, cell)),
              ),
            )
          : h("tr", {}, h("td", { colspan: headers.length, class: "empty" }, "Nothing yet.")),
      ),
    ),
  );
}

/** A section with a heading (levels below the page's h1). */
export function section(title: string, ...children: Child[]): HTMLElement {
  const id = uid("s");
  return h("section", { "aria-labelledby": id }, h("h2", { id }, title), children);
}

export function notice(kind: "error" | "ok" | "info", ...children: Child[]): HTMLElement {
  return h("p", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, children);
}

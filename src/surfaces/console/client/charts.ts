import { h, s } from "./dom.ts";

export interface Point {
  label: string;
  value: number | null;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 44, right: 16, top: 16, bottom: 40 };

/**
 * A line chart as inline SVG (no library): values between `min` and `max` over labelled points,
 * each point marked and labelled with its value. Described for screen readers by its title and
 * a summary of the values.
 */
export function lineChart(
  title: string,
  points: Point[],
  options: { min?: number; max?: number } = {},
): HTMLElement {
  const min = options.min ?? 0;
  const max = options.max ?? 1;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) =>
    PAD.top + innerH - ((Math.min(max, Math.max(min, v)) - min) / (max - min || 1)) * innerH;
  const known = points
    .map((p, i) => ({ ...p, i }))
    .filter((p): p is Point & { i: number; value: number } => p.value !== null);
  const path = known
    .map((p, n) => `${n === 0 ? "M" : "L"}${x(p.i).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(" ");
  const ticks = [min, (min + max) / 2, max];
  const summary = known.map((p) => `${p.label}: ${p.value.toFixed(3)}`).join("; ") || "no values yet";
  return h(
    "figure",
    { class: "chart" },
    s(
      "svg",
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": `${title}. ${summary}` },
      s("title", {}, title),
      ticks.map((t) => [
        s("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(t), y2: y(t), class: "grid" }),
        s("text", { x: PAD.left - 6, y: y(t) + 4, "text-anchor": "end", class: "axis" }, t.toFixed(2)),
      ]),
      path ? s("path", { d: path, class: "line" }) : null,
      known.map((p) => [
        s("circle", { cx: x(p.i), cy: y(p.value), r: 4, class: "dot" }),
        s(
          "text",
          { x: x(p.i), y: y(p.value) - 8, "text-anchor": "middle", class: "value" },
          p.value.toFixed(3),
        ),
      ]),
      points.map((p, i) =>
        s("text", { x: x(i), y: HEIGHT - 14, "text-anchor": "middle", class: "axis" }, p.label),
      ),
    ),
    h("figcaption", {}, title),
  );
}

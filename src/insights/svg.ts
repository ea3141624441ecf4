import { escapeHtml } from "../text/html.ts";

/** Small inline-SVG charts for the insights page: no script, no external asset, no CDN. */

/** Charts fill the page's column; their coordinates are drawn for this width unless told otherwise. */
const CHART_WIDTH = 760;

/** The chart's outer element: an accessible image that scales to the page's width. */
function svg(title: string, width: number, height: number, content: string): string {
  return (
    `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" ` +
    `preserveAspectRatio="xMinYMin meet">${content}</svg>`
  );
}

function pointTitle(label: string, value: string, count: string | undefined): string {
  return `${label}: ${value}${count ? ` (${count})` : ""}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar (e.g. "12 · 30%"). */
  note: string;
}

/** Horizontal bars, one row per item, longest first as given. */
export function horizontalBars(bars: readonly Bar[], options: { title: string; width?: number }): string {
  const width = options.width ?? CHART_WIDTH;
  const labelWidth = 300;
  const rowHeight = 26;
  const chartWidth = width - labelWidth - 90;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(rowHeight, bars.length * rowHeight) + 8;
  const rows = bars
    .map((bar, i) => {
      const y = i * rowHeight + 4;
      const w = Math.max(2, Math.round((bar.value / max) * chartWidth));
      return (
        `<g><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" class="label">` +
        `${escapeHtml(truncate(bar.label, 48))}<title>${escapeHtml(bar.label)}</title></text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" rx="3" class="bar"/>` +
        `<text x="${labelWidth + w + 6}" y="${y + 16}" class="value">${escapeHtml(bar.note)}</text></g>`
      );
    })
    .join("");
  return svg(options.title, width, height, rows || `<text x="8" y="18" class="empty">No data yet</text>`);
}

export interface Point {
  label: string;
  value: number | null;
}

/** A line over weeks with a fixed 0..max scale; missing points break the line. */
export function lineChart(
  points: readonly Point[],
  options: {
    title: string;
    max: number;
    format: (v: number) => string;
    width?: number;
    counts?: readonly string[];
  },
): string {
  const width = options.width ?? CHART_WIDTH;
  const height = 220;
  const left = 48;
  const right = 36;
  const top = 16;
  const bottom = 44;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const step = points.length > 1 ? plotW / (points.length - 1) : 0;
  const x = (i: number) => left + (points.length > 1 ? i * step : plotW / 2);
  const y = (v: number) => top + plotH - (Math.min(v, options.max) / options.max) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => {
      const v = f * options.max;
      return (
        `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" class="grid"/>` +
        `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" class="axis">${escapeHtml(options.format(v))}</text>`
      );
    })
    .join("");
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length > 1) segments.push(current.join(" "));
      current = [];
      return;
    }
    current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (current.length > 1) segments.push(current.join(" "));
  const lines = segments.map((s) => `<polyline points="${s}" class="line"/>`).join("");
  const dots = points
    .map((p, i) =>
      p.value === null
        ? ""
        : `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="4" class="dot">` +
          `<title>${escapeHtml(pointTitle(p.label, options.format(p.value), options.counts?.[i]))}</title></circle>`,
    )
    .join("");
  const labels = points
    .map(
      (p, i) =>
        `<text x="${x(i).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle" class="axis">` +
        `${escapeHtml(p.label)}</text>`,
    )
    .join("");
  const counts = (options.counts ?? [])
    .map((c, i) =>
      c
        ? `<text x="${x(i).toFixed(1)}" y="${height - bottom + 34}" text-anchor="middle" class="axis muted">` +
          `${escapeHtml(c)}</text>`
        : "",
    )
    .join("");
  return svg(options.title, width, height, `${grid}${lines}${dots}${labels}${counts}`);
}

/** Vertical columns over weeks (0..max); null columns are drawn as "n/a". */
export function columns(
  points: readonly Point[],
  options: { title: string; max: number; format: (v: number) => string; width?: number },
): string {
  const width = options.width ?? CHART_WIDTH;
  const height = 200;
  const left = 48;
  const top = 16;
  const bottom = 30;
  const plotW = width - left - 16;
  const plotH = height - top - bottom;
  const slot = plotW / Math.max(1, points.length);
  const barW = Math.max(6, slot * 0.6);
  const bars = points
    .map((p, i) => {
      const cx = left + slot * i + slot / 2;
      const x = cx.toFixed(1);
      const label = `<text x="${x}" y="${height - 10}" text-anchor="middle" class="axis">${escapeHtml(p.label)}</text>`;
      if (p.value === null)
        return `${label}<text x="${x}" y="${top + plotH - 4}" text-anchor="middle" class="axis muted">n/a</text>`;
      const h = Math.max(1, (Math.min(p.value, options.max) / options.max) * plotH);
      const value = options.format(p.value);
      return (
        `${label}<rect x="${(cx - barW / 2).toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" ` +
        `width="${barW.toFixed(1)}" height="${h.toFixed(1)}" rx="2" class="bar alt">` +
        `<title>${escapeHtml(`${p.label}: ${value}`)}</title></rect>` +
        `<text x="${x}" y="${(top + plotH - h - 4).toFixed(1)}" text-anchor="middle" class="value">` +
        `${escapeHtml(value)}</text>`
      );
    })
    .join("");
  const base = `<line x1="${left}" x2="${width - 16}" y1="${top + plotH}" y2="${top + plotH}" class="grid"/>`;
  return svg(options.title, width, height, `${base}${bars}`);
}

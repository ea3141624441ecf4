import { escapeHtml } from "../text/html.ts";

/** The inline-SVG bar charts of report.html. */

export interface Series {
  name: string;
  color: string;
  values: (number | null)[];
}

export interface BarChartOptions {
  title: string;
  labels: string[];
  series: Series[];
  max: number;
  format: (v: number) => string;
  width?: number;
}

const HEIGHT = 300;
const LEFT = 48;
const BOTTOM = 54;
const TOP = 28;

/** A grouped bar chart: one group per label, one bar per series. */
export function barChart(options: BarChartOptions): string {
  const width = options.width ?? 960;
  const plotW = width - LEFT - 12;
  const plotH = HEIGHT - TOP - BOTTOM;
  const groupW = plotW / Math.max(1, options.labels.length);
  const barW = Math.max(4, Math.min(28, (groupW - 10) / Math.max(1, options.series.length)));
  const y = (v: number) => TOP + plotH - (Math.min(v, options.max) / options.max) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${HEIGHT}" role="img" ` +
      `aria-label="${escapeHtml(options.title)}">`,
    `<text x="${LEFT}" y="16" class="ct">${escapeHtml(options.title)}</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const v = (options.max * i) / 4;
    const yy = y(v);
    parts.push(
      `<line x1="${LEFT}" x2="${width - 12}" y1="${yy}" y2="${yy}" class="grid"/>`,
      `<text x="${LEFT - 6}" y="${yy + 4}" class="ax" text-anchor="end">${escapeHtml(options.format(v))}</text>`,
    );
  }
  options.labels.forEach((label, gi) => {
    const gx = LEFT + gi * groupW + (groupW - barW * options.series.length) / 2;
    options.series.forEach((s, si) => {
      parts.push(
        bar({ series: s, label, value: s.values[gi], x: gx + si * barW, barW, y, format: options.format }),
      );
    });
    parts.push(
      `<text x="${LEFT + gi * groupW + groupW / 2}" y="${HEIGHT - BOTTOM + 16}" class="ax" text-anchor="middle">` +
        `${escapeHtml(label)}</text>`,
    );
  });
  parts.push(...legend(options.series), "</svg>");
  return parts.join("");
}

function bar(input: {
  series: Series;
  label: string;
  value: number | null | undefined;
  x: number;
  barW: number;
  y: (v: number) => number;
  format: (v: number) => string;
}): string {
  const { x, barW, y, value } = input;
  if (value === null || value === undefined) {
    return `<text x="${x + barW / 2}" y="${y(0) - 3}" class="na" text-anchor="middle">–</text>`;
  }
  const yy = y(value);
  const title = escapeHtml(`${input.series.name} · ${input.label}: ${input.format(value)}`);
  return (
    `<rect x="${x.toFixed(1)}" y="${yy.toFixed(1)}" width="${(barW - 2).toFixed(1)}" ` +
    `height="${(y(0) - yy).toFixed(1)}" fill="${input.series.color}"><title>${title}</title></rect>`
  );
}

function legend(series: readonly Series[]): string[] {
  const legendY = HEIGHT - 14;
  const parts: string[] = [];
  let lx = LEFT;
  for (const s of series) {
    parts.push(
      `<rect x="${lx}" y="${legendY - 9}" width="10" height="10" fill="${s.color}"/>`,
      `<text x="${lx + 14}" y="${legendY}" class="ax">${escapeHtml(s.name)}</text>`,
    );
    lx += 24 + s.name.length * 7;
  }
  return parts;
}

/** The smallest 1, 2, 2.5 or 5 times a power of ten at or above `value`: a round axis maximum. */
export function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

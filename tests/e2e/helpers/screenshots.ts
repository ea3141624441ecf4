import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { packageRoot } from "../../../src/app/config.ts";

/** Screenshots land here (gitignored), with an index.html that shows them all with captions. */
export const SCREENSHOT_DIR = path.join(packageRoot, "tests", "e2e", "__screenshots__");

interface Caption {
  name: string;
  caption: string;
  viewport: string;
  takenAt: string;
}

/**
 * Saves `NAME.png` (stable names, overwritten on every run) plus `NAME.json` with its caption, and
 * rebuilds index.html from every caption in the folder, so files written by several test files
 * all appear in one index.
 */
export async function screenshot(
  page: Page,
  name: string,
  caption: string,
  target?: Locator,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  if (target) await target.screenshot({ path: file, animations: "disabled" });
  else await page.screenshot({ path: file, animations: "disabled", fullPage: options.fullPage ?? false });
  const size = page.viewportSize();
  const entry: Caption = {
    name,
    caption,
    viewport: size ? `${size.width}×${size.height}` : "unknown",
    takenAt: new Date().toISOString(),
  };
  await writeFile(path.join(SCREENSHOT_DIR, `${name}.json`), `${JSON.stringify(entry, null, 2)}\n`);
  await writeIndex();
  return file;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

async function writeIndex(): Promise<void> {
  const captions: Caption[] = [];
  for (const file of (await readdir(SCREENSHOT_DIR)).sort()) {
    if (!file.endsWith(".json")) continue;
    try {
      captions.push(JSON.parse(await readFile(path.join(SCREENSHOT_DIR, file), "utf8")) as Caption);
    } catch {
      // A caption being written by another test file right now; the next index picks it up.
    }
  }
  const items = captions
    .map(
      (c) => `<figure id="${escapeHtml(c.name)}">
  <figcaption><strong>${escapeHtml(c.name)}</strong> · ${escapeHtml(c.viewport)} · ${escapeHtml(c.takenAt)}<br>${escapeHtml(c.caption)}</figcaption>
  <a href="${escapeHtml(c.name)}.png"><img src="${escapeHtml(c.name)}.png" alt="${escapeHtml(c.caption)}" loading="lazy"></a>
</figure>`,
    )
    .join("\n");
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Widget screenshots</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 24px; background: #f1f5f9; color: #0f172a; }
nav a { margin-right: 12px; }
figure { margin: 24px 0; padding: 12px; background: #fff; border: 1px solid #cbd5e1; border-radius: 8px; }
img { max-width: 100%; max-height: 80vh; border: 1px solid #94a3b8; display: block; margin-top: 8px; }
</style></head>
<body>
<h1>Widget screenshots (${captions.length})</h1>
<p>Written by the browser tests in tests/e2e; open a picture for full size.</p>
<nav>${captions.map((c) => `<a href="#${escapeHtml(c.name)}">${escapeHtml(c.name)}</a>`).join("\n")}</nav>
${items}
</body></html>
`;
  await writeFile(path.join(SCREENSHOT_DIR, "index.html"), page);
}

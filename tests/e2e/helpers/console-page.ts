import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { packageRoot } from "../../../src/app/config.ts";
import { screenshot } from "./screenshots.ts";

/** Where docs/console.md's pictures live; refreshed when UPDATE_CONSOLE_SCREENSHOTS=1. */
export const DOC_SCREENSHOT_DIR = path.join(packageRoot, "docs", "console");

/**
 * A screenshot of a console page (full page) into the e2e screenshot folder, and into docs/console
 * when asked to refresh the documentation's pictures. The transient status toast is cleared
 * first so it does not cover the page.
 */
export async function consoleScreenshot(page: Page, name: string, caption: string): Promise<void> {
  await page.evaluate(() => {
    const live = document.querySelector(".live");
    if (live) live.textContent = "";
  });
  await page.evaluate(() => document.fonts.ready);
  const file = await screenshot(page, `console-${name}`, caption, undefined, { fullPage: true });
  // Tests read the environment directly; the tutor's own code reads it only in app/config.ts.
  if (process.env.UPDATE_CONSOLE_SCREENSHOTS === "1") {
    await mkdir(DOC_SCREENSHOT_DIR, { recursive: true });
    await copyFile(file, path.join(DOC_SCREENSHOT_DIR, `${name}.png`));
  }
}

/**
 * Every form control on the page has a name a screen reader can say: a <label>, aria-label or
 * aria-labelledby. Returns the ones that do not.
 */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement>("input, select, textarea"))
      .filter((el) => el.type !== "hidden")
      .filter(
        (el) =>
          (el.labels?.length ?? 0) === 0 &&
          !el.getAttribute("aria-label") &&
          !el.getAttribute("aria-labelledby"),
      )
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** Whether the page is wider than the window (content cut off or a sideways scroll). */
export function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Drops files on the console's drop zone, as a drag from the desktop would. */
export async function dropFiles(
  page: Page,
  files: { name: string; bytes: Uint8Array; type: string }[],
): Promise<void> {
  await page.evaluate(
    (list) => {
      const transfer = new DataTransfer();
      for (const f of list) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
      const zone = document.querySelector(".drop-zone");
      if (!zone) throw new Error("no drop zone on the page");
      for (const type of ["dragenter", "dragover", "drop"])
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    files.map((f) => ({ name: f.name, type: f.type, bytes: Array.from(f.bytes) })),
  );
}

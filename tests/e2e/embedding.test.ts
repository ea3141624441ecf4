import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/app/server.ts";
import { startSeededServer } from "../helpers/server.ts";
import { launchChromium } from "./helpers/browser.ts";
import { type HostPage, startHostPage } from "./helpers/host-page.ts";
import { screenshot } from "./helpers/screenshots.ts";
import { ask, text, widget } from "./helpers/widget-page.ts";

/**
 * The widget embedded on other sites (per-course allowed origins, enforced by the server) and
 * fed hostile text (HTML and script in the course material must show as text, never run).
 */
const TEST_MS = 55_000;

let server: RunningServer;
let tutorUrl: string;
let browser: Browser;
let allowedSite: HostPage;
let otherSite: HostPage;
let context: BrowserContext | undefined;
let materialDir: string;

const HOSTILE_TEXT = `Lab Safety <b>Notes</b>
=======================

Quokka handling rules <img src=x onerror="window.__pwned=3">
------------------------------------------------------------

The quokka enclosure rule is that every visitor washes their hands before touching a quokka <img src=x onerror="window.__pwned=1">.
Quokka food must be **weighed** on the scale before feeding, see [the portal](javascript:window.__pwned=4) for the scale.
Never feed a quokka bread, because bread makes quokkas sick <script>window.__pwned=2</script>.
`;

beforeAll(async () => {
  server = await startSeededServer({ EMBED_WORKERS: "0" });
  tutorUrl = `http://127.0.0.1:${server.port}`;
  materialDir = await mkdtemp(path.join(tmpdir(), "tutor-hostile-"));
  await writeFile(path.join(materialDir, "lab-safety.txt"), HOSTILE_TEXT);
  await server.tutor.ingest(materialDir, "safety");
  allowedSite = await startHostPage({ tutorUrl, course: "aie101", heading: "Allowed course site" });
  otherSite = await startHostPage({ tutorUrl, course: "aie101", heading: "Some other site" });
  expect(await server.originPolicy.update("aie101", [allowedSite.origin])).toEqual([allowedSite.origin]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await allowedSite?.close();
  await otherSite?.close();
  await server?.close();
  if (materialDir) await rm(materialDir, { recursive: true, force: true });
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function open(url: string): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(url);
  await widget(page).launcher.waitFor();
  await widget(page).launcher.click();
  await widget(page).panel.waitFor({ state: "visible" });
  return page;
}

async function messagesAsking(question: string): Promise<number> {
  const { rows } = await server.tutor.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM messages WHERE question = $1",
    [question],
  );
  return rows[0]?.n ?? 0;
}

describe("embedding on another site", () => {
  it(
    "works from an origin the course allows",
    async () => {
      const page = await open(allowedSite.url);
      const question = "How do I detect data drift in production?";
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes("/v1/chat") && r.request().method() === "POST"),
        ask(page, question),
      ]);
      expect(response.headers()["access-control-allow-origin"]).toBe(allowedSite.origin);
      const answer = widget(page).lastAnswer;
      expect(await answer.getAttribute("data-status")).toBe("answered");
      expect(await answer.locator(".ct-source").count()).toBeGreaterThan(0);
      expect(await messagesAsking(question)).toBe(1);
      // The host page's loud styles (pink buttons, comic font, green text) stop at the shadow root.
      const styles = await widget(page).send.evaluate((button) => {
        const style = getComputedStyle(button);
        return { background: style.backgroundColor, font: style.fontFamily };
      });
      expect(styles.background).toBe("rgb(29, 78, 216)");
      expect(styles.font).not.toContain("Comic");
      await screenshot(page, "10-cors-allowed-origin", `Widget on ${allowedSite.origin}, an allowed origin`);
    },
    TEST_MS,
  );

  it(
    "is refused from an origin the course does not list",
    async () => {
      const page = await open(otherSite.url);
      const question = "What is concept drift?";
      const answer = await ask(page, question);
      expect(await answer.getAttribute("data-state")).toBe("error");
      await answer.locator(".ct-retry").waitFor();
      expect(await messagesAsking(question)).toBe(0);

      // Even a "simple" request, which browsers send without a preflight, is refused by the server.
      const sneaky = "What is label drift?";
      const status = await page.evaluate(
        async ({ url, message }) => {
          try {
            await fetch(url, {
              method: "POST",
              mode: "no-cors",
              headers: { "content-type": "text/plain" },
              body: JSON.stringify({ message }),
            });
            return "sent";
          } catch {
            return "failed";
          }
        },
        { url: `${tutorUrl}/v1/chat?course=aie101`, message: sneaky },
      );
      expect(status).toBe("sent");
      expect(await messagesAsking(sneaky)).toBe(0);
      await screenshot(
        page,
        "11-cors-refused-origin",
        `Widget on ${otherSite.origin}, an origin the course does not allow`,
      );

      // The preflights themselves, as the browser sends them.
      const preflight = (origin: string) =>
        fetch(`${tutorUrl}/v1/chat?course=aie101`, {
          method: "OPTIONS",
          headers: {
            origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type, x-tutor-surface",
          },
        });
      const refused = await preflight(otherSite.origin);
      expect(refused.status).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
      const allowed = await preflight(allowedSite.origin);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get("access-control-allow-origin")).toBe(allowedSite.origin);
      expect(allowed.headers.get("access-control-allow-headers")).toBe("content-type, x-tutor-surface");
    },
    TEST_MS,
  );
});

describe("untrusted text in answers and sources", () => {
  it(
    "shows HTML from the course material as text in the widget and on the course page",
    async () => {
      const page = await open(`${tutorUrl}/?course=safety`);
      const pageText = await text(page.locator("main"));
      expect(pageText).toContain("Lab Safety <b>Notes</b>");
      expect(await page.locator("main b").count()).toBe(0);

      const answer = await ask(page, "What is the quokka enclosure rule about washing hands?");
      expect(await answer.getAttribute("data-status")).toBe("answered");
      const shown = `${await text(answer.locator(".ct-body"))}\n${await text(answer.locator(".ct-sources"))}`;
      expect(shown).toContain('<img src=x onerror="window.__pwned=1">');
      const inWidget = await page.evaluate(() => {
        const root = document.querySelector("[data-course-tutor]")?.shadowRoot;
        return {
          images: root?.querySelectorAll("img").length ?? -1,
          scripts: root?.querySelectorAll("script").length ?? -1,
          bold: root?.querySelectorAll(".ct-body b").length ?? -1,
          scriptLinks: root?.querySelectorAll('a[href^="javascript:"]').length ?? -1,
          pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        };
      });
      expect(inWidget).toEqual({ images: 0, scripts: 0, bold: 0, scriptLinks: 0, pwned: null });
      await screenshot(
        page,
        "12-hostile-text-widget",
        "HTML inside course material is shown as text in the widget",
      );

      // Text documents have no url in front matter: their page lives under their source path.
      const docPage = page;
      const response = await docPage.goto(`${tutorUrl}/course/safety/lab-safety.txt`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
      const docText = await text(docPage.locator("main"));
      expect(docText).toContain("<script>window.__pwned=2</script>");
      expect(docText).toContain('<img src=x onerror="window.__pwned=3">');
      expect(await docPage.locator("main img, main script").count()).toBe(0);
      expect(
        await docPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null),
      ).toBeNull();
      await screenshot(docPage, "13-hostile-text-page", "The same material on its course page, escaped");
    },
    TEST_MS,
  );
});

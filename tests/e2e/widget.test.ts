import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnswering } from "../../src/answer/index.ts";
import { loadConfig } from "../../src/app/config.ts";
import type { RunningServer } from "../../src/app/server.ts";
import { startSeededServer } from "../helpers/server.ts";
import { launchChromium } from "./helpers/browser.ts";
import { pacedAnswerer } from "./helpers/paced-answerer.ts";
import { screenshot } from "./helpers/screenshots.ts";
import { ANSWER_TIMEOUT_MS, ask, focused, recordStreaming, text, widget } from "./helpers/widget-page.ts";

/**
 * The widget in headless Chromium against the real server (seeded PGlite, real retrieval and
 * answering) on 127.0.0.1: the demo page, streaming, citations, feedback, refusals, the
 * no-answer state, reloads, keyboard-only use, a 360 px screen and network failures.
 */
const TEST_MS = 55_000;
const DRIFT_QUESTION = "What is model drift and how do I detect it?";

let server: RunningServer;
let tutorUrl: string;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  // Tokens spaced 15 ms apart, as an LLM would stream them (see paced-answerer.ts).
  const offline = createAnswering(loadConfig({})).answerer;
  server = await startSeededServer(
    { EMBED_WORKERS: "0" },
    { overrides: { answerer: pacedAnswerer(offline, 15) } },
  );
  tutorUrl = `http://127.0.0.1:${server.port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function openDemo(viewport = { width: 1280, height: 860 }): Promise<Page> {
  context = await browser.newContext({ viewport });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${tutorUrl}/`);
  await widget(page).launcher.waitFor();
  return page;
}

async function openPanel(page: Page): Promise<void> {
  const w = widget(page);
  await w.launcher.click();
  await w.panel.waitFor({ state: "visible" });
}

async function dbRows<Row extends object>(sql: string, params: (string | number)[] = []): Promise<Row[]> {
  return (await server.tutor.db.query<Row>(sql, params)).rows;
}

describe("the widget on the demo page", () => {
  it(
    "streams an answer sentence by sentence and shows numbered citations",
    async () => {
      const page = await openDemo();
      expect((await text(page.locator("h1").first())).length).toBeGreaterThan(2);
      expect(await page.locator("main a[href^='/course/aie101/week-']").count()).toBeGreaterThanOrEqual(14);
      await screenshot(page, "01-demo-page-desktop", "Demo page at / with the closed launcher in the corner");

      await openPanel(page);
      expect((await focused(page)).id).toBe("ct-input");
      const streamLengths = await recordStreaming(page);
      const answer = await ask(page, DRIFT_QUESTION);

      expect(await answer.getAttribute("data-status")).toBe("answered");
      const finalText = (await text(answer.locator(".ct-body"))).trim();
      expect(finalText.toLowerCase()).toContain("drift");
      // One token event per sentence: the output guard vets the stream a sentence at a time.
      expect(Number(await answer.getAttribute("data-tokens"))).toBeGreaterThanOrEqual(2);
      // The text grew on screen while the answer was still streaming.
      const partial = (await streamLengths()).filter((n) => n > 0 && n < finalText.length);
      expect(new Set(partial).size).toBeGreaterThanOrEqual(2);

      const sources = answer.locator(".ct-source");
      expect(await sources.count()).toBeGreaterThanOrEqual(1);
      const first = sources.first();
      expect(await text(first.locator(".ct-source-n"))).toBe("1.");
      expect((await text(first.locator(".ct-snippet"))).length).toBeGreaterThan(20);
      const href = await first.locator("a.ct-source-link").getAttribute("href");
      expect(href).toMatch(new RegExp(`^${tutorUrl}/course/aie101/[a-z0-9-]+#[a-z0-9-]+$`));
      // Markers in the text are buttons that bring the matching source into focus.
      const marker = answer.locator(".ct-cite-ref").first();
      const n = await text(marker);
      await marker.click();
      const target = await focused(page);
      expect(target.className).toContain("ct-source");
      expect(target.text.startsWith(`${n}.`)).toBe(true);
      await screenshot(
        page,
        "02-answer-desktop",
        "Streamed answer with [n] markers, numbered sources and feedback",
      );
    },
    TEST_MS,
  );

  it(
    "opens the cited section of the course page from a citation",
    async () => {
      const page = await openDemo();
      await openPanel(page);
      const answer = await ask(page, DRIFT_QUESTION);
      const link = answer.locator("a.ct-source-link").first();
      const heading = (await answer.locator(".ct-source").first().locator(".ct-source-heading").count())
        ? await text(answer.locator(".ct-source").first().locator(".ct-source-heading"))
        : undefined;
      const href = (await link.getAttribute("href")) ?? "";
      const [opened] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
      await opened.waitForLoadState("domcontentloaded");
      expect(opened.url()).toBe(href);
      const anchor = decodeURIComponent(new URL(href).hash.slice(1));
      const section = opened.locator(`[id="${anchor}"]`);
      expect(await section.count()).toBe(1);
      await section.waitFor({ state: "visible" });
      if (heading) expect(await text(section)).toBe(heading);
      // The cited text is on the page, and the page carries the widget too.
      expect((await text(opened.locator("main"))).length).toBeGreaterThan(500);
      await widget(opened).launcher.waitFor();
      await screenshot(
        opened,
        "03-citation-opened",
        `Course page opened from a citation, scrolled to #${anchor}`,
      );
    },
    TEST_MS,
  );

  it(
    "stores thumbs up and down in the database",
    async () => {
      const page = await openDemo();
      await openPanel(page);
      const answer = await ask(page, "How do I choose between precision and recall?");
      const messageId = await answer.getAttribute("data-message-id");
      expect(messageId).toMatch(/^[0-9a-f-]{36}$/);

      await answer.locator('.ct-vote[data-rating="up"]').click();
      await answer.locator(".ct-feedback-status", { hasText: "Thanks" }).waitFor();
      expect(await answer.locator('.ct-vote[data-rating="up"]').getAttribute("aria-pressed")).toBe("true");
      let rows = await dbRows<{ rating: string }>("SELECT rating FROM feedback WHERE message_id = $1", [
        messageId ?? "",
      ]);
      expect(rows).toEqual([{ rating: "up" }]);

      await answer.locator('.ct-vote[data-rating="down"]').click();
      await expect
        .poll(
          async () =>
            (await answer.locator('.ct-vote[data-rating="down"]').getAttribute("aria-pressed")) ?? "",
        )
        .toBe("true");
      rows = await dbRows<{ rating: string }>("SELECT rating FROM feedback WHERE message_id = $1", [
        messageId ?? "",
      ]);
      expect(rows).toEqual([{ rating: "down" }]);
    },
    TEST_MS,
  );

  it(
    "declines an over-long question politely, without sources or feedback buttons",
    async () => {
      const page = await openDemo();
      await openPanel(page);
      const longQuestion = `Please explain everything about drift. ${"Tell me more about monitoring. ".repeat(90)}`;
      expect(longQuestion.length).toBeGreaterThan(2_500);
      const answer = await ask(page, longQuestion);
      expect(await answer.getAttribute("data-status")).toBe("refused");
      await answer.locator(".ct-notice-refused").waitFor();
      expect((await text(answer.locator(".ct-body"))).trim().length).toBeGreaterThan(10);
      expect(await answer.locator(".ct-source").count()).toBe(0);
      expect(await answer.locator(".ct-vote").count()).toBe(0);
      const [stored] = await dbRows<{ status: string }>("SELECT status FROM messages WHERE id = $1", [
        (await answer.getAttribute("data-message-id")) ?? "",
      ]);
      expect(stored?.status).toBe("refused");
      await screenshot(page, "04-refusal", "An over-long question is declined politely");
    },
    TEST_MS,
  );

  it(
    "answers a graded-work request with a hint and its sources, not the solution",
    async () => {
      const page = await openDemo();
      await openPanel(page);
      const answer = await ask(page, "Write my assignment on data drift detection for me");
      expect(await answer.getAttribute("data-status")).toBe("refused");
      expect(await text(answer.locator(".ct-notice-refused"))).toMatch(/hint/);
      expect(await answer.locator(".ct-source").count()).toBeGreaterThan(0);
      await screenshot(page, "04b-integrity-hint", "A graded-work request gets a Socratic hint");
    },
    TEST_MS,
  );

  it(
    "says clearly when the course material does not cover a question",
    async () => {
      const page = await openDemo();
      await openPanel(page);
      const answer = await ask(page, "What is the best lasagna recipe?");
      expect(await answer.getAttribute("data-status")).toBe("no_answer");
      // Said once: the reply opens with it, so the notice above it does not repeat it.
      const said = (await text(answer)).match(/couldn.t find this in the course material/gi) ?? [];
      expect(said).toHaveLength(1);
      // No source is listed twice: each place and each excerpt appears once.
      const places = await answer.locator(".ct-source").evaluateAll((items) =>
        items.map((item) =>
          (item.textContent ?? "")
            .replace(/^\d+\.\s*/, "")
            .replace(/\s+/g, " ")
            .trim(),
        ),
      );
      expect(new Set(places).size).toBe(places.length);
      await screenshot(
        page,
        "05-no-answer",
        "A question the material does not cover gets the no-answer state",
      );
    },
    TEST_MS,
  );

  it(
    "keeps the conversation and its session across a page reload",
    async () => {
      const page = await openDemo();
      await openPanel(page);
      const first = await ask(page, "What is a feature store?");
      const firstId = (await first.getAttribute("data-message-id")) ?? "";

      await page.reload();
      const w = widget(page);
      await w.panel.waitFor({ state: "visible" });
      expect(await text(w.userBubbles.first())).toContain("What is a feature store?");
      expect(await w.answers.first().getAttribute("data-message-id")).toBe(firstId);
      expect(await w.answers.first().locator(".ct-source").count()).toBeGreaterThan(0);

      const second = await ask(page, "How does it help with training-serving skew?");
      const secondId = (await second.getAttribute("data-message-id")) ?? "";
      const sessions = await dbRows<{ session_id: string }>(
        "SELECT DISTINCT session_id::text AS session_id FROM messages WHERE id = ANY($1::uuid[])",
        [`{${firstId},${secondId}}`],
      );
      expect(sessions).toHaveLength(1);

      // "New" forgets the conversation: an empty panel, and the next question starts a new session.
      await page.locator(".ct-new").click();
      expect(await w.userBubbles.count()).toBe(0);
      const third = await ask(page, "What is a feature store?");
      const [fresh] = await dbRows<{ session_id: string }>(
        "SELECT session_id::text AS session_id FROM messages WHERE id = $1",
        [(await third.getAttribute("data-message-id")) ?? ""],
      );
      expect(fresh?.session_id).toBeDefined();
      expect(fresh?.session_id).not.toBe(sessions[0]?.session_id);
    },
    TEST_MS,
  );

  it(
    "can be used with the keyboard alone",
    async () => {
      const page = await openDemo();
      const w = widget(page);
      // The launcher is the page's last focusable element: one Shift+Tab from the top reaches it.
      await page.keyboard.press("Shift+Tab");
      expect((await focused(page)).className).toContain("ct-launcher");
      await page.keyboard.press("Enter");
      await w.panel.waitFor({ state: "visible" });
      expect(await w.launcher.getAttribute("aria-expanded")).toBe("true");
      expect((await focused(page)).id).toBe("ct-input");

      // Walk back to the mode switch and pick "Hint" with the arrow keys.
      for (let i = 0; i < 10 && !(await focused(page)).className.includes("ct-mode"); i++) {
        await page.keyboard.press("Shift+Tab");
      }
      expect((await focused(page)).className).toContain("ct-mode");
      await page.keyboard.press("ArrowRight");
      expect(await w.mode("hint").getAttribute("aria-checked")).toBe("true");
      expect((await focused(page)).text).toBe("Hint");

      // Back to the question box, ask, and get the answer in hint mode.
      for (let i = 0; i < 10 && (await focused(page)).id !== "ct-input"; i++)
        await page.keyboard.press("Tab");
      expect((await focused(page)).id).toBe("ct-input");
      await page.keyboard.type("How does early stopping prevent overfitting?");
      await page.keyboard.press("Enter");
      const answer = w.answers.last();
      await answer.and(page.locator('[data-state="done"]')).waitFor({ timeout: ANSWER_TIMEOUT_MS });
      const [stored] = await dbRows<{ mode: string }>("SELECT mode FROM messages WHERE id = $1", [
        (await answer.getAttribute("data-message-id")) ?? "",
      ]);
      expect(stored?.mode).toBe("hint");

      // Rate it without a mouse: Tab forward from the log to the first feedback button.
      if ((await answer.locator(".ct-vote").count()) > 0) {
        await answer
          .locator(".ct-source-link, .ct-cite-ref")
          .first()
          .focus()
          .catch(() => {});
        for (let i = 0; i < 30 && !(await focused(page)).className.includes("ct-vote"); i++) {
          await page.keyboard.press("Tab");
        }
        expect((await focused(page)).className).toContain("ct-vote");
        await page.keyboard.press("Space");
        await answer.locator(".ct-feedback-status", { hasText: "Thanks" }).waitFor();
      }
      await screenshot(
        page,
        "06-keyboard-focus",
        "Keyboard use: hint mode chosen with arrows, focus ring visible",
      );

      // Escape closes the panel and puts focus back on the launcher.
      await page.keyboard.press("Escape");
      await w.panel.waitFor({ state: "hidden" });
      expect((await focused(page)).className).toContain("ct-launcher");
      expect(await w.launcher.getAttribute("aria-expanded")).toBe("false");
    },
    TEST_MS,
  );

  it(
    "exposes roles and names to assistive technology and keeps text readable",
    async () => {
      const page = await openDemo();
      await openPanel(page);
      await ask(page, "What is a feature store?");
      const w = widget(page);
      expect(await w.launcher.getAttribute("aria-controls")).toBe("ct-panel");
      const tree = await w.panel.ariaSnapshot();
      expect(tree).toContain('dialog "Course tutor');
      expect(tree).toContain('radiogroup "Answer style"');
      expect(tree).toMatch(/radio "Explain" \[checked\]/);
      expect(tree).toContain('log "Conversation with the tutor"');
      expect(tree).toContain('textbox "Your question"');
      expect(tree).toContain('group "Was this answer helpful?"');
      expect(await page.locator(".ct-log").getAttribute("aria-live")).toBe("polite");

      // WCAG contrast of every visible text against the background it sits on.
      const worst = await page.evaluate(() => {
        const root = document.querySelector("[data-course-tutor]")?.shadowRoot;
        const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
          const channel = (v: number) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        };
        const background = (element: Element | null): number[] => {
          for (
            let node = element;
            node;
            node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null
          ) {
            const rgba = parse(getComputedStyle(node).backgroundColor);
            if (rgba.length === 3 || (rgba[3] ?? 0) > 0.9) return rgba;
          }
          return [255, 255, 255];
        };
        const results: { ratio: number; text: string }[] = [];
        const walker = document.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const element = node.parentElement;
          const text = (node.textContent ?? "").trim();
          if (!element || !text || element.closest(".sr-only") || element.getClientRects().length === 0)
            continue;
          const fg = luminance(parse(getComputedStyle(element).color));
          const bg = luminance(background(element));
          results.push({
            ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05),
            text: text.slice(0, 40),
          });
        }
        results.sort((a, b) => a.ratio - b.ratio);
        return { count: results.length, lowest: results.slice(0, 3) };
      });
      expect(worst.count).toBeGreaterThan(20);
      expect(worst.lowest[0]?.ratio, JSON.stringify(worst.lowest)).toBeGreaterThanOrEqual(4.5);
    },
    TEST_MS,
  );

  it(
    "fits a 360 px wide phone screen",
    async () => {
      const page = await openDemo({ width: 360, height: 740 });
      await screenshot(page, "07-mobile-360-closed", "Demo page on a 360 px screen, launcher closed");
      await openPanel(page);
      await ask(page, DRIFT_QUESTION);
      const box = await widget(page).panel.boundingBox();
      expect(box).not.toBeNull();
      expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(360);
      const overflow = await page.evaluate(() => {
        const root = document.querySelector("[data-course-tutor]")?.shadowRoot;
        const log = root?.querySelector(".ct-log");
        return log ? log.scrollWidth - log.clientWidth : -1;
      });
      expect(overflow).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(
        page,
        "08-mobile-360-answer",
        "The panel fills a 360 px screen; the answer wraps without overflow",
      );
    },
    TEST_MS,
  );

  it(
    "retries by itself after a dropped connection, and offers Retry when the network stays down",
    async () => {
      const page = await openDemo();
      await openPanel(page);
      let attempts = 0;
      await page.route("**/v1/chat?**", async (route) => {
        attempts++;
        if (attempts === 1) await route.abort("connectionreset");
        else await route.continue();
      });
      const recovered = await ask(page, "What is a confusion matrix?");
      expect(await recovered.getAttribute("data-status")).toBe("answered");
      expect(attempts).toBe(2);
      await page.unroute("**/v1/chat?**");

      await page.route("**/v1/chat?**", (route) => route.abort("internetdisconnected"));
      const failed = await ask(page, "What is a ROC curve?");
      expect(await failed.getAttribute("data-state")).toBe("error");
      expect(await text(failed.locator(".ct-notice-error"))).toContain("Couldn't reach the tutor");
      await screenshot(page, "09-network-error", "After repeated network failures the answer offers Retry");
      await page.unroute("**/v1/chat?**");
      await failed.locator(".ct-retry").click();
      const retried = widget(page).lastAnswer;
      await retried.and(page.locator('[data-state="done"]')).waitFor({ timeout: ANSWER_TIMEOUT_MS });
      expect(await retried.getAttribute("data-status")).toBe("answered");
      expect(await page.locator(".ct-notice-error").count()).toBe(0);
    },
    TEST_MS,
  );
});

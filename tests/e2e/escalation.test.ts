import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/app/server.ts";
import { startSeededServer } from "../helpers/server.ts";
import { launchChromium } from "./helpers/browser.ts";
import { type HostPage, startHostPage } from "./helpers/host-page.ts";
import { screenshot } from "./helpers/screenshots.ts";
import { ask, text, widget } from "./helpers/widget-page.ts";

/**
 * Escalating from the widget in headless Chromium, embedded on a course site of another origin
 * (so the escalation and the polls cross CORS as they would on an LMS): "Ask the teaching staff"
 * under a reply the material could not give and after a 👎, and the staff answer appearing in the
 * conversation by itself, still there after a reload.
 */
const TEST_MS = 55_000;
const ADMIN = "widget-escalation-admin-2290";
const UNCOVERED = "Is parking available near the lecture hall?";
const STAFF_ANSWER = "Visitor parking is in **garage B**, two minutes from the lecture hall.";

let server: RunningServer;
let site: HostPage;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  server = await startSeededServer({ EMBED_WORKERS: "0", ADMIN_TOKEN: ADMIN });
  const tutorUrl = `http://127.0.0.1:${server.port}`;
  site = await startHostPage({
    tutorUrl,
    course: "aie101",
    heading: "AIE101 on the LMS",
    data: { "poll-seconds": "2" },
  });
  expect(await server.originPolicy.update("aie101", [site.origin])).toEqual([site.origin]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function openSite(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(site.url);
  const w = widget(page);
  await w.launcher.click();
  await w.panel.waitFor({ state: "visible" });
  return page;
}

async function answerAsStaff(escalationId: string): Promise<void> {
  const res = await fetch(
    `http://127.0.0.1:${server.port}/admin/courses/aie101/escalations/${escalationId}/answer`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify({ answer: STAFF_ANSWER, addToMaterial: false }),
    },
  );
  expect(res.status).toBe(200);
}

describe("escalating from the widget", () => {
  it(
    "sends an unanswered question to the staff and shows their answer when it comes",
    async () => {
      const page = await openSite();
      const reply = await ask(page, UNCOVERED);
      expect(await reply.getAttribute("data-status")).toBe("no_answer");
      const button = reply.locator("button.ct-escalate");
      expect(await text(button)).toBe("Ask the teaching staff");
      await button.click();
      const note = reply.locator(".ct-escalation-note");
      await note.waitFor();
      expect(await text(note)).toMatch(/^Sent to the teaching staff\./);
      expect(await text(reply.locator(".ct-escalation-status"))).toBe("Waiting for the teaching staff.");
      await screenshot(
        page,
        "20-escalation-sent",
        "A no_answer reply sent to the teaching staff from the widget",
      );

      const [group] = await server.tutor.escalations.queue("aie101", "open");
      expect(group?.origin).toBe("widget");
      await answerAsStaff(group?.id ?? "");
      // The widget polls every 2 s on this page and adds the answer without a reload.
      const staff = page.locator("article.ct-staff");
      await staff.waitFor({ timeout: 15_000 });
      expect(await text(staff.locator(".ct-staff-label"))).toBe("Teaching staff");
      expect(await text(staff.locator("strong"))).toBe("garage B");
      expect(await text(page.locator("article.ct-tutor .ct-escalation-status").first())).toBe(
        "The teaching staff answered below.",
      );
      await screenshot(
        page,
        "21-escalation-answered",
        "The staff answer in the conversation, found by polling",
      );

      await page.reload();
      await widget(page).launcher.waitFor();
      if (!(await widget(page).panel.isVisible())) await widget(page).launcher.click();
      expect(await page.locator("article.ct-staff").count()).toBe(1);
    },
    TEST_MS,
  );

  it(
    "offers the staff after a thumbs-down on an answer",
    async () => {
      const page = await openSite();
      const reply = await ask(page, "What is model drift and how do I detect it?");
      expect(await reply.getAttribute("data-status")).toBe("answered");
      expect(await reply.locator("button.ct-escalate").count()).toBe(0);
      await reply.locator('.ct-vote[data-rating="down"]').click();
      await reply.locator("button.ct-escalate").waitFor();
      await reply.locator("button.ct-escalate").click();
      await reply.locator(".ct-escalation-note").waitFor();
      const queue = await server.tutor.escalations.queue("aie101", "open");
      expect(queue.some((g) => g.question.includes("model drift"))).toBe(true);
    },
    TEST_MS,
  );
});

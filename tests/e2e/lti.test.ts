import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeLms, type LaunchSpec, ROLES, startFakeLms } from "../helpers/fake-lms.ts";
import { startSeededServer } from "../helpers/server.ts";
import { launchChromium } from "./helpers/browser.ts";
import { screenshot } from "./helpers/screenshots.ts";
import { ANSWER_TIMEOUT_MS } from "./helpers/widget-page.ts";

/**
 * LTI launches in headless Chromium, as an LMS shows the tool: the fake LMS's course page frames
 * the tool, the frame posts the login to the tutor, follows the redirect to the LMS's
 * authorization endpoint and auto-posts the signed id_token back to the tutor's launch URL.
 */
const TEST_MS = 55_000;
const ADMIN = "lti-e2e-admin";

let server: Awaited<ReturnType<typeof startSeededServer>>;
let lms: FakeLms;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  server = await startSeededServer({ ADMIN_TOKEN: ADMIN, EMBED_WORKERS: "0" });
  lms = await startFakeLms({ url: server.url });
  const registered = await fetch(`${server.url}/admin/lti/platforms`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
    body: JSON.stringify(lms.registration()),
  });
  expect(registered.status).toBe(201);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await lms?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

/** Opens the LMS course page for a launch; the tool loads in its frame. */
async function openInLms(spec: LaunchSpec): Promise<{ page: Page; tool: FrameLocator }> {
  context = await browser.newContext({ viewport: { width: 1000, height: 820 } });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  await page.goto(lms.coursePageUrl(spec));
  return { page, tool: page.frameLocator("#tool") };
}

const person = (user: string, roles: string[], contextId: string): LaunchSpec => ({
  user,
  roles,
  context: { id: contextId, title: "AI Engineering, Fall term" },
});

/** Asks in the full-page chat and waits for the finished answer. */
async function askInFrame(tool: FrameLocator, question: string) {
  await tool.locator(".ct-input").fill(question);
  await tool.locator(".ct-input").press("Enter");
  const answer = tool.locator("article.ct-tutor").last();
  await answer
    .and(tool.locator('[data-state="done"], [data-state="error"]'))
    .waitFor({ timeout: ANSWER_TIMEOUT_MS });
  return answer;
}

describe("LTI launches in the browser", () => {
  it(
    "an instructor chooses the course once, then a learner chats in the full-page tutor",
    async () => {
      const staff = await openInLms(person("prof-e2e", [ROLES.instructor], "ctx-e2e"));
      await staff.tool.getByRole("heading", { name: "Set up the course tutor" }).waitFor();
      await screenshot(
        staff.page,
        "lti-01-setup",
        "Instructor's first launch: choosing the course inside the LMS frame",
      );
      await staff.tool.locator("select#course").selectOption("aie101");
      await staff.tool.getByRole("button", { name: "Use this course" }).click();
      await staff.tool.getByRole("heading", { name: "Instructor view" }).waitFor();
      expect(await staff.tool.getByRole("link", { name: /instructor console/ }).getAttribute("href")).toBe(
        "/console/courses/aie101",
      );
      await screenshot(
        staff.page,
        "lti-02-instructor",
        "Instructor view: what they can do, with the chat below",
      );
      await context?.close();

      const learner = await openInLms(person("stu-e2e", [ROLES.learner], "ctx-e2e"));
      const input = learner.tool.locator(".ct-input");
      await input.waitFor();
      // The page layout: no launcher to open, no close button, no "New" (the session is the launch's).
      expect(await learner.tool.locator(".ct-panel").isVisible()).toBe(true);
      expect(await learner.tool.locator(".ct-launcher").isVisible()).toBe(false);
      expect(await learner.tool.locator(".ct-new").isVisible()).toBe(false);
      const answer = await askInFrame(learner.tool, "What is model drift and how do I detect it?");
      expect(await answer.getAttribute("data-status")).toBe("answered");
      expect(await answer.locator(".ct-source").count()).toBeGreaterThan(0);
      await screenshot(
        learner.page,
        "lti-03-learner-chat",
        "A learner's launch: the course tutor fills the LMS frame",
      );

      // The message went to the learner's own session, the one the launch signed them into.
      const { rows } = await server.tutor.db.query<{ surface: string; messages: number }>(
        `SELECT s.surface, (SELECT count(*)::int FROM messages m WHERE m.session_id = s.id) AS messages
           FROM lti_sessions l JOIN sessions s ON s.id = l.session_id WHERE l.context_id = 'ctx-e2e'
          ORDER BY messages DESC`,
      );
      expect(rows[0]).toEqual({ surface: "lti", messages: 1 });
    },
    TEST_MS * 2,
  );

  it(
    "tells a learner when the course has not been set up",
    async () => {
      const { tool } = await openInLms(person("stu-early", [ROLES.learner], "ctx-not-yet"));
      await tool.getByRole("heading", { name: "The course tutor is not set up yet" }).waitFor();
    },
    TEST_MS,
  );

  it(
    "shows a refused launch as a page that says why",
    async () => {
      const { page, tool } = await openInLms({
        ...person("stu-bad", [ROLES.learner], "ctx-e2e"),
        tamper: { deploymentId: "deployment-never-registered" },
      });
      await tool.getByRole("heading", { name: "This launch is not allowed" }).waitFor();
      expect(await tool.locator("[data-code]").textContent()).toBe("unknown_deployment");
      await screenshot(
        page,
        "lti-05-refused",
        "A launch from an unregistered deployment, refused with its reason",
      );
    },
    TEST_MS,
  );

  it(
    "adds the tutor to a module from the LMS content picker",
    async () => {
      const before = lms.deepLinks.length;
      const { page, tool } = await openInLms({
        ...person("prof-dl", [ROLES.instructor], "ctx-dl"),
        message: "LtiDeepLinkingRequest",
      });
      await tool.getByRole("heading", { name: "Add the course tutor" }).waitFor();
      await tool.locator("input#title").fill("Week 3 tutor");
      await screenshot(
        page,
        "lti-04-deep-linking",
        "Deep linking: the instructor adds the tutor from the content picker",
      );
      await tool.getByRole("button", { name: "Add to the course" }).click();
      // The signed response is auto-posted back to the LMS, which verifies it and shows the new item.
      await tool.locator("#added").waitFor();
      expect(await tool.locator("#added").textContent()).toBe("Added: Week 3 tutor");
      expect(lms.deepLinks).toHaveLength(before + 1);
      expect(lms.deepLinks.at(-1)?.items[0]?.custom).toEqual({ tutor_course: "aie101" });
    },
    TEST_MS,
  );
});

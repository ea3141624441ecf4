import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/app/config.ts";
import { startSeededServer } from "../helpers/server.ts";
import { launchChromium } from "./helpers/browser.ts";
import {
  consoleScreenshot,
  dropFiles,
  overflowsSideways,
  unlabelledControls,
} from "./helpers/console-page.ts";
import { zipFolder } from "./helpers/course-zip.ts";

/**
 * The instructor console in headless Chromium against the real server, walked as a new instructor
 * would: sign in with the bootstrap token, invite a TA, create a course, drop a zip of its
 * material, watch ingestion finish, ask in the playground and read the trace, run an eval and
 * open its report, read the insights, change settings, delete the course. Then the TA accepts
 * the invite, sees only their course, and can change nothing (hidden in the page, 403 from the
 * API). Screenshots of every page at 1280 px (UPDATE_CONSOLE_SCREENSHOTS=1 copies them to docs/console).
 */
const TOKEN = "console-e2e-token-1942";
const STEP_MS = 90_000;
const COURSE_DIR = path.join(packageRoot, "tests", "fixtures", "eval-course");
const ADMIN = { email: "ada@example.edu", name: "Ada Lovelace", password: "analytical engine 1843" };

let server: Awaited<ReturnType<typeof startSeededServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let inviteLink = "";

beforeAll(async () => {
  server = await startSeededServer({ ADMIN_TOKEN: TOKEN, EMBED_WORKERS: "0" });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Generous: the machines running the suite are shared and often loaded.
  context.setDefaultTimeout(60_000);
  page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const consoleUrl = (hash = "") => `${server.url}/console${hash ? `#${hash}` : ""}`;

async function openTab(name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Course" }).getByRole("link", { name, exact: true }).click();
  await page.locator(`nav.tabs a[aria-current="page"]`, { hasText: name }).waitFor();
}

/** A student asking the course through the widget's route, and rating the answer. */
async function studentAsks(course: string, message: string, rating?: "up" | "down", comment?: string) {
  const response = await fetch(`${server.url}/v1/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-tutor-surface": "widget" },
    body: JSON.stringify({ course, message }),
  });
  const answer = (await response.json()) as { sessionId: string; messageId: string };
  if (rating)
    await fetch(`${server.url}/v1/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sessionId: answer.sessionId, messageId: answer.messageId, rating, comment }),
    });
}

describe("the instructor console, as a new instructor uses it", () => {
  it(
    "signs in with the bootstrap token and creates the admin account",
    async () => {
      await page.goto(consoleUrl());
      await page.getByRole("heading", { name: "Sign in to the console" }).waitFor();
      expect(await unlabelledControls(page)).toEqual([]);
      // Focus starts on the page's heading; the first Tab reaches the staff sign-in's email.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("email");
      await consoleScreenshot(
        page,
        "sign-in",
        "Signing in: staff sign-in, and the admin token's first-time form",
      );

      await page.getByLabel("Admin token").fill(TOKEN);
      await page.getByLabel("Your email").fill(ADMIN.email);
      await page.getByLabel("Your name").fill(ADMIN.name);
      await page.getByLabel("Choose a password").fill(ADMIN.password);
      await page.getByRole("button", { name: "Create admin account" }).click();
      await page.getByRole("heading", { name: "Courses", level: 1 }).waitFor();
      expect(await page.locator("main").textContent()).toContain("aie101");
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === "tutor_console")).toMatchObject({
        httpOnly: true,
        sameSite: "Strict",
      });
    },
    STEP_MS,
  );

  it(
    "invites a TA to the bundled course with a one-time link",
    async () => {
      await page.getByRole("link", { name: "People" }).click();
      await page.getByRole("heading", { name: "People", level: 1 }).waitFor();
      await page.getByLabel("Email").fill("tim@example.edu");
      await page.getByLabel("Role").selectOption("ta");
      await page.getByLabel("Course").selectOption("aie101");
      await page.getByRole("button", { name: "Create invite link" }).click();
      const link = page.getByLabel("Invite link");
      await link.waitFor();
      inviteLink = await link.inputValue();
      expect(inviteLink).toMatch(/\/console\/#\/accept\/[A-Za-z0-9_-]{43}$/);
      await page.locator("td", { hasText: "tim@example.edu" }).first().waitFor();
      expect(await unlabelledControls(page)).toEqual([]);
      await consoleScreenshot(
        page,
        "people",
        "People: an invite link for a TA, shown once, and the open invites",
      );
    },
    STEP_MS,
  );

  it(
    "creates a course, drops a zip of its material and watches ingestion finish",
    async () => {
      await page.getByRole("link", { name: "Courses" }).click();
      await page.getByLabel("Course id").fill("garden");
      await page.getByLabel("Title").fill("Kitchen Gardening");
      await page.getByRole("button", { name: "Create course" }).click();
      await page.getByRole("heading", { name: /Kitchen Gardening/ }).waitFor();
      await page.getByText("Drop a zip or course files here").waitFor();

      const zip = await zipFolder(path.join(COURSE_DIR, "course"), "garden");
      await dropFiles(page, [{ name: "garden.zip", bytes: zip, type: "application/zip" }]);
      await page.getByText("garden.zip (").waitFor();
      await page.getByRole("button", { name: "Upload and ingest" }).click();
      // The progress box follows the run live and turns green when it has finished.
      await page.locator(".progress-box[data-state='succeeded']").waitFor({ timeout: 60_000 });
      expect(await page.locator(".progress-box").textContent()).toMatch(/5 documents, \d+ chunks/);
      const rows = page.locator("section", { hasText: "Uploaded files" }).locator("tbody tr");
      await expect.poll(() => rows.count()).toBe(5);
      expect(await rows.filter({ hasText: "chunk" }).count()).toBe(5);
      await consoleScreenshot(
        page,
        "material",
        "Material: drop zone, live ingestion result, each file's chunks",
      );

      await page.getByRole("button", { name: "Show the chunks of week-01/soil.md" }).click();
      const browserHeading = page.getByRole("heading", { name: "How week-01/soil.md was chunked" });
      await browserHeading.waitFor();
      expect(await page.locator("ol.chunks > li").count()).toBeGreaterThan(1);
      expect(await page.locator("ol.chunks").textContent()).toContain("pH");
      await consoleScreenshot(
        page,
        "chunks",
        "The material browser: how one file was chunked, under its headings",
      );
    },
    STEP_MS,
  );

  it(
    "asks in the playground and shows the retrieval trace",
    async () => {
      await openTab("Try it");
      await page.getByLabel("Question").fill("What soil texture do most vegetables prefer?");
      await page.getByRole("button", { name: "Ask" }).click();
      const trace = page.locator(".trace");
      await trace.waitFor();
      expect(await page.locator(".exchange").getAttribute("data-status")).toBe("answered");
      expect(await trace.textContent()).toContain("soil texture");
      for (const caption of ["BM25", "Expanded BM25", "Vector", "Fused"])
        expect(await trace.locator("caption", { hasText: new RegExp(`^${caption}$`) }).count(), caption).toBe(
          1,
        );
      expect(await trace.locator("table").first().locator("tbody tr").count()).toBeGreaterThan(0);
      expect(await trace.getByText("every rule allowed it").count()).toBe(3);
      await consoleScreenshot(page, "playground", "Try it: an answer and its retrieval trace");

      // Playground questions are staff questions: no student question was counted.
      const { rows } = await server.tutor.db.query<{ surface: string }>(
        "SELECT s.surface FROM messages m JOIN sessions s ON s.id = m.session_id WHERE m.course_id = 'garden'",
      );
      expect(rows.map((r) => r.surface)).toEqual(["playground"]);
    },
    STEP_MS,
  );

  it("runs an eval, follows its progress and opens the report with every metric explained", async () => {
    await openTab("Evals");
    await page
      .getByLabel("Dataset (JSONL)")
      .fill(await readFile(path.join(COURSE_DIR, "dataset.jsonl"), "utf8"));
    await page.getByLabel("Name").fill("Garden golden set");
    await page.getByLabel("vector", { exact: true }).uncheck();
    await page.getByLabel("hybrid", { exact: true }).uncheck();
    await page.getByRole("button", { name: "Start eval" }).click();
    await page.getByRole("link", { name: "Open the report" }).waitFor({ timeout: 120_000 });
    await page.locator("svg[role='img']").waitFor();
    await consoleScreenshot(
      page,
      "evals",
      "Evals: dataset, configurations, progress, runs and the trend chart",
    );

    await page.getByRole("link", { name: "Open the report" }).click();
    const metrics = page.locator("table", {
      has: page.locator("caption", { hasText: "Metrics per configuration" }),
    });
    await metrics.waitFor();
    const ndcg = metrics.locator("tr", { hasText: "nDCG@10" });
    expect(await ndcg.locator("td").nth(1).textContent()).toMatch(/^[01]\.\d{3}$/);
    expect(await ndcg.textContent()).toContain("best possible order");
    expect(await metrics.locator("thead th").allTextContents()).toEqual([
      "Metric",
      "bm25",
      "hybrid+rerank",
      "What it means",
    ]);
    await consoleScreenshot(
      page,
      "eval-report",
      "An eval report: each metric per configuration, in plain words",
    );
  }, 150_000);

  it(
    "shows what students asked in the insights, and leaves the eval's questions out",
    async () => {
      await studentAsks("garden", "How often should I water my vegetable beds?", "up");
      await studentAsks("garden", "Which soil pH range suits most vegetables?");
      await studentAsks(
        "garden",
        "When is the garden club meeting?",
        "down",
        "It did not know the club's dates.",
      );
      await openTab("Insights");
      const tiles = page.locator(".tiles");
      await tiles.waitFor();
      expect(await tiles.locator(".tile").first().textContent()).toBe("3questions");
      expect(await page.locator(".downvotes").textContent()).toContain("It did not know the club's dates.");
      await consoleScreenshot(
        page,
        "insights",
        "Insights: questions by week and topic, gaps, disliked answers, guardrail hits",
      );
    },
    STEP_MS,
  );

  it(
    "changes the course's settings and sees the other pages of the course",
    async () => {
      await openTab("Settings");
      await page.getByLabel("First week opens on").fill("2020-01-06");
      await page.getByLabel("Weeks", { exact: true }).fill("3");
      await page.getByRole("button", { name: "Fill weekly" }).click();
      await page.getByLabel("Default mode").selectOption("hint");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("Settings saved.", { exact: true }).first().waitFor();
      const settings = (await (
        await fetch(`${server.url}/admin/courses/garden/settings`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).json()) as { settings: { releases: { week: number; from: string }[]; defaultMode: string } };
      expect(settings.settings.releases.map((r) => [r.week, r.from])).toEqual([
        [1, "2020-01-06"],
        [2, "2020-01-13"],
        [3, "2020-01-20"],
      ]);
      expect(settings.settings.defaultMode).toBe("hint");
      expect(await unlabelledControls(page)).toEqual([]);
      await page.reload();
      await page.getByText("Right now students see weeks up to 3.").waitFor();
      await consoleScreenshot(
        page,
        "settings",
        "Settings: widget, Slack, release schedule, answers, guardrails, archive and delete",
      );

      for (const [tab, name, wait] of [
        ["Overview", "overview", "Last 30 days"],
        ["Staff", "staff", "Invite staff"],
        ["Questions for staff", "questions", "Questions students send to the teaching staff"],
      ] as const) {
        await openTab(tab);
        await page.getByText(wait).first().waitFor();
        await consoleScreenshot(page, name, `${tab} of a course`);
      }
      await page.getByRole("link", { name: "Courses" }).click();
      await page.locator("main a", { hasText: "Kitchen Gardening" }).waitFor();
      await consoleScreenshot(page, "courses", "Courses: each course's health at a glance");
    },
    STEP_MS,
  );

  it(
    "works at 768 px: no page is wider than the window",
    async () => {
      await page.setViewportSize({ width: 768, height: 1000 });
      for (const tab of ["overview", "material", "playground", "evals", "insights", "settings"]) {
        await page.goto(consoleUrl(`/courses/garden/${tab}`));
        await page.locator(`nav.tabs a[aria-current="page"]`).waitFor();
        await page.waitForLoadState("networkidle");
        expect(await overflowsSideways(page), tab).toBe(false);
      }
      await consoleScreenshot(page, "settings-768", "Settings at 768 px wide");
      await page.setViewportSize({ width: 1280, height: 900 });
    },
    STEP_MS,
  );

  it(
    "deletes the course after its id is typed to confirm",
    async () => {
      await page.goto(consoleUrl("/courses/garden/settings"));
      const remove = page.getByRole("button", { name: "Delete this course" });
      await remove.waitFor();
      expect(await remove.isDisabled()).toBe(true);
      await page.getByLabel("Type garden to confirm").fill("garden");
      await remove.click();
      await page.getByRole("heading", { name: "Courses", level: 1 }).waitFor();
      expect(await page.locator("main").textContent()).not.toContain("Kitchen Gardening");
      const { rows } = await server.tutor.db.query<{ n: number }>(
        "SELECT (SELECT count(*) FROM chunks WHERE course_id = 'garden') + (SELECT count(*) FROM messages WHERE course_id = 'garden') AS n",
      );
      expect(Number(rows[0]?.n)).toBe(0);
    },
    STEP_MS,
  );
});

describe("a TA in the console", () => {
  let ta: Page;

  it(
    "accepts the invite and sees only their course, without settings",
    async () => {
      const own = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      ta = await own.newPage();
      await ta.goto(inviteLink);
      await ta.getByText("You are invited as a TA of course").waitFor();
      await ta.getByLabel("Your name").fill("Tim Berners");
      await ta.getByLabel("Choose a password").fill("a tas long password");
      await ta.getByRole("button", { name: "Create my account" }).click();
      await ta.getByRole("heading", { name: "Courses", level: 1 }).waitFor();
      const courses = ta.locator("main tbody tr");
      expect(await courses.count()).toBe(1);
      expect(await courses.first().textContent()).toContain("aie101");
      expect(await ta.getByRole("link", { name: "People" }).count()).toBe(0);
      expect(await ta.getByText("New course").count()).toBe(0);

      await courses.first().getByRole("link").click();
      const tabs = ta.getByRole("navigation", { name: "Course" });
      await tabs.waitFor();
      expect(await tabs.getByRole("link").allTextContents()).toEqual([
        "Overview",
        "Material",
        "Try it",
        "Evals",
        "Insights",
        "Questions for staff",
      ]);
      // Going to the settings address directly shows the overview instead.
      await ta.goto(`${server.url}/console#/courses/aie101/settings`);
      await ta.getByRole("heading", { name: "Last 30 days" }).waitFor();
      expect(await ta.getByRole("button", { name: "Save settings" }).count()).toBe(0);
      await ta.goto(`${server.url}/console#/courses/aie101/material`);
      await ta.locator("section", { hasText: "Uploaded files" }).first().waitFor();
      expect(await ta.getByText("Drop a zip or course files here").count()).toBe(0);
      await consoleScreenshot(ta, "ta-view", "A TA's view: their course only, no settings, staff or uploads");
    },
    STEP_MS,
  );

  it(
    "gets 403 from the API when changing settings, even with the session's CSRF token",
    async () => {
      const statuses = await ta.evaluate(async () => {
        const me = (await (await fetch("/admin/auth/me")).json()) as { csrfToken: string };
        const headers = { "content-type": "application/json", "x-csrf-token": me.csrfToken };
        const put = await fetch("/admin/courses/aie101/settings", {
          method: "PUT",
          headers,
          body: JSON.stringify({ defaultMode: "quiz" }),
        });
        const other = await fetch("/admin/courses/garden/settings");
        const insights = await fetch("/admin/courses/aie101/insights");
        return { put: put.status, other: other.status, insights: insights.status };
      });
      expect(statuses).toEqual({ put: 403, other: 403, insights: 200 });
    },
    STEP_MS,
  );
});

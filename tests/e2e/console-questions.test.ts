import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer } from "../helpers/server.ts";
import {
  consoleScreenshot,
  openConsoleBrowser,
  overflowsSideways,
  unlabelledControls,
} from "./helpers/console-page.ts";

/**
 * The console's "Questions for staff" in headless Chromium against the real server: a TA invited
 * to the course signs in, sees students' escalated questions grouped (two students asking the
 * same thing in other words are one card), answers one group into the course material and
 * dismisses another; both students read the answer in their sessions, a later student is answered
 * from it, and the TA removes it from the material again. The queue's settings stay with
 * instructors (hidden from the TA, 403 from the API).
 */
const TOKEN = "console-questions-token-5310";
const STEP_MS = 90_000;
const Q = {
  parking: "Is parking available near the lecture hall?",
  parkingAgain: "Can I park my car close to the lecture building?",
  parkingLater: "Where can visitors park a car by the lecture hall?",
  letter: "Can I get a letter of recommendation from the instructor after the course?",
};
const ANSWER = "Visitor parking is in garage B, two minutes from the lecture hall; it is free after 5 pm.";

type Chat = { sessionId: string; messageId: string; status: string; citations: { source: string }[] };

let server: Awaited<ReturnType<typeof startSeededServer>>;
let browser: Browser;
let page: Page;
const students: Chat[] = [];

async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  expect(response.status, path).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A student asks through the widget's route and, when asked to, sends the question to the staff. */
async function studentAsks(message: string, escalate?: { note?: string }): Promise<Chat> {
  const answer = await post<Chat>("/v1/chat", { course: "aie101", message }, { "x-tutor-surface": "widget" });
  if (escalate)
    await post(
      "/v1/escalations",
      { sessionId: answer.sessionId, messageId: answer.messageId, ...escalate },
      { "x-tutor-surface": "widget" },
    );
  return answer;
}

async function staffMessages(sessionId: string): Promise<string[]> {
  const response = await fetch(`${server.url}/v1/sessions/${sessionId}/messages`);
  const { messages } = (await response.json()) as { messages: { author: string; text?: string }[] };
  return messages.filter((m) => m.author === "staff").map((m) => m.text ?? "");
}

const cards = () => page.locator("article.question-card");

beforeAll(async () => {
  server = await startSeededServer({ ADMIN_TOKEN: TOKEN, EMBED_WORKERS: "0" });
  ({ browser, page } = await openConsoleBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("questions for staff in the console, as a TA answers them", () => {
  it(
    "shows a TA the open questions grouped, with each student's words and note",
    async () => {
      const invite = await post<{ link: string }>(
        "/admin/invites",
        { email: "tara@example.edu", role: "ta", course: "aie101" },
        { authorization: `Bearer ${TOKEN}` },
      );
      for (const [question, escalate] of [
        [Q.parking, { note: "I drive in from Leeds on Tuesdays." }],
        [Q.parkingAgain, {}],
        [Q.letter, {}],
      ] as const) {
        const chat = await studentAsks(question, escalate);
        expect(chat.status).toBe("no_answer");
        students.push(chat);
      }

      await page.goto(invite.link);
      await page.getByLabel("Your name").fill("Tara Assist");
      await page.getByLabel("Choose a password").fill("a long password for tara");
      await page.getByRole("button", { name: "Create my account" }).click();
      await page.getByRole("heading", { name: "Courses", level: 1 }).waitFor();
      await page.goto(`${server.url}/console#/courses/aie101/questions`);
      await page.getByRole("heading", { name: "Questions for staff", level: 2 }).waitFor();
      await cards().first().waitFor();

      expect(await cards().count()).toBe(2);
      const figures = page.locator('[data-slot="escalation-figures"] .tile');
      await figures.first().waitFor();
      expect(await figures.first().textContent()).toBe("3sent to the staff in 30 days");
      const parking = cards().filter({ hasText: Q.parkingAgain });
      expect(await parking.locator(".asked").textContent()).toContain("2 students asked the same thing");
      const parkingText = (await parking.textContent()) ?? "";
      expect(parkingText).toContain(Q.parking);
      expect(parkingText).toContain("I drive in from Leeds on Tuesdays.");
      // Students are shown by pseudonym, never by their session id.
      for (const s of students) expect(parkingText).not.toContain(s.sessionId);
      expect(await cards().filter({ hasText: Q.letter }).locator(".asked").textContent()).toContain(
        "1 student asked this",
      );
      // A TA answers questions but does not change the queue's settings.
      expect(await page.getByRole("heading", { name: "Queue settings" }).count()).toBe(0);
      expect(await unlabelledControls(page)).toEqual([]);
      await consoleScreenshot(
        page,
        "questions",
        "Questions for staff: similar questions grouped, answered once",
      );
      await page.setViewportSize({ width: 768, height: 1000 });
      expect(await overflowsSideways(page)).toBe(false);
      await page.setViewportSize({ width: 1280, height: 900 });
    },
    STEP_MS,
  );

  it(
    "answers a group into the material: both students get it, a later student is answered from it",
    async () => {
      const parking = cards().filter({ hasText: Q.parkingAgain });
      await parking.getByLabel("Answer for 2 students").fill(ANSWER);
      await parking.getByLabel(/Add to the course material/).check();
      await parking.getByRole("button", { name: "Send answer" }).click();
      await page.locator(".live", { hasText: "Answer sent to 2 students." }).waitFor();
      await cards().filter({ hasText: Q.parkingAgain }).waitFor({ state: "detached" });
      const material = page.locator('[data-slot="staff-answers"]');
      await material.locator("td", { hasText: ANSWER }).waitFor();
      await page.locator('[data-slot="escalation-figures"] .tile', { hasText: "answered (2)" }).waitFor();

      for (const s of students.slice(0, 2)) expect(await staffMessages(s.sessionId)).toEqual([ANSWER]);
      expect(await staffMessages(students[2]!.sessionId)).toEqual([]);
      const later = await studentAsks(Q.parkingLater);
      expect(later.status).toBe("answered");
      expect(later.citations.some((c) => c.source.startsWith("staff-answers/"))).toBe(true);
    },
    STEP_MS,
  );

  it(
    "dismisses a question with a reason and lists closed questions by status",
    async () => {
      const letter = cards().filter({ hasText: Q.letter });
      await letter.getByLabel("Reason to dismiss (optional)").fill("Ask the instructor by email.");
      await letter.getByRole("button", { name: "Dismiss" }).click();
      await page.getByText("No student is waiting for the staff.").waitFor();

      await page
        .getByRole("group", { name: "Show questions" })
        .getByRole("button", { name: "Answered" })
        .click();
      const answered = cards().filter({ hasText: Q.parking });
      await answered.waitFor();
      expect(await answered.textContent()).toContain(ANSWER);
      expect(await answered.textContent()).toMatch(
        /Answered by Tara Assist \(teaching assistant\).*added to the course material/,
      );
      expect(await answered.getByRole("button", { name: "Send answer" }).count()).toBe(0);

      await page
        .getByRole("group", { name: "Show questions" })
        .getByRole("button", { name: "Dismissed" })
        .click();
      const dismissed = cards().filter({ hasText: Q.letter });
      await dismissed.waitFor();
      expect(await dismissed.textContent()).toContain("Dismissed by Tara Assist");
      expect(await dismissed.textContent()).toContain("Ask the instructor by email.");
      expect(await cards().count()).toBe(1);
    },
    STEP_MS,
  );

  it(
    "removes the staff answer from the material, and keeps the settings out of a TA's reach",
    async () => {
      await page.getByRole("button", { name: /Remove the staff answer/ }).click();
      await page.locator('[data-slot="staff-answers"] td.empty').waitFor();
      const again = await studentAsks(Q.parkingLater);
      expect(again.citations.some((c) => c.source.startsWith("staff-answers/"))).toBe(false);

      const statuses = await page.evaluate(async () => {
        const me = (await (await fetch("/admin/auth/me")).json()) as { csrfToken: string };
        const put = await fetch("/admin/courses/aie101/escalation-settings", {
          method: "PUT",
          headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
          body: JSON.stringify({ autoEscalate: true, staffSlackChannel: null, showStudentNames: true }),
        });
        const read = await fetch("/admin/courses/aie101/escalation-settings");
        const other = await fetch("/admin/courses/bio200/escalations");
        return { put: put.status, read: read.status, other: other.status };
      });
      expect(statuses).toEqual({ put: 403, read: 200, other: 403 });
    },
    STEP_MS,
  );
});

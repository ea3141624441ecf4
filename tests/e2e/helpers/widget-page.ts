import type { Locator, Page } from "playwright-core";

/** Bounds for waits: generous, because two shared cores can be slow, but far below a test's limit. */
export const ANSWER_TIMEOUT_MS = 30_000;

/** Handles on the widget inside its (open) shadow root; Playwright's CSS locators pierce it. */
export function widget(page: Page) {
  return {
    launcher: page.locator(".ct-launcher"),
    panel: page.locator(".ct-panel"),
    input: page.locator(".ct-input"),
    send: page.locator(".ct-send"),
    answers: page.locator("article.ct-tutor"),
    lastAnswer: page.locator("article.ct-tutor").last(),
    userBubbles: page.locator(".ct-user"),
    mode: (name: string) => page.locator(`.ct-mode[data-mode="${name}"]`),
  };
}

/** Types a question into the open panel and waits until its answer has finished. */
export async function ask(page: Page, question: string): Promise<Locator> {
  const w = widget(page);
  const before = await w.answers.count();
  await w.input.fill(question);
  await w.input.press("Enter");
  const answer = w.answers.nth(before);
  await answer
    .and(page.locator('[data-state="done"], [data-state="error"]'))
    .waitFor({ timeout: ANSWER_TIMEOUT_MS });
  return answer;
}

/** What has focus, looking inside the widget's shadow root. */
export async function focused(
  page: Page,
): Promise<{ className: string; id: string; text: string; inWidget: boolean }> {
  return page.evaluate(() => {
    const host = document.querySelector("[data-course-tutor]");
    const inner = host?.shadowRoot?.activeElement;
    const element = inner ?? document.activeElement;
    return {
      className: element?.getAttribute("class") ?? "",
      id: element?.id ?? "",
      text: (element?.textContent ?? "").trim().slice(0, 80),
      inWidget: inner !== null && inner !== undefined,
    };
  });
}

/**
 * Records the text of the answer being streamed every time the widget changes it, so a test can
 * tell that text appeared bit by bit before the answer was complete.
 */
export async function recordStreaming(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const root = document.querySelector("[data-course-tutor]")?.shadowRoot;
    const lengths: number[] = [];
    (window as unknown as { __streamLengths: number[] }).__streamLengths = lengths;
    if (!root) return;
    new MutationObserver(() => {
      const streaming = root.querySelector('article.ct-tutor[data-state="streaming"] .ct-body');
      if (streaming) lengths.push((streaming.textContent ?? "").length);
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { __streamLengths: number[] }).__streamLengths);
}

/** The text an element holds (textContent, so hidden labels for screen readers count too). */
export async function text(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? "";
}

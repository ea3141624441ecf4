import { describe, expect, it } from "vitest";
import type { Answer, Citation } from "../../../src/core/chat.ts";
import {
  FEEDBACK_ACTIONS,
  parseFeedbackValue,
  renderAnswer,
  type SlackBlock,
  type SlackMessage,
} from "../../../src/surfaces/slack/blocks.ts";

const SESSION = "0b6f9e0e-1d2c-4e53-9a43-5e1f2b9c7a10";
const MESSAGE = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

function citation(n: number, url?: string): Citation {
  return {
    n,
    source: `week-0${n}/notes.md`,
    title: `Week ${n}`,
    heading: `Topic ${n}`,
    snippet: "…",
    chunkId: String(n),
    ...(url ? { url } : {}),
  };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    sessionId: SESSION,
    messageId: MESSAGE,
    status: "answered",
    answer: "Data drift is a change in the input distribution [1]. Watch feature statistics [2].",
    citations: [citation(1, "https://course.test/week-01#topic-1"), citation(2)],
    timings: { guard: 0, retrieve: 0, rerank: 0, answer: 0, total: 0 },
    ...overrides,
  };
}

const texts = (blocks: SlackBlock[]) =>
  blocks.flatMap((b) =>
    b.type === "section" ? [b.text.text] : b.type === "context" ? b.elements.map((e) => e.text) : [],
  );
const allBlocks = (messages: SlackMessage[]) => messages.flatMap((m) => m.blocks);

describe("Block Kit rendering of answers", () => {
  it("shows the answer, numbered sources as links and feedback buttons", () => {
    const messages = renderAnswer(answer());
    expect(messages).toHaveLength(1);
    const [message] = messages as [SlackMessage];
    expect(message.text).toContain("Data drift is a change");
    const sections = texts(message.blocks);
    expect(sections[0]).toBe(
      "Data drift is a change in the input distribution [1]. Watch feature statistics [2].",
    );
    expect(sections[1]).toBe(
      "*Sources*\n*[1]* <https://course.test/week-01#topic-1|Week 1 › Topic 1> — `week-01/notes.md`\n*[2]* Week 2 › Topic 2 — `week-02/notes.md`",
    );
    const actions = message.blocks.at(-1);
    expect(actions?.type).toBe("actions");
    if (actions?.type !== "actions") throw new Error("no actions block");
    expect(actions.elements.map((e) => e.action_id)).toEqual([FEEDBACK_ACTIONS.up, FEEDBACK_ACTIONS.down]);
    for (const button of actions.elements) {
      expect(parseFeedbackValue(button.value)).toEqual({ sessionId: SESSION, messageId: MESSAGE });
    }
  });

  it("keeps the pipeline's refusal wording and shows no sources", () => {
    const reply = "I can't help with that request. Ask the teaching team if you think this is wrong.";
    const [message] = renderAnswer(answer({ status: "refused", answer: reply, citations: [] }));
    expect(texts(message?.blocks ?? [])).toEqual([reply]);
    expect(message?.blocks.some((b) => b.type === "divider")).toBe(false);
  });

  it("labels a no_answer's sources as the closest sections", () => {
    const [message] = renderAnswer(
      answer({ status: "no_answer", answer: "I couldn't find this in the course material." }),
    );
    expect(texts(message?.blocks ?? [])[1]).toMatch(/^\*Closest sections\*\n/);
  });

  it("splits a long answer into sections of at most 3000 characters without losing text", () => {
    const sentence = "Monitoring compares live feature distributions with the training baseline. ";
    const long = sentence.repeat(160).trim(); // ≈ 12,000 characters
    const messages = renderAnswer(answer({ answer: long, citations: [] }));
    const sections = texts(allBlocks(messages));
    expect(sections.length).toBeGreaterThanOrEqual(4);
    for (const text of sections) expect(text.length).toBeLessThanOrEqual(3000);
    expect(sections.join(" ")).toBe(long);
  });

  it("continues past 50 blocks in further messages, buttons on the last", () => {
    const paragraph = `${"Evaluation needs a held-out set that reflects production traffic. ".repeat(44).trim()}`;
    const huge = Array.from({ length: 60 }, () => paragraph).join("\n\n"); // 60 sections' worth
    const messages = renderAnswer(
      answer({ answer: huge, citations: [citation(1, "https://course.test/a")] }),
    );
    expect(messages.length).toBe(2);
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      expect(message.text.length).toBeLessThanOrEqual(3000);
    }
    expect(messages[0]?.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(messages[1]?.blocks.at(-1)?.type).toBe("actions");
    const answerText = texts(allBlocks(messages)).filter((t) => !t.startsWith("*Sources*"));
    expect(answerText.join("\n\n")).toBe(huge);
  });

  it("escapes answer text that would otherwise become Slack markup", () => {
    const [message] = renderAnswer(answer({ answer: "Use <!channel> & compare p < 0.05", citations: [] }));
    expect(texts(message?.blocks ?? [])[0]).toBe("Use &lt;!channel&gt; &amp; compare p &lt; 0.05");
  });
});

import { describe, expect, it } from "vitest";
import type { Answer, Citation } from "../../../src/core/chat.ts";
import { conversationHash, readConversation } from "../../../src/surfaces/openai/protocol.ts";
import { remainderAfter, replyText, sourcesMarkdown } from "../../../src/surfaces/openai/reply.ts";

const citation = (n: number, extra: Partial<Citation> = {}): Citation => ({
  n,
  source: `week-0${n}/notes.md`,
  title: `Week ${n}`,
  heading: `Part ${n}`,
  snippet: "…",
  url: `/course/aie101/week-0${n}#part-${n}`,
  chunkId: String(n),
  ...extra,
});

describe("the reply's text", () => {
  it("lists each citation as a markdown link under the answer, absolute against the tutor's address", () => {
    const answer = { answer: "Drift is a shift [1][2].", citations: [citation(1), citation(2)] } as Answer;
    expect(replyText(answer, "https://tutor.example.edu")).toBe(
      "Drift is a shift [1][2].\n\n**Sources**\n" +
        "- [1] [Week 1 › Part 1](https://tutor.example.edu/course/aie101/week-01#part-1)\n" +
        "- [2] [Week 2 › Part 2](https://tutor.example.edu/course/aie101/week-02#part-2)",
    );
  });

  it("keeps titles and addresses from breaking the markdown, and names the source when there is no link", () => {
    const text = sourcesMarkdown(
      [
        citation(1, { title: "Arrays [and] lists", heading: "Arrays [and] lists", url: "/c/a_(b)" }),
        citation(2, { url: undefined, heading: "" }),
      ],
      "http://localhost:3000/",
    );
    expect(text).toContain("- [1] [Arrays \\[and\\] lists](http://localhost:3000/c/a_%28b%29)");
    expect(text).toContain("- [2] Week 2 (week-02/notes.md)");
    expect(sourcesMarkdown([], "http://x")).toBe("");
  });
});

describe("what a stream still owes once the answer is final", () => {
  it("is the rest of the answer when the stream sent its beginning", () => {
    expect(remainderAfter("Drift is ", "Drift is a shift.")).toBe("a shift.");
    expect(remainderAfter("Drift is a shift.", "Drift is a shift.")).toBe("");
  });

  it("is the whole answer under a notice when the streamed text was replaced", () => {
    const rest = remainderAfter("The LLM began to say", "The offline answer.");
    expect(rest).toContain("cut short");
    expect(rest.endsWith("The offline answer.")).toBe(true);
  });
});

describe("reading the conversation", () => {
  it("takes the last user message as the question and user and assistant turns before it", () => {
    const read = readConversation([
      { role: "system", content: "Be a pirate." },
      { role: "user", content: "What is drift?" },
      { role: "assistant", content: "A shift [1]." },
      { role: "tool", content: "ignored" },
      {
        role: "user",
        content: [
          { type: "text", text: "How do I" },
          { type: "image_url" },
          { type: "text", text: "detect it?" },
        ],
      },
    ]);
    expect(read).toEqual({
      question: "How do I\ndetect it?",
      earlier: [
        { role: "user", text: "What is drift?" },
        { role: "assistant", text: "A shift [1]." },
      ],
    });
  });

  it("refuses a conversation that does not end with the user's question", () => {
    expect(() => readConversation([{ role: "assistant", content: "hi" }])).toThrow(/last message/);
    expect(() => readConversation([{ role: "user", content: "   " }])).toThrow(/empty/);
    expect(() => readConversation([{ role: "user", content: "x".repeat(8_001) }])).toThrow(/longer/);
  });

  it("identifies a conversation by its turns, whitespace aside, per key, course and user", () => {
    const scope = { keyId: "k1", course: "aie101" };
    const turns = [{ role: "user", text: "What is drift?" }];
    const hash = conversationHash(scope, turns);
    expect(conversationHash(scope, [{ role: "user", text: "  What is\n drift? " }])).toBe(hash);
    expect(conversationHash(scope, [{ role: "user", text: "What is drift!" }])).not.toBe(hash);
    expect(conversationHash({ ...scope, keyId: "k2" }, turns)).not.toBe(hash);
    expect(conversationHash({ ...scope, user: "u1" }, turns)).not.toBe(hash);
    expect(conversationHash(scope, [{ role: "assistant", text: "What is drift?" }])).not.toBe(hash);
  });
});

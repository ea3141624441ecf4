import { describe, expect, it } from "vitest";
import {
  ConversationMemory,
  emptyConversation,
  MAX_SAVED_TURNS,
  PanelMemory,
  type StorageLike,
} from "../../../../src/surfaces/widget/client/store.ts";

class MapStorage implements StorageLike {
  readonly values = new Map<string, string>();
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
}

const blocked: StorageLike = {
  getItem() {
    throw new Error("SecurityError");
  },
  setItem() {
    throw new Error("QuotaExceededError");
  },
  removeItem() {
    throw new Error("SecurityError");
  },
};

describe("ConversationMemory", () => {
  it("remembers the session, mode and turns per tutor and course", () => {
    const storage = new MapStorage();
    const key = ConversationMemory.keyFor("http://tutor.test/", "aie101");
    const memory = new ConversationMemory(storage, key);
    memory.save({
      version: 1,
      sessionId: "0b6c7f2e-3c1a-4a53-9a55-1f2a3b4c5d6e",
      mode: "quiz",
      turns: [
        { role: "user", text: "What is drift?" },
        {
          role: "tutor",
          text: "Drift is decline [1].",
          status: "answered",
          citations: [{ n: 1, source: "week-09/notes.md", title: "Week 9", heading: "Drift", snippet: "…" }],
          messageId: "m1",
          feedback: "up",
        },
      ],
    });
    const again = new ConversationMemory(storage, key).load();
    expect(again.sessionId).toBe("0b6c7f2e-3c1a-4a53-9a55-1f2a3b4c5d6e");
    expect(again.mode).toBe("quiz");
    expect(again.turns).toHaveLength(2);
    expect(
      new ConversationMemory(storage, ConversationMemory.keyFor("http://tutor.test/", "ml200")).load(),
    ).toEqual(emptyConversation());
  });

  it("remembers questions sent to the staff and the staff's answers", () => {
    const storage = new MapStorage();
    const memory = new ConversationMemory(storage, "k");
    const escalated = {
      role: "tutor" as const,
      text: "I couldn't find this.",
      status: "no_answer" as const,
      citations: [],
      messageId: "m1",
      escalation: { id: "e1", status: "answered" as const, message: "Sent to the teaching staff." },
    };
    const staff = { role: "staff" as const, id: "s1", text: "Garage B.", inReplyTo: "m1" };
    memory.save({
      version: 1,
      mode: "explain",
      turns: [{ role: "user", text: "Parking?" }, escalated, staff],
    });
    expect(new ConversationMemory(storage, "k").load().turns).toEqual([
      { role: "user", text: "Parking?" },
      escalated,
      staff,
    ]);
  });

  it("keeps only the latest turns", () => {
    const storage = new MapStorage();
    const memory = new ConversationMemory(storage, "k");
    const turns = Array.from({ length: MAX_SAVED_TURNS + 15 }, (_, i) => ({
      role: "user" as const,
      text: `q${i}`,
    }));
    memory.save({ ...emptyConversation(), turns });
    const loaded = memory.load().turns;
    expect(loaded).toHaveLength(MAX_SAVED_TURNS);
    expect(loaded[0]).toEqual({ role: "user", text: "q15" });
  });

  it("starts fresh from unreadable or tampered storage instead of trusting it", () => {
    const storage = new MapStorage();
    const memory = new ConversationMemory(storage, "k");
    for (const raw of [
      "not json",
      "null",
      JSON.stringify({ version: 2, mode: "explain", turns: [] }),
      JSON.stringify({ version: 1, mode: "cheat", turns: [] }),
      JSON.stringify({ version: 1, mode: "explain", turns: [{ role: "tutor", text: 1 }] }),
    ]) {
      storage.setItem("k", raw);
      expect(memory.load(), raw).toEqual(emptyConversation());
    }
  });

  it("works, without remembering, when storage is blocked", () => {
    const memory = new ConversationMemory(blocked, "k");
    expect(memory.load()).toEqual(emptyConversation());
    expect(() => memory.save(emptyConversation())).not.toThrow();
    expect(memory.clear({ mode: "hint" }).mode).toBe("hint");
    expect(new ConversationMemory(undefined, "k").load()).toEqual(emptyConversation());
  });

  it("clear keeps the mode and forgets the session", () => {
    const storage = new MapStorage();
    const memory = new ConversationMemory(storage, "k");
    memory.save({ version: 1, sessionId: "s", mode: "hint", turns: [{ role: "user", text: "q" }] });
    memory.clear({ mode: "hint" });
    expect(memory.load()).toEqual({ version: 1, mode: "hint", turns: [] });
  });
});

describe("PanelMemory", () => {
  it("remembers whether the panel is open", () => {
    const storage = new MapStorage();
    const panel = new PanelMemory(storage, "p");
    expect(panel.isOpen()).toBe(false);
    panel.setOpen(true);
    expect(new PanelMemory(storage, "p").isOpen()).toBe(true);
    panel.setOpen(false);
    expect(storage.values.has("p")).toBe(false);
    const broken = new PanelMemory(blocked, "p");
    expect(() => broken.setOpen(true)).not.toThrow();
    expect(broken.isOpen()).toBe(false);
  });
});

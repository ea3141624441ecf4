import { describe, expect, it } from "vitest";
import type { ChunkRecord } from "../../../src/core/chunks.ts";
import { ChunkRecords } from "../../../src/retrieve/indexes/chunk-records.ts";

const row = (id: string, text: string): ChunkRecord => ({
  chunkId: id,
  courseId: "c",
  source: "notes/a.md",
  title: "Notes",
  heading: "Intro",
  headingPath: ["Intro"],
  locator: null,
  url: null,
  week: 2,
  ord: Number(id),
  text,
});

describe("ChunkRecords", () => {
  const rows = [
    row("1", "Plain ASCII text."),
    row("2", "Drift — the slow change of P(X) — is measured with PSI ≥ 0.25; naïve “quotes” too."),
    row("3", ""),
    row("4", "Emoji 🧪 and CJK 数据 survive."),
  ];
  const records = new ChunkRecords(rows);

  it("gives every row back whole, texts decoded exactly, in order", () => {
    expect(records.length).toBe(4);
    expect([...records.values()]).toEqual(rows);
    expect(records.at(1)).toEqual(rows[1]);
    expect(records.at(4)).toBeUndefined();
  });

  it("reads a row's header without its text", () => {
    const header = records.header(3);
    expect(header).toMatchObject({ chunkId: "4", week: 2, source: "notes/a.md" });
    expect(header).not.toHaveProperty("text");
  });

  it("holds the texts as UTF-8 bytes", () => {
    const utf8 = rows.reduce((n, r) => n + Buffer.byteLength(r.text, "utf8"), 0);
    expect(records.bytes).toBeGreaterThanOrEqual(utf8);
    expect(records.bytes).toBeLessThan(utf8 + 4 * 600);
  });
});

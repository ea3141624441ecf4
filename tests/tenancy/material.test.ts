import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  cleanMaterialPath,
  collectMaterial,
  MaterialError,
  unzipMaterial,
} from "../../src/courses/material.ts";

const limits = { maxBytes: 10_000, maxFiles: 5 };

describe("cleanMaterialPath", () => {
  it("keeps ordinary relative paths and normalises separators", () => {
    expect(cleanMaterialPath("week-01/notes.md")).toEqual({ path: "week-01/notes.md" });
    expect(cleanMaterialPath("./week-01//notes.md")).toEqual({ path: "week-01/notes.md" });
    expect(cleanMaterialPath("week-01\\slides.md")).toEqual({ path: "week-01/slides.md" });
  });

  it("refuses anything that could leave the course folder", () => {
    for (const bad of [
      "../etc/passwd.md",
      "a/../../b.md",
      "/abs/notes.md",
      "C:\\notes.md",
      "c:notes.md",
      "a\0b.md",
      "",
    ]) {
      expect(cleanMaterialPath(bad), bad).toHaveProperty("reason");
    }
  });
});

describe("unzipMaterial", () => {
  it("drops the folder that wraps a zipped course and sets unsupported files aside", async () => {
    const zip = zipSync({
      "ml200/week-01/notes.md": strToU8("# Notes"),
      "ml200/syllabus.pdf": new Uint8Array([37, 80, 68, 70]),
      "ml200/photo.jpg": new Uint8Array([1, 2, 3]),
      "ml200/.hidden.md": strToU8("# secret"),
      "__MACOSX/ml200/._notes.md": new Uint8Array([0]),
    });
    const material = await unzipMaterial(zip, limits);
    expect(material.files.map((f) => f.path).sort()).toEqual(["syllabus.pdf", "week-01/notes.md"]);
    expect(material.files.find((f) => f.path === "week-01/notes.md")?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(material.ignored.map((i) => i.path).sort()).toEqual([
      ".hidden.md",
      "__MACOSX/ml200/._notes.md",
      "photo.jpg",
    ]);
  });

  it("refuses a path-traversal entry instead of skipping it silently", async () => {
    const zip = zipSync({ "../../outside.md": strToU8("# no") });
    await expect(unzipMaterial(zip, limits)).rejects.toThrow(MaterialError);
  });

  it("checks declared sizes before inflating (a zip bomb is refused as too large)", async () => {
    const zip = zipSync({ "big.md": new Uint8Array(200_000) }, { level: 9 });
    expect(zip.byteLength).toBeLessThan(2_000);
    await expect(unzipMaterial(zip, limits)).rejects.toThrow(/over/);
  });

  it("says when the bytes are not a zip at all", async () => {
    await expect(unzipMaterial(strToU8("PK\u0003\u0004 but not really"), limits)).rejects.toThrow(
      /not a readable zip/,
    );
  });
});

describe("collectMaterial", () => {
  it("enforces the file-count limit", async () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({ name: `n${i}.md`, content: strToU8("# x") }));
    await expect(collectMaterial(entries, limits)).rejects.toThrow(/more than 5 files/);
  });
});

import { strToU8, Zip, ZipDeflate, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { collectMaterial, MaterialError, unzipMaterial } from "../../src/courses/index.ts";
import { buildZip, deflatedZeros } from "../helpers/zip-builder.ts";

const limits = { maxBytes: 5 * 1024 * 1024, maxFiles: 50 };
const notes = strToU8("# Week 1\n\nGradient descent takes small steps downhill.\n");

async function refusal(work: Promise<unknown>): Promise<MaterialError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MaterialError);
  return error as MaterialError;
}

describe("zip entries whose headers lie", () => {
  it("stops inflating an entry at the size it declares (1.5 GiB of zeros declared as 1,000 bytes)", async () => {
    const zip = buildZip([
      { name: "course/notes.md", content: notes },
      { name: "course/bomb.md", deflated: deflatedZeros(1536), declare: { size: 1000 } },
    ]);
    expect(zip.byteLength).toBeLessThan(2_000_000);
    const error = await refusal(unzipMaterial(zip, limits));
    expect(error.code).toBe("invalid_material");
    expect(error.message).toMatch(/^"course\/bomb\.md": it inflates to more than the 1000 bytes it declares/);
  });

  it("refuses an entry whose CRC-32 does not match its contents, naming it", async () => {
    for (const stored of [false, true]) {
      const zip = buildZip([{ name: "week-1/notes.md", content: notes, stored, declare: { crc32: 0x1234 } }]);
      const error = await refusal(unzipMaterial(zip, limits));
      expect(error.code).toBe("invalid_material");
      expect(error.message).toBe('"week-1/notes.md": its CRC-32 does not match its contents');
    }
  });

  it("refuses an entry that inflates to less than it declares", async () => {
    const zip = buildZip([{ name: "notes.md", content: notes, declare: { size: notes.length + 10 } }]);
    const error = await refusal(unzipMaterial(zip, limits));
    expect(error.message).toBe(
      `"notes.md": it inflates to ${notes.length} bytes but declares ${notes.length + 10}`,
    );
  });

  it("refuses an entry whose local header disagrees with the central directory", async () => {
    const sized = buildZip([{ name: "notes.md", content: notes, localDeclare: { size: 10 } }]);
    expect((await refusal(unzipMaterial(sized, limits))).message).toMatch(
      /^"notes\.md": its local header and the central directory disagree/,
    );
    const renamed = buildZip([{ name: "notes.md", content: notes, localDeclare: { name: "other.md" } }]);
    expect((await refusal(unzipMaterial(renamed, limits))).message).toBe(
      '"notes.md": its local header names another file',
    );
  });

  it("counts what entries declare against the limit before inflating anything (413)", async () => {
    const zip = buildZip([{ name: "bomb.md", deflated: deflatedZeros(8) }]);
    const error = await refusal(unzipMaterial(zip, limits));
    expect(error.code).toBe("material_too_large");
    expect(error.message).toBe("the unzipped material is over 5 MiB");
  });

  it("never inflates entries it sets aside (a big video beside the notes is fine)", async () => {
    const zip = buildZip([
      { name: "notes.md", content: notes },
      // Would fail every check if it were inflated: wrong size and CRC.
      { name: "lecture.mp4", deflated: deflatedZeros(64), declare: { size: 10, crc32: 1 } },
    ]);
    const material = await unzipMaterial(zip, limits);
    expect(material.files.map((f) => f.path)).toEqual(["notes.md"]);
    expect(material.ignored.map((i) => i.path)).toEqual(["lecture.mp4"]);
  });

  it("reads honest archives: streamed ones with data descriptors, stored entries, UTF-8 names", async () => {
    const parts: Uint8Array[] = [];
    const streamed = new Zip((error, chunk) => {
      if (error) throw error;
      parts.push(chunk);
    });
    const entry = new ZipDeflate("ml200/week-01/Übung.md", { level: 6 });
    streamed.add(entry);
    entry.push(notes, true);
    streamed.end();
    const material = await unzipMaterial(Buffer.concat(parts), limits);
    expect(material.files.map((f) => [f.path, f.content.byteLength])).toEqual([
      ["week-01/Übung.md", notes.length],
    ]);
    const stored = await unzipMaterial(buildZip([{ name: "a.md", content: notes, stored: true }]), limits);
    expect(Buffer.from(stored.files[0]?.content ?? []).toString()).toBe(Buffer.from(notes).toString());
  });

  it("finds the end record past an archive comment that holds its signature", async () => {
    const zip = Buffer.from(buildZip([{ name: "notes.md", content: notes }]));
    const comment = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(30, 0xff)]);
    zip.writeUInt16LE(comment.length, zip.length - 2);
    const material = await unzipMaterial(Buffer.concat([zip, comment]), limits);
    expect(material.files.map((f) => f.path)).toEqual(["notes.md"]);
  });

  it("decodes names without the UTF-8 flag as code page 437, as zip tools on Windows write them", async () => {
    const cp437 = Uint8Array.from([...Buffer.from("week-1/"), 0x9a, ...Buffer.from("bung.md")]); // 0x9a: Ü
    const zip = buildZip([
      { name: cp437, content: notes },
      { name: Buffer.from("readme.md"), content: notes },
    ]);
    const material = await unzipMaterial(zip, limits);
    expect(material.files.map((f) => f.path)).toEqual(["week-1/Übung.md", "readme.md"]);
  });
});

describe("absolute paths in a zip", () => {
  it.each([["/etc/passwd.md"], ["C:/tmp/x5.md"], ["C:\\x.md"]])(
    "refuses %j even when every entry is absolute (no '/' wrapper)",
    async (name) => {
      for (const names of [[name], [name, name.replace(/\.md$/, "-2.md")]]) {
        const zip = buildZip(names.map((n) => ({ name: n, content: notes })));
        const error = await refusal(unzipMaterial(zip, limits));
        expect(error.code).toBe("invalid_material");
        expect(error.message).toBe(`"${name}": absolute path`);
      }
    },
  );

  it("refuses an absolute entry among relative ones", async () => {
    const zip = zipSync({ "course/notes.md": notes, "/course/evil.md": notes });
    expect((await refusal(unzipMaterial(zip, limits))).message).toBe('"/course/evil.md": absolute path');
  });
});

describe("control characters in file names", () => {
  const names: [string, string][] = [
    ["esc\u001b[31m.md", "esc\\u001B[31m.md"],
    ["bell\u0007.md", "bell\\u0007.md"],
    ["week-1/line\r\nbreak.md", "week-1/line\\u000D\\u000Abreak.md"],
    ["del\u007f.md", "del\\u007F.md"],
    ["c1\u0085next\u009b.md", "c1\\u0085next\\u009B.md"],
    ["nul\u0000.md", "nul\\u0000.md"],
  ];

  it.each(names)("refuses zip entry %j, naming it with the characters escaped", async (name, shown) => {
    const zip = buildZip([
      { name: "ok.md", content: notes },
      { name, content: notes },
    ]);
    const error = await refusal(unzipMaterial(zip, limits));
    expect(error.code).toBe("invalid_material");
    expect(error.message).toBe(`"${shown}": the name holds control characters`);
  });

  it("refuses them in a C1 name a Windows zip tool wrote (code page 437 has none: it is a raw byte)", async () => {
    const zip = buildZip([
      { name: Uint8Array.from([...Buffer.from("tab"), 0x09, ...Buffer.from(".md")]), content: notes },
    ]);
    expect((await refusal(unzipMaterial(zip, limits))).message).toBe(
      '"tab\\u0009.md": the name holds control characters',
    );
  });

  it.each(names)("refuses plain upload %j the same way", async (name, shown) => {
    const error = await refusal(collectMaterial([{ name, content: notes }], limits));
    expect(error.message).toBe(`"${shown}": the name holds control characters`);
  });
});

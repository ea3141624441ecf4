import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  normalizeOrigin,
  readAllowedOrigins,
  updateAllowedOrigins,
} from "../../src/courses/allowed-origins.ts";
import type { Db } from "../../src/db/db.ts";
import { openEmptyDb } from "../helpers/db.ts";

describe("normalizeOrigin", () => {
  it("reduces addresses to the origin browsers send and refuses anything else", () => {
    expect(normalizeOrigin("https://LMS.Example.edu")).toBe("https://lms.example.edu");
    expect(normalizeOrigin("https://lms.example.edu/")).toBe("https://lms.example.edu");
    expect(normalizeOrigin("https://lms.example.edu:443")).toBe("https://lms.example.edu");
    expect(normalizeOrigin("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
    expect(normalizeOrigin(" * ")).toBe("*");
    for (const bad of [
      "lms.example.edu",
      "https://lms.example.edu/course",
      "ftp://x.example",
      "null",
      "",
      "https://u:p@x.example",
      "javascript:alert(1)",
    ]) {
      expect(normalizeOrigin(bad), bad).toBeUndefined();
    }
  });
});

describe("course allowed origins in the database", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openEmptyDb();
    await db.query(
      `INSERT INTO courses (id, settings) VALUES ('aie101', '{"slack":{"channels":["C1"]}}'), ('ml200', '{}')`,
    );
  });
  afterAll(async () => db.close());

  it("stores a list next to the course's other settings and removes it again", async () => {
    expect(await readAllowedOrigins(db, "aie101")).toBeUndefined();
    expect(
      await updateAllowedOrigins(db, "aie101", ["https://lms.example.edu/", "https://lms.example.edu", "*"]),
    ).toEqual(["https://lms.example.edu", "*"]);
    expect(await readAllowedOrigins(db, "aie101")).toEqual(["https://lms.example.edu", "*"]);
    const { rows } = await db.query<{ settings: unknown }>(
      "SELECT settings FROM courses WHERE id = 'aie101'",
    );
    expect(rows[0]?.settings).toEqual({
      slack: { channels: ["C1"] },
      allowedOrigins: ["https://lms.example.edu", "*"],
    });

    expect(await updateAllowedOrigins(db, "aie101", [])).toEqual([]);
    expect(await readAllowedOrigins(db, "aie101")).toEqual([]);
    expect(await updateAllowedOrigins(db, "aie101", null)).toBeNull();
    expect(await readAllowedOrigins(db, "aie101")).toBeUndefined();
    const after = await db.query<{ settings: unknown }>("SELECT settings FROM courses WHERE id = 'aie101'");
    expect(after.rows[0]?.settings).toEqual({ slack: { channels: ["C1"] } });
  });

  it("refuses bad origins and unknown courses", async () => {
    await expect(updateAllowedOrigins(db, "ml200", ["not an origin"])).rejects.toThrow(/not an origin/);
    expect(await readAllowedOrigins(db, "ml200")).toBeUndefined();
    expect(await updateAllowedOrigins(db, "nope", ["https://a.example"])).toBe(false);
    expect(await readAllowedOrigins(db, "nope")).toBeUndefined();
  });

  it("reads a hand-edited list defensively", async () => {
    await db.query(
      `UPDATE courses SET settings = '{"allowedOrigins":"https://a.example"}' WHERE id = 'ml200'`,
    );
    expect(await readAllowedOrigins(db, "ml200")).toEqual([]);
    await db.query(
      `UPDATE courses SET settings = '{"allowedOrigins":["https://A.example/", "bogus"]}' WHERE id = 'ml200'`,
    );
    expect(await readAllowedOrigins(db, "ml200")).toEqual(["https://a.example"]);
  });
});

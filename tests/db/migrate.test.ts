import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate, readMigrations, splitSqlStatements } from "../../src/db/migrate.ts";
import { openPglite } from "../../src/db/pglite.ts";

describe("splitSqlStatements", () => {
  it("splits on semicolons outside comments, quotes and dollar-quoted bodies", () => {
    const sql = `-- a comment; not a split
CREATE TABLE a (x text DEFAULT 'semi;colon');
/* block; comment */ INSERT INTO a VALUES ('it''s; fine');
CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
SELECT "odd;name" FROM a`;
    expect(splitSqlStatements(sql)).toEqual([
      "CREATE TABLE a (x text DEFAULT 'semi;colon')",
      "INSERT INTO a VALUES ('it''s; fine')",
      "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
      'SELECT "odd;name" FROM a',
    ]);
  });
});

describe("migrate", () => {
  it("applies the project's migrations once, in order, and records them", async () => {
    const db = await openPglite(undefined);
    try {
      const names = (await readMigrations()).map((m) => m.name);
      expect(await migrate(db)).toEqual(names);
      expect(await migrate(db)).toEqual([]);
      const { rows } = await db.query<{ version: number }>(
        "SELECT version FROM schema_migrations ORDER BY version",
      );
      expect(rows.map((r) => r.version)).toEqual((await readMigrations()).map((m) => m.version));
    } finally {
      await db.close();
    }
  });

  it("rolls back a failing migration entirely and applies nothing after it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-migrations-"));
    await writeFile(path.join(dir, "001_ok.sql"), "CREATE TABLE one (id int);");
    await writeFile(path.join(dir, "002_bad.sql"), "CREATE TABLE two (id int); SELECT no_such_function();");
    await writeFile(path.join(dir, "003_later.sql"), "CREATE TABLE three (id int);");
    const db = await openPglite(undefined);
    try {
      await expect(migrate(db, dir)).rejects.toThrow(/no_such_function/);
      const tables = await db.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE tablename IN ('one', 'two', 'three') ORDER BY 1",
      );
      expect(tables.rows.map((r) => r.tablename)).toEqual(["one"]);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses two migrations with the same number", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-migrations-"));
    await writeFile(path.join(dir, "001_a.sql"), "SELECT 1;");
    await writeFile(path.join(dir, "001_b.sql"), "SELECT 2;");
    await expect(readMigrations(dir)).rejects.toThrow(/share version 1/);
    await rm(dir, { recursive: true, force: true });
  });
});

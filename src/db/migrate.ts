import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../core/paths.ts";
import type { Db } from "./db.ts";

export const defaultMigrationsDir = path.join(packageRoot, "migrations");

// Any fixed number works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 4_217_101;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function readMigrations(dir = defaultMigrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d+_.+\.sql$/.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const version = Number.parseInt(file, 10);
    if (migrations.some((m) => m.version === version)) {
      throw new Error(`two migrations share version ${version} (${file})`);
    }
    migrations.push({ version, name: file, sql: await readFile(path.join(dir, file), "utf8") });
  }
  return migrations.sort((a, b) => a.version - b.version);
}

/**
 * Applies pending migrations in order, each in its own transaction, recording them in
 * `schema_migrations`. An advisory lock keeps replicas that start together from racing.
 * Returns the names applied.
 */
export async function migrate(db: Db, dir = defaultMigrationsDir): Promise<string[]> {
  const migrations = await readMigrations(dir);
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  for (const migration of migrations) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      const done = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [migration.version]);
      if (done.rows.length > 0) return false;
      for (const statement of splitSqlStatements(migration.sql)) await tx.query(statement);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (didApply) applied.push(migration.name);
  }
  return applied;
}

/**
 * Splits a migration file into statements so each runs through the extended protocol, which
 * PGlite and `pg` both accept one statement at a time. Handles comments, quotes and
 * dollar-quoted bodies.
 */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] as string;
    const next = sql[i + 1];
    if (ch === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
      current += "\n";
      continue;
    }
    if (ch === "/" && next === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === ch && sql[j + 1] === ch) j += 2;
        else if (sql[j] === ch) break;
        else j++;
      }
      current += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        const stop = end === -1 ? sql.length : end + tag.length;
        current += sql.slice(i, stop);
        i = stop;
        continue;
      }
    }
    if (ch === ";") {
      if (current.trim()) statements.push(current.trim());
      current = "";
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

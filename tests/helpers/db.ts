import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite/vector";
import { inject } from "vitest";
import type { Db } from "../../src/db/db.ts";
import { migrate } from "../../src/db/migrate.ts";
import { openPglite, wrapPglite } from "../../src/db/pglite.ts";

/** A fresh in-memory PGlite with the schema applied. */
export async function openEmptyDb(): Promise<Db & { pglite: PGlite }> {
  const db = await openPglite(undefined);
  await migrate(db);
  return db;
}

/** An in-memory PGlite loaded with the bundled course (ingested once by the global setup). */
export async function openSeededDb(): Promise<Db & { pglite: PGlite }> {
  const dump = await readFile(inject("courseDumpPath"));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: { vector } });
  const db = wrapPglite(pglite);
  await migrate(db);
  await db.query("SET hnsw.iterative_scan = relaxed_order");
  return db;
}

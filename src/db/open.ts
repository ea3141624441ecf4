import path from "node:path";
import type { Config } from "../app/config.ts";
import type { Db } from "./db.ts";
import { migrate } from "./migrate.ts";
import { openPglite } from "./pglite.ts";
import { openPostgres } from "./postgres.ts";

/** Opens the configured database (server Postgres when DATABASE_URL is set) and migrates it. */
export async function openDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): Promise<Db> {
  const db = config.databaseUrl
    ? openPostgres({ connectionString: config.databaseUrl })
    : await openPglite(path.join(config.dataDir, "pglite"));
  try {
    // PGlite is one process: a parallel HNSW build has no workers to share with, but pgvector still
    // asks for its build memory as one shared-memory segment, which the WebAssembly heap of a
    // database holding many courses could not map ("could not map shared memory segment": the
    // 31st course of the 50-course bench). A serial build takes its memory as it goes.
    if (db.kind === "pglite") await db.query("SET max_parallel_maintenance_workers = 0");
    await migrate(db);
    if (db.kind === "pglite") await db.query("SET hnsw.iterative_scan = relaxed_order");
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}

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
    await migrate(db);
    if (db.kind === "pglite") await db.query("SET hnsw.iterative_scan = relaxed_order");
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}

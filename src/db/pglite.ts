import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite/vector";
import { DatabaseUnavailableError, type Db, type Queryable, type SqlParam } from "./db.ts";

/** Opens embedded Postgres (PGlite with pgvector) in `dataDir`, or in memory when it is undefined. */
export async function openPglite(dataDir: string | undefined): Promise<Db & { pglite: PGlite }> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { vector } });
  return wrapPglite(pglite);
}

export function wrapPglite(pglite: PGlite): Db & { pglite: PGlite } {
  let closed = false;
  const run = async <Row extends object>(
    target: Pick<PGlite, "query">,
    sql: string,
    params: readonly SqlParam[] = [],
  ) => {
    if (closed) throw new DatabaseUnavailableError("the embedded database is closed");
    const result = await target.query<Row>(sql, params as unknown[]);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  };
  return {
    kind: "pglite",
    pglite,
    query: (sql, params) => run(pglite, sql, params),
    transaction: (work) =>
      pglite.transaction(async (tx) => {
        const scoped: Queryable = { query: (sql, params) => run(tx, sql, params) };
        return work(scoped);
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}

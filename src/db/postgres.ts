import pg from "pg";
import { DatabaseUnavailableError, type Db, isConnectionError, type Queryable, type SqlParam } from "./db.ts";

export interface PostgresOptions {
  connectionString: string;
  max?: number;
  connectionTimeoutMillis?: number;
}

/** Server Postgres with pgvector through a `pg.Pool`. */
export function openPostgres(options: PostgresOptions): Db & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 8,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    // Filtered HNSW scans keep walking the graph until enough rows pass the WHERE clause.
    client.query("SET hnsw.iterative_scan = relaxed_order").catch(() => {});
  });

  const wrapError = (error: unknown): never => {
    if (isConnectionError(error)) {
      throw new DatabaseUnavailableError("the database is unreachable", { cause: error });
    }
    throw error;
  };
  const run = async <Row extends object>(
    target: Pick<pg.Pool, "query"> | pg.PoolClient,
    sql: string,
    params: readonly SqlParam[] = [],
  ) => {
    try {
      const result = await target.query(sql, params as unknown[]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    } catch (error) {
      return wrapError(error);
    }
  };

  return {
    kind: "postgres",
    pool,
    query: (sql, params) => run(pool, sql, params),
    transaction: async (work) => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        return wrapError(error);
      }
      const scoped: Queryable = { query: (sql, params) => run(client, sql, params) };
      let broken = false;
      // A checked-out client has no pool listener: losing its connection mid-transaction must fail
      // the transaction's query (it does) without an unhandled 'error' event ending the process.
      const lost = () => {
        broken = true;
      };
      client.on("error", lost);
      try {
        await client.query("BEGIN");
        const result = await work(scoped);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        broken = isConnectionError(error) || error instanceof DatabaseUnavailableError;
        await client.query("ROLLBACK").catch(() => {
          broken = true;
        });
        if (isConnectionError(error)) wrapError(error);
        throw error;
      } finally {
        client.off("error", lost);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

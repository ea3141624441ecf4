import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { vector } from "@electric-sql/pglite/vector";

export interface PgliteWireServer {
  /** A postgres:// URL for `pg`, exactly as for server Postgres. */
  url: string;
  port: number;
  pglite: PGlite;
  stop(): Promise<void>;
}

/**
 * PGlite with pgvector served over the Postgres wire protocol on 127.0.0.1: the stand-in for a
 * server Postgres (Debian has no pgvector package and no Docker engine runs here).
 */
export async function startPgliteWireServer(options: { maxConnections?: number; dataDir?: string } = {}) {
  const pglite = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: { vector } });
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port: 0,
    maxConnections: options.maxConnections ?? 4,
  });
  await server.start();
  const port = Number(server.getServerConn().split(":").at(-1));
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    pglite,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  } satisfies PgliteWireServer;
}

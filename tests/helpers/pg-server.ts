import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite/vector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface PgliteWireServer {
  /** A postgres:// URL for `pg`, exactly as for server Postgres. */
  url: string;
  port: number;
  pglite: PGlite;
  /** Client connections currently open. */
  activeConnections(): number;
  /** Goes away like a crashed database server: open connections drop, new ones are refused. */
  pause(): Promise<void>;
  /** Comes back on the same port with the same data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export interface PgliteWireOptions {
  maxConnections?: number;
  dataDir?: string;
  /** A PGlite data-folder dump (`dumpDataDir`) to start from, such as the seeded course. */
  loadDataDir?: Blob;
}

/**
 * PGlite with pgvector served over the Postgres wire protocol on 127.0.0.1: the stand-in for a
 * server Postgres (Debian has no pgvector package and no Docker engine runs here).
 */
export async function startPgliteWireServer(options: PgliteWireOptions = {}): Promise<PgliteWireServer> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { vector },
  });
  const listen = async (port: number) => {
    const socketServer = new PGLiteSocketServer({
      db: pglite,
      host: "127.0.0.1",
      port,
      maxConnections: options.maxConnections ?? 4,
    });
    await socketServer.start();
    return socketServer;
  };
  let server: PGLiteSocketServer | undefined = await listen(0);
  const port = Number(server.getServerConn().split(":").at(-1));
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    pglite,
    activeConnections: () => server?.getStats().activeConnections ?? 0,
    async pause() {
      await server?.stop();
      server = undefined;
    },
    async resume() {
      server ??= await listen(port);
    },
    async stop() {
      await server?.stop();
      server = undefined;
      await pglite.close();
    },
  };
}

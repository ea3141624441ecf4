/**
 * Runs the shared "server Postgres" (PGlite + pgvector over the wire protocol) as its own OS
 * process, so the API processes of a test reach it exactly as they would reach a real server.
 * Usage: node --import tsx tests/replicas/pg-wire-process.ts DUMP_FILE
 * Prints one JSON line {"url": …} once listening; stops on SIGTERM, or when its parent goes.
 */
import { readFile } from "node:fs/promises";
import { startPgliteWireServer } from "../helpers/pg-server.ts";

const dumpPath = process.argv[2];
const database = await startPgliteWireServer({
  maxConnections: 24,
  ...(dumpPath ? { loadDataDir: new Blob([await readFile(dumpPath)]) } : {}),
});
process.stdout.write(`${JSON.stringify({ url: database.url })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await database.stop().catch(() => {});
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
// A test runner that dies without cleaning up must not leave this process behind.
process.stdin.on("end", () => void stop());
process.stdin.resume();

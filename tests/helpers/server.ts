import { type Config, loadConfig } from "../../src/app/config.ts";
import { type RunningServer, type StartOptions, startServer } from "../../src/app/server.ts";
import { openSeededDb } from "./db.ts";

/**
 * The real server (same wiring as `tutor serve`) on 127.0.0.1 with an ephemeral port, over an
 * in-memory PGlite that already holds the bundled course.
 */
export async function startSeededServer(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningServer & { config: Config }> {
  // Quiet logs and no rate limits unless a test asks for them (tests/observability, tests/ratelimit).
  const config = loadConfig({
    PORT: "0",
    LOG_LEVEL: "silent",
    RATE_LIMIT_IP: "0",
    RATE_LIMIT_SESSION: "0",
    RATE_LIMIT_COURSE: "0",
    ...env,
  });
  const db = await openSeededDb();
  const server = await startServer(config, {
    hostname: "127.0.0.1",
    ...options,
    overrides: { db, ...options.overrides },
  });
  return {
    ...server,
    config,
    async close() {
      await server.close();
      await db.close();
    },
  };
}

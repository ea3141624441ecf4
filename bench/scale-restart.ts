import { type ServerProcess, spawnServer } from "../tests/helpers/server-process.ts";
import { round } from "./stats.ts";

/** How long one start took until /readyz answered. */
export interface StartTiming {
  /** From spawning `tutor serve` to /readyz answering. */
  readyMs: number;
  /** From spawning to the server's "Database open" log line (Node start plus opening the database). */
  databaseOpenMs: number | undefined;
  /** From the database answering to /readyz answering 200: the figure the target is about. */
  readyAfterDatabaseMs: number | undefined;
  readyzStatus: number;
}

export interface RestartResult extends StartTiming {
  chunks: number;
  /**
   * The first start on the freshly ingested folder, before the restart that is timed: it also
   * embeds the guard's exemplars into the shared embedding cache, which every later start reads.
   */
  firstStart: StartTiming;
  /** The first search after ready: it waits for the course's stored indexes to load. */
  firstSearchMs: number;
  /** A search once they are loaded. */
  secondSearchMs: number;
}

async function timedSearch(url: string, course: string, query: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/v1/search`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ course, query, k: 5 }),
  });
  await res.json();
  if (!res.ok) throw new Error(`search failed with ${res.status}`);
  return performance.now() - started;
}

async function start(
  dataDir: string,
  course: string,
): Promise<{ server: ServerProcess; timing: StartTiming }> {
  const started = performance.now();
  const server = await spawnServer({
    TUTOR_DATA_DIR: dataDir,
    TUTOR_DEFAULT_COURSE: course,
    LOG_LEVEL: "warn",
  });
  const readyz = await fetch(`${server.url}/readyz`);
  const readyMs = performance.now() - started;
  const databaseOpenMs = server.seenAfterMs(/Database open in/);
  return {
    server,
    timing: {
      readyMs: round(readyMs),
      databaseOpenMs: databaseOpenMs === undefined ? undefined : round(databaseOpenMs),
      readyAfterDatabaseMs: databaseOpenMs === undefined ? undefined : round(readyMs - databaseOpenMs),
      readyzStatus: readyz.status,
    },
  };
}

/**
 * A replica restarting on a data folder that holds a large course: a first start (as after the
 * ingestion), then the restart that is timed: how long until it is ready (from spawning, and from
 * the moment its log says the database opened), and what its first questions cost.
 */
export async function benchRestart(input: {
  dataDir: string;
  course: string;
  chunks: number;
  queries: readonly string[];
}): Promise<RestartResult> {
  const first = await start(input.dataDir, input.course);
  await first.server.stop("SIGTERM");
  const { server, timing } = await start(input.dataDir, input.course);
  try {
    const firstSearchMs = await timedSearch(server.url, input.course, input.queries[0] ?? "model drift");
    const secondSearchMs = await timedSearch(server.url, input.course, input.queries[1] ?? "vector search");
    return {
      chunks: input.chunks,
      ...timing,
      firstStart: first.timing,
      firstSearchMs: round(firstSearchMs),
      secondSearchMs: round(secondSearchMs),
    };
  } finally {
    await server.stop("SIGTERM");
  }
}

import { spawnServer } from "../tests/helpers/server-process.ts";
import { round } from "./stats.ts";

export interface RestartResult {
  chunks: number;
  /** From starting `tutor serve` on an existing data folder to its /readyz answering 200. */
  readyMs: number;
  readyzStatus: number;
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

/**
 * A replica restarting on a data folder that holds a large course: how long until it is ready,
 * and what its first questions cost. The time includes starting Node and opening the database,
 * so it is an upper bound on the time after the database answers.
 */
export async function benchRestart(input: {
  dataDir: string;
  course: string;
  chunks: number;
  queries: readonly string[];
}): Promise<RestartResult> {
  const started = performance.now();
  const server = await spawnServer({
    TUTOR_DATA_DIR: input.dataDir,
    TUTOR_DEFAULT_COURSE: input.course,
    LOG_LEVEL: "warn",
  });
  try {
    const readyz = await fetch(`${server.url}/readyz`);
    const readyMs = performance.now() - started;
    const firstSearchMs = await timedSearch(server.url, input.course, input.queries[0] ?? "model drift");
    const secondSearchMs = await timedSearch(server.url, input.course, input.queries[1] ?? "vector search");
    return {
      chunks: input.chunks,
      readyMs: round(readyMs),
      readyzStatus: readyz.status,
      firstSearchMs: round(firstSearchMs),
      secondSearchMs: round(secondSearchMs),
    };
  } finally {
    await server.stop("SIGTERM");
  }
}

import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RedisServer, startRedisServer } from "../ratelimit/redis-server.ts";
import { BIO200_FILES } from "../tenancy/two-courses.ts";
import { type Spawned, spawnTracked, tutorBin } from "./processes.ts";

const TOKEN = "replica-admin-token-2468";

interface Replica {
  process: Spawned;
  url: string;
}

/**
 * Done-when of issue 6: two `tutor serve` processes on one database (PGlite + pgvector served
 * over the Postgres wire protocol by a third process, reached through DATABASE_URL exactly as
 * server Postgres would be). Ingesting through one makes the other serve the new material,
 * and rate limits kept in a real redis-server hold across both.
 */
describe("two API processes on one database", () => {
  const spawned: Spawned[] = [];
  let redis: RedisServer | undefined;
  let a: Replica;
  let b: Replica;

  async function startReplica(databaseUrl: string, redisUrl: string): Promise<Replica> {
    const child = spawnTracked(process.execPath, [tutorBin, "serve"], {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      ADMIN_TOKEN: TOKEN,
      EMBED_WORKERS: "0",
      LOG_LEVEL: "warn",
      LLM_PROVIDER: "none",
      RATE_LIMIT_IP: "0",
      RATE_LIMIT_COURSE: "0",
      RATE_LIMIT_SESSION: "3",
      // A check that times out fails open; a loaded machine must not turn into a limit not kept.
      RATE_LIMIT_STORE_TIMEOUT_MS: "10000",
    });
    spawned.push(child);
    const [, port] = await child.waitFor(/listening on http:\/\/localhost:(\d+)/, 120_000);
    await child.waitFor(/Course Tutor ready on/, 120_000);
    return { process: child, url: `http://127.0.0.1:${port}` };
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    const database = spawnTracked(
      process.execPath,
      ["--import", "tsx", "tests/replicas/pg-wire-process.ts", inject("courseDumpPath")],
      {
        ...process.env,
      },
    );
    spawned.push(database);
    const [, url] = await database.waitFor(/\{"url":"([^"]+)"\}/, 60_000);
    // One at a time: both would otherwise migrate and load models on two shared cores together.
    a = await startReplica(url as string, redis.url);
    b = await startReplica(url as string, redis.url);
  }, 300_000);

  afterAll(async () => {
    // Replicas first (they hold connections to the database), then the database, then Redis.
    for (const child of spawned.reverse()) await child.stop();
    await redis?.stop();
  }, 60_000);

  const post = (replica: Replica, route: string, body: unknown) =>
    fetch(`${replica.url}${route}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const admin = (replica: Replica, route: string, init: RequestInit = {}) =>
    fetch(`${replica.url}${route}`, {
      ...init,
      headers: { authorization: `Bearer ${TOKEN}`, ...init.headers },
    });
  type SearchReply = { results: { source: string; text: string }[] };
  const bm25 = async (replica: Replica, course: string, query: string) => {
    const response = await post(replica, "/v1/search", { course, query, mode: "bm25", k: 3 });
    return { status: response.status, body: (await response.json()) as SearchReply };
  };
  /** Polls until `check` passes; returns how long it took. Bounded. */
  const eventually = async (check: () => Promise<boolean>, timeoutMs: number): Promise<number> => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return Date.now() - started;
  };

  it("a course created and ingested through A is served by B", async () => {
    expect((await bm25(b, "bio200", "zooxanthellae")).status).toBe(404);

    expect(
      (
        await admin(a, "/admin/courses", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ id: "bio200" }),
        })
      ).status,
    ).toBe(201);
    const zip: Record<string, Uint8Array> = {};
    for (const [name, text] of Object.entries(BIO200_FILES)) zip[name] = strToU8(text);
    const uploaded = await admin(a, "/admin/courses/bio200/material?wait=true", {
      method: "POST",
      headers: { "content-type": "application/zip" },
      body: zipSync(zip),
    });
    const upload = (await uploaded.json()) as { run: { status: string } };
    expect(upload.run.status).toBe("succeeded");

    const search = await bm25(b, "bio200", "zooxanthellae symbiosis");
    expect(search.status).toBe(200);
    expect(search.body.results[0]?.source).toBe("week-02/reefs.md");
    const chat = (await (
      await post(b, "/v1/chat", { course: "bio200", message: "What do zooxanthellae give to corals?" })
    ).json()) as {
      status: string;
      citations: { source: string }[];
    };
    expect(chat.status).toBe("answered");
    expect(chat.citations.map((c) => c.source)).toContain("week-02/reefs.md");
  });

  it("B reloads its BM25 index when A ingests new material into a course B already serves", async () => {
    // B has bio200 loaded (previous test); the new word is in no document yet.
    expect((await bm25(b, "bio200", "pneumatocysts")).body.results.map((r) => r.source)).not.toContain(
      "week-03/kelp.md",
    );
    const form = new FormData();
    form.append(
      "files",
      new File(
        [
          "# Kelp forests\n\n## Buoyancy\n\nGiant kelp stays upright thanks to pneumatocysts, gas-filled bladders at the base of each blade.\n",
        ],
        "week-03/kelp.md",
      ),
    );
    const uploaded = await admin(a, "/admin/courses/bio200/material?wait=true", {
      method: "POST",
      body: form,
    });
    expect(((await uploaded.json()) as { run: { status: string } }).run.status).toBe("succeeded");
    // B checks the course version at most once a second, then rebuilds its BM25 snapshot.
    const ms = await eventually(
      async () => (await bm25(b, "bio200", "pneumatocysts")).body.results[0]?.source === "week-03/kelp.md",
      15_000,
    );
    console.log(`replica B served A's new material ${ms} ms after A's ingestion finished`);
    // And A's other course is untouched on B.
    expect((await bm25(b, "aie101", "pneumatocysts")).body.results.map((r) => r.source)).not.toContain(
      "week-03/kelp.md",
    );
  });

  it("admin stats read on B count what was asked on A", async () => {
    const stats = (await (await admin(b, "/admin/courses/bio200/stats")).json()) as {
      conversations: { questions: number };
      material: { documents: number; uploadedFiles: number };
    };
    expect(stats.material).toMatchObject({ documents: 3, uploadedFiles: 3 });
    expect(stats.conversations.questions).toBe(1);
  });

  it("both processes draw on one rate-limit allowance through Redis", async () => {
    const first = (await (
      await post(a, "/v1/chat", { course: "bio200", message: "What is coral bleaching?" })
    ).json()) as { sessionId: string };
    const statuses = [];
    for (const replica of [b, a, b, a]) {
      statuses.push(
        (
          await post(replica, "/v1/chat", {
            course: "bio200",
            message: "Tell me more.",
            sessionId: first.sessionId,
          })
        ).status,
      );
    }
    // Three requests carrying the session are allowed in all, whichever process gets them.
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

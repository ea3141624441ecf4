import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { type RunningServer, startServer } from "../../src/app/server.ts";
import { type PgliteWireServer, startPgliteWireServer } from "../helpers/pg-server.ts";

/**
 * Replicas started together on an empty shared database all want to load the bundled course.
 * One of them ingests it; the others must wait for that and then report ready, not give up.
 */
describe("several replicas starting on an empty database", () => {
  let database: PgliteWireServer;
  let corpus: string;
  const replicas: RunningServer[] = [];

  beforeAll(async () => {
    database = await startPgliteWireServer({ maxConnections: 12 });
    corpus = await mkdtemp(path.join(os.tmpdir(), "tutor-bootstrap-"));
    await writeFile(
      path.join(corpus, "drift.md"),
      "# Drift\n\n## Overview\n\nModel drift is the slow decay of accuracy.\n",
    );
    await writeFile(
      path.join(corpus, "cache.md"),
      "# Caching\n\n## Overview\n\nA semantic cache reuses answers.\n",
    );
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await database?.stop();
    await rm(corpus, { recursive: true, force: true });
  });

  it("ingests the bundled course once and brings every replica to ready", async () => {
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: "0",
      EMBED_WORKERS: "0",
      LOG_LEVEL: "silent",
      TUTOR_CORPUS_DIR: corpus,
      TUTOR_DEFAULT_COURSE: "starter",
      // Ranking is not what this is about; keep start-up light.
      RERANKER: "none",
    });
    const logs: string[][] = [[], []];
    const started = await Promise.all(
      logs.map((lines) => startServer(config, { hostname: "127.0.0.1", log: (line) => lines.push(line) })),
    );
    replicas.push(...started);

    for (const replica of started) {
      const ready = await fetch(`http://127.0.0.1:${replica.port}/readyz`);
      expect(ready.status).toBe(200);
      const search = await fetch(`http://127.0.0.1:${replica.port}/v1/search`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "model drift" }),
      });
      const body = (await search.json()) as { results: { source: string }[] };
      expect(body.results[0]?.source).toBe("drift.md");
    }
    const all = logs.flat().join("\n");
    expect(all.match(/Ingested 2 documents/g)?.length).toBe(1);
    expect(all).toMatch(/Another replica is ingesting course "starter"/);
    const { rows } = await database.pglite.query<{ version: string }>(
      "SELECT version::text AS version FROM courses WHERE id = 'starter'",
    );
    expect(rows[0]?.version).toBe("1");
  }, 180_000);
});

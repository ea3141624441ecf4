import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { EmbeddingWorkerPool } from "../../src/embed/worker-pool.ts";

// A worker that "embeds" a text as its length, taking `ms:N` texts' N milliseconds to answer.
const entry = path.join(mkdtempSync(path.join(os.tmpdir(), "pool-")), "entry.mjs");
writeFileSync(
  entry,
  `import { parentPort } from "node:worker_threads";
parentPort.on("message", ({ texts }) => {
  const wait = Math.max(0, ...texts.map((t) => Number(/^ms:(\\d+)$/.exec(t)?.[1] ?? 0)));
  setTimeout(() => parentPort.postMessage({ vectors: texts.map((t) => [t.length]) }), wait);
});
`,
);

describe("EmbeddingWorkerPool.releaseIdle", () => {
  let pool: EmbeddingWorkerPool | undefined;
  afterEach(async () => {
    await pool?.close();
  });

  it("terminates idle workers at once, and starts them again on the next job", async () => {
    pool = new EmbeddingWorkerPool({
      entry: pathToFileURL(entry),
      workerData: null,
      size: 2,
      idleMs: 60_000,
    });
    await Promise.all([pool.run(["ab"]), pool.run(["abc"])]);
    expect(pool.workers).toBe(2);
    await pool.releaseIdle();
    expect(pool.workers).toBe(0);
    expect(await pool.run(["abcd"])).toEqual([[4]]);
    expect(pool.workers).toBe(1);
  });

  it("lets a busy worker finish its job", async () => {
    pool = new EmbeddingWorkerPool({ entry: pathToFileURL(entry), workerData: null, size: 2 });
    await pool.run(["warm"]);
    const slow = pool.run(["ms:300"]);
    await pool.releaseIdle();
    expect(pool.workers).toBe(1);
    expect(await slow).toEqual([[6]]);
  });
});

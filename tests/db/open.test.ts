import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";

describe("openDatabase on PGlite", () => {
  it("builds HNSW indexes serially and scans them iteratively", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "tutor-open-"));
    const db = await openDatabase({ databaseUrl: undefined, dataDir });
    try {
      // A parallel build asks for one shared-memory segment that a large embedded database could
      // not map (the 31st course of the 50-course bench); PGlite has no workers to share with anyway.
      const workers = await db.query<{ max_parallel_maintenance_workers: string }>(
        "SHOW max_parallel_maintenance_workers",
      );
      expect(workers.rows[0]?.max_parallel_maintenance_workers).toBe("0");
      const scan = await db.query<{ "hnsw.iterative_scan": string }>("SHOW hnsw.iterative_scan");
      expect(scan.rows[0]?.["hnsw.iterative_scan"]).toBe("relaxed_order");
    } finally {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

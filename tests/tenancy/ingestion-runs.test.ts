import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IngestionBusyError, IngestionRuns } from "../../src/courses/ingestion-runs.ts";
import type { IngestSummary } from "../../src/ingest/sync.ts";
import { openEmptyDb } from "../helpers/db.ts";

const summary = (course: string): IngestSummary => ({
  course,
  documents: 1,
  chunks: 2,
  added: 1,
  updated: 0,
  removed: 0,
  unchanged: 0,
  skipped: [],
  embedded: 2,
  resumed: 0,
  reembedded: false,
  ms: 5,
});

describe("IngestionRuns", () => {
  let db: Awaited<ReturnType<typeof openEmptyDb>>;
  beforeAll(async () => {
    db = await openEmptyDb();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("records a run's outcome, and lets one run at a time per course", async () => {
    const runs = new IngestionRuns(db);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runId = "";
    const first = runs.run(
      "c1",
      "upload",
      async () => {
        await gate;
        return summary("c1");
      },
      (id) => {
        runId = id;
      },
    );
    await expect.poll(() => runId).not.toBe("");
    await expect(runs.run("c1", "folder", async () => summary("c1"))).rejects.toBeInstanceOf(
      IngestionBusyError,
    );
    // Another course is not blocked.
    await expect(runs.run("c2", "folder", async () => summary("c2"))).resolves.toMatchObject({
      course: "c2",
    });
    expect((await runs.get("c1", runId))?.status).toBe("running");
    release();
    await first;
    expect(await runs.get("c1", runId)).toMatchObject({
      status: "succeeded",
      trigger: "upload",
      summary: { chunks: 2 },
    });
    // A course's runs are not visible under another course.
    expect(await runs.get("c2", runId)).toBeUndefined();

    await expect(
      runs.run("c1", "folder", async () => Promise.reject(new Error("disk on fire"))),
    ).rejects.toThrow("disk on fire");
    const [latest] = await runs.list("c1", 1);
    expect(latest).toMatchObject({ status: "failed", error: "disk on fire" });
  });

  it("takes over a run left behind by a process that died (embedded database: only one process)", async () => {
    const crashed = new IngestionRuns(db);
    const orphan = await crashed.begin("d1", "upload"); // never finished: its process "died"
    const next = new IngestionRuns(db);
    await expect(next.run("d1", "folder", async () => summary("d1"))).resolves.toMatchObject({
      course: "d1",
    });
    expect(await next.get("d1", orphan)).toMatchObject({
      status: "abandoned",
      error: expect.stringMatching(/abandoned/),
    });
  });

  it("records how far a running run has got, at each new phase and with each heartbeat", async () => {
    const runs = new IngestionRuns(db, { heartbeatMs: 20 });
    let runId = "";
    const seen: unknown[] = [];
    await runs.run(
      "h1",
      "folder",
      async (report) => {
        report("scan", 3, 3);
        report("embed", 0, 90);
        await expect
          .poll(async () => (await runs.get("h1", runId))?.progress)
          .toEqual({
            phase: "embed",
            done: 0,
            total: 90,
          });
        report("embed", 45, 90);
        await expect.poll(async () => (await runs.get("h1", runId))?.progress?.done).toBe(45);
        seen.push((await runs.get("h1", runId))?.status);
        return summary("h1");
      },
      (id) => {
        runId = id;
      },
    );
    expect(seen).toEqual(["running"]);
    // A finished run's summary says it all.
    expect(await runs.get("h1", runId)).toMatchObject({ status: "succeeded", progress: null });
  });

  it("marks runs of dead processes abandoned when a server starts, before any new run", async () => {
    const crashed = new IngestionRuns(db);
    const orphans = { f1: await crashed.begin("f1", "upload"), f2: await crashed.begin("f2", "folder") };
    const starting = new IngestionRuns(db);
    expect(await starting.abandonDeadRuns()).toBe(2);
    for (const [course, id] of Object.entries(orphans)) {
      expect(await starting.get(course, id)).toMatchObject({
        status: "abandoned",
        finishedAt: expect.any(String),
      });
    }
    expect(await starting.abandonDeadRuns()).toBe(0);
  });

  it("on a shared database, abandons at start-up only runs that are silent or whose process is gone", async () => {
    const shared = Object.assign(Object.create(db), { kind: "postgres" as const });
    const runs = new IngestionRuns(shared, { staleAfterMs: 60_000 });
    const [live, silent, gone] = [
      await runs.begin("g1", "upload"),
      await runs.begin("g2", "upload"),
      await runs.begin("g3", "upload"),
    ];
    await db.query(
      "UPDATE course_ingestions SET owner = 'another-host:1234:abcd' WHERE id = ANY($1::uuid[])",
      [[live, silent]],
    );
    await db.query("UPDATE course_ingestions SET heartbeat_at = now() - interval '2 minutes' WHERE id = $1", [
      silent,
    ]);
    // A process on this host that no longer exists (pid 2^22 + 1 is above Linux's pid limit).
    await db.query("UPDATE course_ingestions SET owner = $2 WHERE id = $1", [
      gone,
      `${hostname()}:4194305:dead`,
    ]);
    const starting = new IngestionRuns(shared, { staleAfterMs: 60_000 });
    expect(await starting.abandonDeadRuns()).toBe(2);
    expect((await starting.get("g1", live))?.status).toBe("running");
    expect((await starting.get("g2", silent))?.status).toBe("abandoned");
    expect((await starting.get("g3", gone))?.status).toBe("abandoned");
  });

  it("on a shared database, waits for a silent run's heartbeat to go stale before taking over", async () => {
    // Pretend to be server Postgres shared by replicas on other hosts.
    const shared = Object.assign(Object.create(db), { kind: "postgres" as const });
    const otherHost = new IngestionRuns(shared, { staleAfterMs: 60_000 });
    const orphan = await otherHost.begin("e1", "upload");
    await db.query("UPDATE course_ingestions SET owner = 'another-host:1234:abcd' WHERE id = $1", [orphan]);
    const here = new IngestionRuns(shared, { staleAfterMs: 60_000 });
    await expect(here.begin("e1", "folder")).rejects.toBeInstanceOf(IngestionBusyError);
    await db.query("UPDATE course_ingestions SET heartbeat_at = now() - interval '2 minutes' WHERE id = $1", [
      orphan,
    ]);
    await expect(here.begin("e1", "folder")).resolves.toEqual(expect.any(String));
  });
});

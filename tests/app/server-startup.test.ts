import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReadiness, type ServerLifecycle } from "../../src/app/server-startup.ts";
import type { Db } from "../../src/db/db.ts";
import { openPglite } from "../../src/db/index.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("readiness and the warm-up (real PGlite)", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite(undefined);
  });
  afterAll(() => db.close());

  it("starts the warm-up only after the first /readyz has answered ready, and only once", async () => {
    let warmUps = 0;
    const lifecycle: ServerLifecycle = { state: "starting", afterReady: () => warmUps++ };
    const readiness = createReadiness(lifecycle, { db });

    expect(await readiness.check()).toEqual({ ready: false, reason: "starting" });
    await tick();
    expect(warmUps).toBe(0);

    lifecycle.state = "ready";
    expect(await readiness.check()).toEqual({ ready: true });
    // The answer comes first; the warm-up runs on a later turn of the event loop.
    expect(warmUps).toBe(0);
    await tick();
    expect(warmUps).toBe(1);

    expect(await readiness.check()).toEqual({ ready: true });
    await tick();
    expect(warmUps).toBe(1);
  });
});

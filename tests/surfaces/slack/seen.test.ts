import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../src/db/db.ts";
import { SeenStore } from "../../../src/surfaces/slack/seen.ts";
import { openEmptyDb } from "../../helpers/db.ts";

describe("the shared memory of seen Slack signatures and events", () => {
  let db: Db;

  beforeAll(async () => {
    db = await openEmptyDb();
  });
  afterAll(() => db.close());

  it("says yes once per key while the first sighting lasts, for every store on the database", async () => {
    const replicaA = new SeenStore(db);
    const replicaB = new SeenStore(db);
    expect(await replicaA.firstSighting("event:Ev1", 60)).toBe(true);
    expect(await replicaA.firstSighting("event:Ev1", 60)).toBe(false);
    expect(await replicaB.firstSighting("event:Ev1", 60)).toBe(false);
    expect(await replicaB.firstSighting("event:Ev2", 60)).toBe(true);
  });

  it("answers concurrent sightings of one key with exactly one yes", async () => {
    const stores = Array.from({ length: 5 }, () => new SeenStore(db));
    const results = await Promise.all(stores.map((s) => s.firstSighting("sig:v0=abc", 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("forgets a key once it expires, and prunes expired rows", async () => {
    const store = new SeenStore(db, 0);
    expect(await store.firstSighting("event:short", 0.001)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.firstSighting("event:short", 60)).toBe(true);
    expect(await store.firstSighting("event:short", 60)).toBe(false);

    await store.firstSighting("event:gone", 0.001);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.firstSighting("event:other", 60); // prunes first
    const { rows } = await db.query("SELECT key FROM slack_seen WHERE key = 'event:gone'");
    expect(rows).toHaveLength(0);
  });
});

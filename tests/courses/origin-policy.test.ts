import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAllowedOrigins } from "../../src/courses/allowed-origins.ts";
import { OriginPolicy } from "../../src/courses/origin-policy.ts";
import type { Db } from "../../src/db/db.ts";
import { openEmptyDb } from "../helpers/db.ts";

describe("OriginPolicy", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openEmptyDb();
    await db.query("INSERT INTO courses (id) VALUES ('aie101'), ('ml200')");
  });
  afterAll(async () => db.close());

  it("uses the defaults for courses without their own list, and a course's list instead of them", async () => {
    const policy = new OriginPolicy({ db, defaults: ["https://uni.example", "bogus"] });
    expect(await policy.allows("aie101", "https://uni.example")).toBe(true);
    expect(await policy.allows("aie101", "https://other.example")).toBe(false);
    expect(await policy.allows("unknown-course", "https://uni.example")).toBe(true);

    expect(await policy.update("ml200", ["https://ml200.example"])).toEqual(["https://ml200.example"]);
    expect(await policy.allows("ml200", "https://ml200.example")).toBe(true);
    expect(await policy.allows("ml200", "https://uni.example")).toBe(false);
    expect(await policy.allows("aie101", "https://ml200.example")).toBe(false);
    expect(await policy.update("nope", ["https://x.example"])).toBe(false);
  });

  it("treats * as any origin but never lets a malformed Origin through", async () => {
    const policy = new OriginPolicy({ db, defaults: ["*"] });
    expect(await policy.allows("aie101", "https://anything.example")).toBe(true);
    expect(await policy.allows("aie101", "null")).toBe(false);
    expect(await policy.allows("aie101", "*")).toBe(false);
  });

  it("reuses a course's list for a few seconds, then reads it again", async () => {
    let now = 1_000;
    const policy = new OriginPolicy({ db, defaults: [], cacheMs: 5_000, now: () => now });
    expect(await policy.allows("aie101", "https://late.example")).toBe(false);
    // Changed behind the policy's back (another replica's admin route).
    await updateAllowedOrigins(db, "aie101", ["https://late.example"]);
    expect(await policy.allows("aie101", "https://late.example")).toBe(false);
    now += 5_001;
    expect(await policy.allows("aie101", "https://late.example")).toBe(true);
    await updateAllowedOrigins(db, "aie101", null);
    policy.invalidate("aie101");
    expect(await policy.allows("aie101", "https://late.example")).toBe(false);
  });
});

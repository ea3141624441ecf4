import type { Queryable } from "../../db/db.ts";

/**
 * Remembers request signatures and event ids in the database so that every replica agrees on
 * what has already been taken: the unique key makes "first sighting" atomic across processes.
 */
export class SeenStore {
  private lastPrune = 0;

  constructor(
    private readonly db: Queryable,
    private readonly pruneEveryMs = 60_000,
  ) {}

  /** True the first time `key` is offered while a previous sighting is unexpired; false after. */
  async firstSighting(key: string, ttlSeconds: number): Promise<boolean> {
    await this.pruneOccasionally();
    const { rows } = await this.db.query<{ key: string }>(
      `INSERT INTO slack_seen (key, expires_at) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE slack_seen.expires_at < now()
       RETURNING key`,
      [key, ttlSeconds],
    );
    return rows.length === 1;
  }

  private async pruneOccasionally(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < this.pruneEveryMs) return;
    this.lastPrune = now;
    await this.db.query("DELETE FROM slack_seen WHERE expires_at < now()");
  }
}

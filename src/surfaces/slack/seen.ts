import { type Queryable, SlackRepository } from "../../db/index.ts";

/**
 * Remembers request signatures and event ids in the database so that every replica agrees on
 * what has already been taken: the unique key makes "first sighting" atomic across processes.
 */
export class SeenStore {
  private lastPrune = 0;
  private readonly slack: SlackRepository;

  constructor(
    db: Queryable,
    private readonly pruneEveryMs = 60_000,
  ) {
    this.slack = new SlackRepository(db);
  }

  /** True the first time `key` is offered while a previous sighting is unexpired; false after. */
  async firstSighting(key: string, ttlSeconds: number): Promise<boolean> {
    await this.pruneOccasionally();
    return this.slack.claimKey(key, ttlSeconds);
  }

  private async pruneOccasionally(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < this.pruneEveryMs) return;
    this.lastPrune = now;
    await this.slack.deleteExpiredKeys();
  }
}

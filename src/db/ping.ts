import type { Queryable } from "./db.ts";

/**
 * Whether the database answers `SELECT 1` within `timeoutMs`. A health probe must answer quickly
 * even when the database hangs instead of refusing connections.
 */
export async function databaseAnswers(db: Queryable, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.query("SELECT 1").then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

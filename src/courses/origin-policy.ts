import type { Queryable } from "../db/index.ts";
import { normalizeOrigin, readAllowedOrigins, updateAllowedOrigins } from "./allowed-origins.ts";

export interface OriginPolicyDeps {
  db: Queryable;
  /** Origins allowed for courses that set none of their own (`WIDGET_ALLOWED_ORIGINS`). */
  defaults: readonly string[];
  /** How long a course's list is reused before it is read again; other replicas' edits show up after this. */
  cacheMs?: number;
  now?: () => number;
}

export const defaultOriginPolicyTiming: Required<Pick<OriginPolicyDeps, "cacheMs" | "now">> = {
  cacheMs: 5_000,
  now: Date.now,
};

/**
 * Decides whether a browser page on `origin` may call the student API for a course. Lists are
 * cached briefly so a chat request does not cost an extra query; edits made through `update`
 * take effect at once in this process.
 */
export class OriginPolicy {
  private readonly cache = new Map<string, { origins: readonly string[]; until: number }>();
  private readonly cacheMs: number;
  private readonly now: () => number;
  private readonly defaults: readonly string[];

  constructor(private readonly deps: OriginPolicyDeps) {
    const timing = { ...defaultOriginPolicyTiming, ...deps };
    this.cacheMs = timing.cacheMs;
    this.now = timing.now;
    this.defaults = deps.defaults.map(normalizeOrigin).filter((o): o is string => o !== undefined);
  }

  /** The origins in force for a course: its own list, or the defaults when it has none. */
  async originsFor(course: string): Promise<readonly string[]> {
    const cached = this.cache.get(course);
    if (cached && cached.until > this.now()) return cached.origins;
    const own = await readAllowedOrigins(this.deps.db, course);
    const origins = own ?? this.defaults;
    this.cache.set(course, { origins, until: this.now() + this.cacheMs });
    if (this.cache.size > 1_000) this.cache.delete(this.cache.keys().next().value as string);
    return origins;
  }

  async allows(course: string, origin: string): Promise<boolean> {
    const normalized = normalizeOrigin(origin);
    if (!normalized || normalized === "*") return false;
    const origins = await this.originsFor(course);
    return origins.includes("*") || origins.includes(normalized);
  }

  /** Stores a course's list (`null` → back to the defaults); `false` when the course does not exist. */
  async update(course: string, origins: readonly string[] | null): Promise<string[] | null | false> {
    const stored = await updateAllowedOrigins(this.deps.db, course, origins);
    this.cache.delete(course);
    return stored;
  }

  invalidate(course?: string): void {
    if (course === undefined) this.cache.clear();
    else this.cache.delete(course);
  }
}

import { withDefaults } from "../../core/options.ts";
import { CourseRepository, type Db, SearchIndexRepository } from "../../db/index.ts";
import { ChunkAnalyses } from "./analyses.ts";
import { INDEX_FORMAT, packIndex, unpackIndex } from "./persisted.ts";
import { buildSnapshot, type CourseSnapshot, restoreSnapshot } from "./snapshot.ts";

export type { CourseSnapshot } from "./snapshot.ts";

export class UnknownCourseError extends Error {
  override name = "UnknownCourseError";
  constructor(readonly course: string) {
    super(`unknown course "${course}"`);
  }
}

export interface CourseIndexOptions {
  /** A loaded snapshot is trusted this long before the course's version is checked again. */
  checkIntervalMs: number;
  /** Memory all loaded snapshots may hold together; the least recently used go beyond it. */
  memoryBudgetBytes: number;
  /** Store indexes this process builds, so other processes (and its next start) load them. */
  store: boolean;
}

/** A one-second version check, 768 MiB of indexes, built indexes stored. */
export const courseIndexDefaults: CourseIndexOptions = {
  checkIntervalMs: 1_000,
  memoryBudgetBytes: 768 * 2 ** 20,
  store: true,
};

/** What the cache holds now. */
export interface CourseIndexStats {
  courses: number;
  bytes: number;
  budgetBytes: number;
  /** Snapshots dropped to stay within the budget since the start. */
  evictions: number;
}

/**
 * Each course's search indexes, loaded on the course's first question: read from the index the
 * database stores for the course's version, or built from its chunks (and then stored) when there
 * is none. Each lookup checks the course's version at most once per `checkIntervalMs`, so a
 * replica notices another replica's ingestion without a restart. Snapshots are kept in
 * least-recently-used order within a memory budget, so one server can hold many courses.
 */
export class CourseIndexes {
  private readonly snapshots = new Map<string, CourseSnapshot>();
  private readonly building = new Map<string, Promise<CourseSnapshot>>();
  private readonly lastChecked = new Map<string, number>();
  /** Sentence analyses of loaded courses' chunks, kept so a rebuild analyses only new chunks. */
  private readonly analyses = new Map<string, ChunkAnalyses>();
  private readonly courses: CourseRepository;
  private readonly stored: SearchIndexRepository;
  private readonly options: CourseIndexOptions;
  private evictions = 0;

  constructor(db: Db, options: Partial<CourseIndexOptions> | number = {}) {
    this.options = withDefaults(
      courseIndexDefaults,
      typeof options === "number" ? { checkIntervalMs: options } : options,
    );
    this.courses = new CourseRepository(db);
    this.stored = new SearchIndexRepository(db);
  }

  /** The current snapshot of a course; throws UnknownCourseError when the course does not exist. */
  async get(course: string): Promise<CourseSnapshot> {
    const current = this.snapshots.get(course);
    const now = Date.now();
    if (current && now - (this.lastChecked.get(course) ?? 0) < this.options.checkIntervalMs) {
      return this.touch(current);
    }
    const row = await this.courses.version(course);
    if (!row) {
      this.forget(course);
      throw new UnknownCourseError(course);
    }
    this.lastChecked.set(course, now);
    if (current && current.version === row.version) return this.touch(current);
    return this.rebuild(course);
  }

  /** Loads a course's indexes again now (after an ingestion in this process). */
  rebuild(course: string): Promise<CourseSnapshot> {
    const pending = this.building.get(course);
    if (pending) return pending;
    const build = this.load(course).finally(() => this.building.delete(course));
    this.building.set(course, build);
    return build;
  }

  loaded(course: string): CourseSnapshot | undefined {
    return this.snapshots.get(course);
  }

  forget(course: string): void {
    this.snapshots.delete(course);
    this.lastChecked.delete(course);
    this.analyses.delete(course);
  }

  private analysesOf(course: string): ChunkAnalyses {
    let analyses = this.analyses.get(course);
    if (!analyses) {
      analyses = new ChunkAnalyses();
      this.analyses.set(course, analyses);
    }
    return analyses;
  }

  stats(): CourseIndexStats {
    let bytes = 0;
    for (const snapshot of this.snapshots.values()) bytes += snapshot.bytes;
    return {
      courses: this.snapshots.size,
      bytes,
      budgetBytes: this.options.memoryBudgetBytes,
      evictions: this.evictions,
    };
  }

  private touch(snapshot: CourseSnapshot): CourseSnapshot {
    // Map order is the recency order: re-inserting moves the course to the most recent end.
    this.snapshots.delete(snapshot.course);
    this.snapshots.set(snapshot.course, snapshot);
    return snapshot;
  }

  private async load(course: string): Promise<CourseSnapshot> {
    const snapshot = (await this.restore(course)) ?? (await this.build(course));
    this.lastChecked.set(course, Date.now());
    this.touch(snapshot);
    this.evict(course);
    return snapshot;
  }

  /** The stored index of the course's current version, if there is one and it reads. */
  private async restore(course: string): Promise<CourseSnapshot | undefined> {
    const rows = await this.stored.read(course, INDEX_FORMAT);
    if (!rows) throw new UnknownCourseError(course);
    if (rows.stored === undefined) return this.build(course, rows);
    try {
      return restoreSnapshot(course, rows, unpackIndex(rows.stored).parts, "stored");
    } catch {
      // Unreadable (or written by a process that disagrees about the chunks): built anew below.
      return undefined;
    }
  }

  private async build(
    course: string,
    given?: Awaited<ReturnType<SearchIndexRepository["read"]>>,
  ): Promise<CourseSnapshot> {
    const rows = given ?? (await this.stored.read(course, INDEX_FORMAT, false));
    if (!rows) throw new UnknownCourseError(course);
    const started = performance.now();
    const { snapshot, parts } = await buildSnapshot(course, rows, this.analysesOf(course));
    if (this.options.store) {
      const packed = packIndex(parts);
      await this.stored.save(course, {
        version: rows.version,
        format: INDEX_FORMAT,
        data: packed.text,
        bytes: packed.bytes,
        builtMs: performance.now() - started,
      });
    }
    return snapshot;
  }

  /** Drops the least recently used snapshots (never `keep`) while the loaded ones exceed the budget. */
  private evict(keep: string): void {
    let { bytes } = this.stats();
    for (const [course, snapshot] of this.snapshots) {
      if (bytes <= this.options.memoryBudgetBytes) return;
      if (course === keep) continue;
      this.forget(course);
      bytes -= snapshot.bytes;
      this.evictions++;
    }
  }
}

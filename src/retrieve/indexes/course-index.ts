import { ChunkRepository, CourseRepository, type Queryable } from "../../db/index.ts";
import { ChunkAnalyses } from "./analyses.ts";
import { Bm25Index, defaultBm25Options } from "./bm25.ts";
import { TermAssociations } from "./term-associations.ts";

export interface CourseSnapshot {
  course: string;
  version: number;
  embeddingModel: string | null;
  embeddingDim: number | null;
  bm25: Bm25Index;
  /** Which course terms share sentences: hybrid search expands queries with them. */
  associations: TermAssociations;
  loadedAt: number;
}

export class UnknownCourseError extends Error {
  override name = "UnknownCourseError";
  constructor(readonly course: string) {
    super(`unknown course "${course}"`);
  }
}

/**
 * In-memory indexes per course, rebuilt from the database (never from files). Each lookup
 * checks the course's version, at most once per `checkIntervalMs`, so a replica notices
 * another replica's ingestion without a restart.
 */
export class CourseIndexes {
  private readonly snapshots = new Map<string, CourseSnapshot>();
  private readonly building = new Map<string, Promise<CourseSnapshot>>();
  private readonly lastChecked = new Map<string, number>();
  private readonly analyses = new Map<string, ChunkAnalyses>();
  private readonly courses: CourseRepository;
  private readonly chunks: ChunkRepository;

  constructor(
    db: Queryable,
    private readonly checkIntervalMs = 1_000,
  ) {
    this.courses = new CourseRepository(db);
    this.chunks = new ChunkRepository(db);
  }

  /** The current snapshot of a course; throws UnknownCourseError when the course does not exist. */
  async get(course: string): Promise<CourseSnapshot> {
    const current = this.snapshots.get(course);
    const now = Date.now();
    if (current && now - (this.lastChecked.get(course) ?? 0) < this.checkIntervalMs) return current;
    const row = await this.courses.version(course);
    if (!row) {
      this.snapshots.delete(course);
      throw new UnknownCourseError(course);
    }
    this.lastChecked.set(course, now);
    if (current && current.version === row.version) return current;
    return this.rebuild(course);
  }

  /** Rebuilds a course's indexes now (after an ingestion in this process). */
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

  private async load(course: string): Promise<CourseSnapshot> {
    // Version first: if ingestion commits between the two reads, the next check reloads again.
    const courseRow = await this.courses.version(course);
    if (!courseRow) throw new UnknownCourseError(course);
    const chunks = await this.chunks.ofCourse(course);
    // Each text is analysed once, sentence by sentence: BM25 indexes the words, the term
    // associations count which of them share a sentence. Chunks seen by an earlier build are not
    // analysed again, so adding one document costs that document's analysis.
    let analyses = this.analyses.get(course);
    if (!analyses) {
      analyses = new ChunkAnalyses();
      this.analyses.set(course, analyses);
    }
    const analysed = analyses.analyse(chunks);
    const bodyTerms = new Map(
      chunks.map((chunk, i) => [chunk.chunkId, (analysed[i] ?? []).flat().map((w) => w.term)]),
    );
    const snapshot: CourseSnapshot = {
      course,
      version: courseRow.version,
      embeddingModel: courseRow.embeddingModel,
      embeddingDim: courseRow.embeddingDim,
      bm25: new Bm25Index(chunks, defaultBm25Options, bodyTerms),
      associations: new TermAssociations(analysed),
      loadedAt: Date.now(),
    };
    this.snapshots.set(course, snapshot);
    this.lastChecked.set(course, Date.now());
    return snapshot;
  }
}

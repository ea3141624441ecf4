import path from "node:path";
import { hashText } from "../src/db/index.ts";
import { openDatabase } from "../src/db/open.ts";
import type { CourseEmbeddings } from "../src/embed/embeddings.ts";
import { CourseIndexes } from "../src/retrieve/index.ts";
import { type ServerProcess, spawnServer } from "../tests/helpers/server-process.ts";
import { embeddingInputsOf, ingestSynthetic, SECTIONS_PER_DOCUMENT } from "./scale.ts";
import { round, summarize } from "./stats.ts";
import { type SyntheticMaterial, seededRandom, syntheticCourse } from "./synthetic.ts";

const MiB = 2 ** 20;

export interface ManyCoursesResult {
  courses: number;
  chunksPerCourse: number;
  /** Ingesting every course and building (and storing) its indexes, as `tutor ingest` does. */
  prepareSeconds: number;
  /**
   * The serving process's resident memory: with the first course loaded, after every course was
   * asked once, at the end, and the highest sampled (after every tenth search).
   */
  rssMiB: { ready: number; allLoaded: number; end: number; peak: number };
  /** The index cache as /metrics reports it at the end. */
  indexes: { courses: number; mib: number; evictions: number };
  /** Each course's first search after the start, while its indexes load from the database. */
  coldFirstSearchMs: ReturnType<typeof summarize>;
  /** Searches on courses whose indexes are loaded, courses picked at random. */
  warmSearchMs: ReturnType<typeof summarize>;
  /** The index cache's budget (SEARCH_INDEX_MEMORY_MB) the server ran with. */
  indexBudgetMiB: number;
}

export interface ManyCoursesOptions {
  workDir: string;
  courses: number;
  chunksPerCourse: number;
  material: SyntheticMaterial;
  queries: readonly string[];
  embeddings: CourseEmbeddings;
  indexBudgetMiB: number;
  log: (line: string) => void;
}

const courseId = (i: number) => `course-${String(i).padStart(2, "0")}`;

/** Every course ingested into one embedded database, with its indexes built and stored. */
async function prepareCourses(options: ManyCoursesOptions, dataDir: string): Promise<number> {
  const started = performance.now();
  const db = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    for (let i = 0; i < options.courses; i++) {
      const course = await syntheticCourse(
        options.material,
        {
          seed: 7_000 + 10 * i,
          documents: Math.ceil(options.chunksPerCourse / SECTIONS_PER_DOCUMENT),
          sections: SECTIONS_PER_DOCUMENT,
        },
        embeddingInputsOf,
        hashText,
      );
      await ingestSynthetic(db, options.embeddings, {
        folder: path.join(options.workDir, "courses", courseId(i)),
        course: courseId(i),
        documents: course.documents,
        vectors: course.vectors,
      });
      await new CourseIndexes(db).get(courseId(i));
      if ((i + 1) % 10 === 0) options.log(`  ${i + 1} of ${options.courses} courses ingested and indexed`);
    }
  } finally {
    await db.close();
  }
  return (performance.now() - started) / 1000;
}

async function search(server: ServerProcess, course: string, query: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${server.url}/v1/search`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ course, query, k: 5 }),
  });
  await res.json();
  if (!res.ok) throw new Error(`search on ${course} failed with ${res.status}`);
  return performance.now() - started;
}

/**
 * `courses` synthetic courses of `chunksPerCourse` chunks in one database, served by one
 * `tutor serve` process: its memory, each course's first (cold) search and warm searches.
 */
export async function benchManyCourses(options: ManyCoursesOptions): Promise<ManyCoursesResult> {
  const dataDir = path.join(options.workDir, "many-courses");
  options.log(`  ingesting ${options.courses} courses of ${options.chunksPerCourse} chunks…`);
  const prepareSeconds = await prepareCourses(options, dataDir);
  const server = await spawnServer({
    TUTOR_DATA_DIR: dataDir,
    TUTOR_DEFAULT_COURSE: courseId(0),
    LOG_LEVEL: "warn",
    RATE_LIMIT_IP: "0",
    RATE_LIMIT_SESSION: "0",
    RATE_LIMIT_COURSE: "0",
    SEARCH_INDEX_MEMORY_MB: String(options.indexBudgetMiB),
  });
  try {
    const query = (n: number) => options.queries[n % options.queries.length] as string;
    let peak = 0;
    const sample = async () => {
      const rss = await server.rssBytes();
      peak = Math.max(peak, rss);
      return rss;
    };
    await search(server, courseId(0), query(0));
    const ready = await sample();
    const cold: number[] = [];
    for (let i = 1; i < options.courses; i++) {
      cold.push(await search(server, courseId(i), query(i)));
      if (i % 10 === 0) await sample();
    }
    const allLoaded = await sample();
    const random = seededRandom(99);
    const warm: number[] = [];
    for (let n = 0; n < 300; n++) {
      warm.push(await search(server, courseId(Math.floor(random() * options.courses)), query(n)));
      if (n % 10 === 0) await sample();
    }
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const gauge = (name: string) =>
      Number(new RegExp(`^${name} (\\S+)$`, "m").exec(metrics)?.[1] ?? Number.NaN);
    return {
      courses: options.courses,
      chunksPerCourse: options.chunksPerCourse,
      prepareSeconds: round(prepareSeconds),
      rssMiB: {
        ready: Math.round(ready / MiB),
        allLoaded: Math.round(allLoaded / MiB),
        end: Math.round((await sample()) / MiB),
        peak: Math.round(peak / MiB),
      },
      indexes: {
        courses: gauge("tutor_search_index_courses"),
        mib: round(gauge("tutor_search_index_bytes") / MiB, 1),
        evictions: gauge("tutor_search_index_evictions_total"),
      },
      coldFirstSearchMs: summarize(cold),
      warmSearchMs: summarize(warm),
      indexBudgetMiB: options.indexBudgetMiB,
    };
  } finally {
    await server.stop("SIGTERM");
  }
}

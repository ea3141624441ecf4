import { fromVectorLiteral } from "../src/db/db.ts";
import { openDatabase } from "../src/db/open.ts";
import { SentenceEncoderEmbeddings } from "../src/embed/index.ts";
import { benchQueries } from "./queries.ts";
import { benchScale, SCALE_COURSE, type ScalePoint } from "./scale.ts";
import { benchManyCourses, type ManyCoursesResult } from "./scale-courses.ts";
import { benchRestart, type RestartResult, type StartTiming } from "./scale-restart.ts";
import { round } from "./stats.ts";
import { type SyntheticMaterial, sentencePool } from "./synthetic.ts";
import { table } from "./table.ts";

export interface ScaleSection {
  synthetic: string;
  points: ScalePoint[];
  restart: RestartResult | undefined;
  manyCourses: ManyCoursesResult;
}

/** The bundled course's sentences and vectors, read from a database it was ingested into. */
export async function courseMaterial(dataDir: string): Promise<SyntheticMaterial> {
  const db = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    const { rows } = await db.query<{ text: string; embedding: string }>(
      "SELECT text, embedding::text AS embedding FROM chunks WHERE course_id = 'aie101' ORDER BY source, ord",
    );
    return {
      sentences: sentencePool(rows.map((r) => r.text)),
      baseVectors: rows.map((r) => Array.from(fromVectorLiteral(r.embedding))),
    };
  } finally {
    await db.close();
  }
}

const SYNTHETIC =
  "20-section markdown documents of shuffled bundled-course sentences; vectors are normalised blends of two real " +
  "USE course vectors plus Gaussian noise, pre-filled into the embedding cache, so ingestion runs the real " +
  "loaders, chunker, writes and HNSW indexing but never the model";

/**
 * The scale part of the bench: one synthetic course at each size (ingestion, index build and
 * load, search stages, the LangChain.js ensemble), a restart on the largest, and many courses in
 * one server.
 */
export async function runScaleSection(input: {
  workDir: string;
  material: SyntheticMaterial;
  quick: boolean;
  log: (line: string) => void;
}): Promise<ScaleSection> {
  const { log } = input;
  const sizes = input.quick ? [1_000, 5_000] : [1_000, 5_000, 20_000];
  log(`Scale: a synthetic course at ${sizes.join(", ")} chunks, each in a fresh embedded database…`);
  log(`  Synthetic: ${SYNTHETIC}.`);
  const embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
  try {
    const queries = benchQueries(100);
    const points = await benchScale({
      workDir: input.workDir,
      sizes,
      material: input.material,
      queries,
      embeddings,
      log,
    });
    printPoints(points, log);
    const largest = points.at(-1);
    let restart: RestartResult | undefined;
    if (largest) {
      log(`Restart: tutor serve on the ${largest.chunks}-chunk course's data folder…`);
      restart = await benchRestart({
        dataDir: largest.dataDir,
        course: SCALE_COURSE,
        chunks: largest.chunks,
        queries,
      });
      const afterDb = (t: StartTiming) =>
        t.readyAfterDatabaseMs === undefined ? "?" : String(round(t.readyAfterDatabaseMs, 0));
      log(
        `  first start after ingestion: /readyz ${restart.firstStart.readyzStatus} after ` +
          `${round(restart.firstStart.readyMs, 0)} ms, ${afterDb(restart.firstStart)} ms after the database opened`,
      );
      log(
        `  restart: /readyz ${restart.readyzStatus} after ${round(restart.readyMs, 0)} ms from process start, ` +
          `${afterDb(restart)} ms after the database opened; ` +
          `first search ${round(restart.firstSearchMs, 0)} ms (loads the stored indexes), ` +
          `then ${round(restart.secondSearchMs, 0)} ms`,
      );
    }
    const [courses, chunksPerCourse] = input.quick ? [10, 1_000] : [50, 2_000];
    log(`Many courses: ${courses} courses of ${chunksPerCourse} chunks in one database, one tutor serve…`);
    const manyCourses = await benchManyCourses({
      workDir: input.workDir,
      courses,
      chunksPerCourse,
      material: input.material,
      queries,
      embeddings,
      indexBudgetMiB: 768,
      log,
    });
    log(
      `  serving RSS: ${manyCourses.rssMiB.ready} MiB with one course loaded, ${manyCourses.rssMiB.allLoaded} MiB with all, ` +
        `${manyCourses.rssMiB.end} MiB at the end; index cache ${manyCourses.indexes.courses} courses, ` +
        `${manyCourses.indexes.mib} MiB of ${manyCourses.indexBudgetMiB}, ${manyCourses.indexes.evictions} evictions`,
    );
    log(
      `  cold first search p50 ${manyCourses.coldFirstSearchMs.p50} ms, max ${manyCourses.coldFirstSearchMs.max} ms; ` +
        `warm p50 ${manyCourses.warmSearchMs.p50} ms, p95 ${manyCourses.warmSearchMs.p95} ms ` +
        `(prepared in ${round(manyCourses.prepareSeconds, 0)} s)`,
    );
    return { synthetic: SYNTHETIC, points, restart, manyCourses };
  } finally {
    await embeddings.close();
  }
}

function printPoints(points: ScalePoint[], log: (line: string) => void): void {
  log(
    table([
      [
        "chunks",
        "ingest s",
        "chunks/s",
        "index build ms",
        "index load ms",
        "index MiB",
        "search p50",
        "p95",
        "p99",
        "LangChain p50",
        "p95",
      ],
      ...points.map((p) => [
        p.chunks,
        p.ingestSeconds,
        p.ingestChunksPerSecond,
        p.indexBuildMs,
        p.indexLoadMs,
        p.indexMiB,
        p.searchMs.p50,
        p.searchMs.p95,
        p.searchMs.p99,
        p.langchainSearchMs.p50,
        p.langchainSearchMs.p95,
      ]),
    ]),
  );
  for (const p of points) {
    const stages = (s: ScalePoint["searchStageP50Ms"]) =>
      `embed ${s.embed}, bm25 ${s.bm25}, vector ${s.vector}, rerank ${s.rerank}`;
    log(
      `  ${p.chunks} chunks, stages p50 ms: ${stages(p.searchStageP50Ms)}; p95: ${stages(p.searchStageP95Ms)}`,
    );
    log(`    search CPU time p50 ${p.searchCpuMs.p50} ms, p95 ${p.searchCpuMs.p95} ms`);
    log(`    vector plan: ${p.vectorPlan.join(" | ")}`);
    log(`    search p50 ÷ LangChain p50: ${round(p.searchMs.p50 / p.langchainSearchMs.p50, 3)}`);
  }
  const first = points[0];
  const last = points.at(-1);
  if (first && last && first !== last) {
    log(
      `  search p95 grows ${round(last.searchMs.p95 / first.searchMs.p95)}× from ${first.chunks} to ${last.chunks} chunks`,
    );
  }
}

import path from "node:path";
import { parseArgs } from "node:util";
import type { Answer } from "../../core/chat.ts";
import { acquireDataDirLock, type LockInfo, readLock } from "../../db/data-lock.ts";
import type { IngestSummary } from "../../ingest/sync.ts";
import { UnknownCourseError } from "../../retrieve/index.ts";
import { type Config, ConfigError, loadConfig } from "../config.ts";
import { startServer } from "../server.ts";
import { createTutor, type Tutor } from "../tutor.ts";
import { createProgressBar } from "./progress.ts";

const USAGE = `Course Tutor — answers students from their course's own material, with citations.

Usage:
  tutor ingest [DIR] [--course ID] [--json]      ingest a folder (default: the bundled course)
  tutor serve [--port N]                          start the API (default port 3000 or PORT)
  tutor search "QUERY" [--course ID] [--k N] [--json]
  tutor ask "QUESTION" [--course ID] [--json]
  tutor eval [--dataset FILE] [--course ID] [--configs a,b] [--out DIR] [--split dev|test|all]
             [--thresholds FILE]                  retrieval and answer evals; writes report.json/.md/.html

Settings come from the environment (DATABASE_URL, TUTOR_DATA_DIR, EMBEDDER, …); see the README.`;

class UsageError extends Error {}

type Options = {
  course?: string;
  json?: boolean;
  k?: string;
  port?: string;
  help?: boolean;
  dataset?: string;
  configs?: string;
  out?: string;
  split?: string;
  thresholds?: string;
};

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      course: { type: "string", short: "c" },
      json: { type: "boolean" },
      k: { type: "string" },
      port: { type: "string", short: "p" },
      help: { type: "boolean", short: "h" },
      dataset: { type: "string" },
      configs: { type: "string" },
      out: { type: "string" },
      split: { type: "string" },
      thresholds: { type: "string" },
    },
  });
  return { options: values as Options, positionals };
}

const write = (text: string) => process.stdout.write(`${text}\n`);
const note = (text: string) => process.stderr.write(`${text}\n`);

/** With PGlite, a running server owns the data folder: talk to it instead of opening it. */
async function runningServer(config: Config): Promise<LockInfo | undefined> {
  if (config.databaseUrl) return undefined;
  const holder = await readLock(config.dataDir);
  return holder?.port ? holder : undefined;
}

async function callServer<T>(server: LockInfo, route: string, body: unknown, admin = false): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${server.port}${route}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(admin ? { authorization: `Bearer ${server.token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const payload = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(payload.error?.message ?? `server answered ${response.status}`);
  return payload;
}

async function withTutor<T>(config: Config, command: string, work: (tutor: Tutor) => Promise<T>): Promise<T> {
  const lock = config.databaseUrl ? undefined : await acquireDataDirLock(config.dataDir, command);
  let tutor: Tutor | undefined;
  try {
    tutor = await createTutor(config);
    return await work(tutor);
  } finally {
    await tutor?.close();
    await lock?.release();
  }
}

/** A new user's first `tutor ask` should work before any ingest: load the bundled course. */
async function ensureDefaultCourse(tutor: Tutor, course: string): Promise<void> {
  if (course !== tutor.config.defaultCourse || !(await tutor.courseIsEmpty(course))) return;
  note(`Course "${course}" is empty: ingesting the bundled material first…`);
  const bar = createProgressBar();
  await tutor.ingest(tutor.config.corpusDir, course, (phase, done, total) => bar.update(phase, done, total));
  bar.finish();
}

function printSummary(summary: IngestSummary, json: boolean | undefined): void {
  if (json) {
    write(JSON.stringify(summary));
    return;
  }
  write(
    `Course "${summary.course}": ${summary.documents} documents, ${summary.chunks} chunks ` +
      `(added ${summary.added}, updated ${summary.updated}, removed ${summary.removed}, unchanged ${summary.unchanged}) ` +
      `in ${(summary.ms / 1000).toFixed(1)} s.`,
  );
  if (summary.reembedded) write("The course was on another embedding model: every document was re-embedded.");
  for (const skip of summary.skipped) write(`  skipped ${skip.source}: ${skip.reason}`);
}

async function ingestCommand(config: Config, options: Options, positionals: string[]): Promise<void> {
  const dir = path.resolve(positionals[0] ?? config.corpusDir);
  const course = options.course ?? config.defaultCourse;
  const server = await runningServer(config);
  if (server) {
    note(`A tutor server (pid ${server.pid}) holds the data folder; asking it to ingest ${dir}…`);
    printSummary(
      await callServer<IngestSummary>(server, "/admin/ingest", { dir, course }, true),
      options.json,
    );
    return;
  }
  const bar = createProgressBar();
  const summary = await withTutor(config, "ingest", (tutor) =>
    tutor.ingest(dir, course, (phase, done, total) => bar.update(phase, done, total)),
  );
  bar.finish();
  printSummary(summary, options.json);
}

interface SearchReply {
  results: { source: string; title: string; heading: string; text: string; score: number; scores: object }[];
  timings: object;
}

async function searchCommand(config: Config, options: Options, positionals: string[]): Promise<void> {
  const query = positionals.join(" ").trim();
  if (!query) throw new UsageError('tutor search needs a query: tutor search "what is BM25?"');
  const k = options.k === undefined ? 5 : Number(options.k);
  if (!Number.isInteger(k) || k < 1 || k > 50)
    throw new UsageError("--k must be a whole number from 1 to 50");
  const course = options.course ?? config.defaultCourse;
  const server = await runningServer(config);
  const reply: SearchReply = server
    ? await callServer<SearchReply>(server, "/v1/search", { course, query, k })
    : await withTutor(config, "search", async (tutor) => {
        await ensureDefaultCourse(tutor, course);
        const { presentSearchResult } = await import("../../surfaces/http/routes/search.ts");
        const response = await tutor.searcher.search({ course, query, k });
        return { results: response.results.map(presentSearchResult), timings: response.timings };
      });
  if (options.json) {
    write(JSON.stringify(reply));
    return;
  }
  if (reply.results.length === 0) write("No matching material.");
  reply.results.forEach((r, i) => {
    const where = r.heading && r.heading !== r.title ? `${r.title} › ${r.heading}` : r.title;
    write(`${i + 1}. ${r.source} — ${where}  (score ${r.score.toFixed(4)})`);
    write(`   ${r.text.replace(/\s+/g, " ").slice(0, 200)}${r.text.length > 200 ? "…" : ""}`);
  });
}

async function askCommand(config: Config, options: Options, positionals: string[]): Promise<void> {
  const message = positionals.join(" ").trim();
  if (!message) throw new UsageError('tutor ask needs a question: tutor ask "what is model drift?"');
  const course = options.course ?? config.defaultCourse;
  const server = await runningServer(config);
  const answer: Answer = server
    ? await callServer<Answer>(server, "/v1/chat", { course, message })
    : await withTutor(config, "ask", async (tutor) => {
        await ensureDefaultCourse(tutor, course);
        return tutor.pipeline.ask({ course, message, surface: "cli" });
      });
  if (options.json) {
    write(JSON.stringify(answer));
    return;
  }
  write(answer.answer);
  if (answer.citations.length > 0) {
    write("");
    for (const c of answer.citations) {
      write(
        `[${c.n}] ${c.source} — ${c.title}${c.heading && c.heading !== c.title ? ` › ${c.heading}` : ""}`,
      );
    }
  }
  if (answer.status !== "answered") write(`\n(status: ${answer.status})`);
}

async function serveCommand(config: Config, options: Options): Promise<void> {
  const port = options.port === undefined ? config.port : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError("--port must be a port number");
  const bar = createProgressBar();
  const server = await startServer(
    { ...config, port },
    {
      log: (message) => {
        bar.finish();
        note(message);
      },
      onIngestProgress: (phase, done, total) => bar.update(phase, done, total),
    },
  );
  const stop = async (signal: string) => {
    note(`${signal}: finishing in-flight requests…`);
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

/** The eval harness (src/eval/); loaded only when asked for, it pulls in the report writers. */
async function evalCommand(config: Config, options: Options): Promise<number> {
  const { runEvalCommand, EvalUsageError } = await import("./eval.ts");
  try {
    return await runEvalCommand(config, options, { write, note, ensureCourse: ensureDefaultCourse });
  } catch (error) {
    // A bad dataset or option: say what is wrong without the whole usage text.
    if (!(error instanceof EvalUsageError)) throw error;
    note(`tutor eval: ${error.message}`);
    return 2;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "help" || command === "--help" || command === "-h") {
      write(USAGE);
      return command ? 0 : 2;
    }
    const { options, positionals } = parse(rest);
    if (options.help) {
      write(USAGE);
      return 0;
    }
    const config = loadConfig();
    switch (command) {
      case "ingest":
        await ingestCommand(config, options, positionals);
        return 0;
      case "search":
        await searchCommand(config, options, positionals);
        return 0;
      case "ask":
        await askCommand(config, options, positionals);
        return 0;
      case "eval":
        return await evalCommand(config, options);
      case "serve":
        await serveCommand(config, options);
        return -1;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      note(`tutor: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof UnknownCourseError) {
      note(`tutor: ${error.message}`);
      if (error instanceof UnknownCourseError)
        note(`Ingest it first: tutor ingest DIR --course ${error.course}`);
      return 1;
    }
    note(`tutor: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);

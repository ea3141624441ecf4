import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { packageRoot } from "../../src/core/paths.ts";
import { CACHE_WRITE_BATCH } from "../../src/embed/cache.ts";
import type { IngestSummary } from "../../src/ingest/sync.ts";
import { type PgliteWireServer, startPgliteWireServer } from "../helpers/pg-server.ts";
import { spawnServer } from "../helpers/server-process.ts";

const COURSE = "resume101";
const TOKEN = "resume-admin-token-5150";
const FILES = 30;
const SECTIONS = 6;

/** Thirty handouts of six sections, each section its own passage, none of them in any cache. */
async function writeHandouts(folder: string): Promise<void> {
  const topics = ["sampling", "labelling", "drift", "monitoring", "rollback", "evaluation"];
  for (let file = 0; file < FILES; file++) {
    const sections = topics.slice(0, SECTIONS).map((topic, s) => {
      const sentences = Array.from(
        { length: 6 },
        (_, k) =>
          `Station ${file}-${s}-${k} logs ${topic} checks with tolerance ${(file * 7 + s * 3 + k) % 97} per shift, ` +
          `and the reviewer signs sheet R${1000 + file * 10 + s} before the ${topic} audit closes.`,
      );
      return `## ${topic} at station ${file}\n\n${sentences.join(" ")}\n`;
    });
    await writeFile(
      path.join(folder, `handout-${String(file).padStart(2, "0")}.md`),
      `# Handout ${file}\n\n${sections.join("\n")}`,
    );
  }
}

/** The process whose parent is `parent` (what `script` runs on its terminal), from /proc. */
async function childOf(parent: number): Promise<number | undefined> {
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // pid (comm) state ppid …; comm may hold spaces, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid === parent) return Number(entry);
  }
  return undefined;
}

/**
 * `tutor ingest` killed with SIGKILL while it embeds, then started again. It runs on a terminal
 * (through `script`) so that its own progress bar says how far embedding has got; the database
 * is PGlite served over the Postgres wire protocol, so it outlives the killed process.
 */
describe("an ingestion killed while embedding", () => {
  let database: PgliteWireServer;
  let client: pg.Client;
  let folder: string;

  beforeAll(async () => {
    database = await startPgliteWireServer({
      maxConnections: 8,
      loadDataDir: new Blob([await readFile(inject("courseDumpPath"))]),
    });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    folder = await mkdtemp(path.join(os.tmpdir(), "tutor-embed-kill-"));
    await writeHandouts(folder);
  });
  afterAll(async () => {
    await client?.end();
    await database?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const env = () => ({
    DATABASE_URL: database.url,
    EMBED_WORKERS: "1",
    LOG_LEVEL: "silent",
    ADMIN_TOKEN: TOKEN,
    RATE_LIMIT_IP: "0",
    RATE_LIMIT_SESSION: "0",
    RATE_LIMIT_COURSE: "0",
  });
  const cachedVectors = async () =>
    (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM embedding_cache")).rows[0]?.n ?? 0;
  const runOf = async () =>
    (
      await client.query<{ status: string; error: string | null }>(
        "SELECT status, error FROM course_ingestions WHERE course_id = $1 ORDER BY started_at DESC LIMIT 1",
        [COURSE],
      )
    ).rows[0];

  it("keeps what it embedded, is marked abandoned when a server starts, and the rerun embeds only the rest", async () => {
    const cachedBefore = await cachedVectors();
    const command = [
      process.execPath,
      path.join(packageRoot, "bin", "tutor.js"),
      "ingest",
      folder,
      "--course",
      COURSE,
    ];
    const terminal: ChildProcess = spawn("script", ["-qfec", `exec ${command.join(" ")}`, "/dev/null"], {
      env: { ...process.env, ...env() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let screen = "";
    terminal.stdout?.on("data", (piece: Buffer) => {
      screen += piece.toString();
    });
    const ended = new Promise<void>((resolve) => terminal.once("exit", () => resolve()));
    let gone = false;
    void ended.then(() => {
      gone = true;
    });

    // Kill it once its progress bar shows it past the first two cache writes' worth of texts.
    let progress: { done: number; total: number } | undefined;
    const deadline = Date.now() + 180_000;
    while (!gone && Date.now() < deadline) {
      const shown = [...screen.matchAll(/embed\s+\S+\s+\d+%\s+(\d+)\/(\d+)/g)].at(-1);
      if (shown && Number(shown[1]) >= 2 * CACHE_WRITE_BATCH + 8) {
        progress = { done: Number(shown[1]), total: Number(shown[2]) };
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(progress, `tutor ingest ended or stalled before it was killed:\n${screen}`).toBeDefined();
    const ingest = await childOf(terminal.pid as number);
    expect(ingest).toBeDefined();
    process.kill(ingest as number, "SIGKILL");
    await ended;
    const total = progress?.total ?? 0;
    expect(total).toBe(FILES * SECTIONS);
    expect((await runOf())?.status).toBe("running");

    // What it embedded before it died is in the cache: at most one unfinished write was lost.
    const kept = (await cachedVectors()) - cachedBefore;
    expect(kept).toBeGreaterThanOrEqual((progress?.done ?? 0) - CACHE_WRITE_BATCH);
    expect(kept).toBeLessThan(total);

    // A server starting on the database records the dead run as abandoned before anything else.
    const server = await spawnServer(env());
    try {
      expect(await runOf()).toMatchObject({ status: "abandoned", error: expect.stringMatching(/abandoned/) });
      const rerun = await fetch(`${server.url}/admin/ingest`, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ course: COURSE, dir: folder }),
      });
      expect(rerun.status).toBe(200);
      const summary = (await rerun.json()) as IngestSummary;
      expect(summary).toMatchObject({ added: FILES, chunks: total, resumed: 0 });
      expect(summary.embedded).toBe(total - kept);
    } finally {
      await server.stop();
    }
  }, 420_000);
});

import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite/vector";
import { packageRoot } from "../../src/app/config.ts";

/** `tutor serve` running as its own process, as in production; its memory is its own. */
export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /** Resident set size of the server process, in bytes (Linux /proc). */
  rssBytes(): Promise<number>;
  /** What the server wrote to stderr so far (its human-readable log). */
  log(): string;
  /** Milliseconds from spawning to the first stderr output matching `pattern`, if it appeared. */
  seenAfterMs(pattern: RegExp): number | undefined;
  /** Sends a signal (SIGTERM by default) and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Writes a PGlite dump (such as the seeded course) into `dataDir` as `tutor serve` expects it. */
export async function seedDataDir(dataDir: string, dump: Blob): Promise<void> {
  const pglite = await PGlite.create({
    dataDir: path.join(dataDir, "pglite"),
    loadDataDir: dump,
    extensions: { vector },
  });
  await pglite.close();
}

export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
  return kib * 1024;
}

/**
 * Starts `node bin/tutor.js serve --port 0` with `env` on top of this process's environment and
 * resolves once it reports ready. Binds 127.0.0.1 only.
 */
export async function spawnServer(
  env: Record<string, string>,
  readyTimeoutMs = 180_000,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(packageRoot, "bin", "tutor.js"), "serve", "--port", "0"],
    {
      env: { ...process.env, HOST: "127.0.0.1", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const spawnedAt = performance.now();
  let stderr = "";
  /** When each piece of stderr arrived, and where in `stderr` it ends. */
  const pieces: { at: number; end: number }[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`tutor serve not ready after ${readyTimeoutMs} ms:\n${stderr}`)),
      readyTimeoutMs,
    );
    child.stderr?.on("data", (piece: Buffer) => {
      stderr += piece.toString();
      pieces.push({ at: performance.now() - spawnedAt, end: stderr.length });
      const ready = /ready on http:\/\/[^:]+:(\d+)/.exec(stderr);
      if (ready) {
        clearTimeout(timer);
        resolve(Number(ready[1]));
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`tutor serve exited (${code ?? signal}) before it was ready:\n${stderr}`));
    });
  });
  const pid = child.pid as number;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid,
    rssBytes: () => rssOf(pid),
    log: () => stderr,
    seenAfterMs(pattern) {
      const match = pattern.exec(stderr);
      if (!match) return undefined;
      const end = match.index + match[0].length;
      return pieces.find((p) => p.end >= end)?.at;
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

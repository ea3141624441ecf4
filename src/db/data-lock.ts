import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * PGlite is a single-process database: two processes opening one data folder would corrupt it.
 * The process that opens it holds `tutor.lock`; a server also records its port and a token so
 * that CLI commands run meanwhile can ask the server instead of opening the folder themselves.
 */
export interface LockInfo {
  pid: number;
  port?: number;
  /** Lets local CLI commands use the running server's admin routes. */
  token: string;
  command: string;
}

export class DataDirBusyError extends Error {
  override name = "DataDirBusyError";
  constructor(
    readonly holder: LockInfo,
    readonly lockPath: string,
  ) {
    super(
      `The data folder is in use by another tutor process (pid ${holder.pid}, ${holder.command}). ` +
        "Stop it, or set DATABASE_URL to share a server Postgres between processes.",
    );
  }
}

export interface DataDirLock {
  info: LockInfo;
  update(patch: Partial<Pick<LockInfo, "port">>): Promise<void>;
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function readLock(dataDir: string): Promise<LockInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(path.join(dataDir, "tutor.lock"), "utf8")) as LockInfo;
    return typeof info.pid === "number" && isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

export async function acquireDataDirLock(dataDir: string, command: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "tutor.lock");
  const info: LockInfo = { pid: process.pid, token: randomBytes(24).toString("hex"), command };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, JSON.stringify(info), { flag: "wx", mode: 0o600 });
      let released = false;
      return {
        info,
        update: async (patch) => {
          Object.assign(info, patch);
          await writeFile(lockPath, JSON.stringify(info), { mode: 0o600 });
        },
        release: async () => {
          if (released) return;
          released = true;
          await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = await readLock(dataDir);
      if (holder && holder.pid !== process.pid) throw new DataDirBusyError(holder, lockPath);
      // The previous holder died without cleaning up; its lock is stale.
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`could not take the data folder lock at ${lockPath}`);
}

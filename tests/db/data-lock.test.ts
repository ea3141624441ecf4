import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirBusyError, readLock } from "../../src/db/data-lock.ts";

describe("the data-folder lock", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "tutor-lock-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("is exclusive while held and free again after release", async () => {
    const lock = await acquireDataDirLock(dir, "serve");
    await lock.update({ port: 3123 });
    expect(await readLock(dir)).toMatchObject({ pid: process.pid, port: 3123, command: "serve" });
    // Pretend another live process holds it: our own pid is alive, so use the parent's.
    await writeFile(path.join(dir, "tutor.lock"), JSON.stringify({ ...lock.info, pid: process.ppid }));
    await expect(acquireDataDirLock(dir, "ingest")).rejects.toBeInstanceOf(DataDirBusyError);
    await lock.release();
    const again = await acquireDataDirLock(dir, "ingest");
    await again.release();
  });

  it("takes over a lock whose process is gone", async () => {
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = await new Promise<number>((resolve) =>
      child.on("exit", () => resolve(child.pid as number)),
    );
    await writeFile(
      path.join(dir, "tutor.lock"),
      JSON.stringify({ pid: deadPid, token: "x", command: "serve" }),
    );
    expect(await readLock(dir)).toBeUndefined();
    const lock = await acquireDataDirLock(dir, "ingest");
    expect(JSON.parse(await readFile(path.join(dir, "tutor.lock"), "utf8")).pid).toBe(process.pid);
    await lock.release();
  });
});

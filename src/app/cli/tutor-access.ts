import { acquireDataDirLock, type LockInfo, readLock } from "../../db/data-lock.ts";
import type { Config } from "../config.ts";
import { createTutor, type Tutor } from "../tutor.ts";
import { note } from "./options.ts";
import { createProgressBar } from "./progress.ts";

/** With PGlite, a running server owns the data folder: talk to it instead of opening it. */
export async function runningServer(config: Config): Promise<LockInfo | undefined> {
  if (config.databaseUrl) return undefined;
  const holder = await readLock(config.dataDir);
  return holder?.port ? holder : undefined;
}

export async function callServer<T>(
  server: LockInfo,
  route: string,
  body: unknown,
  admin = false,
): Promise<T> {
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

/** Opens the tutor in this process (holding the data folder's lock) for one piece of work. */
export async function withTutor<T>(
  config: Config,
  command: string,
  work: (tutor: Tutor) => Promise<T>,
  create: (config: Config) => Promise<Tutor> = createTutor,
): Promise<T> {
  const lock = config.databaseUrl ? undefined : await acquireDataDirLock(config.dataDir, command);
  let tutor: Tutor | undefined;
  try {
    tutor = await create(config);
    return await work(tutor);
  } finally {
    await tutor?.close();
    await lock?.release();
  }
}

/** A new user's first `tutor ask` should work before any ingest: load the bundled course. */
export async function ensureDefaultCourse(tutor: Tutor, course: string): Promise<void> {
  if (course !== tutor.config.defaultCourse || !(await tutor.courseIsEmpty(course))) return;
  note(`Course "${course}" is empty: ingesting the bundled material first…`);
  const bar = createProgressBar();
  await tutor.ingest(tutor.config.corpusDir, course, (phase, done, total) => bar.update(phase, done, total));
  bar.finish();
}

import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../../src/app/config.ts";
import { migrate } from "../../src/db/migrate.ts";
import { openPglite } from "../../src/db/pglite.ts";
import { embedWithCache, SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { loadExemplarLibrary } from "../../src/guard/index.ts";
import { ingestFolder, PIPELINE_VERSION } from "../../src/ingest/sync.ts";
import { listFiles } from "../../src/ingest/walk.ts";

export const BUNDLED_COURSE = "aie101";
const cacheDir = path.join(packageRoot, ".tmp", "test-cache");

/** What the dump depends on: the course text, the schema and the code that chunks and embeds. */
async function dumpKey(): Promise<string> {
  const hash = createHash("sha256").update(PIPELINE_VERSION);
  const inputs = [
    ...(await listFiles(path.join(packageRoot, "corpus"))).map((f) => f.absolute),
    ...(await listFiles(path.join(packageRoot, "migrations"))).map((f) => f.absolute),
    ...(await listFiles(path.join(packageRoot, "src", "ingest"))).map((f) => f.absolute),
    ...(await listFiles(path.join(packageRoot, "src", "text"))).map((f) => f.absolute),
    path.join(packageRoot, "src", "embed", "sentence-encoder", "model.ts"),
    ...(await listFiles(path.join(packageRoot, "config", "guard-exemplars")))
      .filter((f) => f.relative.endsWith(".jsonl"))
      .map((f) => f.absolute),
  ];
  for (const file of inputs.sort()) {
    hash.update(file.slice(packageRoot.length));
    hash.update(await readFile(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * A PGlite data folder (as a tarball) holding the bundled course, ingested with the real
 * embedder. Built once per change of its inputs, then loaded by every integration test.
 */
export async function ensureCourseDump(): Promise<string> {
  const file = path.join(cacheDir, `aie101-${await dumpKey()}.tar.gz`);
  if (existsSync(file)) return file;
  await mkdir(cacheDir, { recursive: true });
  const db = await openPglite(undefined);
  const embeddings = new SentenceEncoderEmbeddings();
  try {
    await migrate(db);
    await ingestFolder({ db, embeddings, dir: path.join(packageRoot, "corpus"), course: BUNDLED_COURSE });
    // The guard's exemplars go into the embedding cache too, so a tutor on the dump reads them back.
    await embedWithCache(
      db,
      embeddings,
      loadExemplarLibrary().exemplars.map((e) => e.text),
    );
    const dump = await db.pglite.dumpDataDir("gzip");
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await embeddings.close();
    await db.close();
  }
  return file;
}

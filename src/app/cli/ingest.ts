import path from "node:path";
import type { IngestSummary } from "../../ingest/sync.ts";
import type { Config } from "../config.ts";
import { note, type Options, write } from "./options.ts";
import { createProgressBar } from "./progress.ts";
import { callServer, runningServer, withTutor } from "./tutor-access.ts";

/** `tutor ingest [DIR] [--course ID] [--json]` */
export async function ingestCommand(config: Config, options: Options, positionals: string[]): Promise<void> {
  const dir = path.resolve(positionals[0] ?? config.corpusDir);
  const course = options.course ?? config.defaultCourse;
  const server = await runningServer(config);
  if (server) {
    note(`A tutor server (pid ${server.pid}) holds the data folder; asking it to ingest ${dir}…`);
    printIngestSummary(
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
  printIngestSummary(summary, options.json);
}

function printIngestSummary(summary: IngestSummary, json: boolean | undefined): void {
  if (json) {
    write(JSON.stringify(summary));
    return;
  }
  write(
    `Course "${summary.course}": ${summary.documents} documents, ${summary.chunks} chunks ` +
      `(added ${summary.added}, updated ${summary.updated}, removed ${summary.removed}, ` +
      `unchanged ${summary.unchanged}) ` +
      `in ${(summary.ms / 1000).toFixed(1)} s.`,
  );
  if (summary.reembedded) write("The course was on another embedding model: every document was re-embedded.");
  for (const skip of summary.skipped) write(`  skipped ${skip.source}: ${skip.reason}`);
}

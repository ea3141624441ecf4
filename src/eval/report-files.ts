import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EvalReport } from "./report.ts";
import { reportToHtml } from "./report-html.ts";
import { reportToMarkdown } from "./report-md.ts";
import type { CaseResult } from "./runner.ts";

export interface WrittenReports {
  json: string;
  markdown: string;
  html: string;
}

/** Writes report.json, report.md and report.html into `dir` (created if missing). */
export async function writeReports(
  dir: string,
  report: EvalReport,
  results: readonly CaseResult[],
): Promise<WrittenReports> {
  await mkdir(dir, { recursive: true });
  const files = {
    json: path.join(dir, "report.json"),
    markdown: path.join(dir, "report.md"),
    html: path.join(dir, "report.html"),
  };
  await writeFile(files.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files.markdown, reportToMarkdown(report));
  await writeFile(files.html, reportToHtml(report, results));
  return files;
}

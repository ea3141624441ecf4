import { parseArgs } from "node:util";

export const USAGE = `Course Tutor — answers students from their course's own material, with citations.

Usage:
  tutor ingest [DIR] [--course ID] [--json]      ingest a folder (default: the bundled course)
  tutor serve [--port N]                          start the API (default port 3000 or PORT)
  tutor search "QUERY" [--course ID] [--k N] [--json]
  tutor ask "QUESTION" [--course ID] [--json]
  tutor eval [--dataset FILE] [--course ID] [--configs a,b] [--out DIR] [--split dev|test|all]
             [--thresholds FILE] [--embedder MODEL] [--reranker MODEL]
                                                  retrieval and answer evals; writes report.json/.md/.html
  tutor models list | pull NAME | import DIR [--as NAME] | verify [NAME]
                                                  embedding and cross-encoder models (presets or exported folders)

Settings come from the environment (DATABASE_URL, TUTOR_DATA_DIR, EMBEDDER, …); see the README.`;

/** A mistake on the command line: exit code 2 with the message and the usage text. */
export class UsageError extends Error {}

export type Options = {
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
  revision?: string;
  as?: string;
  embedder?: string;
  reranker?: string;
};

export function parseCommandLine(argv: string[]): { options: Options; positionals: string[] } {
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
      revision: { type: "string" },
      as: { type: "string" },
      embedder: { type: "string" },
      reranker: { type: "string" },
    },
  });
  return { options: values as Options, positionals };
}

export const write = (text: string) => process.stdout.write(`${text}\n`);
export const note = (text: string) => process.stderr.write(`${text}\n`);

import { UnknownCourseError } from "../../retrieve/index.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { askCommand } from "./ask.ts";
import { ingestCommand } from "./ingest.ts";
import { note, parseCommandLine, USAGE, UsageError, write } from "./options.ts";
import { searchCommand } from "./search.ts";
import { serveCommand } from "./serve.ts";

/** Runs one `tutor` command; returns its exit code, or -1 when it keeps running (serve). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "help" || command === "--help" || command === "-h") {
      write(USAGE);
      return command ? 0 : 2;
    }
    const { options, positionals } = parseCommandLine(rest);
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
      case "eval": {
        // The eval harness is loaded only when asked for: it pulls in the report writers.
        const { evalCommand } = await import("./eval.ts");
        return await evalCommand(config, options);
      }
      case "models": {
        const { modelsCommand } = await import("./models.ts");
        return await modelsCommand(config, options, positionals);
      }
      case "serve":
        await serveCommand(config, options);
        return -1;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    return reportFailure(error);
  }
}

/** Says what went wrong on stderr and picks the exit code: 2 for usage mistakes, else 1. */
function reportFailure(error: unknown): number {
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

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);

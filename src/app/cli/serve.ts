import type { Config } from "../config.ts";
import { startServer } from "../server.ts";
import { note, type Options, UsageError } from "./options.ts";
import { createProgressBar } from "./progress.ts";

/** `tutor serve [--port N]`: runs until SIGINT or SIGTERM, then drains and exits. */
export async function serveCommand(config: Config, options: Options): Promise<void> {
  const port = options.port === undefined ? config.port : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError("--port must be a port number");
  const bar = createProgressBar();
  const server = await startServer(
    { ...config, port },
    {
      log: (message) => {
        bar.finish();
        note(message);
      },
      onIngestProgress: (phase, done, total) => bar.update(phase, done, total),
    },
  );
  const stop = async (signal: string) => {
    note(`${signal}: finishing in-flight requests…`);
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

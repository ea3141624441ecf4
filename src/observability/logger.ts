import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from "pino";
import { currentRequestId } from "./request-context.ts";

export type { Logger };

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Where JSON lines go; stdout by default (tests pass a stream they read back). */
  destination?: DestinationStream;
}

/**
 * Field names that could hold what a student typed or a secret. Nothing in this code base logs
 * them on purpose; the censor is the second line of defence if someone adds such a field later.
 */
const SENSITIVE_PATHS = [
  "question",
  "answer",
  "text",
  "query",
  "comment",
  "email",
  "ip",
  "authorization",
  "headers.authorization",
  "headers.cookie",
  "*.question",
  "*.answer",
  "*.text",
  "*.query",
  "*.comment",
  "*.authorization",
];

/**
 * Structured JSON logs. Every line carries a `requestId`: the id of the request being handled,
 * or, for work outside any request (start-up, shutdown), an id for this process's own work.
 */
export function createLogger(options: LoggerOptions): Logger {
  const processWorkId = `process-${randomUUID().slice(0, 8)}`;
  return pino(
    {
      level: options.level,
      base: { service: "course-tutor" },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ requestId: currentRequestId() ?? processWorkId }),
      redact: { paths: SENSITIVE_PATHS, censor: "[redacted]" },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

/** A logger that writes nothing (library use, CLI commands). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

/** Metrics, logs and request context: what every part of the tutor reports through. */
export { observeRequests } from "./http.ts";
export { createLogger, type Logger, type LoggerOptions, silentLogger } from "./logger.ts";
export type { BreakerSource } from "./metric-families.ts";
export { type IngestionOutcome, TutorMetrics } from "./metrics.ts";
export { currentRequestId, type RequestContext, runWithRequestId } from "./request-context.ts";
export { createTelemetry, describeError, type Telemetry } from "./telemetry.ts";

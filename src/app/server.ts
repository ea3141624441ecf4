import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { IngestionBusyError } from "../courses/ingestion-runs.ts";
import { OriginPolicy } from "../courses/origin-policy.ts";
import { acquireDataDirLock, type DataDirLock } from "../db/data-lock.ts";
import { databaseAnswers } from "../db/ping.ts";
import type { IngestProgress } from "../ingest/sync.ts";
import { observeRequests } from "../observability/http.ts";
import { createTelemetry, describeError } from "../observability/telemetry.ts";
import { createRateLimiter } from "../ratelimit/create.ts";
import { type AppEnv, createApp } from "../surfaces/http/app.ts";
import { courseCors } from "../surfaces/http/middleware/course-cors.ts";
import { rateLimit } from "../surfaces/http/middleware/rate-limit.ts";
import { adminRoutes } from "../surfaces/http/routes/admin/index.ts";
import { createAdminEvals, EVAL_UPLOAD_MAX_BYTES } from "../surfaces/http/routes/admin-evals.ts";
import { metricsRoutes } from "../surfaces/http/routes/metrics.ts";
import { slackRoutes } from "../surfaces/http/routes/slack.ts";
import { widgetRoutes } from "../surfaces/http/routes/widget.ts";
import { trackRequests } from "../surfaces/http/server-drain.ts";
import { createSlackSurface, type SlackSurface } from "../surfaces/slack/surface.ts";
import type { Config } from "./config.ts";
import { createTutor, type Tutor, type TutorOverrides } from "./tutor.ts";

export interface RunningServer {
  tutor: Tutor;
  /** Which web origins may call the student API per course; `update` edits a course's list. */
  originPolicy: OriginPolicy;
  app: Hono<AppEnv>;
  port: number;
  url: string;
  /** The Slack surface: its counters (for metrics) and in-flight answers. */
  slack: SlackSurface;
  /** Stops accepting requests, lets in-flight ones finish, closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  hostname?: string;
  /** Ingest the bundled corpus into the default course when that course has no chunks. */
  bootstrapDefaultCourse?: boolean;
  log?: (message: string) => void;
  onIngestProgress?: IngestProgress;
  overrides?: TutorOverrides;
  /** Extra routers (widget, Slack, metrics…) given the assembled tutor. */
  extraRoutes?: (tutor: Tutor) => Hono[];
}

/**
 * Starts the API: listens first (so /healthz answers and /readyz says "starting"), then loads
 * or bootstraps the default course, then reports ready.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const telemetry = options.overrides?.telemetry ?? createTelemetry({ level: config.logLevel });
  const logger = telemetry.logger;
  const log = (message: string) => {
    options.log?.(message);
    logger.info({ event: "server" }, message);
  };
  let lock: DataDirLock | undefined;
  if (!config.databaseUrl && !options.overrides?.db) lock = await acquireDataDirLock(config.dataDir, "serve");

  let tutor: Tutor;
  try {
    tutor = await createTutor(config, { ...options.overrides, telemetry });
  } catch (error) {
    await lock?.release();
    throw error;
  }

  let state: "starting" | "ready" | "draining" = "starting";
  let startupProblem: string | undefined;
  const slack = createSlackSurface({
    settings: config.slack,
    defaultCourse: config.defaultCourse,
    answerDeadlineMs: config.chatDeadlineMs,
    db: tutor.db,
    pipeline: tutor.pipeline,
    conversations: tutor.conversations,
    log,
  });
  const adminEvals = createAdminEvals({ tutor, tokens: () => [config.adminToken, lock?.info.token], log });
  const originPolicy = new OriginPolicy({ db: tutor.db, defaults: config.widgetAllowedOrigins });
  slack.metrics.onIncrement((name, labels) => telemetry.metrics.slackEvent(name, labels));
  const limits = config.rateLimit;
  const limiter =
    limits.ip > 0 || limits.session > 0 || limits.course > 0
      ? createRateLimiter({
          settings: limits,
          redisUrl: config.redisUrl,
          onStoreError: (error) => {
            telemetry.metrics.rateLimitStoreError();
            logger.warn(
              { event: "ratelimit.store_error", err: describeError(error) },
              "rate-limit store unreachable; request let through",
            );
          },
        })
      : undefined;
  const app = createApp({
    searcher: tutor.searcher,
    pipeline: tutor.pipeline,
    conversations: tutor.conversations,
    defaultCourse: config.defaultCourse,
    observe: observeRequests(telemetry),
    // Course-material uploads may be larger than the 64 KiB every other body is held to.
    bodyLimitFor: (method, path) =>
      method === "POST" && /^\/admin\/courses\/[^/]+\/material$/.test(path)
        ? config.adminUploadMaxBytes + 1024 * 1024
        : method === "POST" && path === "/admin/evals"
          ? EVAL_UPLOAD_MAX_BYTES
          : undefined,
    middleware: [
      // Before rate limits: a page that may not use the tutor is refused without spending anyone's allowance.
      courseCors({
        allows: (course, origin) => originPolicy.allows(course, origin),
        defaultCourse: config.defaultCourse,
        publicBaseUrl: config.publicBaseUrl,
        db: tutor.db,
      }),
      ...(limiter
        ? [
            rateLimit({
              limiter,
              defaultCourse: config.defaultCourse,
              trustProxyHops: limits.trustProxyHops,
              onLimited: (scope) => telemetry.metrics.rateLimitHit(scope),
            }),
          ]
        : []),
    ],
    readiness: {
      async check() {
        if (state !== "ready") return { ready: false, reason: startupProblem ?? state };
        if (!(await databaseAnswers(tutor.db))) return { ready: false, reason: "database unreachable" };
        return { ready: true };
      },
    },
    extraRoutes: [
      adminRoutes({
        db: tutor.db,
        tokens: () => [config.adminToken, lock?.info.token],
        ingest: (dir, course, ingestOptions) => tutor.ingest(dir, course, undefined, ingestOptions),
        runs: tutor.ingestionRuns,
        origins: originPolicy,
        uploadLimits: { maxBytes: config.adminUploadMaxBytes, maxFiles: 2_000 },
        onBackgroundError: () => {
          // Already logged and counted by the ingestion's telemetry, and recorded on its run.
        },
      }),
      adminEvals.routes,
      metricsRoutes({ metrics: telemetry.metrics, token: config.metricsToken }),
      slackRoutes(slack),
      widgetRoutes({
        db: tutor.db,
        defaultCourse: config.defaultCourse,
        publicBaseUrl: config.publicBaseUrl,
      }),
      ...(options.extraRoutes?.(tutor) ?? []),
    ],
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: options.hostname ?? config.host }, () =>
      resolve(s as Server),
    );
    (s as Server).once("error", reject);
  });
  const requests = trackRequests(server);
  const port = (server.address() as AddressInfo).port;
  await lock?.update({ port });
  const url = `http://localhost:${port}`;
  log(`Course Tutor listening on ${url} (starting up)`);

  try {
    const course = config.defaultCourse;
    if (options.bootstrapDefaultCourse !== false && (await tutor.courseIsEmpty(course))) {
      log(`Course "${course}" is empty: ingesting the bundled material from ${config.corpusDir}…`);
      try {
        const summary = await tutor.ingest(config.corpusDir, course, options.onIngestProgress, {
          trigger: "bootstrap",
        });
        log(
          `Ingested ${summary.documents} documents, ${summary.chunks} chunks in ${(summary.ms / 1000).toFixed(1)} s.`,
        );
        for (const skip of summary.skipped) log(`  skipped ${skip.source}: ${skip.reason}`);
      } catch (error) {
        // Replicas started together on an empty database: one ingests, the others wait for it.
        if (!(error instanceof IngestionBusyError)) throw error;
        log(`Another replica is ingesting course "${course}"; waiting for it to finish…`);
        while (state === "starting" && (await tutor.courseIsEmpty(course))) {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    }
    await tutor.indexes.get(course).catch(() => undefined);
    // One search loads the query model and the reranker's vectors, so the first students to ask
    // after a start do not wait for them.
    await tutor.searcher.search({ course, query: "course overview", k: 1 }).catch(() => undefined);
    if (state === "starting") state = "ready";
    log(`Course Tutor ready on ${url}`);
  } catch (error) {
    startupProblem = `startup failed: ${error instanceof Error ? error.message : String(error)}`;
    log(startupProblem);
  }

  let closing: Promise<void> | undefined;
  return {
    tutor,
    originPolicy,
    app,
    port,
    url,
    slack,
    close() {
      closing ??= (async () => {
        // /readyz fails from here on; with a delay, load balancers notice before we stop listening.
        state = "draining";
        const shutdown = config.shutdown ?? { delayMs: 0, graceMs: 10_000 };
        if (shutdown.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, shutdown.delayMs));
        log(`Draining: ${requests.inFlight} request(s) in flight…`);
        // In-flight requests and SSE streams finish; any still open after the grace period are cut.
        const drained = await requests.drain({ graceMs: shutdown.graceMs });
        if (drained.cut > 0) log(`Cut ${drained.cut} request(s) still open after ${shutdown.graceMs} ms.`);
        // Slack answers already acknowledged are still owed; deliver them before the database goes.
        await slack.bot.drain();
        await adminEvals.close();
        await tutor.close();
        await limiter?.close();
        await lock?.release();
      })();
      return closing;
    },
  };
}

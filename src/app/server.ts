import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import type { OriginPolicy } from "../courses/origin-policy.ts";
import { acquireDataDirLock, type DataDirLock } from "../db/data-lock.ts";
import { type Db, openDatabase } from "../db/index.ts";
import type { IngestProgress } from "../ingest/sync.ts";
import { createTelemetry } from "../observability/index.ts";
import { type AppEnv, type RequestTracker, trackRequests } from "../surfaces/http/index.ts";
import type { SlackSurface } from "../surfaces/slack/index.ts";
import { type Config, SHUTDOWN_DEFAULTS } from "./config.ts";
import { createServerApp, type ServerApp } from "./server-app.ts";
import { createReadiness, prepareDefaultCourse, type ServerLifecycle } from "./server-startup.ts";
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
  const log = (message: string) => {
    options.log?.(message);
    telemetry.logger.info({ event: "server" }, message);
  };
  let lock: DataDirLock | undefined;
  if (!config.databaseUrl && !options.overrides?.db) lock = await acquireDataDirLock(config.dataDir, "serve");

  let tutor: Tutor;
  let ownDb: Db | undefined;
  try {
    // Opened here rather than inside the tutor so the log says when the database answered:
    // readiness is measured from that moment.
    const opening = performance.now();
    ownDb = options.overrides?.db ? undefined : await openDatabase(config);
    if (ownDb) log(`Database open in ${Math.round(performance.now() - opening)} ms`);
    tutor = await createTutor(config, {
      ...options.overrides,
      db: options.overrides?.db ?? ownDb,
      telemetry,
    });
  } catch (error) {
    await ownDb?.close();
    await lock?.release();
    throw error;
  }

  const lifecycle: ServerLifecycle = { state: "starting" };
  const parts = createServerApp({
    config,
    tutor,
    telemetry,
    lock,
    readiness: createReadiness(lifecycle, tutor),
    log,
    extraRoutes: options.extraRoutes,
  });
  const server = await listen(parts.app, config.port, options.hostname ?? config.host);
  const requests = trackRequests(server);
  const port = (server.address() as AddressInfo).port;
  await lock?.update({ port });
  const url = `http://localhost:${port}`;
  log(`Course Tutor listening on ${url} (starting up)`);

  await prepareDefaultCourse({
    config,
    tutor,
    lifecycle,
    bootstrap: options.bootstrapDefaultCourse !== false,
    onIngestProgress: options.onIngestProgress,
    url,
    log,
  });

  const { app, originPolicy, slack } = parts;
  const close = createClose({ config, tutor, ownDb, lock, lifecycle, requests, parts, log });
  return { tutor, originPolicy, app, port, url, slack, close };
}

const KEEP_ALIVE_MS = 65_000;

function listen(app: Hono<AppEnv>, port: number, hostname: string | undefined): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s as Server)) as Server;
    // Node closes an idle keep-alive connection after 5 s. A client (or a proxy) that sends its next
    // request just then meets a reset; idle connections are kept longer than common proxies keep
    // theirs (60 s), so the client always closes first.
    s.keepAliveTimeout = KEEP_ALIVE_MS;
    s.headersTimeout = KEEP_ALIVE_MS + 1_000;
    s.once("error", reject);
  });
}

/** The graceful shutdown, run once however often it is asked for. */
function createClose(deps: {
  config: Config;
  tutor: Tutor;
  /** The database the server opened itself (none when one was handed in); closed after the tutor. */
  ownDb: Db | undefined;
  lock: DataDirLock | undefined;
  lifecycle: ServerLifecycle;
  requests: RequestTracker;
  parts: ServerApp;
  log: (message: string) => void;
}): () => Promise<void> {
  const { config, requests, parts, log } = deps;
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      // /readyz fails from here on; with a delay, load balancers notice before we stop listening.
      deps.lifecycle.state = "draining";
      const shutdown = config.shutdown ?? SHUTDOWN_DEFAULTS;
      if (shutdown.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, shutdown.delayMs));
      log(`Draining: ${requests.inFlight} request(s) in flight…`);
      // In-flight requests and SSE streams finish; any still open after the grace period are cut.
      const drained = await requests.drain({ graceMs: shutdown.graceMs });
      if (drained.cut > 0) log(`Cut ${drained.cut} request(s) still open after ${shutdown.graceMs} ms.`);
      // Slack answers already acknowledged are still owed; deliver them before the database goes.
      await parts.slack.bot.drain();
      await parts.adminEvals.close();
      await deps.tutor.close();
      await deps.ownDb?.close();
      await parts.limiter?.close();
      await parts.loginLimiter?.close();
      await deps.lock?.release();
    })();
    return closing;
  };
}

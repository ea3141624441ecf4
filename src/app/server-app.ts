import type { Hono } from "hono";
import { type AskingPipeline, escalatingPipeline } from "../courses/index.ts";
import { OriginPolicy } from "../courses/origin-policy.ts";
import type { DataDirLock } from "../db/data-lock.ts";
import { describeError, observeRequests, type Telemetry } from "../observability/index.ts";
import { createRateLimiter, type RateLimiter } from "../ratelimit/index.ts";
import {
  type AppEnv,
  adminRoutes,
  courseCors,
  createAdminEvals,
  createApp,
  EVAL_UPLOAD_MAX_BYTES,
  escalationRoutes,
  metricsRoutes,
  type Readiness,
  rateLimit,
  slackRoutes,
  widgetRoutes,
} from "../surfaces/http/index.ts";
import { createSlackSurface, type SlackSurface } from "../surfaces/slack/index.ts";
import type { Config } from "./config.ts";
import type { Tutor } from "./tutor.ts";

export interface ServerAppDeps {
  config: Config;
  tutor: Tutor;
  telemetry: Telemetry;
  /** The data folder's lock: its token is accepted as an admin token (the CLI talks to the server). */
  lock: DataDirLock | undefined;
  readiness: Readiness;
  log: (message: string) => void;
  /** Extra routers (widget, Slack, metrics…) given the assembled tutor. */
  extraRoutes?: (tutor: Tutor) => Hono[];
}

/** The HTTP app and the parts of it that need closing or inspecting later. */
export interface ServerApp {
  app: Hono<AppEnv>;
  originPolicy: OriginPolicy;
  slack: SlackSurface;
  adminEvals: { close(): Promise<void> };
  limiter: RateLimiter | undefined;
}

/** Every surface wired to one tutor: the student API, admin, evals, metrics, Slack and the widget. */
export function createServerApp(deps: ServerAppDeps): ServerApp {
  const { config, tutor, telemetry, lock, log } = deps;
  // Students' questions may go to the staff on their own (a course's auto-escalation); evals' never do.
  const pipeline = escalatingPipeline(tutor.pipeline, tutor.escalations, log);
  const slack = createSlack(deps, pipeline);
  const adminEvals = createAdminEvals({ tutor, tokens: () => [config.adminToken, lock?.info.token], log });
  const originPolicy = new OriginPolicy({ db: tutor.db, defaults: config.widgetAllowedOrigins });
  const limiter = createLimiter(config, telemetry);
  const app = createApp({
    searcher: tutor.searcher,
    pipeline,
    conversations: tutor.conversations,
    defaultCourse: config.defaultCourse,
    observe: observeRequests(telemetry),
    bodyLimitFor: (method, path) => largerBodyLimit(config, method, path),
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
              trustProxyHops: config.rateLimit.trustProxyHops,
              onLimited: (scope) => telemetry.metrics.rateLimitHit(scope),
            }),
          ]
        : []),
    ],
    readiness: deps.readiness,
    extraRoutes: [
      adminRoutes({
        db: tutor.db,
        tokens: () => [config.adminToken, lock?.info.token],
        ingest: (dir, course, ingestOptions) => tutor.ingest(dir, course, undefined, ingestOptions),
        runs: tutor.ingestionRuns,
        origins: originPolicy,
        escalations: tutor.escalations,
        uploadLimits: { maxBytes: config.adminUploadMaxBytes },
        onBackgroundError: () => {
          // Already logged and counted by the ingestion's telemetry, and recorded on its run.
        },
      }),
      adminEvals.routes,
      escalationRoutes({ escalations: tutor.escalations, db: tutor.db }),
      metricsRoutes({ metrics: telemetry.metrics, token: config.metricsToken }),
      slackRoutes(slack),
      widgetRoutes({
        db: tutor.db,
        defaultCourse: config.defaultCourse,
        publicBaseUrl: config.publicBaseUrl,
      }),
      ...(deps.extraRoutes?.(tutor) ?? []),
    ],
  });
  return { app, originPolicy, slack, adminEvals, limiter };
}

/** The Slack surface on the students' pipeline, its counters feeding the Prometheus metrics. */
function createSlack(
  { config, tutor, telemetry, log }: ServerAppDeps,
  pipeline: AskingPipeline,
): SlackSurface {
  const slack = createSlackSurface({
    settings: config.slack,
    defaultCourse: config.defaultCourse,
    answerDeadlineMs: config.chatDeadlineMs,
    db: tutor.db,
    pipeline,
    conversations: tutor.conversations,
    escalations: tutor.escalations,
    log,
  });
  slack.metrics.onIncrement((name, labels) => telemetry.metrics.slackEvent(name, labels));
  return slack;
}

/** A limiter when any scope has a limit; an unreachable store lets requests through (and says so). */
function createLimiter(config: Config, telemetry: Telemetry): RateLimiter | undefined {
  const limits = config.rateLimit;
  if (!(limits.ip > 0 || limits.session > 0 || limits.course > 0)) return undefined;
  return createRateLimiter({
    settings: limits,
    redisUrl: config.redisUrl,
    onStoreError: (error) => {
      telemetry.metrics.rateLimitStoreError();
      telemetry.logger.warn(
        { event: "ratelimit.store_error", err: describeError(error) },
        "rate-limit store unreachable; request let through",
      );
    },
  });
}

/** Course-material uploads and eval datasets may be larger than the 64 KiB every other body is held to. */
function largerBodyLimit(config: Config, method: string, path: string): number | undefined {
  if (method === "POST" && /^\/admin\/courses\/[^/]+\/material$/.test(path))
    return config.adminUploadMaxBytes + 1024 * 1024;
  if (method === "POST" && path === "/admin/evals") return EVAL_UPLOAD_MAX_BYTES;
  return undefined;
}

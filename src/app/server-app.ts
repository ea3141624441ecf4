import type { Hono } from "hono";
import { StaffAccounts } from "../accounts/index.ts";
import { type AskingPipeline, escalatingPipeline } from "../courses/index.ts";
import { OriginPolicy } from "../courses/origin-policy.ts";
import type { DataDirLock } from "../db/data-lock.ts";
import { describeError, observeRequests, type Telemetry } from "../observability/index.ts";
import { createRateLimiter, type RateLimiter } from "../ratelimit/index.ts";
import { consoleRoutes } from "../surfaces/console/index.ts";
import {
  type AdminDeps,
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
import { createLtiTool, ltiAdminRoutes, ltiRoutes } from "../surfaces/lti/index.ts";
import { apiKeyAdminRoutes, openAiRoutes } from "../surfaces/openai/index.ts";
import { createSlackSurface, type SlackSurface } from "../surfaces/slack/index.ts";
import { CONSOLE_DEFAULTS, type Config } from "./config.ts";
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
  /** Limits console sign-in attempts; closed with the server. */
  loginLimiter: RateLimiter | undefined;
}

/** Every surface wired to one tutor: the student API, admin, evals, metrics, Slack and the widget. */
export function createServerApp(deps: ServerAppDeps): ServerApp {
  const { config, tutor, telemetry, lock, log } = deps;
  // Students' questions may go to the staff on their own (a course's auto-escalation); evals' never do.
  const pipeline = escalatingPipeline(tutor.pipeline, tutor.escalations, log);
  const slack = createSlack(deps, pipeline);
  const tokens = () => [config.adminToken, lock?.info.token];
  const consoleSettings = config.console ?? CONSOLE_DEFAULTS;
  const accounts = new StaffAccounts(tutor.db, {
    sessionHours: consoleSettings.sessionHours,
    inviteDays: consoleSettings.inviteDays,
  });
  const adminEvals = createAdminEvals({ tutor, tokens, accounts, log });
  const originPolicy = new OriginPolicy({ db: tutor.db, defaults: config.widgetAllowedOrigins });
  const limiter = createLimiter(config, telemetry);
  const loginLimiter = createLoginLimiter(config, consoleSettings.loginAttempts);
  const app = createApp({
    searcher: tutor.searcher,
    pipeline,
    conversations: tutor.conversations,
    defaultCourse: config.defaultCourse,
    coursePolicy: tutor.courseSettings,
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
      adminRoutes(adminDeps(deps, { tokens, accounts, originPolicy, loginLimiter })),
      adminEvals.routes,
      apiKeyAdminRoutes({ db: tutor.db, tokens: () => [config.adminToken, lock?.info.token] }),
      openAiRoutes({
        db: tutor.db,
        pipeline: tutor.pipeline,
        publicBaseUrl: config.publicBaseUrl,
        limiter,
        trustProxyHops: config.rateLimit.trustProxyHops,
        onLimited: (scope) => telemetry.metrics.rateLimitHit(scope),
      }),
      ...createLti(deps),
      consoleRoutes(),
      escalationRoutes({ escalations: tutor.escalations, db: tutor.db, coursePolicy: tutor.courseSettings }),
      metricsRoutes({ metrics: telemetry.metrics, token: config.metricsToken }),
      slackRoutes(slack),
      widgetRoutes({
        db: tutor.db,
        defaultCourse: config.defaultCourse,
        publicBaseUrl: config.publicBaseUrl,
        coursePolicy: tutor.courseSettings,
      }),
      ...(deps.extraRoutes?.(tutor) ?? []),
    ],
  });
  return { app, originPolicy, slack, adminEvals, limiter, loginLimiter };
}

/** The admin routes' view of the tutor: courses, material, runs, settings, accounts, the playground. */
function adminDeps(
  { config, tutor }: ServerAppDeps,
  parts: Pick<AdminDeps, "tokens" | "accounts" | "loginLimiter"> & { originPolicy: OriginPolicy },
): AdminDeps {
  return {
    db: tutor.db,
    tokens: parts.tokens,
    ingest: (dir, course, ingestOptions) => tutor.ingest(dir, course, undefined, ingestOptions),
    runs: tutor.ingestionRuns,
    origins: parts.originPolicy,
    escalations: tutor.escalations,
    uploadLimits: { maxBytes: config.adminUploadMaxBytes },
    onBackgroundError: () => {
      // Already logged and counted by the ingestion's telemetry, and recorded on its run.
    },
    accounts: parts.accounts,
    settings: tutor.courseSettings,
    pipeline: tutor.pipeline,
    loginLimiter: parts.loginLimiter,
    trustProxyHops: config.rateLimit.trustProxyHops,
    publicBaseUrl: config.publicBaseUrl,
    slackCourses: config.slack.courses ?? {},
    llmAvailable: config.llm.provider !== "none",
    onCourseDeleted: (course) => {
      tutor.indexes.forget(course);
      parts.originPolicy.invalidate(course);
    },
  };
}

/**
 * Console sign-in attempts per 15 minutes: `attempts` per account, three times that per address
 * (several staff may sign in from one campus network). Shared through Redis when it is configured.
 */
function createLoginLimiter(config: Config, attempts: number): RateLimiter | undefined {
  if (attempts <= 0) return undefined;
  return createRateLimiter({
    settings: { windowMs: 15 * 60_000, ip: attempts * 3, session: attempts, course: 0 },
    redisUrl: config.redisUrl,
  });
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
    // Slack's log lines may quote what a student wrote (an error about their message).
    log: (message) => log(tutor.redactForStorage(message)),
  });
  slack.metrics.onIncrement((name, labels) => telemetry.metrics.slackEvent(name, labels));
  return slack;
}

/** The LTI 1.3 tool's routes and its admin routes, sharing one tool. */
function createLti({ config, tutor, lock }: ServerAppDeps): Hono[] {
  const tool = createLtiTool({
    db: tutor.db,
    conversations: tutor.conversations,
    publicBaseUrl: config.publicBaseUrl,
    pseudonymSecret: config.lti?.pseudonymSecret,
    keyGraceHours: config.lti?.keyGraceHours,
  });
  return [ltiRoutes(tool), ltiAdminRoutes(tool, () => [config.adminToken, lock?.info.token])];
}

/** A limiter when any scope has a limit; an unreachable store lets requests through (and says so). */
function createLimiter(config: Config, telemetry: Telemetry): RateLimiter | undefined {
  const limits = config.rateLimit;
  if (!(limits.ip > 0 || limits.session > 0 || limits.course > 0)) return undefined;
  return createRateLimiter({
    settings: limits,
    redisUrl: config.redisUrl,
    storeTimeoutMs: limits.storeTimeoutMs,
    onStoreError: (error) => {
      telemetry.metrics.rateLimitStoreError();
      telemetry.logger.warn(
        { event: "ratelimit.store_error", err: describeError(error) },
        "rate-limit store unreachable; request let through",
      );
    },
  });
}

const CHAT_COMPLETIONS_MAX_BYTES = 1024 * 1024;

/** Course-material uploads and eval datasets may be larger than the 64 KiB every other body is held to. */
function largerBodyLimit(config: Config, method: string, path: string): number | undefined {
  if (method === "POST" && /^\/admin\/courses\/[^/]+\/material$/.test(path))
    return config.adminUploadMaxBytes + 1024 * 1024;
  if (method === "POST" && path === "/admin/evals") return EVAL_UPLOAD_MAX_BYTES;
  // OpenAI clients resend the whole conversation with every question.
  if (method === "POST" && path === "/v1/chat/completions") return CHAT_COMPLETIONS_MAX_BYTES;
  return undefined;
}

import path from "node:path";
import { z } from "zod";
import { packageRoot } from "../core/paths.ts";
import { defaultMaterialLimits } from "../courses/limits.ts";
import { resolveModelDir } from "../embed/models/folders.ts";
import { LTI_DEFAULTS } from "../surfaces/lti/defaults.ts";

/**
 * Every setting the tutor reads from the environment, validated once. No other module reads
 * `process.env`; they receive a `Config` (or the part they need) as an argument.
 */
const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.string().url().optional());
const port = z.coerce.number().int().min(0).max(65535);
const positiveNumber = z.coerce.number().positive();

/** Graceful shutdown: how long /readyz fails before the server stops listening, then the grace period. */
export interface ShutdownSettings {
  delayMs: number;
  graceMs: number;
}

/** No delay, ten seconds for in-flight requests; also used for hand-built configs without `shutdown`. */
export const SHUTDOWN_DEFAULTS: Readonly<ShutdownSettings> = { delayMs: 0, graceMs: 10_000 };

/** The instructor console's sign-ins: session length, invite validity, attempts per 15 minutes (0: no limit). */
export interface ConsoleSettings {
  sessionHours: number;
  inviteDays: number;
  loginAttempts: number;
}

export const CONSOLE_DEFAULTS: Readonly<ConsoleSettings> = {
  sessionHours: 12,
  inviteDays: 7,
  loginAttempts: 10,
};

const envSchema = z.object({
  DATABASE_URL: optionalString,
  PORT: z.preprocess(emptyToUndefined, port.default(3000)),
  HOST: optionalString,
  TUTOR_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
  TUTOR_DEFAULT_COURSE: z.preprocess(emptyToUndefined, z.string().default("aie101")),
  TUTOR_CORPUS_DIR: optionalString,
  EMBEDDER: z.preprocess(emptyToUndefined, z.enum(["use", "transformers"]).default("use")),
  EMBEDDING_MODEL_DIR: optionalString,
  // A preset name (minilm, bge-small) or a folder; implies EMBEDDER=transformers.
  EMBEDDING_MODEL: optionalString,
  // Where `tutor models pull|import` put model folders, and where preset names are looked up.
  TUTOR_MODELS_DIR: z.preprocess(emptyToUndefined, z.string().default("./models")),
  MODEL_HUB_URL: z.preprocess(emptyToUndefined, z.string().url().default("https://huggingface.co")),
  EMBED_WORKERS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(16).optional()),
  TRANSFORMERS_ALLOW_REMOTE: z.preprocess(emptyToUndefined, z.enum(["0", "1", "true", "false"]).default("0")),
  RERANKER: z.preprocess(
    emptyToUndefined,
    z.enum(["none", "heuristic", "cross-encoder"]).default("heuristic"),
  ),
  RERANKER_MODEL_DIR: optionalString,
  // A cross-encoder preset name (ms-marco-minilm) or a folder; implies RERANKER=cross-encoder.
  RERANKER_MODEL: optionalString,
  // Time the cross-encoder may spend per question; how many candidates it reads follows from it.
  RERANK_BUDGET_MS: z.preprocess(emptyToUndefined, positiveNumber.default(40)),
  // Weight of the expanded BM25 list in hybrid fusion; 0 turns query expansion off.
  QUERY_EXPANSION: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(10).default(2)),
  // Memory the loaded courses' search indexes may hold together (MiB); the least recently asked
  // courses are dropped beyond it and loaded again from the database on their next question.
  SEARCH_INDEX_MEMORY_MB: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(16).max(65_536).default(768),
  ),
  LLM_PROVIDER: z.preprocess(emptyToUndefined, z.enum(["none", "openai", "ollama"]).default("none")),
  LLM_BASE_URL: optionalUrl,
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_TIMEOUT_MS: z.preprocess(emptyToUndefined, positiveNumber.default(20_000)),
  LLM_MAX_RETRIES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(5).default(2)),
  LLM_BREAKER_FAILURES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(5)),
  LLM_BREAKER_COOLDOWN_MS: z.preprocess(emptyToUndefined, positiveNumber.default(30_000)),
  CHAT_DEADLINE_MS: z.preprocess(emptyToUndefined, positiveNumber.default(30_000)),
  // On SIGTERM: report not-ready for SHUTDOWN_DELAY_MS while still serving (load balancers stop
  // routing here), then stop accepting and give in-flight requests SHUTDOWN_GRACE_MS to finish.
  SHUTDOWN_DELAY_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(300_000).default(SHUTDOWN_DEFAULTS.delayMs),
  ),
  SHUTDOWN_GRACE_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(600_000).default(SHUTDOWN_DEFAULTS.graceMs),
  ),
  ADMIN_TOKEN: optionalString,
  // The instructor console: how long a sign-in lasts, how long an invite link is valid, and how
  // many sign-in attempts one address (and one account) gets per 15 minutes.
  CONSOLE_SESSION_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .min(0.05)
      .max(24 * 30)
      .default(CONSOLE_DEFAULTS.sessionHours),
  ),
  CONSOLE_INVITE_DAYS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().min(0.01).max(90).default(CONSOLE_DEFAULTS.inviteDays),
  ),
  CONSOLE_LOGIN_ATTEMPTS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(1_000).default(CONSOLE_DEFAULTS.loginAttempts),
  ),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_API_URL: optionalUrl,
  // Slack channel or workspace id → course: "C0123=aie101,T0456=ml200".
  SLACK_COURSES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\s*([A-Z0-9]+=[A-Za-z0-9_.-]+)([\s,]+[A-Z0-9]+=[A-Za-z0-9_.-]+)*[\s,]*$/, {
        message: "expected SLACK_ID=course pairs separated by commas",
      })
      .optional(),
  ),
  REDIS_URL: optionalString,
  // A rate-limit check Redis has not answered within this time lets the request through.
  RATE_LIMIT_STORE_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(10).max(60_000).default(500),
  ),
  // Requests allowed per window for each scope; 0 turns that scope off.
  RATE_LIMIT_WINDOW_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1_000).max(86_400_000).default(60_000),
  ),
  RATE_LIMIT_IP: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(120)),
  RATE_LIMIT_SESSION: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(30)),
  RATE_LIMIT_COURSE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(1_200)),
  // Proxies (load balancers) in front of the tutor whose X-Forwarded-For entry names the client.
  TRUST_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  METRICS_TOKEN: optionalString,
  ADMIN_UPLOAD_MAX_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1_024).max(1_073_741_824).default(defaultMaterialLimits.maxBytes),
  ),
  PUBLIC_BASE_URL: optionalUrl,
  // Comma-separated origins whose pages may embed the widget, for courses that list none of their own.
  WIDGET_ALLOWED_ORIGINS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default("")
      .transform((value, ctx) => {
        const origins: string[] = [];
        for (const entry of value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean)) {
          const origin = entry === "*" ? "*" : originOf(entry);
          if (!origin)
            ctx.addIssue({
              code: "custom",
              message: `"${entry}" is not an origin (scheme://host[:port] or *)`,
            });
          else origins.push(origin);
        }
        return origins;
      }),
  ),
  GUARD_CONFIG: optionalString,
  // LTI: the key that pseudonymises LMS user ids (unset: generated once and kept in the database).
  LTI_PSEUDONYM_SECRET: z.preprocess(emptyToUndefined, z.string().min(16).optional()),
  // Hours a rotated-out LTI tool key stays in the published JWKS.
  LTI_KEY_GRACE_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(8_760).default(LTI_DEFAULTS.keyGraceHours),
  ),
  // Conversations idle this many days are deleted with their messages and feedback; 0 keeps them.
  CONVERSATION_RETENTION_DAYS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(36_500).default(0),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
});

export type Env = z.infer<typeof envSchema>;

/** `scheme://host[:port]` of an http(s) address with no path, or undefined. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.pathname !== "/" || url.search)
      return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export interface Config {
  databaseUrl: string | undefined;
  port: number;
  /** Interface to listen on; unset listens on all of them. */
  host: string | undefined;
  dataDir: string;
  defaultCourse: string;
  corpusDir: string;
  embedder: "use" | "transformers";
  embeddingModelDir: string | undefined;
  embedWorkers: number | undefined;
  /** Model folders (`tutor models`); optional so hand-built configs stay valid (then ./models). */
  modelsDir?: string;
  /** The model hub `tutor models pull` downloads from; optional for hand-built configs. */
  modelHubUrl?: string;
  transformersAllowRemote: boolean;
  reranker: "none" | "heuristic" | "cross-encoder";
  rerankerModelDir: string | undefined;
  /** Per-question time for the cross-encoder; optional for hand-built configs (then no limit). */
  rerankBudgetMs?: number;
  /** Weight of the expanded BM25 list in hybrid fusion (0: no query expansion). */
  queryExpansion: number;
  /** MiB the loaded courses' search indexes may hold together; optional for hand-built configs. */
  searchIndexMemoryMb?: number;
  llm: {
    provider: "none" | "openai" | "ollama";
    baseUrl: string | undefined;
    model: string | undefined;
    apiKey: string | undefined;
    timeoutMs: number;
    /** Further attempts after a retryable failure (5xx, 429, dropped connection). */
    maxRetries: number;
    /** Consecutive failed calls that open the circuit breaker. */
    breakerFailures: number;
    /** How long an open breaker waits before letting a trial call through. */
    breakerCooldownMs: number;
  };
  chatDeadlineMs: number;
  /** Graceful shutdown; optional so hand-built configs stay valid (then SHUTDOWN_DEFAULTS). */
  shutdown?: ShutdownSettings;
  adminToken: string | undefined;
  /** Console sign-ins; optional so hand-built configs stay valid (then CONSOLE_DEFAULTS). */
  console?: ConsoleSettings;
  slack: {
    signingSecret: string | undefined;
    botToken: string | undefined;
    apiUrl: string | undefined;
    /** Slack channel or workspace id → course id; optional so hand-built configs stay valid. */
    courses?: Record<string, string>;
  };
  redisUrl: string | undefined;
  /** Per-IP, per-session and per-course limits on the student routes (requests per window). */
  rateLimit: {
    windowMs: number;
    ip: number;
    session: number;
    course: number;
    trustProxyHops: number;
    /** How long a check may wait for Redis before the request is let through; optional for hand-built configs. */
    storeTimeoutMs?: number;
  };
  /** Bearer token for GET /metrics; unset leaves it open (scrapers on a private network). */
  metricsToken: string | undefined;
  /** Largest course-material upload, in bytes (zip or files, after unzipping). */
  adminUploadMaxBytes: number;
  publicBaseUrl: string | undefined;
  /** Origins allowed to call the student API from a browser for courses without their own list. */
  widgetAllowedOrigins: string[];
  guardConfigPath: string | undefined;
  /** LTI 1.3; optional so hand-built configs stay valid (then no fixed secret, a 72-hour key grace). */
  lti?: {
    /** Pseudonymises LMS user ids; unset → a secret generated once and kept in the database. */
    pseudonymSecret: string | undefined;
    /** How long a rotated-out tool key stays in the published JWKS. */
    keyGraceHours: number;
  };
  /** Days a conversation may sit idle before it is deleted (0: kept); optional for hand-built configs. */
  conversationRetentionDays?: number;
  logLevel: Env["LOG_LEVEL"];
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The folder this package lives in, so bundled assets resolve wherever the command runs from. */
export { packageRoot };

/** The embedder and reranker the settings choose, with their folders; refuses a choice without a model. */
function chooseModels(
  e: z.infer<typeof envSchema>,
  env: NodeJS.ProcessEnv,
): Pick<Config, "embedder" | "embeddingModelDir" | "modelsDir" | "reranker" | "rerankerModelDir"> {
  const modelsDir = path.resolve(e.TUTOR_MODELS_DIR);
  const embeddingModel = e.EMBEDDING_MODEL ?? e.EMBEDDING_MODEL_DIR;
  const rerankerModel = e.RERANKER_MODEL ?? e.RERANKER_MODEL_DIR;
  const embedder = e.EMBEDDING_MODEL && env.EMBEDDER === undefined ? "transformers" : e.EMBEDDER;
  if (embedder === "transformers" && !embeddingModel) {
    throw new ConfigError(
      "EMBEDDER=transformers needs EMBEDDING_MODEL (a preset name or a local model folder)",
    );
  }
  if (e.RERANKER === "cross-encoder" && !rerankerModel) {
    throw new ConfigError(
      "RERANKER=cross-encoder needs RERANKER_MODEL (a preset name or a local cross-encoder folder)",
    );
  }
  return {
    embedder,
    embeddingModelDir: embeddingModel ? resolveModelDir(embeddingModel, modelsDir) : undefined,
    modelsDir,
    // A cross-encoder given without RERANKER implies the user wants it used.
    reranker: rerankerModel && env.RERANKER === undefined ? "cross-encoder" : e.RERANKER,
    rerankerModelDir: rerankerModel ? resolveModelDir(rerankerModel, modelsDir) : undefined,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid settings:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const models = chooseModels(e, env);
  if (e.LLM_PROVIDER !== "none" && !e.LLM_MODEL) {
    throw new ConfigError(`LLM_PROVIDER=${e.LLM_PROVIDER} needs LLM_MODEL`);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.TUTOR_DATA_DIR),
    defaultCourse: e.TUTOR_DEFAULT_COURSE,
    corpusDir: path.resolve(e.TUTOR_CORPUS_DIR ?? path.join(packageRoot, "corpus")),
    ...models,
    embedWorkers: e.EMBED_WORKERS,
    modelHubUrl: e.MODEL_HUB_URL,
    transformersAllowRemote: e.TRANSFORMERS_ALLOW_REMOTE === "1" || e.TRANSFORMERS_ALLOW_REMOTE === "true",
    rerankBudgetMs: e.RERANK_BUDGET_MS,
    queryExpansion: e.QUERY_EXPANSION,
    searchIndexMemoryMb: e.SEARCH_INDEX_MEMORY_MB,
    llm: {
      provider: e.LLM_PROVIDER,
      baseUrl: e.LLM_BASE_URL,
      model: e.LLM_MODEL,
      apiKey: e.LLM_API_KEY,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxRetries: e.LLM_MAX_RETRIES,
      breakerFailures: e.LLM_BREAKER_FAILURES,
      breakerCooldownMs: e.LLM_BREAKER_COOLDOWN_MS,
    },
    chatDeadlineMs: e.CHAT_DEADLINE_MS,
    shutdown: { delayMs: e.SHUTDOWN_DELAY_MS, graceMs: e.SHUTDOWN_GRACE_MS },
    adminToken: e.ADMIN_TOKEN,
    console: {
      sessionHours: e.CONSOLE_SESSION_HOURS,
      inviteDays: e.CONSOLE_INVITE_DAYS,
      loginAttempts: e.CONSOLE_LOGIN_ATTEMPTS,
    },
    slack: {
      signingSecret: e.SLACK_SIGNING_SECRET,
      botToken: e.SLACK_BOT_TOKEN,
      apiUrl: e.SLACK_API_URL,
      courses: Object.fromEntries(
        (e.SLACK_COURSES ?? "")
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((pair) => pair.split("=") as [string, string]),
      ),
    },
    redisUrl: e.REDIS_URL,
    rateLimit: {
      windowMs: e.RATE_LIMIT_WINDOW_MS,
      ip: e.RATE_LIMIT_IP,
      session: e.RATE_LIMIT_SESSION,
      course: e.RATE_LIMIT_COURSE,
      trustProxyHops: e.TRUST_PROXY_HOPS,
      storeTimeoutMs: e.RATE_LIMIT_STORE_TIMEOUT_MS,
    },
    metricsToken: e.METRICS_TOKEN,
    adminUploadMaxBytes: e.ADMIN_UPLOAD_MAX_BYTES,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    widgetAllowedOrigins: e.WIDGET_ALLOWED_ORIGINS,
    guardConfigPath: e.GUARD_CONFIG,
    lti: { pseudonymSecret: e.LTI_PSEUDONYM_SECRET, keyGraceHours: e.LTI_KEY_GRACE_HOURS },
    conversationRetentionDays: e.CONVERSATION_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
  };
}

import type { RetryOptions } from "@slack/web-api";
import type { Answer, AskRequest } from "../../core/chat.ts";
import type { Escalations } from "../../courses/index.ts";
import type { ConversationStore } from "../../db/conversations.ts";
import type { Queryable } from "../../db/db.ts";
import { createSlackBot, type SlackBot } from "./bot.ts";
import { createCourseLookup } from "./courses.ts";
import { staffChannelListener } from "./escalations.ts";
import { SlackMetrics } from "./metrics.ts";
import { SeenStore } from "./seen.ts";
import { createSlackSender, type SlackSender } from "./sender.ts";
import { SlackSessions } from "./sessions.ts";

/** Everything the `/slack/*` routes need. */
export interface SlackSurface {
  /** Unset means the Slack app is not configured and the routes answer 503. */
  signingSecret: string | undefined;
  bot: SlackBot;
  seen: SeenStore;
  metrics: SlackMetrics;
  /** Seconds since the epoch; tests move it to replay old requests. */
  nowSeconds: () => number;
}

export interface SlackSurfaceDeps {
  settings: {
    signingSecret: string | undefined;
    botToken: string | undefined;
    apiUrl: string | undefined;
    /** Slack channel or team id → course id. */
    courses?: Readonly<Record<string, string>>;
  };
  defaultCourse: string;
  answerDeadlineMs: number;
  db: Queryable;
  pipeline: { ask(request: AskRequest): Promise<Answer> };
  conversations: Pick<ConversationStore, "recordFeedback">;
  metrics?: SlackMetrics;
  sender?: SlackSender;
  retryConfig?: RetryOptions;
  nowSeconds?: () => number;
  log?: (message: string) => void;
  /** The staff queue: students escalate from Slack, staff answer in its staff channels. */
  escalations?: Escalations;
}

/** Wires the Slack surface from the settings and the tutor's shared parts. */
export function createSlackSurface(deps: SlackSurfaceDeps): SlackSurface {
  const metrics = deps.metrics ?? new SlackMetrics();
  const seen = new SeenStore(deps.db);
  const sender =
    deps.sender ??
    createSlackSender({
      botToken: deps.settings.botToken,
      apiUrl: deps.settings.apiUrl,
      retryConfig: deps.retryConfig,
      log: deps.log,
    });
  const bot = createSlackBot({
    pipeline: deps.pipeline,
    conversations: deps.conversations,
    sessions: new SlackSessions(deps.db),
    courses: createCourseLookup({
      db: deps.db,
      configured: deps.settings.courses ?? {},
      defaultCourse: deps.defaultCourse,
    }),
    seen,
    sender,
    metrics,
    answerDeadlineMs: deps.answerDeadlineMs,
    log: deps.log,
    ...(deps.escalations ? { escalations: deps.escalations } : {}),
  });
  // Only with a bot token can the staff channel be told about new questions and students get answers.
  if (deps.escalations && deps.settings.botToken) {
    deps.escalations.addListener(staffChannelListener(sender, deps.log ?? (() => {})));
  }
  return {
    signingSecret: deps.settings.signingSecret,
    bot,
    seen,
    metrics,
    nowSeconds: deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000)),
  };
}

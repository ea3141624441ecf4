import type { Answer, AskRequest } from "../../core/chat.ts";
import type { Escalations } from "../../courses/index.ts";
import type { ConversationStore } from "../../db/conversations.ts";
import type { CourseLookup } from "./courses.ts";
import type { SlackMetrics } from "./metrics.ts";
import type { SeenStore } from "./seen.ts";
import type { SlackSender } from "./sender.ts";
import type { SlackSessions } from "./sessions.ts";

export interface SlackBotDeps {
  pipeline: { ask(request: AskRequest): Promise<Answer> };
  conversations: Pick<ConversationStore, "recordFeedback">;
  sessions: SlackSessions;
  courses: CourseLookup;
  seen: SeenStore;
  sender: SlackSender;
  metrics: SlackMetrics;
  /** How long an answer may take before the student is told to try again. */
  answerDeadlineMs: number;
  log?: (message: string) => void;
  /** The staff queue; without it Slack offers no escalation. */
  escalations?: Escalations;
}

/** What every handler works with: the dependencies, the log and the background work queue. */
export interface BotContext {
  deps: SlackBotDeps;
  log: (message: string) => void;
  /** Starts `work` once `acked` resolves and keeps it until done, for `drain`. */
  inBackground(acked: Promise<void>, work: () => Promise<void>): void;
}

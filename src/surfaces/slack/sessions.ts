import { type Queryable, SlackRepository } from "../../db/index.ts";

/** Where a Slack question was asked; decides which tutor session it continues. */
export interface SlackConversation {
  teamId: string;
  channelId: string;
  userId: string;
  /** The thread a mention lives in; absent for DMs and slash commands. */
  threadTs?: string;
}

/**
 * A thread is one conversation whoever writes in it; outside threads (DMs, slash commands) each
 * user in each channel has their own, so one student's follow-ups never mix with another's.
 */
export function slackSessionKey(where: SlackConversation): string {
  return where.threadTs
    ? `${where.teamId}:${where.channelId}:thread:${where.threadTs}`
    : `${where.teamId}:${where.channelId}:user:${where.userId}`;
}

/** Which tutor session each Slack conversation (by `slackSessionKey`) continues. */
export class SlackSessions {
  private readonly slack: SlackRepository;

  constructor(db: Queryable) {
    this.slack = new SlackRepository(db);
  }

  /** The tutor session this Slack conversation continues in `course`, if any. */
  find(key: string, course: string): Promise<string | undefined> {
    return this.slack.sessionFor(key, course);
  }

  remember(key: string, course: string, sessionId: string): Promise<void> {
    return this.slack.linkSession(key, course, sessionId);
  }
}

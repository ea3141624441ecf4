import type { EscalationRepository, EscalationRow } from "../../db/index.ts";
import type { EscalationListener, EscalationSettings, GroupView } from "./types.ts";

export interface ListenersDeps {
  escalations: EscalationRepository;
  /** The group as the queue shows it now. */
  view(course: string, groupId: string): Promise<GroupView | undefined>;
  settings(course: string): Promise<EscalationSettings>;
  log: (message: string) => void;
}

/**
 * The queue's listeners (the Slack surface) and the background work they do: keeping a group's
 * staff notification in step, one change at a time per group, and delivering answers to students
 * who asked outside the widget. Nothing here holds up the student or the staff member who acted.
 */
export class QueueListeners {
  private readonly listeners: EscalationListener[] = [];
  private readonly background = new Set<Promise<void>>();
  private readonly notifying = new Map<string, Promise<void>>();

  constructor(private readonly deps: ListenersDeps) {}

  add(listener: EscalationListener): void {
    this.listeners.push(listener);
  }

  /** Tells listeners how a group now looks (post first, then updates); a new post is recorded. */
  groupChanged(course: string, groupId: string): void {
    if (this.listeners.length === 0) return;
    const previous = this.notifying.get(groupId) ?? Promise.resolve();
    const settled = previous
      .then(() => this.announce(course, groupId))
      .catch((error: unknown) => this.deps.log(`escalations: notifying failed: ${describe(error)}`));
    this.notifying.set(groupId, settled);
    this.inBackground(() =>
      settled.finally(() => {
        if (this.notifying.get(groupId) === settled) this.notifying.delete(groupId);
      }),
    );
  }

  /** Students who asked in Slack get the answer there too; the rest read it in their session. */
  deliver(course: string, members: readonly EscalationRow[], answer: string, role: string): void {
    this.inBackground(async () => {
      const delivered: string[] = [];
      for (const member of members) {
        const replyTo = member.replyTo;
        if (!replyTo?.slack) {
          delivered.push(member.id);
          continue;
        }
        const delivery = {
          course,
          escalationId: member.id,
          question: member.question,
          answer,
          role,
          replyTo,
        };
        for (const listener of this.listeners) {
          if (await listener.deliverAnswer?.(delivery).catch(() => false)) delivered.push(member.id);
        }
      }
      await this.deps.escalations.markDelivered(delivered);
    });
  }

  /** Resolves once background deliveries and notifications are done. */
  async drain(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  private async announce(course: string, groupId: string): Promise<void> {
    const [group, view, settings] = await Promise.all([
      this.deps.escalations.group(course, groupId),
      this.deps.view(course, groupId),
      this.deps.settings(course),
    ]);
    if (!group || !view) return;
    const current =
      group.slackChannel && group.slackTs ? { channel: group.slackChannel, ts: group.slackTs } : undefined;
    for (const listener of this.listeners) {
      const posted = await listener.groupChanged?.(view, settings, current);
      if (posted && !current) await this.deps.escalations.setNotification(groupId, posted.channel, posted.ts);
    }
  }

  private inBackground(work: () => Promise<void>): void {
    const task = work()
      .catch((error: unknown) => this.deps.log(`escalations: background work failed: ${describe(error)}`))
      .finally(() => this.background.delete(task));
    this.background.add(task);
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

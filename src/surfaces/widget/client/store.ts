import * as z from "zod/mini";
import {
  citationSchema,
  escalationStatusSchema,
  modeSchema,
  statusSchema,
  type TutorMode,
} from "./protocol.ts";

/**
 * The conversation as the widget remembers it between page loads: the session id the tutor
 * gave, the chosen mode and the last turns. Kept in localStorage per tutor address and course;
 * anything unreadable there is ignored, never trusted.
 */
const userTurnSchema = z.object({ role: z.literal("user"), text: z.string() });
const tutorTurnSchema = z.object({
  role: z.literal("tutor"),
  text: z.string(),
  status: statusSchema,
  citations: z.array(citationSchema),
  messageId: z.optional(z.string()),
  reason: z.optional(z.string()),
  /** The guardrail that shaped a refusal, so the notice can fit it. */
  rule: z.optional(z.string()),
  feedback: z.optional(z.enum(["up", "down"])),
  /** Sent to the teaching staff: what the student was told, and where the question stands. */
  escalation: z.optional(z.object({ id: z.string(), status: escalationStatusSchema, message: z.string() })),
});
/** An answer from the teaching staff to one of the session's questions. */
const staffTurnSchema = z.object({
  role: z.literal("staff"),
  id: z.string(),
  text: z.string(),
  inReplyTo: z.optional(z.string()),
});
const savedSchema = z.object({
  version: z.literal(1),
  sessionId: z.optional(z.string()),
  mode: modeSchema,
  turns: z.array(z.union([userTurnSchema, tutorTurnSchema, staffTurnSchema])),
});

export type UserTurn = z.infer<typeof userTurnSchema>;
export type TutorTurn = z.infer<typeof tutorTurnSchema>;
export type StaffTurn = z.infer<typeof staffTurnSchema>;
export type Turn = UserTurn | TutorTurn | StaffTurn;
export type SavedConversation = z.infer<typeof savedSchema>;

/** Enough turns to pick up where the student left off without filling the storage quota. */
export const MAX_SAVED_TURNS = 40;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function emptyConversation(): SavedConversation {
  return { version: 1, mode: "explain", turns: [] };
}

export class ConversationMemory {
  constructor(
    private readonly storage: StorageLike | undefined,
    private readonly key: string,
  ) {}

  static keyFor(base: string, course: string): string {
    return `course-tutor:v1:${base}:${course}`;
  }

  load(): SavedConversation {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return emptyConversation();
      const parsed = savedSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : emptyConversation();
    } catch {
      // Storage can be disabled (private mode, sandboxed frames) or hold garbage.
      return emptyConversation();
    }
  }

  save(conversation: SavedConversation): void {
    const trimmed = { ...conversation, turns: conversation.turns.slice(-MAX_SAVED_TURNS) };
    try {
      this.storage?.setItem(this.key, JSON.stringify(trimmed));
    } catch {
      // Quota or disabled storage: the conversation still works, it just won't survive a reload.
    }
  }

  clear(keep: { mode: TutorMode }): SavedConversation {
    const fresh = { ...emptyConversation(), ...keep };
    this.save(fresh);
    return fresh;
  }
}

/**
 * Whether the panel is open, per browser tab (sessionStorage): a reload keeps it as it was, while
 * a course page opened from a citation in a new tab starts with the panel out of the way.
 */
export class PanelMemory {
  constructor(
    private readonly storage: StorageLike | undefined,
    private readonly key: string,
  ) {}

  isOpen(): boolean {
    try {
      return this.storage?.getItem(this.key) === "open";
    } catch {
      return false;
    }
  }

  setOpen(open: boolean): void {
    try {
      if (open) this.storage?.setItem(this.key, "open");
      else this.storage?.removeItem(this.key);
    } catch {
      // Without storage the panel simply starts closed on the next load.
    }
  }
}

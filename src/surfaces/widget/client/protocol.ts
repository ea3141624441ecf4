import * as z from "zod/mini";
import { ANSWER_STATUSES, TUTOR_MODES } from "../../../core/chat.ts";
import { ESCALATION_STATUSES } from "../../../core/escalations.ts";

export type { AnswerStatus, TutorMode } from "../../../core/chat.ts";

/**
 * What the widget accepts from the tutor's API. Replies are checked at this edge so a proxy's
 * error page or a half-written event becomes a clear message instead of a broken panel.
 * (zod/mini keeps the bundle small; the shapes follow `/v1/chat` in the design contract.)
 */
export const citationSchema = z.object({
  n: z.number(),
  source: z.string(),
  title: z.string(),
  heading: z.string(),
  snippet: z.string(),
  url: z.optional(z.string()),
});
export type WidgetCitation = z.infer<typeof citationSchema>;

/** The zod/mini twins of core/schemas.ts's status and mode schemas, for the browser bundle. */
export const statusSchema = z.enum(ANSWER_STATUSES);

export const escalationStatusSchema = z.enum(ESCALATION_STATUSES);

/** What the tutor says once a question went to the teaching staff. */
export const receiptSchema = z.object({
  id: z.string(),
  messageId: z.string(),
  status: escalationStatusSchema,
  typicalWaitMinutes: z.nullable(z.number()),
  message: z.string(),
});
export type EscalationReceipt = z.infer<typeof receiptSchema>;

export const escalationReplySchema = z.object({ escalation: receiptSchema });

/** A session's messages as `GET /v1/sessions/:id/messages` returns them (what the widget reads). */
export const timelineSchema = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      author: z.string(),
      text: z.string(),
      inReplyTo: z.optional(z.string()),
      escalation: z.optional(z.object({ id: z.string(), status: escalationStatusSchema })),
    }),
  ),
});
export type TimelineMessage = z.infer<typeof timelineSchema>["messages"][number];

export const chatReplySchema = z.object({
  sessionId: z.string(),
  messageId: z.string(),
  status: statusSchema,
  answer: z.string(),
  citations: z.array(citationSchema),
  guardrail: z.optional(z.object({ rule: z.string(), reason: z.string() })),
  degraded: z.optional(z.boolean()),
  escalation: z.optional(receiptSchema),
});
export type ChatReply = z.infer<typeof chatReplySchema>;

export const metaEventSchema = z.object({ sessionId: z.string() });
export const tokenEventSchema = z.object({ text: z.string() });
export const citationsEventSchema = z.object({ citations: z.array(citationSchema) });

export const errorBodySchema = z.object({
  status: z.optional(z.number()),
  error: z.object({ code: z.string(), message: z.string() }),
});

export const modeSchema = z.enum(TUTOR_MODES);

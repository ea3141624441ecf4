import { z } from "zod";

/** What Slack sends, checked at the edge. Unknown fields are dropped; missing ones are 400s. */

const slackId = z.string().min(1).max(64);

export const urlVerificationSchema = z.object({
  type: z.literal("url_verification"),
  challenge: z.string().min(1).max(512),
});

export const messageEventSchema = z.object({
  type: z.string().min(1),
  user: slackId.optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().max(40_000).optional(),
  ts: z.string().min(1).max(32),
  thread_ts: z.string().min(1).max(32).optional(),
  channel: slackId.optional(),
  channel_type: z.string().optional(),
  team: slackId.optional(),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

export const eventCallbackSchema = z.object({
  type: z.literal("event_callback"),
  team_id: slackId.optional(),
  event_id: z.string().min(1).max(128),
  event: messageEventSchema,
  authorizations: z
    .array(z.object({ user_id: slackId.optional(), is_bot: z.boolean().optional() }))
    .optional(),
});
export type EventCallback = z.infer<typeof eventCallbackSchema>;

/** Just the discriminator, so envelope types we do not handle can be acknowledged and dropped. */
export const envelopeTypeSchema = z.object({ type: z.string().min(1) });

export const slashCommandSchema = z.object({
  command: z.string().min(1).max(64),
  text: z.string().max(4000).default(""),
  team_id: slackId,
  channel_id: slackId,
  user_id: slackId,
  response_url: z.string().url().max(1000),
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

const threadTs = z.string().min(1).max(32);

export const blockActionsSchema = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id: slackId }),
  team: z.object({ id: slackId }).nullish(),
  channel: z.object({ id: slackId }).nullish(),
  response_url: z.string().url().max(1000).optional(),
  /** Opens a modal within three seconds of the interaction. */
  trigger_id: z.string().min(1).max(255).optional(),
  /** The message holding the button: its thread, when it was posted in one. */
  container: z.object({ thread_ts: threadTs.optional(), message_ts: threadTs.optional() }).nullish(),
  message: z.object({ ts: threadTs.optional(), thread_ts: threadTs.optional() }).nullish(),
  actions: z
    .array(
      z.object({
        action_id: z.string().min(1).max(255),
        block_id: z.string().max(255).optional(),
        value: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(25),
});
export type BlockActions = z.infer<typeof blockActionsSchema>;

/** A modal's submission: the view's callback id, our metadata and the state of its inputs. */
export const viewSubmissionSchema = z.object({
  type: z.literal("view_submission"),
  user: z.object({ id: slackId }),
  team: z.object({ id: slackId }).nullish(),
  view: z.object({
    callback_id: z.string().max(255).default(""),
    private_metadata: z.string().max(3000).default(""),
    state: z.object({
      values: z.record(
        z.string().max(255),
        z.record(
          z.string().max(255),
          z.object({
            type: z.string().max(64),
            value: z.string().max(20_000).nullish(),
            selected_options: z
              .array(z.object({ value: z.string().max(255) }))
              .max(20)
              .nullish(),
          }),
        ),
      ),
    }),
  }),
});
export type ViewSubmission = z.infer<typeof viewSubmissionSchema>;

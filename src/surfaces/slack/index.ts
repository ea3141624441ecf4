/** The Slack app: signed requests in, answers posted back in threads or as ephemeral replies. */
export { type CommandAck, createSlackBot, SLACK_TEXT, type SlackBot, type SlackBotDeps } from "./bot.ts";
export { SlackMetrics } from "./metrics.ts";
export {
  blockActionsSchema,
  envelopeTypeSchema,
  eventCallbackSchema,
  slashCommandSchema,
  urlVerificationSchema,
  viewSubmissionSchema,
} from "./payloads.ts";
export { createSlackSender, type SlackSender } from "./sender.ts";
export { computeSignature, MAX_SIGNATURE_AGE_SECONDS, verifySignature } from "./signature.ts";
export { createSlackSurface, type SlackSurface, type SlackSurfaceDeps } from "./surface.ts";

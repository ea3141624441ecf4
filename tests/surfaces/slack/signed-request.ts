import { createHmac } from "node:crypto";

/**
 * Signs a body the way Slack does (written here from Slack's description, independently of
 * src/surfaces/slack/signature.ts, so tests check the scheme rather than echo our own code).
 */
export function slackSignatureHeaders(
  secret: string,
  body: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const timestamp = String(timestampSeconds);
  const digest = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": timestamp, "x-slack-signature": `v0=${digest}` };
}

/** A slash command body as Slack posts it (application/x-www-form-urlencoded). */
export function slashCommandBody(fields: {
  text: string;
  responseUrl: string;
  command?: string;
  teamId?: string;
  channelId?: string;
  userId?: string;
}): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: fields.teamId ?? "TCOURSE",
    team_domain: "aie101",
    channel_id: fields.channelId ?? "CGENERAL",
    channel_name: "general",
    user_id: fields.userId ?? "USTUDENT1",
    user_name: "student",
    command: fields.command ?? "/tutor",
    text: fields.text,
    api_app_id: "ATUTOR",
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: "1234.5678.abcdef",
  }).toString();
}

/** An interactivity body: one `payload` field holding JSON. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API envelope for one event. */
export function eventEnvelope(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: "legacy-verification-token",
    team_id: "TCOURSE",
    api_app_id: "ATUTOR",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { team: "TCOURSE", event_ts: event.ts, ...event },
    authorizations: [
      { team_id: "TCOURSE", user_id: "UTUTORBOT", is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
}

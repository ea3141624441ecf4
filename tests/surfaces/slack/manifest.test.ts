import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { packageRoot } from "../../../src/app/config.ts";

const manifestSchema = z.object({
  display_information: z.object({ name: z.string().min(1).max(35) }),
  features: z.object({
    bot_user: z.object({ display_name: z.string().min(1) }),
    slash_commands: z.array(
      z.object({ command: z.string(), url: z.string().url(), should_escape: z.boolean() }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string().url(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.string().url() }),
    socket_mode_enabled: z.literal(false),
  }),
});

describe("slack/manifest.yml", () => {
  it("installs an app whose URLs, events and scopes match the routes the tutor serves", async () => {
    const text = await readFile(path.join(packageRoot, "slack", "manifest.yml"), "utf8");
    const manifest = manifestSchema.parse(parse(text));
    const urlPath = (url: string) => new URL(url).pathname;

    const [command] = manifest.features.slash_commands;
    expect(command?.command).toBe("/tutor");
    expect(urlPath(command?.url ?? "")).toBe("/slack/commands");
    expect(urlPath(manifest.settings.event_subscriptions.request_url)).toBe("/slack/events");
    expect(urlPath(manifest.settings.interactivity.request_url)).toBe("/slack/interactions");
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(["app_mention", "message.im"]);
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(["app_mentions:read", "chat:write", "commands", "im:history"]),
    );
    // Every URL carries the same placeholder host for the admin to replace.
    const hosts = new Set((text.match(/https:\/\/[^/\s]+/g) ?? []).map((u) => new URL(u).host));
    expect([...hosts]).toEqual(["tutor_host"]);
  });
});

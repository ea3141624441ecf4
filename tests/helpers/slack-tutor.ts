import type { RunningServer } from "../../src/app/server.ts";
import { type FakeSlackApi, startFakeSlackApi } from "./fake-slack-api.ts";
import { startSeededServer } from "./server.ts";

export interface SlackTutor {
  slack: FakeSlackApi;
  server: RunningServer;
  /** `http://127.0.0.1:PORT` of the tutor. */
  base: string;
  close(): Promise<void>;
}

/** The fake Slack Web API and a seeded tutor server pointed at it, with a bot token and `env` on top. */
export async function startSlackTutor(
  env: { signingSecret: string } & Record<string, string>,
): Promise<SlackTutor> {
  const { signingSecret, ...rest } = env;
  const slack = await startFakeSlackApi();
  const server = await startSeededServer({
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: "xoxb-course-tutor",
    SLACK_API_URL: slack.apiUrl,
    ...rest,
  });
  return {
    slack,
    server,
    base: `http://127.0.0.1:${server.port}`,
    async close() {
      await server.close();
      await slack.close();
    },
  };
}

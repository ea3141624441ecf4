import { Hono } from "hono";
import { type ConversationStore, FeedbackError } from "../../../db/conversations.ts";
import { readJsonBody } from "../body.ts";
import { ApiError } from "../errors.ts";
import { feedbackBodySchema } from "../schemas.ts";

export function feedbackRoutes(deps: { conversations: ConversationStore }): Hono {
  const app = new Hono();
  app.post("/v1/feedback", async (c) => {
    const body = await readJsonBody(c, feedbackBodySchema);
    try {
      await deps.conversations.recordFeedback(body);
    } catch (error) {
      if (error instanceof FeedbackError) throw new ApiError(404, "unknown_message", error.message);
      throw error;
    }
    return c.json({ status: "recorded" });
  });
  return app;
}

import { Hono } from "hono";
import { z } from "zod";
import type { CoursePolicySource } from "../../../core/index.ts";
import { EscalationError, type Escalations, sessionTimeline } from "../../../courses/index.ts";
import type { Queryable } from "../../../db/index.ts";
import { readJsonBody } from "../body.ts";
import { ApiError } from "../errors.ts";
import { courseIdSchema } from "../schemas.ts";

export const escalationBodySchema = z.object({
  sessionId: z.string().min(1).max(100),
  messageId: z.string().min(1).max(100),
  note: z.string().max(2_000).optional(),
});

const timelineQuerySchema = z.object({ course: courseIdSchema.optional() });

export interface EscalationRouteDeps {
  escalations: Escalations;
  db: Queryable;
  /** Courses' settings as students meet them: an archived course reads as unknown here too. */
  coursePolicy?: CoursePolicySource;
}

/**
 * The student's side of escalations: `POST /v1/escalations` hands one of the session's answers to
 * the teaching staff, and `GET /v1/sessions/:sessionId/messages` reads the session back with the
 * staff's answers in it. The session id is the capability: a message of another session, or a
 * session of another course (`?course=`) or of an archived course, is a 404 like an unknown one.
 */
export function escalationRoutes(deps: EscalationRouteDeps): Hono {
  const app = new Hono();
  const courseOpen = async (course: string) => !(await deps.coursePolicy?.policyFor(course))?.archived;

  app.post("/v1/escalations", async (c) => {
    const body = await readJsonBody(c, escalationBodySchema);
    try {
      const { receipt, created } = await deps.escalations.escalate({
        sessionId: body.sessionId,
        messageId: body.messageId,
        ...(body.note !== undefined ? { note: body.note } : {}),
        origin: c.req.header("x-tutor-surface") === "widget" ? "widget" : "api",
        courseOpen,
      });
      return c.json({ escalation: receipt }, created ? 201 : 200);
    } catch (error) {
      if (error instanceof EscalationError) throw new ApiError(404, "unknown_message", error.message);
      throw error;
    }
  });

  app.get("/v1/sessions/:sessionId/messages", async (c) => {
    const query = timelineQuerySchema.safeParse(c.req.query());
    if (!query.success) throw new ApiError(400, "invalid_request", "course: not a course id");
    const timeline = await sessionTimeline(deps.db, c.req.param("sessionId"), query.data.course);
    if (!timeline || !(await courseOpen(timeline.course)))
      throw new ApiError(404, "unknown_session", "unknown session");
    c.header("Cache-Control", "no-store");
    return c.json(timeline);
  });

  return app;
}

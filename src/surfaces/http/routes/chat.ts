import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { Pipeline } from "../../../chat/index.ts";
import { readJsonBody } from "../body.ts";
import { errorBody, toApiError } from "../errors.ts";
import { chatBodySchema } from "../schemas.ts";

export interface ChatDeps {
  pipeline: Pipeline;
  defaultCourse: string;
  surface?: string;
}

/**
 * `/v1/chat`: one JSON answer, or with `stream:true` / `Accept: text/event-stream` the same
 * answer as server-sent events: `meta`, `token`…, `citations`, `done` (the full reply) or `error`.
 */
export function chatRoutes(deps: ChatDeps): Hono {
  const app = new Hono();
  app.post("/v1/chat", async (c) => {
    const body = await readJsonBody(c, chatBodySchema);
    const wantsStream = body.stream === true || (c.req.header("accept") ?? "").includes("text/event-stream");
    const request = {
      course: body.course ?? deps.defaultCourse,
      message: body.message,
      sessionId: body.sessionId,
      mode: body.mode,
      filters: body.filters,
      surface: c.req.header("x-tutor-surface") === "widget" ? "widget" : (deps.surface ?? "api"),
    };
    if (!wantsStream) return c.json(await deps.pipeline.ask(request));

    return streamSSE(c, async (stream) => {
      const abort = new AbortController();
      stream.onAbort(() => abort.abort());
      let writes = Promise.resolve();
      const send = (event: string, data: unknown) => {
        writes = writes.then(() => stream.writeSSE({ event, data: JSON.stringify(data) }));
        return writes;
      };
      try {
        const answer = await deps.pipeline.ask({
          ...request,
          signal: abort.signal,
          onStart: ({ sessionId, mode }) => void send("meta", { sessionId, course: request.course, mode }),
          onToken: (text) => void send("token", { text }),
        });
        await send("citations", { citations: answer.citations });
        await send("done", answer);
      } catch (error) {
        const apiError = toApiError(error);
        await send("error", { status: apiError.status, ...errorBody(apiError.code, apiError.message) });
      }
    });
  });
  return app;
}

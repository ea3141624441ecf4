import { type Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { Pipeline } from "../../chat/index.ts";
import type { Answer, AskRequest } from "../../core/chat.ts";
import type { Queryable } from "../../db/index.ts";
import type { RateLimiter, RateScope, RateSubject } from "../../ratelimit/index.ts";
import { checkRateLimit, clientIp, readJsonBody } from "../http/index.ts";
import { apiKeyAuth, type OpenAiEnv, openCors } from "./auth.ts";
import { OpenAiError, openAiErrorBody, respondWithOpenAiError, toOpenAiError } from "./errors.ts";
import { ApiKeys, type AuthenticatedKey } from "./keys.ts";
import {
  type ChatCompletionRequest,
  type Conversation,
  chatCompletionRequestSchema,
  conversationHash,
  courseOfModel,
  MODEL_PREFIX,
  readConversation,
} from "./protocol.ts";
import {
  chunkObject,
  completionId,
  completionObject,
  remainderAfter,
  replyText,
  sourcesMarkdown,
  tutorExtra,
} from "./reply.ts";

export interface OpenAiRouteDeps {
  db: Queryable;
  pipeline: Pipeline;
  /** Makes citation links absolute; without it, the address the request came to. */
  publicBaseUrl?: string;
  /** The student routes' limiter: per client address, per conversation and per course. */
  limiter?: RateLimiter;
  trustProxyHops?: number;
  onLimited?: (scope: RateScope) => void;
}

/** Everything one completion needs once the request is read. */
interface Turn {
  key: AuthenticatedKey;
  body: ChatCompletionRequest;
  conversation: Conversation;
  request: AskRequest;
  base: string;
  model: string;
}

/**
 * The OpenAI-compatible API: `GET /v1/models` (the key's course as `tutor/<course>`) and
 * `POST /v1/chat/completions`, plain or streamed as `chat.completion.chunk` events.
 */
export function openAiRoutes(deps: OpenAiRouteDeps): Hono {
  const app = new Hono<OpenAiEnv>();
  const keys = new ApiKeys(deps.db);
  for (const path of ["/v1/models", "/v1/models/*", "/v1/chat/completions"]) {
    app.use(path, openCors(), apiKeyAuth(keys));
  }

  app.get("/v1/models", (c) => c.json({ object: "list", data: [modelOf(c.get("apiKey"))] }));
  app.get("/v1/models/:model{.+}", (c) => {
    const key = c.get("apiKey");
    requireModel(key, c.req.param("model"));
    return c.json(modelOf(key));
  });

  app.post("/v1/chat/completions", async (c) => {
    const turn = await readTurn(deps, keys, c);
    if (turn.body.stream === true) return streamCompletion(c, deps, keys, turn);
    const answer = await deps.pipeline.ask(turn.request);
    const content = replyText(answer, turn.base);
    await rememberConversation(keys, turn, answer, content);
    const created = Math.floor(Date.now() / 1000);
    return c.json(
      completionObject({
        id: completionId(),
        created,
        model: turn.model,
        content,
        tutor: tutorExtra(turn.key.course, answer, turn.base),
      }),
    );
  });

  app.onError((error, c) => respondWithOpenAiError(c, error));
  // Mounted beside routers that know nothing of the key this one keeps on its requests.
  return new Hono().route("/", app);
}

function modelOf(key: AuthenticatedKey) {
  return {
    id: `${MODEL_PREFIX}${key.course}`,
    object: "model" as const,
    created: Math.floor(Date.parse(key.courseCreatedAt) / 1000),
    owned_by: "course-tutor",
    tutor: { course: key.course, title: key.courseTitle },
  };
}

/** A key reaches only its own course; any other model reads as one that does not exist. */
function requireModel(key: AuthenticatedKey, model: string): void {
  if (courseOfModel(model) === key.course) return;
  throw new OpenAiError(
    404,
    "model_not_found",
    `The model '${model.slice(0, 200)}' does not exist or you do not have access to it.`,
    "model",
  );
}

/** Reads and checks the request, finds the conversation's session and spends the rate limit. */
async function readTurn(deps: OpenAiRouteDeps, keys: ApiKeys, c: Context<OpenAiEnv>): Promise<Turn> {
  const key = c.get("apiKey");
  const body = await readJsonBody(c, chatCompletionRequestSchema);
  requireModel(key, body.model);
  const conversation = readConversation(body.messages);
  const scope = { keyId: key.id, course: key.course, user: body.user };
  // A first question always starts a session; a later one continues the session that answered
  // the turns before it, if the tutor answered them (anything else starts afresh: the tutor only
  // builds on turns it wrote itself).
  const sessionId =
    conversation.earlier.length > 0
      ? await keys.sessionFor(key.id, conversationHash(scope, conversation.earlier))
      : undefined;
  if (deps.limiter) {
    const subject: RateSubject = { ip: clientIp(c, deps.trustProxyHops ?? 0), course: key.course };
    if (sessionId) subject.session = sessionId;
    const refusal = await checkRateLimit({ limiter: deps.limiter, onLimited: deps.onLimited }, subject);
    if (refusal) {
      throw new OpenAiError(429, "rate_limit_exceeded", refusal.message, null, {
        "Retry-After": String(refusal.retryAfterSeconds),
        "RateLimit-Policy": refusal.policy,
      });
    }
  }
  const request: AskRequest = {
    course: key.course,
    message: conversation.question,
    ...(sessionId ? { sessionId } : {}),
    ...(body.mode ? { mode: body.mode } : {}),
    surface: "openai",
  };
  const base = deps.publicBaseUrl ?? new URL(c.req.url).origin;
  return { key, body, conversation, request, base, model: body.model };
}

/** Links the conversation including this answer to its session, for the client's next turn. */
async function rememberConversation(keys: ApiKeys, turn: Turn, answer: Answer, sent: string): Promise<void> {
  const turns = [
    ...turn.conversation.earlier,
    { role: "user", text: turn.conversation.question },
    { role: "assistant", text: sent },
  ];
  const scope = { keyId: turn.key.id, course: turn.key.course, user: turn.body.user };
  await keys.linkSession(turn.key.id, conversationHash(scope, turns), answer.sessionId);
}

/** The answer as `chat.completion.chunk` events: the role, the text as it is written, the sources, `[DONE]`. */
function streamCompletion(c: Context<OpenAiEnv>, deps: OpenAiRouteDeps, keys: ApiKeys, turn: Turn) {
  return streamSSE(c, async (stream) => {
    const abort = new AbortController();
    stream.onAbort(() => abort.abort());
    const header = { id: completionId(), created: Math.floor(Date.now() / 1000), model: turn.model };
    let writes = Promise.resolve();
    const send = (data: unknown) => {
      writes = writes.then(() =>
        stream.writeSSE({ data: typeof data === "string" ? data : JSON.stringify(data) }),
      );
      return writes;
    };
    let sent = "";
    const sendText = (content: string) => {
      if (content === "") return writes;
      sent += content;
      return send(chunkObject({ ...header, delta: { content } }));
    };
    try {
      void send(chunkObject({ ...header, delta: { role: "assistant", content: "" } }));
      const answer = await deps.pipeline.ask({
        ...turn.request,
        signal: abort.signal,
        onToken: (text) => void sendText(text),
      });
      await sendText(remainderAfter(sent, answer.answer));
      await sendText(sourcesMarkdown(answer.citations, turn.base));
      await rememberConversation(keys, turn, answer, sent);
      await send(
        chunkObject({
          ...header,
          delta: {},
          finish: true,
          tutor: tutorExtra(turn.key.course, answer, turn.base),
        }),
      );
      await send("[DONE]");
    } catch (error) {
      if (abort.signal.aborted) return;
      await send(openAiErrorBody(toOpenAiError(error)));
    }
  });
}

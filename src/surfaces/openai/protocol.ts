import { createHash } from "node:crypto";
import { z } from "zod";
import { tutorModeSchema } from "../../core/schemas.ts";

/** A course is offered as the model `tutor/<course id>`. */
export const MODEL_PREFIX = "tutor/";

/** The longest question the tutor takes, as on /v1/chat. */
const MAX_QUESTION_CHARS = 8_000;

const textPartSchema = z.object({ type: z.literal("text"), text: z.string() });
/** Images, audio and other parts are accepted and ignored: the tutor answers from text. */
const otherPartSchema = z.looseObject({ type: z.string() });
const contentSchema = z.union([z.string(), z.array(z.union([textPartSchema, otherPartSchema])), z.null()]);

const messageSchema = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: contentSchema.optional(),
});

/**
 * `POST /v1/chat/completions`. Sampling settings (temperature, max_tokens, tools…) are accepted
 * and ignored: the tutor decides how it answers. `mode` (explain, hint, quiz) is the tutor's own
 * addition; clients that know nothing of it simply leave it out.
 */
export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1).max(200),
  messages: z.array(messageSchema).min(1, "messages must hold at least the question").max(1_000),
  stream: z.boolean().nullish(),
  n: z.literal(1, { error: "the tutor gives one answer per request (n must be 1)" }).nullish(),
  user: z.string().max(256).optional(),
  mode: tutorModeSchema.optional(),
});

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
type Message = ChatCompletionRequest["messages"][number];

/** A request's question, and the conversation before it as the client sent it. */
export interface Conversation {
  question: string;
  /** The user and assistant turns before the question, in order (system and tool messages left out). */
  earlier: { role: "user" | "assistant"; text: string }[];
}

/** Why a request cannot be answered, with the request field at fault (OpenAI's `param`). */
export class ConversationError extends Error {
  override name = "ConversationError";
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}

export function textOf(message: Message): string {
  const content = message.content;
  if (typeof content === "string") return content;
  if (!content) return "";
  return content
    .map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : ""))
    .filter(Boolean)
    .join("\n");
}

/** The last message is the question; earlier user and assistant messages are the conversation. */
export function readConversation(messages: readonly Message[]): Conversation {
  const last = messages[messages.length - 1];
  if (last?.role !== "user") {
    throw new ConversationError("The last message must be the user's question.", "messages");
  }
  const question = textOf(last).trim();
  if (question === "") throw new ConversationError("The question (the last message) is empty.", "messages");
  if (question.length > MAX_QUESTION_CHARS) {
    throw new ConversationError(`The question is longer than ${MAX_QUESTION_CHARS} characters.`, "messages");
  }
  const earlier = messages
    .slice(0, -1)
    .filter((m): m is Message & { role: "user" | "assistant" } => m.role === "user" || m.role === "assistant")
    .map((m) => ({ role: m.role, text: textOf(m) }));
  return { question, earlier };
}

/** The course a model name offers, or undefined when it is not a tutor model. */
export function courseOfModel(model: string): string | undefined {
  return model.startsWith(MODEL_PREFIX) ? model.slice(MODEL_PREFIX.length) : undefined;
}

/**
 * Identifies a conversation by its turns, for one key, course and end user: clients resend the
 * whole conversation each time, and the turns the tutor answered before find its session again.
 * Whitespace is collapsed because some clients trim or re-wrap the text they store.
 */
export function conversationHash(
  scope: { keyId: string; course: string; user?: string },
  turns: readonly { role: string; text: string }[],
): string {
  const canonical = turns.map((turn) => [turn.role, turn.text.replace(/\s+/g, " ").trim()]);
  return createHash("sha256")
    .update(JSON.stringify([scope.keyId, scope.course, scope.user ?? "", canonical]))
    .digest("hex");
}

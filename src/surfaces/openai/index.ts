/**
 * The OpenAI-compatible API: each course is a model (`tutor/<course>`) behind per-course API
 * keys, so chat front ends and the official SDKs can use the tutor without custom code.
 */
export { type ApiKeyAdminDeps, apiKeyAdminRoutes } from "./admin.ts";
export { API_KEY_PREFIX, ApiKeys, type AuthenticatedKey, hashApiKey } from "./keys.ts";
export { chatCompletionRequestSchema, conversationHash, MODEL_PREFIX, readConversation } from "./protocol.ts";
export { replyText, sourcesMarkdown, type TutorExtra } from "./reply.ts";
export { type OpenAiRouteDeps, openAiRoutes } from "./routes.ts";

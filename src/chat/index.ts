/**
 * The chat: the one path every surface's question takes (guard, retrieve, answer, guard, store),
 * and the vocabulary a surface needs to ask and read the reply.
 */
export type { Answer, AnswerTimings, AskRequest, AskTrace, Citation } from "../core/chat.ts";
export type { QueryRewriter, RewrittenQuery } from "../core/query.ts";
export { createPipeline } from "./ask.ts";
export { defaultPipelineOptions, type Pipeline, type PipelineDeps, type PipelineObserver } from "./types.ts";

import type { ConversationTurn } from "./chat.ts";

/** A student's question as retrieval reads it. */
export interface RewrittenQuery {
  /** The question normalised: shorthand and typos fixed, a follow-up given its subject. */
  query: string;
  /** `query` with the acronyms the course defines spelled out ("RRF (Reciprocal Rank Fusion)"). */
  spelledOut: string;
}

/** Turns what the student typed into what retrieval should search for. */
export interface QueryRewriter {
  rewrite(
    question: string,
    context: { course: string; history: ConversationTurn[] },
  ): Promise<RewrittenQuery>;
}

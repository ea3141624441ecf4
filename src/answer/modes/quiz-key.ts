import type { ScoredChunk } from "../../retrieve/types.ts";
import type { AnswerDraft, QuizKey, TutorMode } from "../types.ts";

/** Told to the student under every quiz; `isRevealRequest` recognises the words it suggests. */
export const QUIZ_REVEAL_INVITE = "When you have tried them, ask me to “show answers” for the answer key.";

export interface StoredQuizKey {
  messageId: string;
  key: QuizKey;
}

/** Where quiz keys are kept: with the message that asked the questions. */
export interface QuizKeyStore {
  latestQuizKey(sessionId: string): Promise<StoredQuizKey | null>;
}

export interface FollowUpContext {
  course: string;
  sessionId: string;
  /** What the student typed, after the input guardrails. */
  question: string;
  mode: TutorMode;
}

/** A reply that comes from the session itself, without retrieval. */
export interface FollowUpAnswer {
  draft: AnswerDraft;
  /** The chunks the reply cites, for the output guardrails. */
  sources: ScoredChunk[];
}

/** Answers a follow-up that refers to an earlier turn, or returns null to let the pipeline answer. */
export interface FollowUpHandler {
  answer(context: FollowUpContext): Promise<FollowUpAnswer | null>;
}

const ASKS =
  /\b(show|reveal|give|tell|see|check|display|send|what (are|were)|where are|can i (have|get)|let me)\b/;
const KEY = /\b(answers?|answer key|key|solutions?)\b/;
const BARE = /^(the )?(answers?|answer key|solutions?|key)( please| pls)?$/;

/** "show answers", "can I see the answer key?", "answers please" — short requests for the key. */
export function isRevealRequest(message: string): boolean {
  const text = message
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length === 0 || text.length > 60) return false;
  return BARE.test(text) || (ASKS.test(text) && KEY.test(text));
}

/**
 * The quiz-key follow-up: when a student in a session that has had a quiz asks for the answers,
 * the stored key of the latest quiz is the reply. Nothing is retrieved or generated.
 */
export function quizKeyFollowUp(store: QuizKeyStore): FollowUpHandler {
  return {
    async answer({ sessionId, question }) {
      if (!isRevealRequest(question)) return null;
      const stored = await store.latestQuizKey(sessionId);
      if (!stored) return null;
      return {
        draft: {
          status: "answered",
          answer: `Here are the answers to your practice questions:\n${stored.key.answer}`,
          citations: stored.key.citations,
          answeredBy: "quiz-key",
        },
        sources: stored.key.sources,
      };
    },
  };
}

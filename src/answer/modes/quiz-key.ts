import type { TutorMode } from "../../core/chat.ts";
import type { ScoredChunk } from "../../core/chunks.ts";
import type { AnswerDraft, QuizKey } from "../types.ts";

/**
 * Asked under every quiz. A question states nothing, so the output guardrails leave it alone; a
 * "yes" straight after the quiz, or "show answers" at any later point, reveals the key.
 */
export const QUIZ_REVEAL_INVITE = "Once you have tried them, shall I show you the answers?";

/** One answer of a quiz key, with the question it answers. */
export interface KeyEntry {
  question: string;
  /** The answer, with its [n] citation. */
  answer: string;
}

/**
 * The key as the student reads it: each question again, then its answer, as bullets. Questions
 * repeated beside their answers need no scrolling back, and bullets rather than "1." keep list
 * numbers from reading as figures the cited passage would have to contain.
 */
export function renderKey(entries: readonly KeyEntry[]): string {
  return entries
    .map((entry) => `- ${entry.question.replace(/\s*\[\d+\]\s*$/, "")} ${entry.answer}`)
    .join("\n");
}

const NUMBERED = /^\s*(\d{1,2})[.)]\s+(.+?)\s*$/;

/**
 * Pairs a model's numbered questions with its numbered answers ("1. …" with "1. …") into key
 * entries; lines that are not numbered extend the entry above. Empty when nothing pairs up.
 */
export function pairNumbered(questions: string, answers: string): KeyEntry[] {
  const byNumber = (text: string) => {
    const items = new Map<number, string>();
    let last: number | undefined;
    for (const line of text.split("\n")) {
      const match = NUMBERED.exec(line);
      if (match) {
        last = Number(match[1]);
        items.set(last, match[2] ?? "");
      } else if (last !== undefined && line.trim()) {
        items.set(last, `${items.get(last)} ${line.trim()}`);
      }
    }
    return items;
  };
  const asked = byNumber(questions);
  const entries: KeyEntry[] = [];
  for (const [n, answer] of byNumber(answers)) {
    const question = asked.get(n);
    if (question) entries.push({ question, answer });
  }
  return entries;
}

export interface StoredQuizKey {
  messageId: string;
  key: QuizKey;
  /** The quiz is the session's most recent message (so a bare "yes" answers its invitation). */
  isLatest: boolean;
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

/** Whole replies (after normalise) that accept the invitation, optionally with thanks. */
const YES_WORDS =
  "yes|yeah|yep|yup|sure|ok|okay|please|go ahead|please do|yes please|sure thing|ok please|okay please|" +
  "show me|i am ready|i m ready|ready|done|go on";
const YES = new RegExp(`^(${YES_WORDS})( please| thanks| thank you)?$`);

function normalise(message: string): string {
  return message
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "show answers", "can I see the answer key?", "answers please" — short requests for the key. */
export function isRevealRequest(message: string): boolean {
  const text = normalise(message);
  if (text.length === 0 || text.length > 60) return false;
  return BARE.test(text) || (ASKS.test(text) && KEY.test(text));
}

/** "yes", "sure, go ahead": accepting the quiz's invitation to see the answers. */
export function isAffirmative(message: string): boolean {
  return YES.test(normalise(message));
}

/**
 * The quiz-key follow-up: when a student in a session that has had a quiz asks for the answers,
 * the stored key of the latest quiz is the reply. Nothing is retrieved or generated.
 */
export function quizKeyFollowUp(store: QuizKeyStore): FollowUpHandler {
  return {
    async answer({ sessionId, question }) {
      const asked = isRevealRequest(question);
      if (!asked && !isAffirmative(question)) return null;
      const stored = await store.latestQuizKey(sessionId);
      if (!stored || (!asked && !stored.isLatest)) return null;
      return {
        draft: {
          status: "answered",
          answer: `Answer key:\n${stored.key.answer}`,
          citations: stored.key.citations,
          answeredBy: "quiz-key",
        },
        sources: stored.key.sources,
      };
    },
  };
}

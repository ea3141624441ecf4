import type { ConversationTurn } from "../../core/chat.ts";
import { truncate } from "../citations.ts";

export interface HistoryWindowOptions {
  /** Most recent turns kept. */
  maxTurns: number;
  /** Characters of history kept in total; older turns go first. */
  maxChars: number;
  /** Each past answer is shortened to this many characters. */
  maxAnswerChars: number;
  /** Each past question is shortened to this many characters. */
  maxQuestionChars: number;
}

export const defaultHistoryWindow: HistoryWindowOptions = {
  maxTurns: 4,
  maxChars: 3_000,
  maxAnswerChars: 700,
  maxQuestionChars: 400,
};

/**
 * The bounded slice of a conversation the LLM sees for follow-up questions: the latest turns,
 * each shortened, within a total size, oldest dropped first. Citation markers are removed from
 * past answers because their numbers referred to that turn's sources, not this turn's.
 */
export function windowHistory(
  turns: readonly ConversationTurn[],
  options: HistoryWindowOptions = defaultHistoryWindow,
): ConversationTurn[] {
  const kept: ConversationTurn[] = [];
  let used = 0;
  for (let i = turns.length - 1; i >= 0 && kept.length < options.maxTurns; i--) {
    const turn = turns[i] as ConversationTurn;
    const question = truncate(turn.question, options.maxQuestionChars);
    const answer = truncate(stripCitationMarkers(turn.answer), options.maxAnswerChars);
    const size = question.length + answer.length;
    if (used + size > options.maxChars) break;
    used += size;
    kept.push({ question, answer });
  }
  return kept.reverse();
}

/** "Drift is a shift [1][2]." → "Drift is a shift." */
export function stripCitationMarkers(text: string): string {
  return text
    .replace(/\s*\[\d+(?:\s*[,–-]\s*\d+)*\]/g, "")
    .replace(/\s+([.,;:!?])/g, "$1")
    .trim();
}

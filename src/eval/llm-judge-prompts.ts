/** What the LLM judge is told: one prompt per RAGAS-style metric, each asking for a JSON reply. */

export const JUDGE_SYSTEM =
  "You grade a course tutor's answers for an evaluation. " +
  "Judge only from the texts you are given, never from your own knowledge. " +
  "Reply with a single JSON object and nothing else.";

/** Appended to a prompt whose first reply could not be read. */
export const RETRY_REMINDER =
  "Your previous reply could not be used. Reply with the JSON object only, exactly in the requested shape.";

/** Asks for one 1-or-0 verdict per numbered item, in the shape `verdictsReply` reads. */
function verdictsRequest(each: string, criterion: string, item: string): string {
  return (
    `For each ${each}, decide whether ${criterion} (1) or not (0). ` +
    `Reply as {"verdicts": [{"id": <${item} number>, "verdict": 1 or 0, "reason": "<short>"}]}, ` +
    `one entry per ${item}.`
  );
}

/** Faithfulness: which of the answer's statements the cited contexts support. */
export function faithfulnessPrompt(contexts: string, statements: string): string {
  return (
    `Context:\n${contexts}\n\nStatements:\n${statements}\n\n` +
    verdictsRequest("statement", "it can be directly inferred from the context", "statement")
  );
}

/** Answer relevancy: the questions the answer responds to, and whether it is noncommittal. */
export function relevancyPrompt(answer: string, questions: number): string {
  return (
    `Answer:\n${answer}\n\nWrite ${questions} different questions that this answer responds to. ` +
    "Also decide whether the answer is noncommittal (evasive, vague, or saying it does not know: 1) " +
    'or not (0). Reply as {"questions": ["..."], "noncommittal": 1 or 0}.'
  );
}

/** Context precision: which retrieved contexts helped reach the reference answer. */
export function contextPrecisionPrompt(question: string, referenceAnswer: string, contexts: string): string {
  return (
    `Question:\n${question}\n\nReference answer:\n${referenceAnswer}\n\nContexts:\n${contexts}\n\n` +
    verdictsRequest("context", "it was useful in arriving at the reference answer", "context")
  );
}

/** Context recall: which reference statements the retrieved contexts support. */
export function contextRecallPrompt(contexts: string, statements: string): string {
  return (
    `Contexts:\n${contexts}\n\nReference statements:\n${statements}\n\n` +
    verdictsRequest("reference statement", "it can be attributed to the contexts", "statement")
  );
}

/** Answer correctness: answer statements against the reference answer, and what the answer leaves out. */
export function correctnessPrompt(
  question: string,
  referenceStatements: string,
  answerStatements: string,
): string {
  return (
    `Question:\n${question}\n\nReference answer statements:\n${referenceStatements}\n\n` +
    `Answer statements:\n${answerStatements}\n\n` +
    "For each answer statement, decide whether the reference answer supports it (1) or not (0). " +
    "For each reference statement, decide whether the answer states it (1) or not (0). " +
    'Reply as {"answer": [{"id": <answer statement number>, "verdict": 1 or 0}], ' +
    '"reference": [{"id": <reference statement number>, "verdict": 1 or 0}]}, one entry per statement.'
  );
}

import type { Asking, Outcome, PipelineSettings } from "./types.ts";
import { guardOutput } from "./verdicts.ts";

/**
 * A reply that comes from the session itself (the quiz key behind "show answers"), or null to
 * answer from the course. It is streamed whole, then meets the output guard like any answer.
 */
export async function answerFollowUp(deps: PipelineSettings, asking: Asking): Promise<Outcome | null> {
  const { request, sessionId, question, mode } = asking;
  const followUp = await deps.followUps?.answer({ course: request.course, sessionId, question, mode });
  if (!followUp) return null;
  asking.streamContext.chunks = followUp.sources;
  asking.onToken?.(followUp.draft.answer);
  const checked = guardOutput(deps.guard, followUp.draft, {
    course: request.course,
    mode,
    chunks: followUp.sources,
  });
  return { ...checked, topScore: null };
}

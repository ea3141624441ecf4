import type { Answer, AskRequest } from "../../core/chat.ts";
import type { EscalationOrigin } from "../../core/escalations.ts";
import type { Escalations } from "./service.ts";
import type { AskingPipeline } from "./types.ts";

/** Surfaces whose students may escalate; evaluations and the command line never do. */
const STUDENT_SURFACES: Record<string, EscalationOrigin> = { widget: "widget", api: "api", slack: "slack" };

/**
 * The pipeline the student surfaces use: in a course that escalates automatically, a `no_answer`
 * goes to the staff with the reply and the reply says so (`escalation`). A question judged off
 * topic is not sent (the student can still send it). Escalating never costs the student the answer.
 */
export function escalatingPipeline<P extends AskingPipeline>(
  pipeline: P,
  escalations: Escalations,
  log: (message: string) => void = () => {},
): AskingPipeline {
  async function withEscalation(answer: Answer, request: AskRequest): Promise<Answer> {
    if (answer.status !== "no_answer" || answer.guardrail) return answer;
    if (!STUDENT_SURFACES[request.surface ?? "api"]) return answer;
    try {
      if (!(await escalations.settings(request.course)).autoEscalate) return answer;
      const { receipt } = await escalations.escalate({
        sessionId: answer.sessionId,
        messageId: answer.messageId,
        origin: "auto",
        ...(request.asker ? { studentKey: request.asker } : {}),
        ...(request.replyTo ? { replyTo: request.replyTo } : {}),
      });
      return { ...answer, escalation: receipt };
    } catch (error) {
      log(
        `escalations: automatic escalation failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return answer;
    }
  }
  return {
    async ask(request) {
      return withEscalation(await pipeline.ask(request), request);
    },
    async askWithTrace(request) {
      const { answer, trace } = await pipeline.askWithTrace(request);
      return { answer: await withEscalation(answer, request), trace };
    },
  };
}

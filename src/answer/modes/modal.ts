import type { TutorMode } from "../../core/chat.ts";
import type { AnswerDraft, Answerer, AnswerRequest } from "../types.ts";

/**
 * Picks the answerer for the request's tutor mode. Used for the offline answerers (the LLM
 * answerer handles every mode through its prompt), so that hint and quiz work without an LLM and
 * a degraded hint is still a hint, never the full extractive answer.
 */
export class ModalAnswerer implements Answerer {
  readonly name: string;

  constructor(private readonly byMode: Record<TutorMode, Answerer>) {
    this.name = byMode.explain.name;
  }

  answer(request: AnswerRequest): Promise<AnswerDraft> {
    return this.byMode[request.mode].answer(request);
  }
}

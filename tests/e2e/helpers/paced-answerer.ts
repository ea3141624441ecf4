import type { Answerer, AnswerRequest } from "../../../src/answer/types.ts";

/**
 * The real answerer with its tokens spaced out in time. The extractive answerer emits its whole
 * answer in one burst (the network often delivers it in one packet); an LLM's tokens arrive over
 * seconds. Spacing them lets the browser test watch the widget render an answer while it streams.
 * The answer itself, its citations and its status are the wrapped answerer's, unchanged.
 */
export function pacedAnswerer(inner: Answerer, msPerToken: number): Answerer {
  return {
    name: inner.name,
    async answer(request: AnswerRequest) {
      const tokens: string[] = [];
      const draft = await inner.answer({ ...request, onToken: (text) => tokens.push(text) });
      for (const token of tokens) {
        if (request.signal?.aborted) break;
        request.onToken?.(token);
        await new Promise((resolve) => setTimeout(resolve, msPerToken));
      }
      return draft;
    },
  };
}

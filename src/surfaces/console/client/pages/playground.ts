import { ApiFailure, api } from "../api.ts";
import type { PageContext } from "../app.ts";
import { add, type Child, field, fill, h, notice, section, table } from "../dom.ts";
import { decimal, ms } from "../format.ts";
import type { Answer, Trace } from "../types.ts";

type Hit = { chunkId: string; source: string; heading: string; score: number };

const where = (hit: { source: string; heading: string }) =>
  h("span", {}, h("code", {}, hit.source), hit.heading ? ` › ${hit.heading}` : "");

function hitsTable(caption: string, hits: Hit[]): HTMLElement {
  return table(
    caption,
    ["#", "Passage", "Score"],
    hits.map((hit, i) => [String(i + 1), where(hit), decimal(hit.score, 4)]),
  );
}

function verdictList(
  stage: string,
  verdicts: { rule: string; action: string; reason?: string }[],
): HTMLElement {
  return h(
    "li",
    {},
    h("strong", {}, `${stage}: `),
    verdicts.length === 0
      ? "every rule allowed it"
      : verdicts.map((v, i) => [
          i > 0 ? "; " : "",
          h("code", {}, v.rule),
          ` ${v.action}`,
          v.reason ? ` — ${v.reason}` : "",
        ]),
  );
}

/** The trace of one answer: how the question was read, what each retriever found, and what the guard did. */
/** How the question was read and answered: query, expansion, answerer, coverage, time. */
function facts(trace: Trace, answer: Answer): HTMLElement {
  const { policy } = trace;
  const t = answer.timings;
  const llmOff = policy?.llm === false ? " (LLM off for this course)" : "";
  return h(
    "dl",
    { class: "facts" },
    h("dt", {}, "Query searched"),
    h("dd", {}, h("q", {}, trace.query)),
    trace.expansion
      ? [h("dt", {}, "Terms added by expansion"), h("dd", {}, trace.expansion.join(", "))]
      : null,
    h("dt", {}, "Answered by"),
    h("dd", {}, `${answeredBy(trace.answeredBy)}, ${policy?.mode ?? "explain"} mode${llmOff}`),
    h("dt", {}, "Coverage / best vector similarity"),
    h("dd", {}, `${decimal(trace.coverage, 2)} / ${decimal(trace.topVectorSimilarity, 3)}`),
    h("dt", {}, "Time"),
    h(
      "dd",
      {},
      [
        `retrieve ${ms(t.retrieve)}`,
        `rerank ${ms(t.rerank)}`,
        `answer ${ms(t.answer)}`,
        `total ${ms(t.total)}`,
      ].join(", "),
    ),
  );
}

/** The final order with every stage's score. */
function finalOrder(trace: Trace): HTMLElement {
  const rows = trace.retrieved.map((chunk, i): Child[] => [
    String(i + 1),
    where(chunk),
    decimal(chunk.scores.bm25, 3),
    decimal(chunk.scores.expanded, 3),
    decimal(chunk.scores.vector, 3),
    decimal(chunk.scores.fused, 4),
    decimal(chunk.scores.rerank, 3),
  ]);
  return h(
    "div",
    {},
    h(
      "h3",
      {},
      trace.reranked ? "After the reranker (what the answer used)" : "Final order (no reranker ran)",
    ),
    table(
      "Final order with every stage's score",
      ["#", "Passage", "BM25", "Expanded", "Vector", "Fused", "Rerank"],
      rows,
      { hideCaption: true },
    ),
  );
}

/** The trace of one answer: how the question was read, what each retriever found, and what the guard did. */
function traceView(trace: Trace, answer: Answer): HTMLElement {
  const { retrievers, guard } = trace;
  return h(
    "div",
    { class: "trace" },
    h("h2", {}, "Retrieval trace"),
    facts(trace, answer),
    guard
      ? [
          h("h3", {}, "Guardrails"),
          h(
            "ul",
            { class: "verdicts" },
            verdictList("Question", guard.input),
            verdictList("Retrieval", guard.retrieval),
            verdictList("Answer", guard.output),
          ),
        ]
      : null,
    retrievers
      ? [
          h("h3", {}, "Each retriever's candidates"),
          h(
            "div",
            { class: "retrievers" },
            hitsTable("BM25", retrievers.bm25),
            hitsTable("Expanded BM25", retrievers.expanded),
            hitsTable("Vector", retrievers.vector),
          ),
        ]
      : null,
    trace.fused
      ? [h("h3", {}, "Fused order (reciprocal rank fusion)"), hitsTable("Fused", trace.fused)]
      : null,
    finalOrder(trace),
  );
}

function answeredBy(name: string): string {
  if (name === "none") return "nobody: the tutor declined (see the status and guardrails)";
  if (name === "guard") return "the guardrails";
  return `the ${name} answerer`;
}

function answerView(question: string, answer: Answer): HTMLElement {
  return h(
    "article",
    { class: "exchange", "data-status": answer.status },
    h("p", { class: "question" }, h("span", { class: "visually-hidden" }, "You asked: "), question),
    h(
      "div",
      { class: "answer" },
      h(
        "p",
        { class: "status" },
        h("span", { class: `pill ${answer.status}` }, answer.status.replace("_", " ")),
        answer.guardrail ? ` ${answer.guardrail.rule}` : "",
      ),
      h("p", { class: "answer-text" }, answer.answer),
      answer.citations.length > 0
        ? h(
            "ol",
            { class: "citations" },
            answer.citations.map((c) => h("li", {}, where(c))),
          )
        : null,
    ),
  );
}

/** Ask the course as a student would and see the whole trace; these questions never count as students'. */
export async function playgroundPage(ctx: PageContext): Promise<void> {
  const course = ctx.course!.id;
  let sessionId: string | undefined;
  const question = h("textarea", { name: "message", rows: 3, required: true, maxlength: 8000 });
  const mode = h(
    "select",
    { name: "mode" },
    ["explain", "hint", "quiz"].map((m) => h("option", { value: m }, m)),
  );
  const log = h("div", { class: "log", "aria-live": "polite" });
  const traceArea = h("div", { class: "trace-area" });
  const message = h("div", { class: "form-message" });
  const ask = h("button", { type: "submit", class: "primary" }, "Ask");
  const form = h(
    "form",
    { class: "stack" },
    field(
      "Question",
      question,
      "Asked as surface “playground”: it does not count in insights or stats, and sees every week.",
    ),
    field("Mode", mode),
    h(
      "div",
      { class: "row" },
      ask,
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            sessionId = undefined;
            log.replaceChildren();
            traceArea.replaceChildren();
            ctx.announce("New conversation.");
          },
        },
        "New conversation",
      ),
    ),
    message,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    message.replaceChildren();
    ask.disabled = true;
    try {
      const reply = await api<{ answer: Answer; trace: Trace }>(
        "POST",
        `/admin/courses/${encodeURIComponent(course)}/playground`,
        {
          message: text,
          mode: mode.value,
          ...(sessionId ? { sessionId } : {}),
        },
      );
      sessionId = reply.answer.sessionId;
      log.append(answerView(text, reply.answer));
      fill(traceArea, traceView(reply.trace, reply.answer));
      question.value = "";
      ctx.announce(`Answer: ${reply.answer.status.replace("_", " ")}.`);
    } catch (error) {
      add(message, notice("error", error instanceof ApiFailure ? error.message : String(error)));
    } finally {
      ask.disabled = false;
    }
  });
  add(ctx.main, section("Try it", h("div", { class: "playground" }, form, log)), traceArea);
}

import { uniqueTerms } from "../../text/terms.ts";
import { ChunkCitations } from "../citations.ts";
import { ExtractiveAnswerer, type ExtractiveOptions, withCitation } from "../extractive.ts";
import type { AnswerDraft, Answerer, AnswerRequest } from "../types.ts";
import { makeCloze } from "./cloze.ts";
import { concealCitations } from "./conceal.ts";

/**
 * Hint mode without an LLM: a Socratic nudge built from the retrieved material. It names the
 * section to read, quotes the best sentence with its key words blanked out, and asks the student
 * to fill them in and explain it in their own words. It never quotes a sentence whole, so it
 * cannot hand over the solution.
 */
export class ExtractiveHintAnswerer implements Answerer {
  readonly name = "extractive:hint";
  private readonly sentences: ExtractiveAnswerer;

  constructor(private readonly options: Partial<ExtractiveOptions> = {}) {
    this.sentences = new ExtractiveAnswerer(options);
  }

  async answer(request: AnswerRequest): Promise<AnswerDraft> {
    const topic = request.query ?? request.question;
    // A hint about course content never blanks words out of submission or deadline rules.
    const ranked = (await this.sentences.answeringSentences(request))
      .map((s) => s.unit)
      .filter((unit) => isLogistics(topic) || !(isLogistics(unit.text) || isLogistics(unit.chunk.heading)));
    const best = ranked[0];
    const second = ranked.find((s) => s.chunk.chunkId !== best?.chunk.chunkId);
    if (!best) return { status: "no_answer", answer: "", citations: [], answeredBy: this.name };
    const numbering = new ChunkCitations();
    const known = new Set(uniqueTerms(topic));
    const cloze = makeCloze(best.text, {
      count: blanksFor(best.text),
      known,
      weight: request.termWeight,
      passage: best.chunk.text,
    });
    const n = numbering.numberFor(best.chunk);
    const place =
      best.chunk.heading && best.chunk.heading !== best.chunk.title
        ? `“${best.chunk.heading}” in ${best.chunk.title}`
        : best.chunk.title;

    // Scaffolding sentences either point at a section or ask a question: they state nothing, so
    // the output guardrails have nothing to check them against.
    const parts = [`Rather than hand you the answer, let's start with ${place} [${n}].`];
    if (cloze) {
      parts.push(`Hint: ${withCitation(cloze.text, n)}`);
      parts.push(
        cloze.blanks.length > 1
          ? "Which words fill the blanks, and how would you explain the idea in one sentence of your own?"
          : "Which word fills the blank, and how would you explain the idea in one sentence of your own?",
      );
    } else {
      parts.push("What does that section say is the key idea, and how does it answer your question?");
    }
    if (second && second.chunk.chunkId !== best.chunk.chunkId) {
      const m = numbering.numberFor(second.chunk);
      parts.push(
        `If you get stuck, “${second.chunk.heading || second.chunk.title}” [${m}] has a related clue.`,
      );
    }
    const answer = parts.join(" ");
    for (const piece of answer.match(/\S+\s*/g) ?? []) request.onToken?.(piece);
    return {
      status: "answered",
      answer,
      citations: concealCitations(numbering.citations(this.options.publicBaseUrl), request.chunks, [
        best.text,
      ]),
      answeredBy: this.name,
    };
  }
}

// Handing in, deadlines, late penalties and grading weights: how the course runs, not what it teaches.
// Phrased to miss the same words in content: "due to drift", "late interaction", "a weighted sum".
const LOGISTICS = new RegExp(
  [
    String.raw`\b(?:submit(?:s|ted|ting)?|submissions?|gradescope|deadlines?|office hours|sign-?up form)\b`,
    String.raw`\bdue (?:on|by|at|before|date|dates|friday|monday|tuesday|wednesday|thursday|saturday|sunday)\b`,
    String.raw`\blate (?:penalt\w+|policy|days?|submissions?|work)\b|\bgrace period\b|\b(?:an|for an) extension\b`,
    String.raw`\b(?:percent|%) of (?:your |the )?(?:course |final )?grade\b|\bworth \d+(?: ?%| percent)`,
    String.raw`\bon (?:canvas|moodle|blackboard|brightspace)\b`,
    String.raw`\b(?:is|are) graded\b|\bscores? (?:is|are) dropped\b`,
    String.raw`\b(?:is|are) (?:\w+ ){0,3}due\b(?! to)`,
  ].join("|"),
  "i",
);

function isLogistics(text: string): boolean {
  return LOGISTICS.test(text);
}

/** Longer sentences hide more: the key concept, and a second blank past ~15 words. */
function blanksFor(sentence: string): number {
  const words = sentence.split(/\s+/).length;
  return words > 15 ? 2 : 1;
}

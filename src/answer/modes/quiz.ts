import { uniqueTerms } from "../../text/terms.ts";
import { ChunkCitations } from "../citations.ts";
import { ExtractiveAnswerer, type ExtractiveOptions, withCitation } from "../extractive.ts";
import type { AnswerDraft, Answerer, AnswerRequest } from "../types.ts";
import { makeCloze } from "./cloze.ts";
import { concealCitations } from "./conceal.ts";
import { type KeyEntry, QUIZ_REVEAL_INVITE, renderKey } from "./quiz-key.ts";

export interface QuizOptions extends Partial<ExtractiveOptions> {
  questions: number;
}

// "Overfitting is …", "Embeddings are …": a short subject defined by the sentence.
const DEFINITION = /^(an?\s+|the\s+)?([A-Za-z][\w\s()/-]{1,60}?)\s+(is|are|means|refers to)\s+(.{15,})$/i;

/**
 * Quiz mode without an LLM: practice questions drawn from the retrieved material. A sentence
 * that defines a short term becomes "What is X?"; any other becomes fill-in-the-blank with its
 * most telling words removed. The answers (the full sentences, cited) go into the quiz key, which
 * the pipeline stores and reveals only when the student asks for it.
 */
export class ExtractiveQuizAnswerer implements Answerer {
  readonly name = "extractive:quiz";
  private readonly sentences: ExtractiveAnswerer;
  private readonly questions: number;

  constructor(private readonly options: QuizOptions = { questions: 3 }) {
    this.questions = options.questions;
    this.sentences = new ExtractiveAnswerer({
      ...options,
      maxChunks: 6,
      minScore: 0.15,
    });
  }

  async answer(request: AnswerRequest): Promise<AnswerDraft> {
    const candidates = (await this.sentences.rankSentences(request)).map((s) => s.unit);
    const known = new Set(uniqueTerms(request.query ?? request.question));
    const numbering = new ChunkCitations();
    const questions: string[] = [];
    const key: KeyEntry[] = [];
    const perChunk = new Map<string, number>();
    for (const candidate of candidates) {
      if (questions.length >= this.questions) break;
      // Spread questions over the material: at most two from one chunk.
      const used = perChunk.get(candidate.chunk.chunkId) ?? 0;
      if (used >= 2) continue;
      // Lists of figures make questions about trivia, not concepts.
      if ((candidate.text.match(/\d[\d,.]*/g) ?? []).length > 3) continue;
      const item = questionFrom(candidate.text, candidate.chunk, known, request.termWeight);
      if (!item) continue;
      perChunk.set(candidate.chunk.chunkId, used + 1);
      const n = numbering.numberFor(candidate.chunk, candidate.text);
      questions.push(`${questions.length + 1}. ${item.question} [${n}]`);
      key.push({ question: item.question, answer: withCitation(item.answer, n) });
    }
    if (questions.length === 0) {
      return { status: "no_answer", answer: "", citations: [], answeredBy: this.name };
    }
    const answer = `Practice questions:\n${questions.join("\n")}\n\n${QUIZ_REVEAL_INVITE}`;
    for (const piece of answer.match(/\S+\s*/g) ?? []) request.onToken?.(piece);
    const citations = numbering.citations(this.options.publicBaseUrl);
    return {
      status: "answered",
      answer,
      citations: concealCitations(
        citations,
        request.chunks,
        key.map((entry) => entry.answer),
      ),
      quizKey: {
        answer: renderKey(key),
        citations,
        sources: request.chunks.filter((chunk) => citations.some((c) => c.chunkId === chunk.chunkId)),
      },
      answeredBy: this.name,
    };
  }
}

// Subjects that need the surrounding text to mean anything ("Both of them are …", "Common sizes are …").
const VAGUE_SUBJECT =
  /^(it|this|that|these|those|there|they|both|each|all|some|many|most|other|such|common|one|another|its|their)\b/i;

function questionFrom(
  sentence: string,
  chunk: { text: string; heading: string; title: string },
  known: ReadonlySet<string>,
  weight: (term: string) => number,
): { question: string; answer: string } | null {
  const definition = DEFINITION.exec(sentence.trim());
  const subject = definition?.[2]?.trim();
  if (definition && subject && subject.split(/\s+/).length <= 5 && !VAGUE_SUBJECT.test(subject)) {
    const verb = (definition[3] ?? "is").toLowerCase();
    // The sentence's own article keeps the question grammatical: "What is a table?", "What is the
    // embedding dimension?".
    const article = (definition[1] ?? "").toLowerCase();
    const asks =
      verb === "means" || verb === "refers to"
        ? `What does “${subject}” mean?`
        : `What ${verb} ${article}${lowerFirst(subject)}?`;
    return { question: asks, answer: sentence.trim() };
  }
  const words = sentence.split(/\s+/).length;
  const cloze = makeCloze(sentence.trim(), { count: words > 22 ? 2 : 1, known, weight, passage: chunk.text });
  if (!cloze) return null;
  // A fill-in names the section it comes from, so it can be answered without the passage at hand.
  const topic = (chunk.heading || chunk.title).replace(/[*_`#]/g, "").trim();
  const blanks = cloze.blanks.length > 1 ? "words complete" : "word completes";
  return {
    // Asked as a question: a quiz line states nothing, so there is no claim for the guardrails to check.
    question: `${topic ? `On ${topic}: which` : "Which"} ${blanks} “${cloze.text}”?`,
    answer: `${cloze.blanks.join(", ")} — ${sentence.trim()}`,
  };
}

/** "Model drift" → "model drift"; names ("Low-Rank Adaptation") and acronyms ("PSI") keep their capitals. */
function lowerFirst(text: string): string {
  if (/^[A-Z]{2,}/.test(text) || /\s[A-Z]/.test(text) || /-[A-Z]/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

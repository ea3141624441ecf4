import type { ScoredChunk } from "../../core/chunks.ts";
import { type WithDefaults, withDefaults } from "../../core/options.ts";
import { withLocalModel } from "../../embed/index.ts";
import type { Reranker, RerankStageOptions } from "./index.ts";

export interface CrossEncoderOptions {
  /** A local folder laid out like the ms-marco-MiniLM cross-encoders: config.json, tokenizer files, onnx/. */
  modelDir: string;
  allowRemote?: boolean;
  /** Only the best this-many fused candidates are scored; a cross-encoder pass costs per pair. */
  maxCandidates?: number;
  batchSize?: number;
  stage?: RerankStageOptions;
}

/** Local files only; the best twenty candidates scored, sixteen pairs a batch. */
export const crossEncoderDefaults = {
  allowRemote: false,
  maxCandidates: 20,
  batchSize: 16,
} satisfies Partial<CrossEncoderOptions>;

interface EncodedBatch {
  input_ids: { dims: number[] };
}

type PairTokenizer = (
  texts: string[],
  options: { text_pair: string[]; padding: boolean; truncation: boolean },
) => EncodedBatch;

type SequenceClassifier = (
  inputs: EncodedBatch,
) => Promise<{ logits: { dims: number[]; data: ArrayLike<number> } }>;

/** One relevance score per row of logits: the single logit, or "relevant minus not" for two labels. */
export function relevanceFromLogits(logits: { dims: number[]; data: ArrayLike<number> }): number[] {
  const [rows = 0, labels = 1] = logits.dims;
  const scores: number[] = [];
  for (let row = 0; row < rows; row++) {
    const at = row * labels;
    scores.push(
      labels === 1 ? Number(logits.data[at]) : Number(logits.data[at + labels - 1]) - Number(logits.data[at]),
    );
  }
  return scores;
}

/** What the cross-encoder reads for a chunk: its heading gives a short passage its subject. */
export function passageText(chunk: Pick<ScoredChunk, "heading" | "title" | "text">): string {
  const heading =
    chunk.heading && chunk.heading !== chunk.title ? `${chunk.title}: ${chunk.heading}` : chunk.title;
  return heading ? `${heading}\n${chunk.text}` : chunk.text;
}

/**
 * Reranks with a transformers.js sequence-classification model reading (query, passage) pairs.
 * The top `maxCandidates` fused candidates are reordered by its score; the rest keep their
 * fused order behind them.
 */
export class CrossEncoderReranker implements Reranker {
  readonly name = "cross-encoder";
  readonly stage: RerankStageOptions | undefined;
  private readonly maxCandidates: number;
  private readonly batchSize: number;

  private constructor(
    private readonly tokenizer: PairTokenizer,
    private readonly model: SequenceClassifier,
    options: WithDefaults<CrossEncoderOptions, typeof crossEncoderDefaults>,
  ) {
    this.maxCandidates = options.maxCandidates;
    this.batchSize = options.batchSize;
    this.stage = options.stage;
  }

  static async load(crossEncoderOptions: CrossEncoderOptions): Promise<CrossEncoderReranker> {
    const options = withDefaults(crossEncoderDefaults, crossEncoderOptions);
    const { tokenizer, model } = await withLocalModel(
      options.modelDir,
      options.allowRemote,
      async (transformers, { id, options: loadOptions }) => ({
        tokenizer: await transformers.AutoTokenizer.from_pretrained(id, loadOptions),
        model: await transformers.AutoModelForSequenceClassification.from_pretrained(id, loadOptions),
      }),
    );
    return new CrossEncoderReranker(
      tokenizer as unknown as PairTokenizer,
      model as unknown as SequenceClassifier,
      options,
    );
  }

  /** Relevance of each passage to the query, in the passages' order. */
  async score(query: string, passages: readonly string[]): Promise<number[]> {
    const scores: number[] = [];
    for (let i = 0; i < passages.length; i += this.batchSize) {
      const batch = passages.slice(i, i + this.batchSize);
      const inputs = this.tokenizer(
        batch.map(() => query),
        { text_pair: [...batch], padding: true, truncation: true },
      );
      const { logits } = await this.model(inputs);
      scores.push(...relevanceFromLogits(logits));
    }
    return scores;
  }

  async rerank(query: string, candidates: ScoredChunk[]): Promise<ScoredChunk[]> {
    const head = candidates.slice(0, this.maxCandidates);
    const scores = await this.score(query, head.map(passageText));
    const reranked = head
      .map((chunk, index) => {
        const score = scores[index] as number;
        return { chunk: { ...chunk, score, scores: { ...chunk.scores, rerank: score } }, index };
      })
      .sort((a, b) => b.chunk.score - a.chunk.score || a.index - b.index)
      .map((entry) => entry.chunk);
    // Unscored candidates stay behind every scored one, in fused order, scored below the lowest.
    const floor = Math.min(...scores) - 1;
    const tail = candidates
      .slice(this.maxCandidates)
      .map((chunk, index) => ({ ...chunk, score: floor - index }));
    return [...reranked, ...tail];
  }
}

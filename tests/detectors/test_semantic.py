"""The static sentence embedder: BERT's word splitting, and similarity that orders topics."""

from __future__ import annotations

import numpy as np
import pytest

from bleedwatch.detectors import StaticEmbedder
from bleedwatch.detectors.semantic import basic_words, cosine


@pytest.fixture(scope="module")
def embedder() -> StaticEmbedder:
    return StaticEmbedder.packaged()


def test_words_are_split_as_bert_does() -> None:
    """As BERT's uncased basic tokenizer (checked against all-MiniLM-L6-v2's tokenizer.json on
    leakbench and odd text): punctuation splits off, symbols do not, CJK ideographs stand alone,
    control characters vanish."""
    assert basic_words("Héllo, WORLD! snake_case 42€ „x“") == [
        "hello",
        ",",
        "world",
        "!",
        "snake",
        "_",
        "case",
        "42€",
        "„",
        "x",
        "“",
    ]
    assert basic_words("日本語テスト") == ["日", "本", "語", "テスト"]
    assert basic_words("x\x07y\u200bz\tw") == ["xyz", "w"]


def test_duplicate_vocabulary_entries_resolve_to_the_first(embedder: StaticEmbedder) -> None:
    assert embedder.token_ids("42€") == [4413, 30102]  # "42", "##€", as the model was trained


def test_unknown_words_fall_back_to_word_pieces(embedder: StaticEmbedder) -> None:
    pieces = embedder.token_ids("minecraftish")
    assert len(pieces) >= 2  # not one [UNK]: the word is spelled out of known pieces
    assert embedder.token_ids("") == []


def test_texts_on_one_topic_are_closer_than_texts_on_two(embedder: StaticEmbedder) -> None:
    ci = embedder.embed("How do I cache the virtualenv between CI runs so that pytest starts faster?")
    ci_too = embedder.embed("Restore the pip cache keyed on the lock file before installing dependencies.")
    bricks = embedder.embed("What kind of bricks do you want for the temple? Sandstone looks great.")
    card = embedder.embed("Your card payment was declined because the daily limit was reached.")
    card_too = embedder.embed("The transaction failed: the contactless spending limit is used up.")
    assert cosine(ci, ci_too) > cosine(ci, bricks) + 0.2
    assert cosine(card, card_too) > cosine(card, bricks) + 0.2
    assert abs(float(np.linalg.norm(ci)) - 1.0) < 1e-5


def test_text_without_any_word_embeds_to_zero(embedder: StaticEmbedder) -> None:
    vector = embedder.embed("   ")
    assert vector.shape == (embedder.dims,) and not vector.any()
    assert cosine(vector, embedder.embed("anything")) == 0.0

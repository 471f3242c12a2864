from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bleedwatch.detectors.text import shingles, tokenize, winnow


def test_tokens_carry_offsets_into_the_original_text() -> None:
    text = "Héllo, World! it's 2026"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["héllo", "world", "it's", "2026"]
    assert all(text[t.start : t.end].casefold() == t.text for t in tokens)


def test_shingles_are_word_ngrams() -> None:
    tokens = tokenize("a b c d")
    assert shingles(tokens, 3) == ["a b c", "b c d"]
    assert shingles(tokens, 5) == []


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.lists(st.integers(0, 2**64 - 1), max_size=30),
    shared=st.lists(st.integers(0, 2**64 - 1), min_size=4, max_size=40),
    suffix=st.lists(st.integers(0, 2**64 - 1), max_size=30),
    other=st.lists(st.integers(0, 2**64 - 1), max_size=30),
)
def test_winnowing_selects_a_common_hash_in_every_long_shared_run(
    prefix: list[int], shared: list[int], suffix: list[int], other: list[int]
) -> None:
    window = 4
    a = prefix + shared + suffix
    b = other + shared
    picked_a = {a[i] for i in winnow(a, window)}
    picked_b = {b[i] for i in winnow(b, window)}
    assert picked_a & picked_b & set(shared)


def test_winnowing_keeps_a_fraction_of_positions() -> None:
    hashes = list(range(1000, 0, -1))  # strictly decreasing: worst case is one pick per position
    assert len(winnow(hashes, 4)) <= len(hashes)
    import random

    rng = random.Random(7)
    rand = [rng.getrandbits(64) for _ in range(2000)]
    assert len(winnow(rand, 4)) < 0.5 * len(rand)

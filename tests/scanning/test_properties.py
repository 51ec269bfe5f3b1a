"""Properties of the scanner over generated texts: spans, order, streaming, engines agree."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import armsref
from armsref.scanning.engine import _PythonRe
from armsref.scanning.matcher import matcher
from armsref.scanning.mentions import scan
from armsref.scanning.stream import StreamScanner
from tests.scanning.streams import ordered

# Pieces that make mentions, near-misses and context, glued by separators.
PIECES = [
    "ATACMS",
    "atacms",
    "Tomahawk",
    "tomahawk",
    "Tomahawks",
    "Tomahawk Land Attack Missile",
    "Tomahawk Land",
    "Patriot",
    "Patriot Act",
    "New England Patriots",
    "PAC-3 MSE",
    "PAC-3",
    "JASSM-ER",
    "Joint Air-to-Surface\nStandoff Missiles",
    "ERAMs",
    "ceramic",
    "Tomahawk, Wisconsin",
    "’s",
    "'s",
    "-type",
    "é",
    "😀",
    "\u00a0",
    "x",
]
SEPARATORS = [" ", "", "\n", "  ", "-", ", ", "\u00a0", "("]

texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(piece + sep for piece, sep in parts)
)
any_text = st.one_of(texts, st.text(max_size=200))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_mentions_are_exact_sorted_and_disjoint(text: str) -> None:
    mentions = scan(text)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert mention.surface
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_engine_path_agrees_with_the_exact_rules_on_the_whole_text(text: str) -> None:
    found = matcher(armsref.load())
    expected = [(s, a, b) for a, b, s in found.find(text)]
    assert [(armsref.load().systems.index(m.system), m.start, m.end) for m in scan(text)] == (
        expected
    )


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.integers(min_value=1, max_value=64), min_size=1, max_size=8))
def test_streaming_in_any_blocks_gives_the_same_mentions(text: str, sizes: list[int]) -> None:
    found = matcher(armsref.load())
    # Pad with filler so that buffers fill up and the carry logic runs.
    text = text + "z" * 3000 + text
    data = text.encode()
    expected = [(m.start, m.end, m.surface) for m in scan(text)]
    for engine in (None, _PythonRe(found)):
        stream = StreamScanner(found, engine)
        got = []
        at = 0
        step = 0
        while at < len(data):
            size = sizes[step % len(sizes)] * 97
            got += stream.feed(data[at : at + size])
            at += size
            step += 1
        got += stream.finish()
        assert ordered(got, found) == expected
        assert stream.chars == len(text)
        assert not stream.invalid


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.integers(min_value=1, max_value=50))
def test_invalid_bytes_are_decoded_with_replacement(data: bytes, size: int) -> None:
    found = matcher(armsref.load())
    text = data.decode("utf-8", "replace")
    stream = StreamScanner(found)
    got = []
    for at in range(0, len(data), size):
        got += stream.feed(data[at : at + size])
    got += stream.finish()
    assert sorted((s, a, b) for s, a, b, *_ in got) == sorted(
        (s, a, b) for a, b, s in found.find(text)
    )
    assert stream.invalid == (text.encode() != data)
    assert stream.chars == len(text)

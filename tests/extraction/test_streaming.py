"""Streaming extraction: the findings of ``extract_all`` on the whole text, at any block size."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import armsref
from armsref.errors import DocumentError
from armsref.extraction import streaming, unitspots
from armsref.extraction.mentionindex import index_mentions
from armsref.extraction.pipeline import Finding, extract_all
from armsref.extraction.segments import Segments
from armsref.extraction.streaming import extract_stream, first_invalid
from armsref.scanning.mentions import scan_all

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
#: Paragraphs of the seeds, each a piece a generated text is made of.
PIECES = [piece for seed in SEEDS for piece in re.split(r"(?<=\n)", seed) if piece.strip()]
FILLER = (
    "The council met again on Tuesday and the market was busy. ",
    "Prices rose; the harvest festival drew a crowd near the river. ",
    "😀 Émigrés’ café “notes” — ünïcödé ",
    "a patriot, the Patriot Act, a tomahawk steak, 5 mi of road and 12 km of rail. ",
    "\n",
    "\n\n",
)

UNIT_TOKENS = [
    "mi",
    "MI",
    "km",
    "nmi",
    "NM",
    "nm",
    "mile",
    "kilomet",
    " ",
    "a",
    "é",
    "😀",
    ".",
    "\n",
]


def whole(text: str, dataset: armsref.Dataset) -> tuple[Finding, ...]:
    """What ``extract_all`` finds in ``text``, in the order streaming gives it."""
    result = extract_all(text, dataset)
    return tuple(sorted((*result.findings, *result.unattributed), key=_order))


def _order(finding: Finding) -> tuple[int, bool]:
    return finding.figure_start, finding.system is None


def streamed(text: str, dataset: armsref.Dataset, block: int) -> tuple[Finding, ...]:
    data = text.encode("utf-8")
    return tuple(extract_stream(lambda: io.BytesIO(data), dataset, block=block))


@contextmanager
def narrow(context: int, warm_up: int) -> Iterator[None]:
    """Blocks that keep less text around what they read, to cut small texts often."""
    saved = streaming.CONTEXT, streaming.WARM_UP, streaming.GAP, streaming._LEAD
    streaming.CONTEXT, streaming.WARM_UP = context, warm_up
    streaming.GAP, streaming._LEAD = 2 * context + warm_up, context + 1024
    try:
        yield
    finally:
        streaming.CONTEXT, streaming.WARM_UP, streaming.GAP, streaming._LEAD = saved


def test_the_seeds_back_to_back_at_every_kind_of_block(dataset: armsref.Dataset) -> None:
    text = "\n\n".join(SEEDS) + " 😀 " + "\n".join(reversed(SEEDS))
    expected = whole(text, dataset)
    assert len(expected) >= 10
    for block in (97, 4096, 65_536, 1 << 22):
        assert streamed(text, dataset, block) == expected


def test_every_seed_and_labelled_page_alone(dataset: armsref.Dataset) -> None:
    import yaml

    texts = list(SEEDS)
    for path in sorted((ROOT / "tests" / "labelled").rglob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        texts += [case["text"] for case in cases if isinstance(case.get("text"), str)]
    assert len(texts) > 100
    with narrow(1000, 1000):
        for text in texts:
            assert streamed(text, dataset, 500) == whole(text, dataset)


@pytest.mark.parametrize("apart", [5_000, 7_000, 10_000, 19_000, 25_000])
def test_figures_far_apart_are_read_in_runs_with_the_text_between_skipped(
    dataset: armsref.Dataset, apart: int
) -> None:
    quiet = "Quiet day in the village. " * (apart // 26)
    text = "".join(f"The ATACMS flies {n + 1}00 km. {quiet}😀\n" for n in range(6))
    with narrow(2000, 2000):
        found = streamed(text, dataset, 1 << 20)
    assert found == whole(text, dataset)
    assert [f.figure for f in found] == [f"{n + 1}00 km" for n in range(6)]


class Unseekable:
    """A stream that can only be read on (a pipe, a decompressor)."""

    def __init__(self, data: bytes) -> None:
        self.stream = io.BytesIO(data)

    def read(self, size: int = -1, /) -> bytes:
        return self.stream.read(size)


@pytest.mark.parametrize("seekable", [True, False])
@pytest.mark.parametrize("apart", [3_000, 9_000, 30_000])
def test_text_of_wide_characters_far_apart(
    dataset: armsref.Dataset, seekable: bool, apart: int
) -> None:
    wide = "😀 ünïcödé “quotes” 和平 " * (apart // 22)
    text = "".join(f"{wide}\nThe ERAM flies {n + 1}00 km. {wide}\n" for n in range(5))
    data = text.encode()
    with narrow(2000, 2000):
        found = tuple(
            extract_stream(
                lambda: io.BytesIO(data) if seekable else Unseekable(data), dataset, block=7000
            )
        )
    assert found == whole(text, dataset)
    assert [f.figure for f in found] == [f"{n + 1}00 km" for n in range(5)]


def test_the_order_is_extract_alls(dataset: armsref.Dataset) -> None:
    text = "\n".join(SEEDS) + "\nThe Storm Shadow has a range of about 250 km.\n"
    found = streamed(text, dataset, 1000)
    result = extract_all(text, dataset)
    assert tuple(f for f in found if f.system is not None) == result.findings
    assert tuple(f for f in found if f.system is None) == result.unattributed
    assert result.unattributed


@pytest.mark.parametrize("shift", range(-12, 13, 3))
def test_a_figure_across_a_block_edge_is_found_once(dataset: armsref.Dataset, shift: int) -> None:
    before = "Émigrés’ 😀 notes. " * 3000 + "\n"
    sentence = "The Tomahawk has a range of about 995 miles (1,600 kilometers)."
    text = before + sentence + "\n" + "Nothing more. " * 3000
    edge = len(before.encode()) + len(sentence.encode()) // 2 + shift
    with narrow(2000, 2000):
        found = streamed(text, dataset, edge)
    assert [(f.system_id, f.figure) for f in found] == [("tomahawk", "about 995 miles")]
    (finding,) = found
    assert finding.start == len(before) and text[finding.start : finding.end] == finding.quote
    assert found == whole(text, dataset)


def test_a_figure_that_follows_one_read_in_the_block_before(dataset: armsref.Dataset) -> None:
    # "...and the ERAM 460 km": the ERAM's figure leans on the ATACMS's, read before it.
    sentence = (
        "The ATACMS reaches 300 km, as officials have said many times in many places "
        "over the last few years of the war, and the ERAM 460 km."
    )
    text = "Émigrés’ 😀 notes. " * 300 + "\n" + sentence + "\n" + "Nothing more. " * 300
    expected = whole(text, dataset)
    assert [(f.system_id, f.figure) for f in expected] == [
        ("atacms", "300 km"),
        ("eram", "460 km"),
    ]
    with narrow(1000, 1000):
        for block in range(1, 3000, 37):
            assert streamed(text, dataset, block) == expected, block


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(PIECES), st.sampled_from(FILLER), st.text(max_size=30)),
        max_size=60,
    ),
    st.integers(64, 70_000),
    st.booleans(),
)
def test_any_text_at_any_block_size_gives_the_whole_texts_findings(
    pieces: list[str], block: int, narrowed: bool
) -> None:
    text = "".join(pieces).replace("\0", " ")
    dataset = armsref.load()
    expected = whole(text, dataset)
    if narrowed:
        with narrow(3500, 3500):
            assert streamed(text, dataset, block) == expected
    else:
        assert streamed(text, dataset, block) == expected


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(PIECES + list(FILLER)), max_size=12), st.integers(1, 9))
def test_blocks_of_a_few_bytes(pieces: list[str], block: int) -> None:
    text = "".join(pieces)
    dataset = armsref.load()
    assert streamed(text, dataset, block) == whole(text, dataset)


def test_a_long_paragraph_read_in_any_order(dataset: armsref.Dataset) -> None:
    # One paragraph of 20,000 characters, no line break: sentences are cut at their reach.
    text = " ".join(
        f"word{n} and the ATACMS flies {n} km" + ("." if n % 7 else "") for n in range(900)
    )
    with narrow(4000, 4000):
        assert streamed(text, dataset, 3000) == whole(text, dataset)
    positions = list(range(0, len(text), 977))
    forward = Segments(text)
    backward = Segments(text)
    ahead = [forward.sentence(p) for p in positions]
    behind = [backward.sentence(p) for p in reversed(positions)]
    assert ahead == behind[::-1]


def test_the_index_holds_what_scan_all_finds(dataset: armsref.Dataset) -> None:
    text = "\n".join(SEEDS) + "\nHIMARS fired GMLRS; Patriots won. 😀 The ATACMS, PAC-3 MSE."
    index = index_mentions(io.BytesIO(text.encode()), dataset, block=333)
    ours, others = index.window(text, 0)
    assert (ours, others) == scan_all(text, dataset)
    assert index.chars == len(text) and index.size == len(text.encode())
    assert list(index.spot_chars) == unitspots.spots(text)
    assert [len(text.encode()[:b].decode()) for b in index.spot_bytes] == list(index.spot_chars)
    later, later_others = index.window(text[5000:9000], 5000)
    assert [m.start + 5000 for m in later] == [m.start for m in ours if 5000 <= m.start < 8990]
    assert all(m.surface == text[5000 + m.start : 5000 + m.end] for m in later + later_others)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(UNIT_TOKENS), max_size=60),
    st.lists(st.integers(0, 400), max_size=5),
    st.booleans(),
)
def test_unit_words_in_blocks(tokens: list[str], cuts: list[int], python: bool) -> None:
    text = "".join(tokens)
    data = text.encode()
    engine = unitspots._database
    if python:
        unitspots._database = lambda: None  # type: ignore[assignment]
    try:
        expected = unitspots.spots(text)
        stream = unitspots.SpotStream()
        found, at = [], 0
        for cut in [*sorted({min(c, len(data)) for c in cuts}), len(data)]:
            found += stream.feed(data[at:cut])
            at = cut
        found += stream.finish()
    finally:
        unitspots._database = engine
    assert [char for _, char in found] == expected
    assert [len(data[:byte].decode()) for byte, _ in found] == expected


def test_invalid_utf8_is_refused_before_any_finding(dataset: armsref.Dataset) -> None:
    data = SEEDS[0].encode() * 3 + b"\xff" + SEEDS[1].encode()
    with pytest.raises(DocumentError, match=rf"byte {len(SEEDS[0].encode()) * 3} cannot"):
        next(extract_stream(lambda: io.BytesIO(data), dataset, block=1000))
    cut = "é".encode()[:1]
    assert first_invalid(io.BytesIO(b"abc" + cut), block=2) == 3
    assert first_invalid(io.BytesIO("abé".encode()), block=3) == -1


def test_a_document_cut_short_between_the_passes(dataset: armsref.Dataset) -> None:
    data = "\n".join(SEEDS).encode()
    reads = iter([data, data[: len(data) // 2]])
    with pytest.raises(DocumentError, match="changed while it was read"):
        list(extract_stream(lambda: io.BytesIO(next(reads)), dataset, block=1000))


def test_a_unit_word_that_ends_the_text_is_found() -> None:
    # Hyperscan alone misses this "nmi", the last bytes of its buffer.
    assert unitspots.spots("x😀😀énmxnmi") == [7]
    assert [f.figure for f in extract_all("It has a range of 500 nmi").unattributed] == ["500 nmi"]

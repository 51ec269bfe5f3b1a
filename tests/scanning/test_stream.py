"""The stream scanner and the engines below scan(): buffers, offsets, fallbacks, HTML text."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import armsref
from armsref.scanning import engine, senses
from armsref.scanning.htmltext import VisibleText, visible_text
from armsref.scanning.matcher import matcher
from armsref.scanning.mentions import scan
from armsref.scanning.stream import StreamScanner, complete_prefix
from tests.scanning.streams import ordered, stream_matcher

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [path.read_bytes() for path in sorted((ROOT / "seeds").glob("*.txt"))]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([*SEEDS, b"\xff", b"\xe2\x80", b"x" * 5000, b"\n"]), max_size=12),
    st.lists(st.integers(min_value=1, max_value=40_000), min_size=1, max_size=5),
)
def test_reading_into_the_buffer_matches_decoding_the_whole(
    parts: list[bytes], sizes: list[int]
) -> None:
    data = b"".join(parts)
    text = data.decode("utf-8", "replace")
    stream = StreamScanner(matcher(armsref.load()))
    reader = io.BufferedReader(io.BytesIO(data))
    got = []
    turn = 0
    while True:
        count, batch = stream.read_from(reader, sizes[turn % len(sizes)])
        got += batch
        turn += 1
        if not count:
            break
    got += stream.finish()
    expected = [(m.start, m.end, m.surface) for m in scan(text)]
    assert ordered(got, stream_matcher()) == expected
    assert stream.invalid == (text.encode() != data)
    assert stream.chars == len(text)


def test_without_offsets_first_positions_stay_exact() -> None:
    found = matcher(armsref.load())
    text = ("filler " * 2000 + "ERAM and TLAM\n") * 40
    full = StreamScanner(found)
    lean = StreamScanner(found, offsets=False)
    for stream in (full, lean):
        stream.feed(text.encode())
    every = full.finish()
    lean_found = lean.finish()
    assert [m[3] for m in lean_found] == [m[3] for m in every]
    assert lean.first_positions == full.first_positions
    # Once every system in the text is seen the lean scanner may stop counting,
    # but only systems the dataset has: here two of five, so it counts on.
    assert [m[1] for m in lean_found] == [m[1] for m in every]


def test_without_offsets_counting_stops_once_every_system_is_seen(dataset_dir: Path) -> None:
    (dataset_dir / "data" / "others.yaml").unlink()  # the five, each with a plain name
    found = matcher(armsref.load(dataset_dir))
    # A plain name of each system (its designation, or a name that says what it is):
    # those are mentions as soon as they are read, so every system is seen early.
    plain = [next(n for n in s.names if senses.name_sense(n) == "plain") for s in found.systems]
    text = ", ".join(plain) + "\n" + "filler " * 3000 + "BGM-109"
    stream = StreamScanner(found, offsets=False)
    mentions = [*stream.feed(text.encode()), *stream.finish()]
    assert len(stream.first_positions) == len(found.systems)
    tomahawk = [s.id for s in found.systems].index("tomahawk")
    assert [m for m in mentions if m[3] == "BGM-109"] == [(tomahawk, -1, -1, "BGM-109", None)]


def test_complete_prefix_holds_back_a_cut_character() -> None:
    data = "a’".encode()
    assert [complete_prefix(data[:n]) for n in range(len(data) + 1)] == [0, 1, 1, 1, 4]
    assert complete_prefix(b"xx\xf0\x9f\x98", 2, 5) == 2


def test_python_re_engine_is_the_fallback_and_agrees(monkeypatch: pytest.MonkeyPatch) -> None:
    found = matcher(armsref.load())
    monkeypatch.setitem(sys.modules, "hyperscan", None)  # import hyperscan now fails
    monkeypatch.setitem(sys.modules, "re2", None)  # and RE2, the next engine tried
    monkeypatch.setattr(engine, "_ENGINES", {})
    fallback = engine.prefilter(found)
    assert type(fallback).__name__ == "_PythonRe"
    for seed in SEEDS:
        _, invalid = fallback.scan(seed)
        stream = StreamScanner(found, fallback)
        assert not invalid
        mentions = [*stream.feed(seed), *stream.finish()]
        assert ordered(mentions, found) == [
            (m.start, m.end, m.surface) for m in scan(seed.decode())
        ]
    assert fallback.scan(b"a \xff b")[1] is True


def test_text_with_lone_surrogates_is_scanned_by_the_exact_rules() -> None:
    text = "\ud800 ATACMS"
    assert [(m.surface, m.start) for m in scan(text)] == [("ATACMS", 2)]


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>a</p><p>b</p>", "a\nb\n"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<div><script>if (a < b) { x() }</script>Patriot</div>", "Patriot\n"),
        ("<style>p {}</style><template><p>hid</p></template>shown", "shown"),
        ("x <!-- ERAM --> y &lt;ERAM&gt; &#x41;", "x  y <ERAM> A"),
        ("<noscript>no</noscript><svg><text>TLAM</text></svg>ok", "ok"),
        ("<SCRIPT>hidden</SCRIPT>Shown", "Shown"),
    ],
)
def test_visible_text(html: str, text: str) -> None:
    assert visible_text(html) == text


def test_visible_text_in_pieces_is_the_same() -> None:
    html = "<html><head><title>T</title></head><body><p>Toma<b>hawk</b> &amp; ERAM</p></body>"
    page = VisibleText()
    pieces = []
    for at in range(0, len(html), 7):
        page.feed(html[at : at + 7])
        pieces.append(page.take())
    page.close()
    pieces.append(page.take())
    assert "".join(pieces) == visible_text(html)


def test_compiled_database_is_cached_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = matcher(armsref.load())
    monkeypatch.setenv("ARMSREF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(engine, "_ENGINES", {})
    first = engine.prefilter(found)
    (stored,) = (tmp_path / "cache").iterdir()
    assert stored.name.startswith("hyperscan-") and stored.stat().st_size > 0

    # A second process would load it: nothing is compiled, so nothing is stored.
    def refuse(data: bytes, path: Path | None) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(engine, "_ENGINES", {})
    monkeypatch.setattr(engine, "_store", refuse)
    second = engine.prefilter(found)
    assert second is not first
    assert second.scan(b"two ATACMS") == first.scan(b"two ATACMS")


def test_a_broken_cache_file_is_compiled_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = matcher(armsref.load())
    monkeypatch.setenv("ARMSREF_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(engine, "_ENGINES", {})
    engine.prefilter(found)
    (stored,) = tmp_path.iterdir()
    stored.write_bytes(b"not a database")
    monkeypatch.setattr(engine, "_ENGINES", {})
    assert [(start, end) for start, end, _ in engine.prefilter(found).scan(b"an ERAM")[0]] == [
        (3, 7)
    ]
    assert [m.surface for m in scan("an ERAM")] == ["ERAM"]
    assert stored.read_bytes() != b"not a database"


def test_an_empty_cache_dir_setting_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARMSREF_CACHE_DIR", "")
    assert engine.cache_path("x.db") is None
    monkeypatch.delenv("ARMSREF_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert engine.cache_path("x.db") == tmp_path / "armsref" / "x.db"


def test_long_text_is_scanned_in_pieces_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import armsref.scanning.mentions as scan_module

    text = "".join(seed.decode() for seed in SEEDS) * 3
    whole = scan(text)
    monkeypatch.setattr(scan_module, "_BLOCK", 997)
    assert scan(text) == whole
    found = matcher(armsref.load())
    assert [(m.start, m.end) for m in whole] == [(a, b) for a, b, _ in found.find(text)]


def test_a_huge_gap_between_words_does_not_grow_the_buffer() -> None:
    found = matcher(armsref.load())
    stream = StreamScanner(found)
    got = stream.feed(b"ERAM and the Army")
    for _ in range(100):
        got += stream.feed(b" " * 65536)
    got += stream.feed(b"Tactical Missile System, then TLAM")
    got += stream.finish()
    assert [surface for _, _, _, surface, _ in sorted(got, key=lambda f: f[1])] == ["ERAM", "TLAM"]
    assert len(stream._buffer) < 1 << 20

"""Every installed engine finds the same mentions: the labelled set, the seeds, odd bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armsref.errors import InputError
from armsref.scanning import engine
from armsref.scanning.documents import scan_file
from armsref.scanning.matcher import matcher
from armsref.scanning.stream import StreamScanner
from tests.extras import need
from tests.labelled.score_scan import score
from tests.scanning.test_properties import texts

ROOT = Path(__file__).resolve().parents[2]
MODULES = {"hyperscan": "hyperscan", "re2": "re2", "re": "re"}


@pytest.fixture(params=engine.ENGINES)
def chosen(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    name: str = request.param
    need(MODULES[name])
    monkeypatch.setenv("ARMSREF_ENGINE", name)
    monkeypatch.setattr(engine, "_ENGINES", {})
    return name


def test_the_engine_named_is_the_one_used(chosen: str) -> None:
    used = type(engine.prefilter(matcher())).__name__
    assert used == {"hyperscan": "_Hyperscan", "re2": "Re2Prefilter", "re": "_PythonRe"}[chosen]


def test_labelled_set_on_each_engine(chosen: str) -> None:
    result = score()
    assert result.misses == []
    assert (result.precision, result.recall) == (1.0, 1.0)


def test_seeds_and_odd_bytes_give_the_same_on_each_engine(
    chosen: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_bytes("Tomahawk\u00a0cruise missiles, ERAM\u2011s, caf\xe9 ".encode() + b"\xff TLAM")
    paths = [*sorted((ROOT / "seeds").glob("*.txt")), odd]
    results = [scan_file(path) for path in paths]
    monkeypatch.setenv("ARMSREF_ENGINE", "re")
    monkeypatch.setattr(engine, "_ENGINES", {})
    assert [scan_file(path) for path in paths] == results


@pytest.mark.parametrize("value", ["vectorscan", "RE2"])
def test_an_unknown_engine_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("ARMSREF_ENGINE", value)
    monkeypatch.setattr(engine, "_ENGINES", {})
    with pytest.raises(InputError, match="ARMSREF_ENGINE: no engine"):
        engine.prefilter(matcher())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.binary(max_size=40), st.integers(min_value=1, max_value=40))
def test_re2_streams_like_hyperscan_in_any_blocks(text: str, junk: bytes, size: int) -> None:
    need("re2")
    need("hyperscan")
    from armsref.scanning.re2engine import Re2Prefilter

    found = matcher()
    data = (text + "z" * 2000 + text).encode() + junk
    results = []
    for chosen in (engine._Hyperscan(found), Re2Prefilter(found)):
        stream = StreamScanner(found, chosen)
        got = []
        for at in range(0, len(data), size * 97):
            got += stream.feed(data[at : at + size * 97])
        got += stream.finish()
        results.append((got, stream.invalid, stream.chars))
    assert results[0] == results[1]


def test_re2_splits_names_over_sets_where_one_set_would_not_fit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    need("re2")
    from armsref.scanning import re2engine

    found = matcher()
    whole = re2engine.Re2Prefilter(found)
    monkeypatch.setattr(re2engine, "_SET_MEMORY", 1 << 18)
    split = re2engine.Re2Prefilter(found)
    assert len(whole._sets) == 1 < len(split._sets)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        data = seed.read_bytes()
        assert split.scan(data) == whole.scan(data)

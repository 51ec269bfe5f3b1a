"""The engine's anchor literals find every name the exact rules find, whatever the gap."""

from __future__ import annotations

from pathlib import Path

import pytest

import armsref
from armsref.scanning import engine
from armsref.scanning.anchors import Plan
from armsref.scanning.matcher import matcher
from armsref.scanning.mentions import scan_all
from tests.extras import need

#: Every way the exact rules let two words of a name meet, the plain ones and the odd.
GAPS = [" ", "\n", "-", "\t", "  ", "\r\n", " \n", "\n\n", "\u00a0", "\u2009", "\u2010", "\u2011"]
NAMES = [
    "Army Tactical Missile System",
    "Tomahawk Block IV",
    "Block IV Tomahawk",
    "BGM 109",
    "PAC 3 MSE",
    "JASSM ER",
    "Patriot PAC 3",
    "Storm Shadow",
]


def _with_gap(name: str, gap: str) -> str:
    head, _, rest = name.partition(" ")
    return f"{head}{gap}{rest}"


def _found(text: str) -> list[tuple[int, int, int]]:
    ours, others = scan_all(text)
    index = {system.id: at for at, system in enumerate(matcher().systems)}
    return sorted((m.start, m.end, index[m.system.id]) for m in (*ours, *others))


@pytest.mark.parametrize("gap", GAPS)
def test_every_gap_between_the_first_words_is_found(gap: str) -> None:
    text = " ".join(f"Reports said the {_with_gap(name, gap)} was used." for name in NAMES)
    expected = sorted(matcher().find(text))
    assert _found(text) == expected
    assert len(expected) >= len(NAMES) - 1  # "Storm-Shadow" is no name


def test_the_plan_reads_back_as_written() -> None:
    found = matcher()
    plan = Plan.build([(form.name, form.cased) for form in found.forms])
    assert Plan.loads(plan.dumps()) == plan
    assert plan.literals and plan.pairs


@pytest.mark.parametrize(
    "data", [b"", b"[]", b'["a", "1", [2], [0], [], [], ""]', b'["a", "1", [1], ["x"], [], [], ""]']
)
def test_a_broken_plan_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError, match=r"plan|Expecting|not enough|positions"):
        Plan.loads(data)


def test_a_cached_database_without_its_plan_is_compiled_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hyperscan = need("hyperscan")
    from armsref.scanning import dbcache

    found = matcher(armsref.load())
    monkeypatch.setenv("ARMSREF_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(engine, "_ENGINES", {})
    first = engine.prefilter(found)
    (stored,) = tmp_path.iterdir()
    data = stored.read_bytes()
    _, _, rest = data.partition(b"\n")
    key, _, rest = rest.partition(b"\n")
    probe, _, rest = rest.partition(b"\n")
    _, _, body = rest.partition(b"\n")
    compiled = body.partition(b"\n")[2]  # the database alone, its plan dropped
    assert dbcache.store(stored, key.decode(), compiled, probe.decode())
    monkeypatch.setattr(engine, "_ENGINES", {})
    second = engine.prefilter(found)
    assert second.scan(b"two ATACMS and a Tomahawk") == first.scan(b"two ATACMS and a Tomahawk")
    assert engine._load(hyperscan, stored, key.decode()) is not None  # stored again, whole


def test_made_up_names_with_odd_gaps_are_found(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = tmp_path / "fifty"
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "synthetic_dataset.py"
    subprocess.run([sys.executable, str(script), "50", str(root)], check=True)
    dataset = armsref.load(root)
    found = matcher(dataset)
    names = [name for system in dataset.systems[5:15] for name in system.names]
    for gap in GAPS:
        text = " ".join(f"Then the {_with_gap(name, gap)}s were shown." for name in names)
        ours, others = scan_all(text, dataset)
        index = {system.id: at for at, system in enumerate(found.systems)}
        got = sorted((m.start, m.end, index[m.system.id]) for m in (*ours, *others))
        assert got == sorted(found.find(text)), gap

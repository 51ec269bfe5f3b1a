"""The small-file fast path gives exactly what scan_one gives, here and in the pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from armsref.corpora import smallfiles
from armsref.corpora.smallfiles import scan_many
from armsref.scanning.documents import DocumentScan, scan_one

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path: Path) -> list[str]:
    files = {
        "empty.txt": b"",
        "none.txt": b"nothing to see here\n" * 50,
        "one.txt": b"a Tomahawk missile",
        "others.txt": b"HIMARS and Storm Shadow missiles, then ATACMS Block IA.",
        "bad-middle.txt": b"caf\xe9 here",
        "bad-end.txt": b"caf\xe9",
        "cut-end.txt": "TLAM é".encode()[:-1],
        "binary.txt": b"ATACMS\x00",
        "page.html": b"<p>ERAM</p><script>JASSM</script>",
        "big.txt": b"filler " * 20_000 + b"JASSM",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    return [*seeds, *(str(tmp_path / name) for name in files), str(tmp_path / "missing.txt")]


def test_the_same_results_as_scan_one(folder: list[str]) -> None:
    expected = [scan_one(path, keep_mentions=False) for path in folder]
    # others.txt: variants and other systems carried through
    [others] = [d for d in expected if d.path.endswith("others.txt")]
    assert [t.variants for t in others.systems] == [("block-ia",)] and len(others.others) == 2
    assert list(scan_many(folder)) == expected
    assert list(scan_many(folder, jobs=2)) == expected


def test_the_fast_path_is_taken_for_small_files_without_candidates(
    folder: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    slow: list[str] = []

    def counted(path: str, *args: object) -> DocumentScan:
        slow.append(Path(path).name)
        return scan_one(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(smallfiles, "scan_one", counted)
    list(scan_many(folder))
    assert sorted(slow) == ["big.txt", "binary.txt", "missing.txt", "page.html"]


def test_failed_results_pass_through_in_order(tmp_path: Path) -> None:
    failed = DocumentScan("somewhere", error="cannot be read: denied")
    (tmp_path / "a.txt").write_text("ERAM", encoding="utf-8")
    results = list(scan_many([failed, str(tmp_path / "a.txt"), failed], jobs=2))
    assert [r.path for r in results] == ["somewhere", str(tmp_path / "a.txt"), "somewhere"]
    assert results[1].count == 1

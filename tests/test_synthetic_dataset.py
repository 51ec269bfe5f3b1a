"""benchmarks/synthetic_dataset.py writes a dataset armsref loads and verifies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import armsref

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "synthetic_dataset.py"


def _generate(count: int, out: Path) -> Path:
    subprocess.run([sys.executable, str(SCRIPT), str(count), str(out)], check=True)
    return out


@pytest.fixture(scope="module")
def fifty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(50, tmp_path_factory.mktemp("synthetic") / "fifty")


def test_fifty_systems_load_with_fifty_claims(fifty: Path) -> None:
    dataset = armsref.load(fifty)
    assert len(dataset.systems) == 50
    assert len(dataset.claims) == 50
    assert [s.id for s in dataset.systems[:5]] == ["atacms", "eram", "tomahawk", "jassm", "patriot"]
    made_up = dataset.systems[5:]
    assert all(len(s.names) >= 4 for s in made_up)
    assert any(s.variants for s in made_up)


def test_fifty_systems_verify(fifty: Path) -> None:
    report = armsref.verify(fifty)
    assert report.ok, report.problems
    assert report.checked == 50


def test_made_up_names_are_found_and_given_their_figures(fifty: Path) -> None:
    dataset = armsref.load(fifty)
    system = dataset.systems[7]
    claim = system.claims[0]
    text = f"Officials said the {system.designations[0]} was shown. {claim.quote}."
    assert [f.system_id for f in armsref.extract(text, dataset)] == [system.id]
    assert system.id in {m.system_id for m in armsref.scan(text, dataset)}


def test_a_figure_without_its_claim_fails_verify(fifty: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(fifty, copy)
    claims = copy / "data" / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    last = text.rindex("- id:")
    claims.write_text(text[:last], encoding="utf-8")
    report = armsref.verify(copy)
    assert len(report.problems) == 1
    assert "that data/ lacks" in report.problems[0]


def test_the_same_count_gives_the_same_bytes(tmp_path: Path) -> None:
    first = _generate(12, tmp_path / "a")
    second = _generate(12, tmp_path / "b")
    for path in sorted(first.rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (second / path.relative_to(first)).read_bytes()


def _refused(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), *args]
    return subprocess.run(command, check=False, capture_output=True, text=True)


def test_fewer_than_five_systems_or_a_full_folder_is_refused(tmp_path: Path) -> None:
    bad = _refused("3", str(tmp_path / "x"))
    assert bad.returncode == 2
    assert "N must be >= 5" in bad.stderr
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "thing").write_text("x")
    full = _refused("6", str(tmp_path / "full"))
    assert full.returncode == 2
    assert "is not empty" in full.stderr

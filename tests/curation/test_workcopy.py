"""``init_dataset``: a whole working copy, or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

import armsref
from armsref.curation import workcopy
from armsref.curation.workcopy import init_dataset
from armsref.errors import DataError, DuplicateError, InputError
from tests.conftest import ROOT


def test_init_copies_data_and_seeds(tmp_path: Path) -> None:
    root = init_dataset(tmp_path / "copy")
    assert root == (tmp_path / "copy").resolve()
    for part in ("data", "seeds"):
        shipped = sorted(p.name for p in (ROOT / part).iterdir())
        assert sorted(p.name for p in (root / part).iterdir()) == shipped
        for name in shipped:
            assert (root / part / name).read_bytes() == (ROOT / part / name).read_bytes()
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []
    assert armsref.verify(root).ok


def test_init_into_an_existing_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "here").mkdir()
    assert (init_dataset(tmp_path / "here") / "data" / "claims.yaml").is_file()


def test_init_refuses_and_changes_nothing(tmp_path: Path) -> None:
    init_dataset(tmp_path / "copy")
    (tmp_path / "copy" / "data" / "claims.yaml").write_text("[]\n")
    with pytest.raises(DuplicateError, match="already holds data/; nothing was changed"):
        init_dataset(tmp_path / "copy")
    assert (tmp_path / "copy" / "data" / "claims.yaml").read_text() == "[]\n"
    with pytest.raises(DataError, match="no such directory"):
        init_dataset(tmp_path / "missing" / "copy")
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="not a directory"):
        init_dataset(tmp_path / "file")


def test_a_failed_copy_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(source: Path, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(workcopy, "_copy", full)
    with pytest.raises(DataError, match="No space left on device"):
        init_dataset(tmp_path / "copy")
    assert not (tmp_path / "copy").exists()

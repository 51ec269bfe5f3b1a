"""Shared fixtures: the shipped dataset, and a private copy of it to break."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import armsref
from armsref.dataset import clear_cache

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts from the shipped dataset, read afresh, whatever ARMSREF_DATA says."""
    monkeypatch.delenv("ARMSREF_DATA", raising=False)
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def dataset() -> armsref.Dataset:
    """The shipped dataset."""
    return armsref.load()


@pytest.fixture
def dataset_dir(tmp_path: Path) -> Path:
    """A copy of the shipped dataset directory (data/ and seeds/) that a test may change."""
    root = tmp_path / "dataset"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    return root

"""Changing a test's private copy of the dataset (see the ``dataset_dir`` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml


def edit(root: Path, name: str, change: Callable[[Any], None]) -> None:
    """Load data/<name>, let ``change`` mutate the list of entries, write it back."""
    path = root / "data" / name
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(entries)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")

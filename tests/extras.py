"""Optional extras in tests: skipped where not installed, required where CI says so.

``.ci/run`` installs the extras and sets ``ARMSREF_REQUIRE_EXTRAS=1``, so a
missing extra fails there instead of skipping its tests.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest


def need(module: str) -> ModuleType:
    """Import ``module``; skip the test without it, unless extras are required."""
    if os.environ.get("ARMSREF_REQUIRE_EXTRAS") == "1":
        return importlib.import_module(module)
    return pytest.importorskip(module)

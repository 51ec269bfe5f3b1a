"""armsref: what public sources report about weapon systems, with proof.

Every figure armsref knows is tied to the verbatim quote and the exact document
that reports it. Importing armsref is cheap: the dataset, the pint registry and
the name matcher are built on first use and cached, and heavy modules are
imported only when one of their names is first used.

Examples:
    >>> import armsref
    >>> armsref.get("BGM-109").short
    'Tomahawk'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from armsref.errors import (
    ArmsrefError,
    DataError,
    InputError,
    UnitError,
    UnknownSourceError,
    UnknownSystemError,
    VerificationError,
)

__version__ = "0.1.0"

# Public name -> the module that defines it; imported on first attribute access.
_LAZY: dict[str, str] = {
    "AlsoFigure": "armsref.models",
    "Dataset": "armsref.models",
    "Disagreement": "armsref.compare",
    "DocumentScan": "armsref.scanfiles",
    "Extraction": "armsref.extraction",
    "Finding": "armsref.extraction",
    "Mention": "armsref.mentions",
    "RangeClaim": "armsref.models",
    "Report": "armsref.verification",
    "Source": "armsref.models",
    "Span": "armsref.compare",
    "System": "armsref.models",
    "SystemCount": "armsref.mentions",
    "SystemTally": "armsref.scanfiles",
    "add_source": "armsref.curate",
    "clear_cache": "armsref.dataset",
    "convert": "armsref.units",
    "extract": "armsref.extraction",
    "extract_all": "armsref.extraction",
    "get": "armsref.names",
    "load": "armsref.dataset",
    "parse_quantity": "armsref.units",
    "scan": "armsref.mentions",
    "scan_file": "armsref.scanfiles",
    "scan_paths": "armsref.scanfiles",
    "search": "armsref.names",
    "sources": "armsref.dataset",
    "systems": "armsref.dataset",
    "systems_in": "armsref.mentions",
    "table": "armsref.tables",
    "verify": "armsref.verification",
}

__all__ = [
    "AlsoFigure",
    "ArmsrefError",
    "DataError",
    "Dataset",
    "Disagreement",
    "DocumentScan",
    "Extraction",
    "Finding",
    "InputError",
    "Mention",
    "RangeClaim",
    "Report",
    "Source",
    "Span",
    "System",
    "SystemCount",
    "SystemTally",
    "UnitError",
    "UnknownSourceError",
    "UnknownSystemError",
    "VerificationError",
    "__version__",
    "add_source",
    "clear_cache",
    "convert",
    "extract",
    "extract_all",
    "get",
    "load",
    "parse_quantity",
    "scan",
    "scan_file",
    "scan_paths",
    "search",
    "sources",
    "systems",
    "systems_in",
    "table",
    "verify",
]

if TYPE_CHECKING:
    from armsref.compare import Disagreement, Span
    from armsref.curate import add_source
    from armsref.dataset import clear_cache, load, sources, systems
    from armsref.extraction import Extraction, Finding, extract, extract_all
    from armsref.mentions import Mention, SystemCount, scan, systems_in
    from armsref.models import AlsoFigure, Dataset, RangeClaim, Source, System
    from armsref.names import get, search
    from armsref.scanfiles import DocumentScan, SystemTally, scan_file, scan_paths
    from armsref.tables import table
    from armsref.units import convert, parse_quantity
    from armsref.verification import Report, verify


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'armsref' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

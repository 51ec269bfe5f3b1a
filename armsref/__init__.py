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
    ArgumentTypeError,
    ArmsrefError,
    DataError,
    DocumentError,
    DuplicateError,
    InputError,
    UnitError,
    UnknownClaimError,
    UnknownSourceError,
    UnknownSystemError,
    VerificationError,
)

__version__ = "0.1.0"

# Public name -> the module that defines it; imported on first attribute access.
_LAZY: dict[str, str] = {
    "AlsoFigure": "armsref.dataset.models",
    "Dataset": "armsref.dataset.models",
    "Disagreement": "armsref.lengths.compare",
    "DocumentScan": "armsref.scanning.documents",
    "Extraction": "armsref.extraction.pipeline",
    "Finding": "armsref.extraction.pipeline",
    "Identity": "armsref.dataset.lookup",
    "Mention": "armsref.scanning.mentions",
    "Variant": "armsref.dataset.variants",
    "RangeClaim": "armsref.dataset.models",
    "Report": "armsref.curation.verification",
    "Source": "armsref.dataset.models",
    "Span": "armsref.lengths.compare",
    "System": "armsref.dataset.models",
    "SystemCount": "armsref.scanning.mentions",
    "SystemTally": "armsref.scanning.documents",
    "accept_claims": "armsref.curation.review",
    "add_source": "armsref.curation.intake",
    "clear_cache": "armsref.dataset.loading",
    "convert": "armsref.lengths.units",
    "edit_claim": "armsref.curation.review",
    "extract": "armsref.extraction.pipeline",
    "extract_all": "armsref.extraction.pipeline",
    "frame": "armsref.exports.frames",
    "get": "armsref.dataset.lookup",
    "identify": "armsref.dataset.lookup",
    "init_dataset": "armsref.curation.workcopy",
    "load": "armsref.dataset.loading",
    "locate": "armsref.dataset.discovery",
    "parse_quantity": "armsref.lengths.units",
    "reject_claim": "armsref.curation.review",
    "scan": "armsref.scanning.mentions",
    "scan_all": "armsref.scanning.mentions",
    "scan_file": "armsref.scanning.documents",
    "scan_paths": "armsref.scanning.paths",
    "search": "armsref.dataset.lookup",
    "sources": "armsref.dataset.loading",
    "systems": "armsref.dataset.loading",
    "systems_in": "armsref.scanning.mentions",
    "table": "armsref.views.tables",
    "verify": "armsref.curation.verification",
}

__all__ = [
    "AlsoFigure",
    "ArgumentTypeError",
    "ArmsrefError",
    "DataError",
    "Dataset",
    "Disagreement",
    "DocumentError",
    "DocumentScan",
    "DuplicateError",
    "Extraction",
    "Finding",
    "Identity",
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
    "UnknownClaimError",
    "UnknownSourceError",
    "UnknownSystemError",
    "Variant",
    "VerificationError",
    "__version__",
    "accept_claims",
    "add_source",
    "clear_cache",
    "convert",
    "edit_claim",
    "extract",
    "extract_all",
    "frame",
    "get",
    "identify",
    "init_dataset",
    "load",
    "locate",
    "parse_quantity",
    "reject_claim",
    "scan",
    "scan_all",
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
    from armsref.curation.intake import add_source
    from armsref.curation.review import accept_claims, edit_claim, reject_claim
    from armsref.curation.verification import Report, verify
    from armsref.curation.workcopy import init_dataset
    from armsref.dataset.discovery import locate
    from armsref.dataset.loading import clear_cache, load, sources, systems
    from armsref.dataset.lookup import Identity, get, identify, search
    from armsref.dataset.models import AlsoFigure, Dataset, RangeClaim, Source, System
    from armsref.dataset.variants import Variant
    from armsref.exports.frames import frame
    from armsref.extraction.pipeline import Extraction, Finding, extract, extract_all
    from armsref.lengths.compare import Disagreement, Span
    from armsref.lengths.units import convert, parse_quantity
    from armsref.scanning.documents import DocumentScan, SystemTally, scan_file
    from armsref.scanning.mentions import Mention, SystemCount, scan, scan_all, systems_in
    from armsref.scanning.paths import scan_paths
    from armsref.views.tables import table


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'armsref' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

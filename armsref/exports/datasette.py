"""The Datasette ``metadata.json`` written beside a SQLite export.

It gives Datasette the title, a description, the licence (the project's: MIT,
as ``pyproject.toml`` says), where the data comes from, and each table's and
column's description (:mod:`armsref.views.columns`). Start Datasette with
both: ``datasette ref.db --metadata ref.metadata.json``.

Examples:
    >>> meta = metadata("ref")
    >>> meta["license"], meta["license_url"]
    ('MIT', 'https://opensource.org/licenses/MIT')
    >>> meta["databases"]["ref"]["tables"]["claims"]["columns"]["quote"]
    "the source's own words that state the figure, whole"
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from armsref.views.columns import TABLES

__all__ = ["LICENSE", "LICENSE_URL", "metadata", "metadata_path"]

#: The licence of armsref and its dataset, as ``pyproject.toml`` states it.
LICENSE = "MIT"
LICENSE_URL = "https://opensource.org/licenses/MIT"
TITLE = "armsref: what public sources report about weapon systems"
DESCRIPTION = (
    "Range figures public sources report for ATACMS, ERAM, Tomahawk, JASSM and Patriot, "
    "each with the verbatim quote that states it, its hedge (about, above, up to), its "
    "review status and the source it comes from. A reading aid for journalists and "
    "fact-checkers: what sources say, not what is true. The quoted documents are kept "
    "under seeds/ as evidence; their rights stay with their publishers."
)
SOURCE = "the armsref dataset (data/systems.yaml, data/sources.yaml, data/claims.yaml)"


def metadata_path(database: Path) -> Path:
    """Where the metadata of ``database`` is written: ``ref.db`` -> ``ref.metadata.json``."""
    return database.with_name(f"{database.stem}.metadata.json")


def metadata(name: str) -> dict[str, Any]:
    """The metadata of the database Datasette serves as ``name`` (the file's stem)."""
    from armsref import __version__

    tables = {
        table.name: {
            "description": table.description,
            "columns": {column.name: column.description for column in table.columns},
        }
        for table in TABLES.values()
    }
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": f"{SOURCE}, armsref {__version__}",
        "databases": {name: {"tables": tables}},
    }

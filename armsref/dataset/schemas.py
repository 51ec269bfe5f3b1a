"""JSON Schemas of the data files, generated from the records' models, for curators' editors.

Each file under ``data/`` is a YAML list of records that
:mod:`armsref.dataset.models` validates; :func:`data_schemas` turns those
models into JSON Schemas (draft 2020-12), which a checkout keeps under
``schema/data/``. Each data file starts with :func:`schema_line`, the comment
by which an editor running the YAML language server (VS Code, Neovim, Helix...)
finds its schema, to complete and check fields as a curator types them.

The schemas say what one record may hold (its fields, their types, patterns
and choices, no field unknown); what spans records (ids unique, references
that resolve, quotes in their sources) is checked by loading and by
``armsref verify``, as before. YAML dates (``published: 2025-10-16``) are
strings of ``format: date`` to the schema, as they are to the language server.

Regenerate them, from the repository's top folder, after changing a model::

    python3 -m armsref.dataset.schemas

(or ``python3 -m armsref.dataset.schemas DIR`` to write them elsewhere); a
test fails while the shipped ones are stale. Nothing is ever written inside
the installed package.

Examples:
    >>> sorted(data_schemas())
    ['claims', 'others', 'sources', 'systems']
    >>> data_schemas()["claims"]["items"]
    {'$ref': '#/$defs/RangeClaim'}
    >>> schema_line("claims.yaml")
    '# yaml-language-server: $schema=../schema/data/claims.schema.json'
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from armsref.errors import InputError

__all__ = ["SCHEMA_FOLDER", "data_schemas", "main", "render", "schema_line", "write_schemas"]

#: Where a dataset keeps its data files' schemas, from its top folder.
SCHEMA_FOLDER = Path("schema", "data")
_DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: Each data file (its stem), the record it holds, and what one entry is.
_FILES = {
    "sources": ("Source", "a document under seeds/ that the dataset quotes"),
    "systems": ("System", "a weapon system armsref holds figures for, with all its names"),
    "claims": ("RangeClaim", "a range figure a source states, with its verbatim quote"),
    "others": ("System", "another weapon system readers meet: names only, never figures"),
}


def schema_line(file_name: str) -> str:
    """The first line of the data file ``file_name``: where its schema is, for an editor."""
    stem = file_name.removesuffix(".yaml")
    return f"# yaml-language-server: $schema=../{SCHEMA_FOLDER.as_posix()}/{stem}.schema.json"


def data_schemas() -> dict[str, dict[str, Any]]:
    """Each data file's schema (by stem: ``claims``...), generated afresh from the models."""
    from pydantic import TypeAdapter

    from armsref.dataset import models

    result = {}
    for stem, (model_name, entry) in _FILES.items():
        model = getattr(models, model_name)
        generated = TypeAdapter(list[model]).json_schema()  # type: ignore[valid-type]
        result[stem] = {
            "$schema": _DRAFT,
            "title": f"data/{stem}.yaml",
            "description": f"armsref's data/{stem}.yaml: a list of entries, each {entry}. "
            "Generated from armsref.dataset.models by python3 -m armsref.dataset.schemas.",
            **generated,
        }
    return result


def render(schema: dict[str, Any]) -> str:
    """A schema as the text of its file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: str | os.PathLike[str] = SCHEMA_FOLDER) -> list[Path]:
    """Write each data file's schema into ``folder`` (made if missing); return the files.

    Raises:
        InputError: ``folder`` is inside the installed armsref package.
    """
    import armsref

    target = Path(folder).resolve()
    package = Path(armsref.__file__).resolve().parent
    if target.is_relative_to(package):
        raise InputError(f"{folder}: inside the installed armsref package; nothing written")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, schema in data_schemas().items():
        path = target / f"{stem}.schema.json"
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python3 -m armsref.dataset.schemas [DIR]``: write the schemas (default ``schema/data``)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if len(arguments) > 1 or any(a.startswith("-") for a in arguments):
        print("usage: python3 -m armsref.dataset.schemas [DIR]", file=sys.stderr)
        return 2
    try:
        written = write_schemas(arguments[0] if arguments else SCHEMA_FOLDER)
    except (InputError, OSError) as problem:
        print(f"armsref: error: {problem}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

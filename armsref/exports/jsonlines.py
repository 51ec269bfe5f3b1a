"""JSON Lines: one object per row, every table in one file, each row saying its ``table``.

One file rather than one per table, so that a stream reader (``jq``,
``pandas.read_json(lines=True)``, a loader) gets the whole dataset in one
pass, keys first: the tables come in the order ``systems``, ``variants``,
``sources``, ``claims``. Each line is an object whose first key is ``table``
and whose other keys are that table's columns (:mod:`armsref.views.columns`),
``null`` where a value is unknown; text is UTF-8, not escaped.

Examples:
    >>> import io
    >>> out = io.StringIO()
    >>> write_jsonl(out, {"variants": [{"system": "atacms", "id": "block-i", "name": "x"}]})
    >>> out.getvalue()
    '{"table": "variants", "system": "atacms", "id": "block-i", "name": "x"}\\n'
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TextIO

from armsref.views.rows import Row

__all__ = ["write_jsonl"]


def write_jsonl(stream: TextIO, tables: Mapping[str, Sequence[Row]]) -> None:
    """Write every row of every table as one JSON object per line."""
    for table, rows in tables.items():
        for row in rows:
            stream.write(json.dumps({"table": table, **row}, ensure_ascii=False))
            stream.write("\n")

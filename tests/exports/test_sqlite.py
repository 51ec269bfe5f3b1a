"""The SQLite export: keys, full-text search, Datasette metadata, a real Datasette serving it."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from armsref.exports.writing import export
from armsref.views.columns import TABLES
from tests.extras import need

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    need("sqlite_utils")
    target = tmp_path / "ref.db"
    assert export("sqlite", target) == [target, tmp_path / "ref.metadata.json"]
    return target


def test_tables_keys_and_search(database: Path) -> None:
    with sqlite3.connect(database) as db:
        tables = {row[0] for row in db.execute("select name from sqlite_master where type='table'")}
        assert set(TABLES) <= tables and "claims_fts" in tables
        claims = db.execute(
            "select id, system, value, unit, converted_value from claims"
        ).fetchall()
        assert ("eram-1", "eram", 285.0, "miles", pytest.approx(458.66304)) in claims
        keys = {tuple(row[2:5]) for row in db.execute("pragma foreign_key_list(claims)")}
        assert keys == {("systems", "system", "id"), ("sources", "source", "id")}
        keys = {tuple(row[2:5]) for row in db.execute("pragma foreign_key_list(variants)")}
        assert keys == {("systems", "system", "id")}
        primary = [row[1] for row in db.execute("pragma table_info(variants)") if row[5]]
        assert primary == ["system", "id"]
        assert db.execute("pragma foreign_key_check").fetchall() == []
        found = db.execute(
            "select claims.id from claims join claims_fts on claims.rowid = claims_fts.rowid "
            "where claims_fts match 'kilometers' order by claims.id"
        ).fetchall()
        assert [row[0] for row in found] == ["atacms-2", "eram-1", "tomahawk-1", "tomahawk-2"]


def test_metadata_describes_every_column_with_the_project_licence(database: Path) -> None:
    meta = json.loads(database.with_name("ref.metadata.json").read_text(encoding="utf-8"))
    assert meta["license"] == "MIT"
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert meta["title"] and meta["description"] and meta["source"]
    tables = meta["databases"]["ref"]["tables"]
    for name, table in TABLES.items():
        assert list(tables[name]["columns"]) == table.names
        assert all(tables[name]["columns"].values())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def datasette(database: Path) -> Iterator[str]:
    """A real Datasette on 127.0.0.1 serving the export with its metadata; always stopped."""
    need("datasette")
    port = _free_port()
    metadata = database.with_name("ref.metadata.json")
    command = [sys.executable, "-m", "datasette", "serve", str(database), "-m", str(metadata)]
    log = database.with_name("datasette.log")
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*command, "--host", "127.0.0.1", "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"datasette did not start: {log.read_text(errors='replace')}")
                time.sleep(0.2)
        yield base
    finally:
        server.kill()
        server.wait(timeout=30)


def _get(url: str) -> object:
    with urllib.request.urlopen(url, timeout=30) as reply:
        return json.loads(reply.read().decode("utf-8"))


def test_datasette_serves_the_claims_filtered_and_searched(datasette: str) -> None:
    rows = _get(f"{datasette}/ref/claims.json?system=atacms&_shape=array")
    assert isinstance(rows, list)
    assert [row["id"] for row in rows] == ["atacms-1", "atacms-2"]
    assert rows[0]["quote"] == "Ukraine has used ATACMS with a 300-kilometer range"
    assert rows[0]["value"] == 300 and rows[0]["unit"] == "kilometer"
    query = urllib.parse.urlencode({"_search": "Tomahawk", "_shape": "array"})
    found = _get(f"{datasette}/ref/claims.json?{query}")
    assert isinstance(found, list)
    assert sorted(row["id"] for row in found) == ["tomahawk-1", "tomahawk-2"]
    meta = _get(f"{datasette}/-/metadata.json")
    assert isinstance(meta, dict) and meta["license"] == "MIT"

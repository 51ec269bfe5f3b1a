"""armsref.frame: the exported tables and the mentions in documents as pandas DataFrames."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import armsref
from armsref.errors import DocumentError, InputError
from armsref.views.columns import TABLES
from tests.extras import need

ROOT = Path(__file__).resolve().parents[2]


def test_claims_frame_has_the_export_columns_and_types() -> None:
    need("pandas")
    claims = armsref.frame("claims", unit="mi")
    assert list(claims.columns) == TABLES["claims"].names
    assert list(claims["id"]) == ["atacms-1", "atacms-2", "eram-1", "tomahawk-1", "tomahawk-2"]
    eram = claims.set_index("id").loc["eram-1"]
    assert eram["value"] == 285 and eram["unit"] == "miles" and eram["converted_unit"] == "mi"
    assert str(claims["value"].dtype) == "float64" and str(claims["approximate"].dtype) == "bool"
    assert claims["low"].isna().all()
    assert str(armsref.frame("sources")["published"].dtype).startswith("datetime64")
    assert list(armsref.frame("systems")["id"])[:2] == ["atacms", "eram"]
    assert len(armsref.frame("variants")) == len(
        [v for s in armsref.load().systems for v in s.variants]
    )


def test_mentions_frame_from_paths_and_texts() -> None:
    need("pandas")
    seed = ROOT / "seeds" / "001_67da731477375900.txt"
    found = armsref.frame("mentions", paths=[seed])
    assert list(found.columns) == ["document", "system", "name", "variant", "start", "end",
                                   "surface"]  # fmt: skip
    assert (found["system"] == "atacms").sum() == 3 and set(found["document"]) == {str(seed)}
    text = seed.read_text(encoding="utf-8")
    assert all(text[r.start : r.end] == r.surface for r in found.itertuples())
    named = armsref.frame("mentions", texts={"a": "The ATACMS and a Patriot PAC-3 battery."})
    assert list(named["system"]) == ["atacms", "patriot"]
    assert named["variant"].isna().tolist() == [True, False] and named["variant"][1] == "pac-3"
    assert list(named["document"]) == ["a", "a"]
    listed = armsref.frame("mentions", texts=["no system here", "Tomahawk cruise missiles"])
    assert list(listed["document"]) == [1] and list(listed["name"]) == [
        "Tomahawk Land Attack Missile"
    ]


def test_bad_arguments_are_named(tmp_path: Path) -> None:
    need("pandas")
    with pytest.raises(ValueError, match="unknown table 'weapons'; choose one of claims, mentions"):
        armsref.frame("weapons")
    with pytest.raises(InputError, match="needs the documents"):
        armsref.frame("mentions")
    with pytest.raises(InputError, match="are for frame\\('mentions'\\)"):
        armsref.frame("claims", texts=["x"])
    with pytest.raises(DocumentError, match=r"missing\.txt: no such file"):
        armsref.frame("mentions", paths=[tmp_path / "missing.txt"])
    with pytest.raises(TypeError, match="table must be"):
        armsref.frame(3)  # type: ignore[arg-type]


def test_import_armsref_imports_no_pandas() -> None:
    code = "import sys, armsref; armsref.frame; print('pandas' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"

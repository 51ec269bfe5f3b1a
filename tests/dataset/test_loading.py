"""The shipped dataset's content, and every way a dataset file can be wrong."""

from __future__ import annotations

import hashlib
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import armsref
from armsref.dataset.loading import find_root, load, read_yaml
from armsref.errors import DataError
from tests.conftest import ROOT
from tests.editing import edit

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SHARED_SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def load_error(root: Path) -> str:
    with pytest.raises(DataError) as caught:
        load(root)
    return str(caught.value)


# --- the shipped content ------------------------------------------------------------------


def test_five_systems_with_their_names(dataset: armsref.Dataset) -> None:
    assert [s.id for s in dataset.systems] == ["atacms", "eram", "tomahawk", "jassm", "patriot"]
    designations = {s.id: s.designations for s in dataset.systems}
    assert designations == {
        "atacms": ("MGM-140",),
        "eram": (),
        "tomahawk": ("BGM-109",),
        "jassm": ("AGM-158",),
        "patriot": ("MIM-104",),
    }
    tomahawk = dataset.system("tomahawk")
    assert {"TLAM", "Tomahawk Land Attack Missile"} <= set(tomahawk.names)
    assert "JASSM-ER" in dataset.system("jassm").names
    assert dataset.system("jassm").variant("jassm-er").designations == ("AGM-158B",)
    assert [v.id for v in dataset.system("patriot").variants] == [
        "pac-2",
        "pac-2-gem-t",
        "pac-3",
        "pac-3-mse",
    ]
    assert "Army Tactical Missile Systems" in dataset.system("atacms").names
    assert "extended-range attack munitions" in dataset.system("eram").names
    assert "Joint Air-to-Surface Standoff Missiles" in dataset.system("jassm").names


def test_five_claims_say_what_their_sources_say(dataset: armsref.Dataset) -> None:
    found = [
        (c.system, c.source, c.value, c.unit, c.qualifier, c.also and (c.also.value, c.also.unit))
        for c in dataset.claims
    ]
    assert found == [
        ("atacms", "trump-asked-can-you-hit-moscow", 300, "kilometer", "exact", None),
        ("tomahawk", "trump-asked-can-you-hit-moscow", 1500, "kilometers", "above", None),
        ("tomahawk", "trump-putin-call-tomahawks", 995, "miles", "about", (1600, "kilometers")),
        ("eram", "trump-putin-call-tomahawks", 285, "miles", "about", (460, "kilometers")),
        ("atacms", "trump-putin-call-tomahawks", 186, "miles", "about", (300, "kilometers")),
    ]
    assert [c.id for c in dataset.claims] == [
        "atacms-1",
        "tomahawk-1",
        "tomahawk-2",
        "eram-1",
        "atacms-2",
    ]
    assert all(c.status == "accepted" for c in dataset.claims)


def test_systems_without_a_reported_range_have_no_claims(dataset: armsref.Dataset) -> None:
    assert dataset.system("jassm").claims == ()
    assert dataset.system("patriot").claims == ()


def test_sources_point_at_the_seed_files_byte_for_byte(dataset: armsref.Dataset) -> None:
    assert sorted(s.file for s in dataset.sources) == sorted(
        f"seeds/{p.name}" for p in SEEDS.glob("*.txt")
    )
    for source in dataset.sources:
        assert hashlib.sha256(source.path.read_bytes()).hexdigest() == source.sha256
    if SHARED_SEEDS.is_dir():  # the originals, where this checkout sits beside them
        for original in SHARED_SEEDS.iterdir():
            assert (SEEDS / original.name).read_bytes() == original.read_bytes()


def test_sources_record_only_what_is_confirmed(dataset: armsref.Dataset) -> None:
    cnn = dataset.source("cnn-longer-range-missiles")
    assert cnn.outlet == "CNN" and cnn.published is None
    assert all(s.published is None for s in dataset.sources)  # no copy confirms a date
    assert dataset.source("trump-asked-can-you-hit-moscow").url is None  # no copy found
    lines = (ROOT / "data" / "sources.yaml").read_text(encoding="utf-8").splitlines()
    for source in dataset.sources:
        text = source.text()
        for field in ("outlet", "title", "published", "url", "retrieved", "archive_url"):
            value = getattr(source, field)
            if value is None or (isinstance(value, str) and value in text):
                continue
            # Not in the text itself: the file says, on the line or the one before, how
            # it was confirmed.
            at = next(
                n
                for n, line in enumerate(lines)
                if line.strip().startswith(f"{field}: ") and str(value) in line
            )
            assert "#" in lines[at] or lines[at - 1].lstrip().startswith("#"), (source.id, field)


def test_records_reach_their_relatives(dataset: armsref.Dataset) -> None:
    tomahawk = dataset.system("tomahawk")
    assert [c.source for c in tomahawk.claims] == [
        "trump-asked-can-you-hit-moscow",
        "trump-putin-call-tomahawks",
    ]
    assert [s.id for s in tomahawk.sources] == [c.source for c in tomahawk.claims]
    source = dataset.source("trump-putin-call-tomahawks")
    assert [s.id for s in source.systems] == ["atacms", "eram", "tomahawk"]
    assert source.claims[0].system_record is dataset.system("tomahawk")
    assert source.claims[0].source_record is source


def test_loading_is_cached_and_import_does_no_io(dataset: armsref.Dataset) -> None:
    assert load() is dataset
    assert armsref.systems() is dataset.systems
    assert armsref.sources() is dataset.sources


def test_models_are_frozen(dataset: armsref.Dataset) -> None:
    with pytest.raises(ValueError, match="frozen"):
        dataset.systems[0].name = "changed"  # type: ignore[misc]


# --- finding a dataset --------------------------------------------------------------------


def test_armsref_data_points_at_another_dataset(
    dataset_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(dataset_dir, "systems.yaml", lambda entries: entries[0].update(kind="test kind"))
    monkeypatch.setenv("ARMSREF_DATA", str(dataset_dir))
    assert load().system("atacms").kind == "test kind"
    assert armsref.get("atacms").kind == "test kind"
    monkeypatch.setenv("ARMSREF_DATA", str(dataset_dir / "data"))  # its data/ folder works too
    assert load().root == dataset_dir.resolve()


def test_a_directory_without_a_dataset_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not a dataset directory"):
        find_root(tmp_path)


# --- every bad input is one clear error ---------------------------------------------------


def test_malformed_yaml_names_file_and_line(dataset_dir: Path) -> None:
    path = dataset_dir / "data" / "systems.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- id: [unclosed\n", encoding="utf-8")
    message = load_error(dataset_dir)
    assert "systems.yaml" in message and "malformed YAML" in message and "line " in message


def test_unknown_key_names_entry_and_field(dataset_dir: Path) -> None:
    edit(dataset_dir, "systems.yaml", lambda entries: entries[1].update(colour="grey"))
    message = load_error(dataset_dir)
    assert message == "dataset/data/systems.yaml: entry 2 (id 'eram'): field 'colour': unknown key"


def test_wrong_type_names_the_field(dataset_dir: Path) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[2].update(value="far"))
    message = load_error(dataset_dir)
    assert "claims.yaml: entry 3 (id 'tomahawk-2')" in message
    assert "field 'value'" in message and "'far'" in message


def test_missing_field_is_named(dataset_dir: Path) -> None:
    edit(dataset_dir, "sources.yaml", lambda entries: entries[0].pop("sha256"))
    assert "field 'sha256': is required but missing" in load_error(dataset_dir)


def test_duplicate_id(dataset_dir: Path) -> None:
    edit(dataset_dir, "sources.yaml", lambda entries: entries[1].update(id=entries[0]["id"]))
    message = load_error(dataset_dir)
    assert "sources.yaml: entry 2" in message and "duplicate id" in message


def test_alias_claimed_by_two_systems(dataset_dir: Path) -> None:
    edit(dataset_dir, "systems.yaml", lambda entries: entries[4]["aliases"].append("tlam"))
    message = load_error(dataset_dir)
    assert "entry 5 (id 'patriot')" in message and "field 'aliases'" in message
    assert "'tomahawk'" in message


def test_designation_claimed_by_two_systems(dataset_dir: Path) -> None:
    edit(dataset_dir, "systems.yaml", lambda entries: entries[3]["designations"].append("BGM 109"))
    assert "field 'designations'" in load_error(dataset_dir)


def test_claim_naming_unknown_system_or_source(dataset_dir: Path) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[0].update(system="scud"))
    message = load_error(dataset_dir)
    assert "field 'system'" in message and "'scud'" in message
    edit(
        dataset_dir,
        "claims.yaml",
        lambda entries: entries[0].update(system="atacms", source="nowhere"),
    )
    message = load_error(dataset_dir)
    assert "field 'source'" in message and "'nowhere'" in message


@pytest.mark.parametrize("value", [0, -300, float("nan"), float("inf")])
def test_non_positive_or_non_finite_value(dataset_dir: Path, value: float) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[0].update(value=value))
    message = load_error(dataset_dir)
    assert "entry 1" in message and "field 'value'" in message


def test_low_not_below_high(dataset_dir: Path) -> None:
    def change(entries: list[dict[str, Any]]) -> None:
        entries[0].update(qualifier="between", low=300, high=200)
        del entries[0]["value"]

    edit(dataset_dir, "claims.yaml", change)
    message = load_error(dataset_dir)
    assert "entry 1" in message and "'low' must be below 'high'" in message


def test_unit_that_is_not_a_length(dataset_dir: Path) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[0].update(unit="kg"))
    message = load_error(dataset_dir)
    assert "field 'unit'" in message and "not a length" in message


def test_file_outside_the_dataset_directory(dataset_dir: Path) -> None:
    edit(dataset_dir, "sources.yaml", lambda entries: entries[0].update(file="../../etc/passwd"))
    message = load_error(dataset_dir)
    assert "field 'file'" in message and "outside the dataset directory" in message


def test_python_tags_are_refused(dataset_dir: Path) -> None:
    path = dataset_dir / "data" / "systems.yaml"
    path.write_text("- !!python/object/apply:os.system ['echo owned']\n", encoding="utf-8")
    message = load_error(dataset_dir)
    assert "systems.yaml" in message and "python/object/apply:os.system" in message
    assert "not allowed" in message


def test_alias_bomb_is_refused_quickly_with_bounded_memory(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(DataError, match="anchors and aliases"):
        read_yaml(path)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # Generous bounds: expanding the bomb would take minutes and gigabytes.
    assert elapsed < 5 and peak < 20_000_000


def test_top_level_must_be_a_list(dataset_dir: Path) -> None:
    (dataset_dir / "data" / "claims.yaml").write_text("system: atacms\n", encoding="utf-8")
    assert "expected a list of entries, got dict" in load_error(dataset_dir)


def test_missing_data_file(dataset_dir: Path) -> None:
    (dataset_dir / "data" / "claims.yaml").unlink()
    assert "claims.yaml: file is missing" in load_error(dataset_dir)


def test_errors_are_value_errors(dataset_dir: Path) -> None:
    edit(dataset_dir, "claims.yaml", lambda entries: entries[0].update(unit="parsecs"))
    with pytest.raises(ValueError, match="unknown unit 'parsecs'"):
        load(dataset_dir)

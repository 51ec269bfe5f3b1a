"""scan() and systems_in(): spans, rules for what counts, the seeds pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

import armsref
from armsref.errors import InputError
from armsref.scanning.mentions import Mention, scan, systems_in
from tests.editing import edit
from tests.labelled.score_scan import score

ROOT = Path(__file__).resolve().parents[2]

# Read by hand: every mention in each seed, and the order systems first appear.
SEEDS = {
    "000": [("atacms", 3), ("tomahawk", 1)],
    "001": [("atacms", 3), ("patriot", 3)],
    "002": [("tomahawk", 4), ("atacms", 1)],
    # The issue lists atacms, jassm, patriot; the text names Patriot first
    # ("like the Patriot missile batteries") and the list is by first mention.
    "003": [("patriot", 3), ("atacms", 2), ("jassm", 2)],
    "004": [("tomahawk", 13), ("eram", 5), ("atacms", 2)],
}


def surfaces(text: str) -> list[str]:
    return [m.surface for m in scan(text)]


def ids(text: str) -> list[str]:
    return [m.system_id for m in scan(text)]


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seeds_give_the_pinned_systems_and_counts(prefix: str) -> None:
    (path,) = (ROOT / "seeds").glob(f"{prefix}_*.txt")
    found = systems_in(path.read_text(encoding="utf-8"))
    assert [(s.system_id, s.count) for s in found] == SEEDS[prefix]


def test_seed_sets_match_the_issue() -> None:
    expected = {
        "000": {"atacms", "tomahawk"},
        "001": {"atacms", "patriot"},
        "002": {"tomahawk", "atacms"},
        "003": {"atacms", "jassm", "patriot"},
        "004": {"tomahawk", "eram", "atacms"},
    }
    for prefix, systems in expected.items():
        assert {system for system, _ in SEEDS[prefix]} == systems


def test_offsets_point_into_the_text_as_given() -> None:
    text = "Intro\u00a0— the “ATACMS” and Tomahawk’s reach."
    mentions = scan(text)
    assert [m.surface for m in mentions] == ["ATACMS", "Tomahawk"]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert isinstance(mention, Mention)
        assert mention.system is armsref.load().system(mention.system_id)


def test_longest_name_wins_and_parenthesised_acronym_is_separate() -> None:
    text = "Army Tactical Missile Systems (ATACMS)"
    assert surfaces(text) == ["Army Tactical Missile Systems", "ATACMS"]
    assert surfaces("the Tomahawk Land Attack Missile") == ["Tomahawk Land Attack Missile"]
    assert surfaces("JASSM-ER and PAC-3 MSE") == ["JASSM-ER", "PAC-3 MSE"]


@pytest.mark.parametrize(
    ("text", "surface", "system"),
    [
        ("three Tomahawks hit the radar", "Tomahawks", "tomahawk"),
        ("the ATACMS's range", "ATACMS", "atacms"),
        ("JASSMs fired", "JASSMs", "jassm"),
        ("Patriots arrived in Kyiv", "Patriots", "patriot"),
        ("3,350 ERAMs", "ERAMs", "eram"),
        ("the Patriots’ radar", "Patriots", "patriot"),
        ("the Tomahawk’s warhead", "Tomahawk", "tomahawk"),
        ("Tomahawk-type missiles", "Tomahawk", "tomahawk"),
        ("ATACMS-capable launchers", "ATACMS", "atacms"),
        ("Army Tactical\nMissile   System", "Army Tactical\nMissile   System", "atacms"),
        ("Joint\u00a0Air-to-Surface Standoff Missile", None, "jassm"),
        ("atacms and Atacms", None, "atacms"),
        ("bgm-109 or BGM 109 or BGM109", None, "tomahawk"),
        ("an AGM-158B", "AGM-158B", "jassm"),
        ("tlam strikes", "tlam", "tomahawk"),
        ("the pac-3 interceptor", "pac-3", "patriot"),
        ("TOMAHAWK STRIKES", "TOMAHAWK", "tomahawk"),
        ("Joint Air to Surface Standoff Missiles", None, "jassm"),
    ],
)
def test_positive_forms(text: str, surface: str | None, system: str) -> None:
    mentions = scan(text)
    assert mentions, text
    assert {m.system_id for m in mentions} == {system}
    if surface is not None:
        assert [m.surface for m in mentions] == [surface]


@pytest.mark.parametrize(
    "text",
    [
        "ceramic tiles",
        "a patriotic song",
        "Patriotism is not enough",
        "atlam and atlams",
        "a true patriot and two patriots",
        "the Patriot Act was renewed",
        "the New England Patriots won",
        "Patriot Day ceremonies",
        "a tomahawk thrown at a target",
        "Tomahawk, Wisconsin, a small town",
        "a Tomahawk steak for two",
        "the tomahawk chop at the stadium",
        "the Tomahawk Chop",
        "PATRIOT ACT HEARINGS",
        "Tomahawk, WI 54487",
        "pAtRiOt",
        "PAC-30 filters and BGM-1090",
        "superatacms",
    ],
)
def test_negatives(text: str) -> None:
    assert scan(text) == []


def test_systems_in_orders_by_first_mention_with_counts() -> None:
    found = systems_in("ERAM, then ATACMS, then ERAMs and an ERAM")
    assert [(s.system_id, s.count, s.first.surface) for s in found] == [
        ("eram", 3, "ERAM"),
        ("atacms", 1, "ATACMS"),
    ]
    assert systems_in("") == []


def test_scan_refuses_non_text() -> None:
    with pytest.raises(InputError, match="needs text"):
        scan(b"ATACMS")  # type: ignore[arg-type]


def test_a_new_alias_in_the_data_is_found_without_code(dataset_dir: Path) -> None:
    systems = dataset_dir / "data" / "systems.yaml"
    text = systems.read_text(encoding="utf-8").replace(
        "aliases: [TLAM, Tomahawk cruise missile]",
        "aliases: [TLAM, Tomahawk cruise missile, Tommy Gun Rocket]",
    )
    systems.write_text(text, encoding="utf-8")
    custom = armsref.load(dataset_dir)
    found = scan("they fired a tommy gun rocket", dataset=custom)
    assert [(m.surface, m.system_id) for m in found] == [("tommy gun rocket", "tomahawk")]
    assert scan("they fired a tommy gun rocket") == []


def test_labelled_set_scores_full_precision_and_recall() -> None:
    result = score()
    assert result.cases >= 60
    assert result.misses == []
    assert (result.precision, result.recall) == (1.0, 1.0)


def test_scorer_counts_misses_and_extras(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        '- text: "[[Patriot|patriot]] Act and [[ERAM|atacms]] and TLAM"\n', encoding="utf-8"
    )
    result = score(cases)
    assert (result.labelled, result.found, result.right) == (2, 2, 0)
    assert len(result.misses) == 4


def test_armsref_scan_stays_the_function_once_its_module_is_imported() -> None:
    import armsref.scanning.mentions as module

    assert armsref.scan is module.scan
    assert armsref.scan("ERAM") == module.scan("ERAM")


def test_names_with_letters_beyond_ascii_are_found(dataset_dir: Path) -> None:
    edit(
        dataset_dir,
        "systems.yaml",
        lambda entries: entries[2]["aliases"].extend(["Épée Rocket", "Dart Ö"]),
    )
    custom = armsref.load(dataset_dir)
    text = "an épée rocket, an ÉPÉE\u00a0ROCKET, a dart ö, not a Épée Rocketry or xépée rocket"
    found = scan(text, dataset=custom)
    assert [m.surface for m in found] == ["épée rocket", "ÉPÉE\u00a0ROCKET", "dart ö"]
    assert {m.system_id for m in found} == {"tomahawk"}

"""get() and search(): a system under any of its names."""

from __future__ import annotations

import pytest

import armsref
from armsref.errors import InputError, UnknownSystemError


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("tomahawk", "tomahawk"),
        ("Tomahawks", "tomahawk"),
        ("Tomahawk's", "tomahawk"),
        ("Tomahawk’s", "tomahawk"),
        ("BGM-109", "tomahawk"),
        ("bgm109", "tomahawk"),
        ("b.g.m. 109", "tomahawk"),
        ("TLAM", "tomahawk"),
        ("Tomahawk Land Attack Missile", "tomahawk"),
        ("army tactical missile system", "atacms"),
        ("Army Tactical Missile Systems", "atacms"),
        ("  ATACMS ", "atacms"),
        ("atacms", "atacms"),
        ("MGM-140", "atacms"),
        ("ATACMS's", "atacms"),
        ("ERAM", "eram"),
        ("ERAMs", "eram"),
        ("extended range attack munitions", "eram"),
        ("JASSM-ER", "jassm"),
        ("jassm er", "jassm"),
        ("JASSMs", "jassm"),
        ("agm158", "jassm"),
        ("Joint Air-to-Surface Standoff Missiles", "jassm"),
        ("PAC-3", "patriot"),
        ("Patriots", "patriot"),
        ("mim-104", "patriot"),
        ("patriot", "patriot"),
    ],
)
def test_get_by_any_name(name: str, expected: str) -> None:
    assert armsref.get(name).id == expected


def test_get_returns_the_same_object_each_time() -> None:
    assert armsref.get("TLAM") is armsref.get("tomahawk") is armsref.load().system("tomahawk")


def test_unknown_name_suggests_the_closest() -> None:
    with pytest.raises(UnknownSystemError) as caught:
        armsref.get("tomahwak")
    assert str(caught.value) == "no system named 'tomahwak'; did you mean 'tomahawk'?"
    assert caught.value.query == "tomahwak" and caught.value.suggestions[0] == "tomahawk"
    assert isinstance(caught.value, LookupError)


def test_unknown_name_without_anything_close() -> None:
    with pytest.raises(LookupError, match=r"^no system named 'zzzzzz'$"):
        armsref.get("zzzzzz")


@pytest.mark.parametrize("name", ["", "   ", "\t\n", "'s", "--"])
def test_empty_or_blank_name_is_a_value_error(name: str) -> None:
    with pytest.raises(InputError, match="empty or blank"):
        armsref.get(name)
    with pytest.raises(ValueError):
        armsref.get(name)


def test_search_ranks_partial_and_misspelt_names() -> None:
    assert [s.id for s in armsref.search("jasm")] == ["jassm"]
    assert armsref.search("toma")[0].id == "tomahawk"
    assert armsref.search("patriott")[0].id == "patriot"
    assert armsref.search("army tactical")[0].id == "atacms"
    assert armsref.search("xylophone") == []
    with pytest.raises(InputError):
        armsref.search(" ")


def test_a_new_alias_in_the_data_is_found(dataset_dir, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from tests.editing import edit

    edit(dataset_dir, "systems.yaml", lambda entries: entries[2]["aliases"].append("Tommy"))
    monkeypatch.setenv("ARMSREF_DATA", str(dataset_dir))
    assert armsref.get("tommys").id == "tomahawk"

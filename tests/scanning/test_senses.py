"""Which sense a name has in a document: the weapon, or a team, steak, town, axe, law, the FAA.

Every example here was written for this test; the measured scores on text
rewritten from real pages are in benchmarks/README.md.
"""

from __future__ import annotations

import pytest

import armsref
from armsref.scanning.acronyms import defined_as, long_form
from armsref.scanning.discourse import MAX_HELD, Candidate, Discourse
from armsref.scanning.mentions import scan, scan_all
from armsref.scanning.senses import name_sense, reading


def systems(text: str) -> list[str]:
    return [s.system_id for s in armsref.systems_in(text)]


@pytest.mark.parametrize(
    "text",
    [
        # Football: "the Patriots" among words that sound military.
        "The Patriots' defense held on fourth down, and the offense answered with a 75-yard "
        "drive capped by a touchdown. The blitz worked all afternoon for the coach.",
        "Patriots fans filled Gillette Stadium as the rookie quarterback threw for 300 yards.",
        # Food, a tool, a town, a law, a person.
        "Sear the Tomahawk for four minutes a side, then rest the ribeye before carving.",
        "A Tactical Tomahawk with a 3.5-inch blade and a hickory handle, made for throwing.",
        "The Tomahawk City Council voted on Tuesday; the mayor said residents wanted a park.",
        "Section 215 of the Patriot Act let the NSA collect phone records, lawmakers said.",
        "He was a Patriot in every sense, the mayor told the county board.",
        # Aviation: the FAA's ERAM, defined, and every later ERAM too.
        "The FAA said its En Route Automation Modernization (ERAM) system failed at the "
        "Chicago center; controllers fell back to paper strips. ERAM was back by noon.",
        "ERAM (En Route Automation Modernization) processes flight plans for air traffic "
        "controllers at 20 centers, the FAA says.",
        "An ERAM outage grounded flights at three airports as air traffic controllers waited.",
    ],
)
def test_other_senses_are_not_mentions(text: str) -> None:
    assert systems(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two Patriot batteries shot down Russian missiles over Kyiv.", ["patriot"]),
        ("Ukraine asked for Tomahawks; the cruise missiles could reach Moscow.", ["tomahawk"]),
        # An acronym defined as its own name confirms the weapon.
        (
            "The Extended Range Attack Munition (ERAM) is cheap. ERAM deliveries start soon.",
            ["eram"],
        ),
        ("The Pentagon approved 3,350 ERAM missiles for Ukraine.", ["eram"]),
        # A plain name elsewhere in the document is evidence for the everyday one.
        ("The MIM-104 entered service in 1984. Today Patriot is everywhere.", ["patriot"]),
        # War reporting that also uses another sense.
        ("A patriotic crowd cheered as the Patriot battery rolled into Rzeszow.", ["patriot"]),
        (
            "Fans watched the Patriots lose on Sunday.\n\nIn Kyiv, Patriot interceptors "
            "downed six Kinzhal missiles overnight.",
            ["patriot"],
        ),
    ],
)
def test_weapon_senses_are_mentions(text: str, expected: list[str]) -> None:
    assert systems(text) == expected


def test_one_sense_per_discourse_for_a_defined_acronym() -> None:
    text = (
        "ERAM went down at noon.\n"
        "The FAA's En Route Automation Modernization (ERAM) tracks planes.\n"
        "By evening ERAM was running again."
    )
    assert scan(text) == []


def test_acronym_definitions_follow_schwartz_hearst() -> None:
    assert long_form("ERAM", "the FAA's En Route Automation Modernization") == (
        "En Route Automation Modernization"
    )
    assert long_form("ERAM", "a brand new missile") is None
    text = "3,350 extended-range missiles (ERAM) for Kyiv"
    assert defined_as(text, 31, 35) == "extended-range missiles"
    # Spelt out in the system's own words: the weapon.
    assert systems(text) == ["eram"]


@pytest.mark.parametrize(
    ("name", "sense"),
    [
        ("BGM-109", "plain"),
        ("Patriot missile system", "plain"),
        ("Army Tactical Missile System", "plain"),
        ("JASSM baseline", "plain"),
        ("Tomahawk Block V", "plain"),
        ("ERAM", "acronym"),
        ("PrSM", "acronym"),
        ("IRIS-T", "acronym"),
        ("Patriot", "everyday"),
        ("Storm Shadow", "everyday"),
        ("Tactical Tomahawk", "everyday"),
    ],
)
def test_name_senses_are_read_from_the_data(name: str, sense: str) -> None:
    assert name_sense(name) == sense


def test_the_words_next_to_a_name_decide_on_their_own() -> None:
    assert reading("the Patriot Act passed", 4, 11) == "other"
    assert reading("New England Patriots won", 12, 20, 19) == "other"
    assert reading("Tomahawk, Wis., votes", 0, 8) == "other"
    assert reading("Patriot batteries", 0, 7) == "weapon"
    assert reading("Patriot said", 0, 7) is None


def test_other_systems_are_named_apart_and_never_counted() -> None:
    ours, others = scan_all(
        "HIMARS fired GMLRS rockets; Storm Shadow missiles and an AGM-158C followed, then ATACMS."
    )
    assert [m.system_id for m in ours] == ["atacms"]
    assert [m.system_id for m in others] == ["himars", "gmlrs", "storm-shadow", "lrasm"]


def test_a_designation_of_another_system_sharing_a_prefix_is_that_system() -> None:
    ours, others = scan_all("The Navy fired an AGM-158C at the hulk; an AGM-158B followed.")
    assert [(m.surface, m.system_id) for m in others] == [("AGM-158C", "lrasm")]
    assert [(m.surface, m.system_id, m.variant) for m in ours] == [
        ("AGM-158B", "jassm", "jassm-er")
    ]


def test_variants_are_reported_and_one_mention_each() -> None:
    mentions = scan("Kyiv received a Patriot PAC-3 battery and ATACMS Block IA missiles.")
    assert [(m.surface, m.variant) for m in mentions] == [
        ("Patriot PAC-3", "pac-3"),
        ("ATACMS Block IA", "block-ia"),
    ]


def test_identify_says_which_variant_and_get_agrees() -> None:
    for name, system, variant in [
        ("ATACMS Block 1A", "atacms", "block-ia"),
        ("MIM-104F", "patriot", "pac-3"),
        ("Patriot PAC-3", "patriot", "pac-3"),
        ("BGM-109E", "tomahawk", "block-iv"),
        ("JASSM", "jassm", None),
    ]:
        found = armsref.identify(name)
        assert (found.system.id, found.variant and found.variant.id) == (system, variant)
        assert armsref.get(name) is found.system


def test_a_known_other_system_is_said_to_be_one_and_nothing_is_suggested() -> None:
    with pytest.raises(armsref.UnknownSystemError) as caught:
        armsref.get("Storm Shadow")
    assert caught.value.known_other == ("Storm Shadow", "air-launched cruise missile")
    assert caught.value.suggestions == ()
    assert "did you mean" not in str(caught.value)


def test_suggestions_only_when_really_close_and_search_uses_the_same_scorer() -> None:
    with pytest.raises(armsref.UnknownSystemError) as caught:
        armsref.get("Tomahwak")
    assert caught.value.suggestions == ("tomahawk",)
    with pytest.raises(armsref.UnknownSystemError) as far:
        armsref.get("Tornado")
    assert far.value.suggestions == ()
    assert [s.id for s in armsref.search("tomahwak")][:1] == ["tomahawk"]


def test_a_document_with_too_many_held_candidates_is_decided_early() -> None:
    document = Discourse()
    kept: list[Candidate] = []
    for at in range(MAX_HELD + 5):
        kept += document.add(Candidate(0, at, at + 1, "ERAM", "acronym", "eram", weapon=1))
    # Decided once the limit was passed; the rest follow that decision at once.
    assert len(kept) == MAX_HELD + 5
    assert document.held == 0
    assert document.finish() == []


def test_a_family_designation_follows_the_system_the_document_names() -> None:
    # "AGM-158" is JASSM's designation, and LRASM's "AGM-158C" extends it.
    lrasm_only = "The F-35C carried two AGM-158s; the LRASM is an anti-ship missile."
    assert systems(lrasm_only) == []
    both = "The AGM-158 family: JASSM for land targets, LRASM for ships."
    assert systems(both) == ["jassm"]
    alone = "Two AGM-158s were loaded on the B-1B."
    assert systems(alone) == ["jassm"]

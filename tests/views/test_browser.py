"""The annotated page in a real browser: Debian's headless chromium through selenium.

Skipped, with the reason naming the missing package, where selenium (the
``browser`` extra) or the ``chromium`` / ``chromium-driver`` Debian packages
are missing; where ``ARMSREF_REQUIRE_EXTRAS=1`` (CI) a missing one fails.
``ARMSREF_SCREENSHOT=PATH`` also saves the screenshot there (how
``docs/annotated.png`` is made).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import armsref
from armsref.curation.intake import read_document
from armsref.extraction.pipeline import extract_all
from armsref.scanning.mentions import scan_all
from armsref.views.annotated import annotate, source_of
from armsref.views.chart import chart_svg_element, plot_available
from armsref.views.page import page
from tests.extras import need

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").iterdir())
#: The flags that keep chromium from reaching for a network it does not have.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)
#: What each marked element is, as the browser built it.
MARKED = """
return Array.from(document.querySelectorAll('[data-kind][data-start]')).map(function (e) {
  return [e.closest('section').id, e.dataset.kind, +e.dataset.start, +e.dataset.end,
          e.textContent];
});
"""


def _binary(*names: str) -> str | None:
    return next((found for name in names if (found := shutil.which(name))), None)


def _browser_or_skip() -> tuple[str, str]:
    need("selenium")
    chromium = _binary("chromium", "chromium-browser")
    driver = _binary("chromedriver")
    missing = [
        package
        for package, found in (("chromium", chromium), ("chromium-driver", driver))
        if found is None
    ]
    if missing:
        names = " ".join(missing)
        reason = f"needs the Debian package(s) {names}: apt-get install {names}"
        if os.environ.get("ARMSREF_REQUIRE_EXTRAS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    assert chromium is not None and driver is not None
    return chromium, driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    chromium, driver = _browser_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.binary_location = chromium
    session = webdriver.Chrome(options=options, service=Service(driver))
    try:
        yield session
    finally:
        session.quit()


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every seed annotated on one page, a section each, with the chart where it can be drawn."""
    dataset = armsref.load()
    docs = []
    for seed in SEEDS:
        raw, text = read_document(seed)
        docs.append(annotate(text, dataset, name=seed.name, source=source_of(raw, dataset)))
    path = tmp_path_factory.mktemp("annotated") / "review.html"
    path.write_text(page(docs, chart_svg_element(dataset)), encoding="utf-8")
    return path


def load(browser: Any, path: Path) -> None:
    """Open the page, with the mouse resting on its title (no figure hovered)."""
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(path.as_uri())
    ActionChains(browser).move_to_element(browser.find_element("css selector", "h1")).perform()


def test_the_page_loads_from_disk_and_fetches_nothing(browser: Any, seed_page: Path) -> None:
    load(browser, seed_page)
    assert browser.title.startswith("armsref: 000_")
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    sources = browser.execute_script(
        "return Array.from(document.querySelectorAll('[src],[href]'))"
        ".map(e => e.getAttribute('src') || e.getAttribute('href'))"
    )
    assert all(link.startswith("#") for link in sources)
    assert len(browser.find_elements("css selector", "section.document")) == len(SEEDS)
    if plot_available():
        chart = browser.find_element("css selector", "figure.chart svg")
        assert chart.is_displayed() and chart.size["height"] > 200
    else:
        assert browser.find_element("id", "chart-missing").is_displayed()


def test_every_mention_and_figure_is_marked_at_the_right_words(
    browser: Any, seed_page: Path
) -> None:
    load(browser, seed_page)
    shown = {tuple(row[:4]): row[4] for row in browser.execute_script(MARKED)}
    dataset = armsref.load()
    expected = {}
    for number, seed in enumerate(SEEDS, 1):
        _, text = read_document(seed)
        mentions, others = scan_all(text, dataset)
        result = extract_all(text, dataset)
        section = f"d{number}"
        expected |= {(section, "mention", m.start, m.end): m.surface for m in mentions}
        expected |= {(section, "other", m.start, m.end): m.surface for m in others}
        expected |= {
            (section, "figure", f.figure_start, f.figure_end): text[f.figure_start : f.figure_end]
            for f in (*result.findings, *result.unattributed)
        }
    assert shown == expected
    assert sum(1 for key in expected if key[1] == "figure") >= 5


def test_hovering_or_focusing_a_figure_shows_its_label(browser: Any, seed_page: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    load(browser, seed_page)
    figures = browser.find_elements("css selector", ".f[data-start]")
    first, second = figures[0], figures[1]
    label_of = {
        f: browser.find_element("id", f.get_attribute("aria-describedby")) for f in (first, second)
    }
    assert not label_of[first].is_displayed() and not label_of[second].is_displayed()
    browser.execute_script("arguments[0].focus()", first)
    assert label_of[first].is_displayed() and not label_of[second].is_displayed()
    assert "1: given to ATACMS; qualifier: exact; 300 kilometer = 190 mi" in label_of[first].text
    assert "in the dataset: atacms-1" in label_of[first].text
    name = browser.find_element("id", first.get_attribute("data-names"))
    assert "linked" in name.get_attribute("class").split()  # the page's own script ran
    browser.execute_script("arguments[0].blur()", first)
    assert not label_of[first].is_displayed()
    ActionChains(browser).move_to_element(second).perform()
    assert label_of[second].is_displayed() and "given to" in label_of[second].text


def test_the_keyboard_reaches_every_figure_and_print_shows_every_label(
    browser: Any, seed_page: Path
) -> None:
    from selenium.webdriver.common.keys import Keys

    load(browser, seed_page)
    figures = browser.find_elements("css selector", ".f[data-start]")
    reached = []
    for _ in range(4 * len(figures)):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        focused = browser.switch_to.active_element
        if "f" in (focused.get_attribute("class") or "").split():
            label = browser.find_element("id", focused.get_attribute("aria-describedby"))
            assert label.is_displayed()
            reached.append(focused.get_attribute("id"))
    assert set(reached) == {f.get_attribute("id") for f in figures}
    browser.execute_script("document.activeElement.blur()")
    labels = browser.find_elements("css selector", ".label")
    assert not any(label.is_displayed() for label in labels)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert all(label.is_displayed() for label in labels)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_a_screenshot_is_taken(browser: Any, seed_page: Path, tmp_path: Path) -> None:
    load(browser, seed_page)
    figure = browser.find_elements("css selector", "#d5 .f[data-start]")[0]
    browser.execute_script(
        "arguments[0].focus(); arguments[0].scrollIntoView({block: 'center'})", figure
    )
    shot = tmp_path / "annotated.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    if target := os.environ.get("ARMSREF_SCREENSHOT"):
        shutil.copyfile(shot, target)

"""``armsref annotate``, ``armsref chart`` and the chart after ``table --format html``."""

from __future__ import annotations

from pathlib import Path

import pytest

from armsref.cli import main
from tests.extras import need

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "004_0e120a5187f68c70.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def no_plot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("armsref.views.chart.plot_available", lambda: False)


def test_annotate_prints_the_page_on_stdout(
    capsys: pytest.CaptureFixture[str], no_plot: None
) -> None:
    code, out, err = run(capsys, "annotate", str(SEED))
    assert (code, err) == (0, "")
    assert out.startswith("<!DOCTYPE html>") and out.endswith("</html>\n")
    assert out.count('<section class="document"') == 1
    assert "trump-putin-call-tomahawks" in out and 'id="chart-missing"' in out


def test_annotate_writes_one_section_per_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, no_plot: None
) -> None:
    page = tmp_path / "review.html"
    html = tmp_path / "article.html"
    html.write_text("<p>The <b>ERAM</b> flies up to 450 km.</p><script>ATACMS</script>", "utf-8")
    code, out, err = run(capsys, "annotate", str(SEED), str(html), "-o", str(page))
    assert (code, out, err) == (0, "", "")
    written = page.read_text(encoding="utf-8")
    assert written.count('<section class="document"') == 2
    assert 'data-start="4" data-end="8"' in written  # ERAM in the page's visible text
    assert 'data-system="atacms"' not in written.split('id="d2"')[1]


def test_annotate_draws_the_chart_of_the_systems_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    need("matplotlib")
    article = tmp_path / "a.txt"
    article.write_text("The ERAM has a range of about 285 miles.", encoding="utf-8")
    code, out, _ = run(capsys, "annotate", str(article), "--unit", "mi")
    assert code == 0
    chart = out.split('<figure class="chart">')[1]
    assert chart.startswith("<svg") and "Extended Range Attack Munition" in chart
    assert "Tomahawk Land Attack Missile" not in chart and "range reported (mi)" in chart


def test_annotate_refuses_an_unreadable_document_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "review.html"
    code, out, err = run(capsys, "annotate", str(SEED), str(tmp_path / "gone.txt"), "-o", str(page))
    assert code == 1 and out == "" and not page.exists()
    assert err.count("\n") == 1 and "gone.txt" in err


def test_annotate_refuses_an_unknown_unit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "annotate", str(SEED), "--unit", "furlongs-ish")
    assert code == 2 and out == "" and err.count("\n") == 1


def test_chart_writes_svg_and_png(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    need("matplotlib")
    svg, png = tmp_path / "ranges.svg", tmp_path / "ranges.PNG"
    assert run(capsys, "chart", "--system", "BGM-109", "--unit", "nmi", "-o", str(svg))[0] == 0
    assert "range reported (nmi)" in svg.read_text(encoding="utf-8")
    assert run(capsys, "chart", "-o", str(png)) == (0, "", "")
    assert png.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        (["-o", "ranges.pdf"], 2, "written as .svg or .png, not 'pdf'"),
        (["--unit", "furlongs-ish", "-o", "ranges.svg"], 2, "furlongs-ish"),
        (["--system", "no such missile", "-o", "ranges.svg"], 1, "no such missile"),
    ],
)
def test_chart_refuses_bad_arguments_in_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    code: int,
    said: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    got, out, err = run(capsys, "chart", *argv)
    assert (got, out) == (code, "") and err.count("\n") == 1 and said in err
    assert list(tmp_path.iterdir()) == []


def test_chart_without_matplotlib_says_what_to_install(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "matplotlib", None)
    code, _, err = run(capsys, "chart", "-o", str(tmp_path / "r.svg"))
    assert code == 1 and "pip install 'armsref[plot]'" in err and err.count("\n") == 1


def test_table_html_is_followed_by_the_chart(capsys: pytest.CaptureFixture[str]) -> None:
    need("matplotlib")
    code, out, _ = run(capsys, "table", "--format", "html", "--system", "eram")
    assert code == 0 and out.startswith("<table>")
    figure = out.split('<figure class="armsref-chart">')[1]
    assert figure.startswith("<svg") and "Tomahawk" not in figure


def test_chart_and_table_html_follow_the_sources_chosen(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    need("matplotlib")
    source = "trump-asked-can-you-hit-moscow"
    code, _, _ = run(capsys, "chart", "--source", source, "-o", str(tmp_path / "r.svg"))
    drawn = (tmp_path / "r.svg").read_text(encoding="utf-8")
    assert code == 0 and f"{source}: " in drawn and "trump-putin-call-tomahawks" not in drawn
    code, out, _ = run(capsys, "table", "--format", "html", "--source", source)
    figure = out.split('<figure class="armsref-chart">')[1]
    assert code == 0 and f"{source}: " in figure and "trump-putin-call-tomahawks" not in figure


def test_table_html_without_matplotlib_says_so(
    capsys: pytest.CaptureFixture[str], no_plot: None
) -> None:
    code, out, _ = run(capsys, "table", "--format", "html")
    assert code == 0 and "needs matplotlib" in out
    assert "matplotlib" not in run(capsys, "table", "--format", "github")[1]

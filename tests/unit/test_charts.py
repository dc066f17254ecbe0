"""Build-time SVG charts: valid XML, accessible, themable, and showing exactly the data's numbers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from showcase.charts.bars import Bar, Column, render_columns, render_horizontal_bars
from showcase.charts.lines import VALUE_SIZE, LineSeries, TargetLine, render_line_chart
from showcase.charts.registry import CHARTS, render_chart
from showcase.charts.svg import check_id_prefix, text_width, wrap_text
from showcase.stats.data_files import load_statistics
from showcase.stats.era import year_label

ROOT = Path(__file__).resolve().parents[2]
NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def tables():
    loaded, problems = load_statistics(ROOT / "data", ROOT)
    assert problems == []
    return loaded


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element, cls: str) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{NS}text") if cls in (node.get("class") or "").split()]


def series_values(tables, table_id: str, key: str) -> list[float]:
    return [row.value(key) for row in tables[table_id].spec.rows]


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_every_chart_is_accessible_responsive_and_themable(tables, chart_id):
    svg = render_chart(chart_id, tables, f"chart-{chart_id}")
    root = parse(svg)
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%" and root.get("height") is None
    assert re.fullmatch(r"0 0 \d+(\.\d)? \d+(\.\d)?", root.get("viewBox"))
    assert root.get("preserveAspectRatio") == "xMidYMid meet"
    title_id, desc_id = root.get("aria-labelledby").split()
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert (title.get("id"), desc.get("id")) == (title_id, desc_id) == (f"chart-{chart_id}-title", f"chart-{chart_id}-desc")
    assert title.text == tables[CHARTS[chart_id].table_id].title or title.text.endswith(("の推移", "（複数回答）"))
    assert "出典：総務省「" in desc.text
    for node in root.iter():
        for attribute in ("fill", "stroke"):
            value = node.get(attribute)
            assert value in (None, "none") or value.startswith("var(--cs-"), (node.tag, attribute, value)
        if node.tag == f"{NS}text":
            assert float(node.get("font-size")) >= 13
            assert float(node.get("x")) >= 0
    assert {"cs-chart", f"cs-chart--{root.get('class').split('--')[1]}"} <= set(root.get("class").split())


def test_rmo_growth_line_shows_every_value_of_both_series(tables):
    root = parse(render_chart("rmo-growth", tables, "g"))
    shown = texts(root, "cs-line-value")
    expected = [f"{v:,.0f}" for v in series_values(tables, "rmo-growth", "organisations")]
    expected += [f"{v:,.0f}" for v in series_values(tables, "rmo-growth", "municipalities")]
    assert shown == expected
    legend = ["".join(n.itertext()) for g in root.iter(f"{NS}g") if g.get("class") == "cs-chart-legend-item"
              for n in g.iter(f"{NS}text")]
    assert legend == ["地域運営組織数（団体）", "形成市区町村数（市区町村）"]
    paths = [p for p in root.iter(f"{NS}path") if p.get("class") == "cs-line"]
    assert [p.get("stroke-dasharray") for p in paths] == [None, "8 5"]  # told apart by dash, not only colour
    assert {m.tag for m in root.iter() if m.get("class") == "cs-line-marker"} == {f"{NS}circle", f"{NS}rect"}


def test_kyoryokutai_line_has_the_target_beyond_the_data(tables):
    root = parse(render_chart("kyoryokutai-growth", tables, "k"))
    assert texts(root, "cs-line-value") == [f"{v:,.0f}" for v in series_values(tables, "kyoryokutai-growth", "members")]
    assert texts(root, "cs-chart-target-label") == ["目標 10,000人（令和8年度）"]
    x_labels = texts(root, "cs-chart-xlabel")
    assert "2026" in x_labels and "R8" in x_labels and "2023" in x_labels and "2009" in x_labels
    assert "10,000" in texts(root, "cs-chart-tick")
    desc = root.find(f"{NS}desc").text
    assert f"{year_label(2023)} 7,200人" in desc and "目標 10,000人（令和8年度）" in desc


def boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    found = []
    for node in root.iter(f"{NS}text"):
        if node.get("class") != "cs-line-value":
            continue
        x, y, w = float(node.get("x")), float(node.get("y")), text_width(node.text, VALUE_SIZE)
        found.append((x - w / 2, y - VALUE_SIZE * 0.8, x + w / 2, y + VALUE_SIZE * 0.2))
    return found


@pytest.mark.parametrize("chart_id", ["rmo-growth", "kyoryokutai-growth"])
def test_line_value_labels_do_not_overlap_and_stay_inside(tables, chart_id):
    root = parse(render_chart(chart_id, tables, "o"))
    width = float(root.get("viewBox").split()[2])
    placed = boxes(root)
    for index, a in enumerate(placed):
        assert 0 <= a[0] and a[2] <= width
        for b in placed[index + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_columns_and_year_bars_show_every_value(tables):
    columns = parse(render_chart("rmo-organisations", tables, "c"))
    assert texts(columns, "cs-column-value") == [f"{v:,.0f}" for v in series_values(tables, "rmo-growth", "organisations")]
    assert texts(columns, "cs-chart-unit") == ["（団体）"]
    bars = parse(render_chart("kyoryokutai-municipalities", tables, "b"))
    values = series_values(tables, "kyoryokutai-growth", "municipalities")
    assert texts(bars, "cs-bar-value") == [f"{v:,.0f}団体" for v in values]
    assert texts(bars, "cs-bar-label")[0] == "H21（2009）" and texts(bars, "cs-bar-label")[10] == "R元（2019）"
    members = parse(render_chart("kyoryokutai-members", tables, "m"))
    assert texts(members, "cs-bar-value")[-1] == "7,200人"


@pytest.mark.parametrize("chart_id", [c for c in sorted(CHARTS) if c.startswith("rmo-survey-")])
def test_survey_bars_show_every_percentage(tables, chart_id):
    table = tables[CHARTS[chart_id].table_id]
    root = parse(render_chart(chart_id, tables, "s"))
    assert texts(root, "cs-bar-value") == [f"{row.value:.1f}%" for row in table.spec.rows]
    labels = "".join(texts(root, "cs-bar-label"))
    for row in table.spec.rows:
        assert row.label in labels
    widths = [float(r.get("width")) for r in root.iter(f"{NS}rect") if r.get("class") == "cs-bar"]
    track = max(float(r.get("width")) for r in root.iter(f"{NS}rect") if r.get("class") == "cs-bar-track")
    assert widths == pytest.approx([track * row.value / 100 for row in table.spec.rows], abs=0.1)


def test_base_and_row_level_multiple_answer_are_labelled(tables):
    base = "".join(texts(parse(render_chart("rmo-survey-base", tables, "a")), "cs-bar-label"))
    assert "公共施設を使用（活動拠点を有する団体のうち）" in base
    income = "".join(texts(parse(render_chart("rmo-survey-income", tables, "i")), "cs-bar-label"))
    assert "（複数回答）" in income
    issues = parse(render_chart("rmo-survey-issues", tables, "j"))
    assert issues.find(f"{NS}title").text == "地域運営組織の課題（令和5年度）（複数回答）"


def test_several_charts_on_one_page_never_share_an_id(tables):
    page = "<div>" + "".join(render_chart(chart_id, tables, f"fig{n}")
                             for n, chart_id in enumerate(["rmo-growth", "kyoryokutai-growth", "rmo-survey-forms",
                                                           "rmo-organisations"])) + "</div>"
    ids = [node.get("id") for node in ET.fromstring(page).iter() if node.get("id")]
    assert len(ids) == 12  # svg, title and desc of each
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    same_prefix = "<div>" + render_chart("rmo-growth", tables, "x") + render_chart("rmo-survey-forms", tables, "x") + "</div>"
    assert len({n.get("id") for n in ET.fromstring(same_prefix).iter() if n.get("id")}) == 3  # the caller's duty


def test_text_is_escaped_and_wrapped():
    label = "<b>&「とても長いラベル」</b>" * 4
    svg = render_horizontal_bars(id_prefix="e", title="A & <B>", desc="<script>", bars=[Bar(label, 50, "50.0%")],
                                 max_value=100)
    root = parse(svg)
    assert root.find(f"{NS}title").text == "A & <B>" and root.find(f"{NS}desc").text == "<script>"
    lines = texts(root, "cs-bar-label")
    assert len(lines) > 1 and "".join(lines) == label
    assert all(text_width(line, 17) <= 480 - 16 for line in lines)


def test_wrap_keeps_closing_marks_off_line_starts():
    for line in wrap_text("地域の防犯・防災・交通安全に関わる団体（消防団など）、その他", 17, 120)[1:]:
        assert line[0] not in "、。）」・"


def test_bad_id_prefix_is_refused():
    for prefix in ("", "1abc", "a b", 'a"b', "x" * 80):
        with pytest.raises(ValueError):
            check_id_prefix(prefix)
    with pytest.raises(ValueError):
        render_columns(id_prefix="ok", title="t", desc="d", columns=[], unit="人")


def test_generic_line_chart_with_gaps_and_three_series():
    series = [LineSeries(f"s{i}", (1.0 * i, None, 3.0 + i), (str(i), "", str(3 + i))) for i in range(3)]
    root = parse(render_line_chart(id_prefix="l", title="t", desc="d", x_labels=[("a",), ("b",), ("c",), ("d",)],
                                   series=series, target=TargetLine(3, 10, "目標 10")))
    assert texts(root, "cs-line-value") == ["0", "3", "1", "4", "2", "5"]
    assert [p.get("d").count("L") for p in root.iter(f"{NS}path")] == [1, 1, 1]
    assert texts(root, "cs-chart-target-label") == ["目標 10"]


def test_columns_renderer_labels_years():
    root = parse(render_columns(id_prefix="c", title="t", desc="d", unit="団体",
                                columns=[Column((str(2000 + i), f"H{12 + i}"), i * 10.0, f"{i * 10}") for i in range(20)]))
    assert texts(root, "cs-column-value") == [str(i * 10) for i in range(20)]
    years = texts(root, "cs-chart-xlabel")
    assert "2019" in years and "2000" in years  # first and last always labelled
    assert len(years) < 40  # thinned out so neighbours never touch


def test_render_chart_errors_name_the_problem(tables):
    with pytest.raises(KeyError, match="no chart 'nope'"):
        render_chart("nope", tables, "x")
    with pytest.raises(KeyError, match="needs table 'rmo-growth'"):
        render_chart("rmo-growth", {}, "x")


def test_output_is_deterministic(tables):
    assert render_chart("kyoryokutai-growth", tables, "d") == render_chart("kyoryokutai-growth", tables, "d")

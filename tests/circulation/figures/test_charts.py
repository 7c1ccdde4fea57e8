"""The charts are SVG images with no script, as data: URIs (pure, pygal)."""

import base64

from rt.infodoc.circulation.figures import charts


def _svg(uri):
    assert uri.startswith("data:image/svg+xml;base64,")
    return base64.b64decode(uri.split(",", 1)[1]).decode("utf-8")


def test_grouped_bars_are_svg_without_script():
    svg = _svg(charts.grouped_bars("Prêts", ["janv.", "févr."], [("Prêts", [3, 5])]))
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<script" not in svg and "Prêts" in svg


def test_horizontal_bars_grow_with_their_rows():
    rows = [(f"Site {n}", n) for n in range(20)]
    small = _svg(charts.horizontal_bars("Par site", rows[:2], "Prêts"))
    large = _svg(charts.horizontal_bars("Par site", rows, "Prêts"))
    assert 'viewBox="0 0 720 220"' in small
    assert 'viewBox="0 0 720 580"' in large
    assert "Site 19" in large and "<script" not in large


def test_small_counts_get_whole_number_guides():
    svg = _svg(charts.grouped_bars("Prêts", ["janv."], [("Prêts", [3])]))
    assert ">0.5<" not in svg and ">3<" in svg

"""The charts of the figures page, drawn as SVG by pygal (pure Python, no Zope).

Each chart is returned as a ``data:`` URI for an ``<img>`` element: the page needs
no script (the portal's Content-Security-Policy allows ``img-src data:``) and the
numbers stay in the accessible table printed beside each chart.  pygal's own
tooltips script is switched off (``js=[]``) and its config script dropped.
"""

import base64
import re

import pygal
from pygal.style import Style

# The portal's colours (theme/), contrasted enough on white.
STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f2933",
    foreground_strong="#1f2933",
    foreground_subtle="#52606d",
    colors=("#0b5cad", "#b4461c", "#2f7d32", "#6b3fa0", "#8a6d00", "#00727a"),
    font_family="sans-serif",
    label_font_size=12,
    major_label_font_size=12,
    legend_font_size=13,
    title_font_size=15,
    value_font_size=11,
)


def _config(chart_class, title, **extra):
    options = {
        "title": title,
        "style": STYLE,
        "js": [],
        "width": 720,
        "height": 360,
        "print_values": False,
        "show_y_guides": True,
        "legend_at_bottom": True,
        "truncate_label": 40,
        "truncate_legend": 40,
    }
    options.update(extra)
    return chart_class(**options)


_SCRIPT = re.compile(rb"<script[^>]*>.*?</script>", re.S)


def _data_uri(chart):
    svg = chart.render()
    if isinstance(svg, str):
        svg = svg.encode("utf-8")
    # pygal always writes its config as a script; an <img> never runs it, drop it
    svg = _SCRIPT.sub(b"", svg)
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def _whole_numbers(values):
    """Guides at whole numbers when the counts are small (no "0.2 prêt")."""
    top = max([0, *values])
    return list(range(0, top + 1)) if top < 10 else None


def grouped_bars(title, labels, series):
    """Vertical bars, one group per label; ``series`` is [(name, [values])]."""
    series = [(name, list(values)) for name, values in series]
    chart = _config(pygal.Bar, title, x_label_rotation=0)
    chart.x_labels = labels
    chart.y_labels = _whole_numbers([v for _n, values in series for v in values])
    for name, values in series:
        chart.add(name, values)
    return _data_uri(chart)


def horizontal_bars(title, rows, series_name):
    """One horizontal bar per (label, value) row, largest first (top)."""
    rows = list(rows)
    chart = _config(
        pygal.HorizontalBar,
        title,
        height=max(220, 60 + 26 * len(rows)),
        show_legend=False,
    )
    chart.x_labels = [label for label, _value in reversed(rows)]
    chart.y_labels = _whole_numbers([value for _label, value in rows])
    chart.add(series_name, [value for _label, value in reversed(rows)])
    return _data_uri(chart)

"""The French months of rt/infodoc/french_dates.py: one list for the whole
add-on, message ids of the French catalogue, no Zope (milliseconds)."""

import ast
import datetime
import re
from pathlib import Path

from rt.infodoc import french_dates

REPO = Path(__file__).resolve().parents[1]
PO = REPO / "src/rt/infodoc/locales/fr/LC_MESSAGES/rt.infodoc.po"
NAMES = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
).split()


def test_long_dates():
    assert french_dates.long_date(datetime.date(2022, 2, 3)) == "3 février 2022"
    assert french_dates.long_date(datetime.date(2011, 3, 1)) == "1er mars 2011"
    assert french_dates.long_date(datetime.datetime(2026, 12, 31, 23, 59)) == "31 décembre 2026"
    assert [french_dates.month_name(m) for m in range(1, 13)] == NAMES
    # plain text, not message ids: safe in JSON, CSV and templates
    assert type(french_dates.long_date(datetime.date(2027, 8, 1))) is str
    assert type(french_dates.month_name(8)) is str


def test_every_word_goes_through_the_translator():
    def marked(message):
        return f"<{message.domain}:{message}>"

    assert (
        french_dates.long_date(datetime.date(2027, 7, 1), marked)
        == "<rt.infodoc:1er> <rt.infodoc:juillet> 2027"
    )
    assert french_dates.long_date(datetime.date(2027, 8, 15), marked) == "15 <rt.infodoc:août> 2027"


def test_the_names_are_message_ids_of_the_french_catalogue():
    text = PO.read_text(encoding="utf-8")
    for name in [*NAMES, "1er"]:
        assert re.search(rf'^msgid "{name}"\nmsgstr "{name}"$', text, re.M), name
    assert [m.domain for m in french_dates.MONTHS] == ["rt.infodoc"] * 12


def test_no_other_module_spells_the_months():
    """A new list of months elsewhere in src/ or theme/ fails here: read it from
    french_dates (its ``MONTHS``, ``SHORT_MONTHS``, ``month_name`` or ``long_date``)."""
    found = []
    for path in [*(REPO / "src").rglob("*.py"), *(REPO / "theme").glob("*.py")]:
        if path.name == "french_dates.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in (
                "janvier",
                "septembre",
                "janv.",
                "sept.",
            ):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not found, found


def test_imports_nothing_but_the_message_factory():
    """No Zope: the package's ``_`` is all it takes (the purity test of
    circulation's figures and reminders loads it in a bare interpreter too)."""
    tree = ast.parse(Path(french_dates.__file__).read_text(encoding="utf-8"))
    imports = [
        (node.module, [alias.name for alias in node.names])
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
    ]
    assert imports == [("rt.infodoc", ["_"])]

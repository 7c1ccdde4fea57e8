"""The French catalogue (make i18n): in sync with the code, every entry translated,
compiled, and used by Zope's translation machinery (#12)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pythongettext.msgfmt import Msgfmt

REPO = Path(__file__).resolve().parents[2]
LOCALES = REPO / "src" / "rt" / "infodoc" / "locales"
FR = LOCALES / "fr" / "LC_MESSAGES"
ENTRY = re.compile(
    r'((?:#[^\n]*\n)*)msgid ((?:"(?:[^"\\]|\\.)*"\n?)+)msgstr ((?:"(?:[^"\\]|\\.)*"\n?)+)'
)


def entries(po):
    def text(block):
        return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))

    return [
        (comments, text(msgid), text(msgstr))
        for comments, msgid, msgstr in ENTRY.findall(po.read_text(encoding="utf-8"))
        if text(msgid)
    ]


def test_catalogue_is_in_sync_with_the_code():
    """Every msgid of the code and templates is in rt.infodoc.pot (make i18n ran)."""
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "i18n"), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr


def test_every_msgid_of_the_pot_has_a_french_translation():
    pot = {msgid for _c, msgid, _s in entries(LOCALES / "rt.infodoc.pot")}
    french = {msgid: msgstr for _c, msgid, msgstr in entries(FR / "rt.infodoc.po")}
    assert len(pot) > 400
    missing = sorted(pot - set(french))
    assert not missing, f"not in fr/rt.infodoc.po: {missing[:10]}"
    untranslated = sorted(m for m in pot if not french[m])
    assert not untranslated, f"no French translation: {untranslated[:10]}"
    fuzzy = [m for c, m, _s in entries(FR / "rt.infodoc.po") if "fuzzy" in c]
    assert not fuzzy


@pytest.mark.parametrize("name", ["rt.infodoc", "plone", "widgets", "solr"])
def test_compiled_catalogue_matches_its_po(name):
    """The committed .mo is the compilation of the .po: a fresh install translates."""
    po = FR / f"{name}.po"
    with po.open("rb") as source:
        compiled = Msgfmt(source, name=str(po)).get()
    assert (FR / f"{name}.mo").read_bytes() == compiled, "run make i18n"


def test_no_english_left_in_the_french_catalogue():
    english = re.compile(r"\b(the|and|of|Search|Close|Related|Items|Settings|Send)\b")
    for po in FR.glob("*.po"):
        for _comments, msgid, msgstr in entries(po):
            assert not english.search(msgstr), (po.name, msgid, msgstr)

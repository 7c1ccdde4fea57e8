"""Set specs of the provider, as pure functions."""

from rt.infodoc.oaiprovider.sets import header_sets
from rt.infodoc.oaiprovider.sets import parse_spec
from rt.infodoc.oaiprovider.sets import set_list
from rt.infodoc.oaiprovider.sets import sets_in_spec


def test_header_sets_from_catalog_values():
    assert header_sets(["sante", "jeunesse"], "rapport", "notice") == (
        "theme:sante",
        "theme:jeunesse",
        "type:rapport",
    )
    assert header_sets(None, None, "confat") == ("production:confat",)
    # Periodicals and teaching kits are records but not a production set.
    assert header_sets((), None, "mallette") == ()
    # A token that cannot be a setSpec is left out rather than break the XML schema.
    assert header_sets(["mauvais jeton"], None, None) == ()


def test_set_list_has_parents_and_french_names():
    listed = dict(set_list([("sante", "Santé")], [("rapport", "Rapport")]))
    assert listed["theme"] == "Thématiques"
    assert listed["theme:sante"] == "Santé"
    assert listed["type:rapport"] == "Rapport"
    assert listed["production"] == "Productions du centre"
    assert listed["production:fiche-experience"] == "Fiches expériences"
    assert listed["production:confat"] == "Conf'At'"
    assert listed["production:dossier"] == "Dossiers thématiques"
    assert listed["production:panorama"] == "Panoramas de presse"


def test_parse_spec():
    assert parse_spec("theme:sante") == ("themes", "sante")
    assert parse_spec("theme") == ("themes", None)
    assert parse_spec("type:rapport") == ("document_type", "rapport")
    assert parse_spec("production:confat") == ("production_kind", "confat")
    for unknown in ("production:mallette", "auteur:x", "theme:", "theme:a:b", ""):
        assert parse_spec(unknown) is None, unknown


def test_hierarchy():
    assert sets_in_spec(("theme:sante",), "theme")
    assert sets_in_spec(("theme:sante",), "theme:sante")
    assert not sets_in_spec(("theme:sante",), "theme:sant")
    assert not sets_in_spec(("type:rapport",), "theme")

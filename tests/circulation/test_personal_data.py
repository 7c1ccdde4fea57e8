"""circulation/personal_data.py: a borrower's export as the borrower reads it
(French labels and words, no internal field), in pure Python."""

import ast
from datetime import date
from datetime import datetime
from pathlib import Path

from rt.infodoc.circulation import personal_data

DATA = {
    "emprunteur": {
        "id": "L000042",
        "kind": "personne",
        "name": "Bernard Élodie",
        "category": "adherent",
        "email": "elodie.bernard@example.org",
        "phone": "",
        "structure": "",
        "home_site": "foix",
        "membership_year": 2026,
        "expires": date(2027, 6, 30),
        "member_id": "",
        "blocked": "",
        "created": date(2026, 1, 5),
        "notes": "",
    },
    "prets": [
        {
            "id": 7,
            "uid": "9f0c1",
            "barcode": "RT000001",
            "doc_type": "ouvrage",
            "borrower_id": "L000042",
            "category": "adherent",
            "site": "toulouse",
            "start": datetime(2026, 3, 2, 10, 15),
            "due": date(2026, 3, 30),
            "renewals": 1,
            "returned": datetime(2026, 3, 28, 16, 0),
            "return_site": "foix",
            "override": "",
            "overridden": [],
            "staff": "doc",
        }
    ],
    "reservations": [],
    "visites": [{"id": 3, "when": datetime(2026, 3, 2, 10, 0), "site": "toulouse", "first": True}],
}
TITLES = {
    "site": {"toulouse": "Toulouse", "foix": "Foix"},
    "category": {"adherent": "Adhérent"},
    "doc_type": {"ouvrage": "Ouvrage"},
    "kind": {"personne": "Personne"},
    "reservation_status": {},
    "document": {"9f0c1": "La France de l'illettrisme"},
}


def test_french_labels_words_and_dates():
    shown = personal_data.readable(DATA, TITLES)
    reader = shown["Emprunteur"]
    assert reader["Carte"] == "L000042"
    assert reader["Catégorie"] == "Adhérent"
    assert reader["Site de rattachement"] == "Foix"
    assert reader["Inscription valable jusqu'au"] == "30/06/2027"
    (loan,) = shown["Prêts"]
    assert loan["Document"] == "La France de l'illettrisme"
    assert loan["Prêté le"] == "02/03/2026 10:15"
    assert loan["Rendu à"] == "Foix"
    assert loan["Type de document"] == "Ouvrage"
    assert shown["Visites"] == [
        {"Date": "02/03/2026 10:00", "Site": "Toulouse", "Premier accueil": "oui"}
    ]
    assert shown["Réservations"] == []


def test_no_internal_field_reaches_the_reader():
    text = repr(personal_data.readable(DATA, TITLES))
    for internal in ("uid", "9f0c1", "borrower_id", "staff", "overridden", "home_site", "doc"):
        assert f"'{internal}'" not in text


def test_a_code_without_title_stays_as_it_is():
    shown = personal_data.readable(DATA, {**TITLES, "site": {}, "document": {}})
    assert shown["Emprunteur"]["Site de rattachement"] == "foix"
    assert shown["Prêts"][0]["Document"] == "9f0c1"


def test_csv_rows_name_each_loan():
    rows = personal_data.csv_rows(personal_data.readable(DATA, TITLES))
    assert ("Emprunteur", "Nom", "Bernard Élodie") in rows
    assert ("Prêt 1", "Code-barres", "RT000001") in rows
    assert ("Visite 1", "Premier accueil", "oui") in rows


def test_pure_python():
    tree = ast.parse(Path(personal_data.__file__).read_text(encoding="utf-8"))
    modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert all(not m.startswith(("zope", "Products", "plone")) for m in modules), modules

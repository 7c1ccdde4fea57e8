"""REST: authors and speakers are JSON lists of objects, read and written through
plone.restapi; a bad row is refused with a French message naming it, and nothing
is written."""

import ast

import pytest
import requests
import transaction
from structured_site import AUTH
from structured_site import AUTHORS
from structured_site import SPEAKERS

JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def _get(url):
    response = requests.get(url, headers=JSON, auth=AUTH, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def _messages(response):
    """The French messages of plone.restapi's 400 answer (a list written as text)."""
    return [error["message"] for error in ast.literal_eval(response.json()["message"])]


def _patch(url, body):
    return requests.patch(url, json=body, headers=JSON, auth=AUTH, timeout=30)


def test_get_gives_lists_of_objects(rows_site):
    assert _get(rows_site["notice"].absolute_url())["authors"] == AUTHORS
    assert _get(rows_site["confat"].absolute_url())["speakers"] == SPEAKERS


def test_patch_stores_plain_rows_with_codes(rows_site):
    url = rows_site["notice"].absolute_url()
    response = _patch(
        url,
        {
            "authors": [
                {"name": "Lahire,  Bernard", "kind": "person", "function": "070", "role": "main"},
                {"name": "Dupont, Marie", "function": "Traducteur", "role": "Auteur secondaire"},
                {"name": "Ville de Toulouse", "kind": "Collectivité"},
            ]
        },
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    stored = rows_site["portal"]["fonds"]["illettrisme-fabrique"].authors
    assert stored == [
        AUTHORS[0],
        {"name": "Dupont, Marie", "kind": "person", "function": "730", "role": "secondary"},
        {"name": "Ville de Toulouse", "kind": "corporate", "function": None, "role": "coauthor"},
    ]
    assert type(stored) is list and all(type(row) is dict for row in stored)
    assert _get(url)["authors"] == stored

    url = rows_site["confat"].absolute_url()
    assert _patch(url, {"speakers": [{"name": "Élise Fabre"}]}).status_code == 204
    assert _get(url)["speakers"] == [{"name": "Élise Fabre", "title": None, "affiliation": None}]
    assert _patch(url, {"speakers": None}).status_code == 204
    assert _get(url)["speakers"] == []


BAD = [
    (
        "authors",
        [{"name": "A"}, {"role": "main"}],
        "Auteurs, ligne 2 : le nom est obligatoire.",
    ),
    (
        "authors",
        [{"name": "A", "function": "999"}],
        "Auteurs, ligne 1 : fonction « 999 » inconnue : un code de fonction UNIMARC est "
        "attendu (070 : auteur, 340 : éditeur scientifique, 730 : traducteur…).",
    ),
    (
        "authors",
        [{"name": "A", "kind": "robot"}],
        "Auteurs, ligne 1 : type « robot » inconnu (person pour une personne, corporate "
        "pour une collectivité).",
    ),
    (
        "authors",
        [{"name": "A", "role": "chef"}],
        "Auteurs, ligne 1 : responsabilité « chef » inconnue (main : auteur principal, "
        "coauthor : autre auteur, secondary : auteur secondaire).",
    ),
    (
        "authors",
        '[{"name": "A"}]',
        "Auteurs : une liste de lignes est attendue.",
    ),
    (
        "speakers",
        [{"name": "A", "email": "a@example.org"}],
        "Intervenant·e·s, ligne 1 : la clé « email » est inconnue (clés possibles : "
        "name, title, affiliation).",
    ),
    (
        "speakers",
        ["Hervé Adami"],
        "Intervenant·e·s, ligne 1 : un objet {« name » : …} est attendu, pas 'Hervé Adami'.",
    ),
    (
        "speakers",
        [{"name": "A", "title": 3}],
        "Intervenant·e·s, ligne 1 : « title » doit être un texte.",
    ),
]


@pytest.mark.parametrize("field, value, message", BAD, ids=[m[:40] for _f, _v, m in BAD])
def test_a_bad_row_is_refused_in_french_and_nothing_is_written(rows_site, field, value, message):
    obj = rows_site["notice"] if field == "authors" else rows_site["confat"]
    response = _patch(obj.absolute_url(), {field: value, "title": "Titre changé"})
    assert response.status_code == 400, response.text
    assert _messages(response) == [message]
    transaction.begin()
    assert getattr(obj, field) == (AUTHORS if field == "authors" else SPEAKERS)
    assert obj.Title() != "Titre changé"


def test_a_notice_keeps_its_own_marc21_codes_through_rest(rows_site):
    """A function code of a MARC 21 record ("aut") is taken for the Notice holding it,
    not for another one."""
    notice = rows_site["notice"]
    notice.authors = [{"name": "Smith, John", "role": "main", "function": "aut"}]
    transaction.commit()
    body = {"authors": [{"name": "Smith, John", "function": "aut"}, {"name": "B"}]}
    assert _patch(notice.absolute_url(), body).status_code == 204
    transaction.begin()
    assert [a["function"] for a in notice.authors] == ["aut", None]
    other = _patch(rows_site["base"] + "/fonds", {"title": "Fonds"})  # a folder: no authors
    assert other.status_code == 204
    created = requests.post(
        rows_site["base"] + "/fonds",
        json={"@type": "Notice", "title": "Autre", "authors": [{"name": "X", "function": "aut"}]},
        headers=JSON,
        auth=AUTH,
        timeout=30,
    )
    assert created.status_code == 400
    assert "fonction « aut » inconnue" in _messages(created)[0]


def test_the_types_schema_describes_the_rows(rows_site):
    schema = _get(rows_site["base"] + "/@types/Notice")
    authors = schema["properties"]["authors"]
    assert authors["title"] == "Auteurs" and authors["type"] == "array"
    assert "\\u00" not in str(authors)

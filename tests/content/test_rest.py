"""Every type can be created and read back through plone.restapi."""

import pytest
import requests
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

AUTH = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
JSON = {"Accept": "application/json", "Content-Type": "application/json"}

CASES = [
    (
        "fonds",
        {
            "@type": "Notice",
            "title": "Illettrisme : les chiffres clés",
            "authors": [
                {
                    "name": "Agence nationale de lutte contre l'illettrisme",
                    "kind": "corporate",
                    "function": "070",
                    "role": "main",
                }
            ],
            "publisher": "ANLCI",
            "place": "Lyon",
            "year": 2013,
            "isbn": ["978-2-9540000-1-1"],
            "document_type": "rapport",
            "support": "papier",
            "doc_language": "fre",
            "themes": ["savoirs-de-base"],
            "territory": ["national"],
            "descriptors": ["Illettrisme", "Statistiques"],
            "items": [{"barcode": "RT000123", "call_number": "374 ILL", "site": "toulouse"}],
        },
    ),
    (
        "fiches-experiences",
        {
            "@type": "FicheExperience",
            "title": "Des ateliers d'écriture au quartier",
            "fiche_number": "n°1/2011",
            "date": "2011-03-01",
            "structure": "Centre social",
            "partners": ["Ville de Toulouse"],
            "themes": ["savoirs-de-base"],
            "territory": ["31"],
            "text": {
                "data": "<p>Des habitants écrivent.</p>",
                "content-type": "text/html",
                "encoding": "utf-8",
            },
        },
    ),
    (
        "conf-at",
        {
            "@type": "ConfAt",
            "title": "Les gens du voyage",
            "series": "Conf'At' 2011",
            "date": "2011-05-12",
            "place": "Toulouse",
            "speakers": [{"name": "Marie Dupont", "title": "sociologue", "affiliation": "UT2J"}],
            "participants": 42,
            "workshop_participants": 16,
        },
    ),
    (
        "dossiers",
        {"@type": "DossierThematique", "title": "Réussite éducative", "themes": ["education"]},
    ),
    (
        "panoramas",
        {"@type": "PanoramaPresse", "title": "Panorama de presse de mars", "date": "2022-03-31"},
    ),
    (
        "periodiques",
        {
            "@type": "Periodique",
            "title": "Diversité",
            "issn": "1769-8588",
            "frequency": "trimestriel",
        },
    ),
    (
        "mallettes",
        {
            "@type": "Mallette",
            "title": "Mallette du formateur",
            "relay_site": "foix",
            "contents_list": ["Lire et écrire au quotidien"],
        },
    ),
]


@pytest.fixture()
def base(functional):
    transaction.commit()
    return f"http://{functional['host']}:{functional['port']}/plone"


def test_types_endpoint_lists_the_new_types(base):
    types = requests.get(f"{base}/@types", headers=JSON, auth=AUTH, timeout=30).json()
    titles = {t["title"] for t in types}
    assert {
        "Notice",
        "Fiche expérience",
        "Conf'At'",
        "Dossier thématique",
        "Panorama de presse",
        "Périodique",
        "Mallette pédagogique",
    } <= titles


@pytest.mark.parametrize("section,body", CASES, ids=[c[1]["@type"] for c in CASES])
def test_create_and_read_back(base, section, body):
    created = requests.post(f"{base}/{section}", json=body, headers=JSON, auth=AUTH, timeout=30)
    assert created.status_code == 201, created.text
    url = created.json()["@id"]
    data = requests.get(url, headers=JSON, auth=AUTH, timeout=30).json()
    assert data["@type"] == body["@type"]
    for key, value in body.items():
        if key in ("@type", "text"):
            continue
        got = data[key]
        if (
            isinstance(value, list)
            and value
            and isinstance(value[0], str)
            and key in ("themes", "territory")
        ):
            got = [t["token"] for t in got]
        elif key in ("document_type", "support", "relay_site", "doc_language"):
            got = got["token"]
        assert got == value, key
    if "text" in body:
        assert "Des habitants écrivent." in data["text"]["data"]


def test_child_types_inside_their_parent(base):
    requests.post(f"{base}/panoramas", json=CASES[4][1], headers=JSON, auth=AUTH, timeout=30)
    item = requests.post(
        f"{base}/panoramas/panorama-de-presse-de-mars",
        json={
            "@type": "PressItem",
            "title": "Quartiers : la rénovation avance",
            "source": "La Dépêche du Midi",
            "url": "https://www.ladepeche.fr/",
        },
        headers=JSON,
        auth=AUTH,
        timeout=30,
    )
    assert item.status_code == 201, item.text
    assert item.json()["source"] == "La Dépêche du Midi"

"""Every production type has its own page: French, dates in words, nothing empty,
no internal field, no JSON."""

import re

import requests
from lxml import html

BAD = (
    "\\u00",
    "[{",
    "Related Items",
    "Nom court",
    "Contrôle de version",
    "Aucune image",
    "Aucun fichier",
)


def page(url):
    response = requests.get(url, headers={"Accept": "text/html"}, timeout=60)
    assert response.status_code == 200, (url, response.status_code)
    return response.text, html.fromstring(response.content)


def clean(text, tree, url):
    for bad in BAD:
        assert bad not in text, (url, bad)
    main = tree.xpath("//main") or [tree]
    for dt in main[0].xpath(".//dt"):
        dd = dt.getnext()
        assert dd is not None and dd.text_content().strip(), (url, dt.text_content())
    assert not re.search(r"\b\d\d/\d\d/\d\d\b", main[0].text_content()), url


def test_every_type_has_a_clean_page(demo):
    base = demo["base"]
    for path in (
        "dossiers/savoirs-de-base-illettrisme",
        "fiches-experiences/regie-de-territoire-graulhet",
        "conf-at/insecurite-linguistique-au-travail",
        "panoramas/panorama-vrl-2022",
        "panoramas/panorama-vrl-2022/civ-29-janvier-2022",
        "veille/pripi-midi-pyrenees",
        "periodiques/flash-info",
        "mallettes/mallette-du-formateur-foix",
        "fiches-experiences",
        "conf-at",
        "veille",
    ):
        url = f"{base}/{path}"
        text, tree = page(url)
        clean(text, tree, url)
        assert tree.xpath("//h1"), url

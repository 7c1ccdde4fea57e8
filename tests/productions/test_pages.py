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
    "${",  # a message id of the catalogue shown with its names (i18n:name missing)
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


def every_type_has_a_clean_page(demo):
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
        "dossiers",
        "panoramas",
        "periodiques",
        "mallettes",
    ):
        url = f"{base}/{path}"
        text, tree = page(url)
        clean(text, tree, url)
        assert tree.xpath("//h1"), url


def dossier_references_are_relations_to_the_fund(demo):
    url = f"{demo['base']}/dossiers/savoirs-de-base-illettrisme"
    _text, tree = page(url)
    links = tree.xpath("//ul[@class='rt-prod-references']//a")
    titles = [a.text_content().strip() for a in links]
    assert "La France de l'illettrisme" in titles and "Planète alpha" in titles
    assert all("/fonds/" in a.get("href") for a in links)
    # the one reference that is a Conf'At', not a Notice, stays in the introduction
    others = tree.xpath("//h2[.='Autres références']/following-sibling::ul[1]/li/text()")
    assert others == [
        "Orthographe et illettrisme ; ou comment aborder des écrits très défaillants "
        "sur le plan orthographique"
    ]


def fiches_browse_by_theme_territory_and_year(demo):
    base = f"{demo['base']}/fiches-experiences"
    _text, tree = page(base)
    numbers = [
        s.text for s in tree.xpath("//ul[@class='rt-prod-cards']//span[@class='rt-fiche-number']")
    ]
    assert numbers[:3] == ["n°1/2011", "n°2/2011", "n°3/2011"] or "n°1/2011" in numbers
    _text, tree = page(f"{base}?territoire=81")
    titles = [a.text for a in tree.xpath("//ul[@class='rt-prod-cards']//a")]
    assert "La Régie de Territoire, Graulhet" in titles
    assert "Le PAC, Passeport Accueil Jeunes" not in titles
    _text, tree = page(f"{base}?annee=2011")
    assert tree.xpath("string(//h2[@id='rt-h-fiches'])") == "Fiches expériences : 2011"


def confat_cites_the_participants_file(demo):
    _text, tree = page(f"{demo['base']}/conf-at/forum-adultes-relais-2011")
    cited = tree.xpath("//h2[@id='rt-h-refs']/following-sibling::ul[1]//a")
    assert [a.text for a in cited] == ["Adultes-relais, valoriser un parcours professionnel"]
    assert "/fonds/" in cited[0].get("href")
    kicker = tree.xpath("normalize-space(//p[@class='rt-prod-kind'])")
    assert kicker == "Conf'At' · Journées régionales 2011"
    # a cycle named after the Conf'At' is not named twice ("Conf'At' · Conf'At' 2022")
    _text, tree = page(f"{demo['base']}/conf-at/trafic-de-stupefiants-prevention")
    assert tree.xpath("normalize-space(//p[@class='rt-prod-kind'])") == "Conf'At' 2022"


def panoramas_by_theme(demo):
    _text, tree = page(f"{demo['base']}/panoramas?theme=valeurs-republique-laicite")
    titles = [a.text for a in tree.xpath("//ul[@class='rt-prod-cards']//a")]
    assert titles == ["Panorama de presse Valeurs de la République et Laïcité – automne 2022"]
    _text, tree = page(f"{demo['base']}/panoramas")
    dates = tree.xpath("//ul[@class='rt-prod-cards']//p[@class='rt-date']/text()")
    assert dates == ["15 décembre 2022", "3 octobre 2022", "15 décembre 2011"]  # newest first


def watch_blog_feeds_per_theme(demo):
    _text, tree = page(f"{demo['base']}/veille")
    rss = tree.xpath("//section[@aria-labelledby='rt-h-themes']//a[starts-with(.,'RSS')]/@href")
    assert rss and "f.production_kind=actualite" in rss[0] and "f.themes=" in rss[0]
    feed = requests.get(rss[0], timeout=60)
    assert feed.status_code == 200 and "<rss" in feed.text and "<item>" in feed.text


OAI_NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/"}


def news_in_every_channel(demo):
    """The watch blog's news in the search portal (Nature facet), REST and OAI-PMH
    oai_dc; a private news in none of them."""
    import transaction
    from plone import api

    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=demo["portal"]["veille"],
            type="Actualite",
            id="brouillon",
            title="Brève en préparation",
        )
    transaction.commit()
    base = demo["base"]
    found = requests.get(
        f"{base}/@recherche",
        params={"f.production_kind": "actualite", "page_size": 50},
        headers={"Accept": "application/json"},
        timeout=60,
    ).json()
    titles = {item["title"] for item in found["items"]}
    assert "Le PRIPI Midi-Pyrénées 2010-2012 présenté à Toulouse" in titles
    assert "Brève en préparation" not in titles and found["items_total"] == 7
    kinds = [f for f in found["facets"] if f["name"] == "production_kind"][0]["values"]
    assert "Actualités (veille)" in [v["title"] for v in kinds]
    rest = requests.get(
        f"{base}/veille/pripi-midi-pyrenees", headers={"Accept": "application/json"}, timeout=60
    ).json()
    assert rest["@type"] == "Actualite" and rest["date"] == "2011-04-05"
    denied = requests.get(
        f"{base}/veille/brouillon", headers={"Accept": "application/json"}, timeout=60
    )
    assert denied.status_code == 401
    oai = requests.get(
        f"{base}/oai",
        params={"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "production:actualite"},
        timeout=60,
    )
    root = html.etree.fromstring(oai.content)
    oai_titles = root.xpath("//dc:title/text()", namespaces=OAI_NS)
    assert "Le PRIPI Midi-Pyrénées 2010-2012 présenté à Toulouse" in oai_titles
    assert "Brève en préparation" not in oai_titles and len(oai_titles) == 7


def test_production_pages_of_the_demo_content(demo):
    """One demo build (about 20 s) for every check of the pages."""
    every_type_has_a_clean_page(demo)
    dossier_references_are_relations_to_the_fund(demo)
    fiches_browse_by_theme_territory_and_year(demo)
    watch_blog_feeds_per_theme(demo)
    panoramas_by_theme(demo)
    confat_cites_the_participants_file(demo)
    news_in_every_channel(demo)

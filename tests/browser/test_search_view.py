"""<site>/recherche over real HTTP: home, results, facets, permalinks, restricted content."""

import requests
import transaction
from live_sites import make_notice
from lxml import html
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD


def _get(url, auth=None, **params):
    response = requests.get(url, params=params, auth=auth, timeout=30)
    assert response.status_code == 200, (response.status_code, response.text[:500])
    return html.fromstring(response.content)


def _titles(page):
    return [a.text_content().strip() for a in page.xpath("//h3[@class='rt-result-title']/a")]


def _count(page):
    return page.xpath("string(//p[@id='rt-count'])").strip()


def test_home_state(live_fund):
    page = _get(f"{live_fund['base']}/recherche")
    headings = [h.text_content().strip() for h in page.xpath("//h1|//h2")]
    assert "Recherche documentaire" in headings
    for heading in (
        "Explorer par thématique",
        "Dernières acquisitions",
        "Nos dernières productions",
        "Dossiers thématiques",
    ):
        assert heading in headings
    acquisitions = page.xpath("//section[@aria-labelledby='rt-h-acquisitions']//a/text()")
    assert "Apprendre à lire aux adultes" in acquisitions
    assert not any("confidentielle" in t for t in acquisitions)
    tiles = {
        t.xpath("string(.//span[@class='rt-tile-title'])"): t.get("href")
        for t in page.xpath("//a[@class='rt-tile']")
    }
    savoirs = [title for title in tiles if title.startswith("Savoirs de base")]
    assert savoirs and tiles[savoirs[0]].endswith("/recherche?f.themes=savoirs-de-base")
    # the public count on the tile: the restricted record is not counted
    tile = page.xpath(
        "//a[contains(@href,'f.themes=savoirs-de-base')]//span[@class='rt-tile-count']"
    )[0]
    assert tile.text_content().split()[0] == "1"
    dossiers = page.xpath("//section[@aria-labelledby='rt-h-dossiers']//a/text()")
    assert dossiers == ["Dossier illettrisme"]


def test_results_anonymous_never_sees_restricted(live_fund):
    page = _get(f"{live_fund['base']}/recherche", q="illettrisme")
    titles = _titles(page)
    assert "Apprendre à lire aux adultes" in titles
    assert "Note confidentielle sur l'illettrisme" not in titles
    assert "confidentielle" not in html.tostring(page, encoding="unicode")


def test_results_manager_sees_restricted(live_fund):
    page = _get(
        f"{live_fund['base']}/recherche",
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        q="illettrisme",
    )
    assert "Note confidentielle sur l'illettrisme" in _titles(page)


def test_facets_filter_and_count(live_fund):
    base = f"{live_fund['base']}/recherche"
    page = _get(base, q="")  # empty box: home state
    assert not page.xpath("//p[@id='rt-count']")
    page = _get(base, **{"f.production_kind": "notice"})
    assert _count(page) == "2 résultats"
    facet_links = {
        a.xpath("string(.//span[@class='rt-facet-title'])"): a.get("href")
        for a in page.xpath("//section[@aria-labelledby='rt-facet-document_type']//a")
    }
    assert set(facet_links) == {"Guide méthodologique", "Rapport"}
    # OR inside a facet: both document types, still 2
    page = _get(facet_links["Rapport"])
    assert _titles(page) == ["Rapport sur les quartiers prioritaires"]
    both = page.xpath(
        "//section[@aria-labelledby='rt-facet-document_type']//a[not(@aria-current)]/@href"
    )
    page = _get(both[0])
    assert _count(page) == "2 résultats"
    # AND across facets: Rapport + Haute-Garonne (the guide's territory) gives nothing
    page = _get(base, **{"f.document_type": "rapport", "f.territory": "31"})
    assert _count(page) == "Aucun résultat"
    chips = [a.text_content() for a in page.xpath("//a[@class='rt-chip']")]
    assert any("Type de document : Rapport" in c for c in chips)
    assert any("Territoire" in c for c in chips)


def test_decades_and_sort_and_permalink(live_fund):
    base = f"{live_fund['base']}/recherche"
    page = _get(base, **{"f.production_kind": "notice"})
    decades = {
        a.xpath("string(.//span[@class='rt-facet-title'])"): a.get("href")
        for a in page.xpath("//section[@aria-labelledby='rt-facet-year']//a")
    }
    assert set(decades) == {"2010–2019", "1990–1999"}
    page = _get(decades["1990–1999"])
    assert _titles(page) == ["Rapport sur les quartiers prioritaires"]
    page = _get(base, sort="title", **{"f.production_kind": "notice"})
    assert _titles(page) == [
        "Apprendre à lire aux adultes",
        "Rapport sur les quartiers prioritaires",
    ]
    permalink = page.xpath("//input[@id='rt-permalink']/@value")[0]
    assert permalink == f"{base}?f.production_kind=notice&sort=title"
    feeds = page.xpath("//head/link[@rel='alternate'][@type='application/atom+xml']/@href")
    # this search's own feed, beside the portal's "nouveautés" (its atom.xml)
    assert feeds == [
        f"{live_fund['base']}/@@recherche-atom?f.production_kind=notice&sort=title",
        f"{live_fund['base']}/atom.xml",
    ]


def test_advanced_search_fields(live_fund):
    base = f"{live_fund['base']}/recherche"
    page = _get(base, isbn="9782749212345")
    assert _titles(page) == ["Apprendre à lire aux adultes"]
    page = _get(base, year_from="1990", year_to="2000", **{"f.production_kind": "notice"})
    assert _titles(page) == ["Rapport sur les quartiers prioritaires"]
    for field in ("title", "author", "subject", "isbn", "year_from", "year_to"):
        assert page.xpath(f"//details[@class='rt-advanced']//input[@name='{field}']/@id")


def test_paging(live_fund):
    base = f"{live_fund['base']}/recherche"
    page = _get(base, page_size="1", **{"f.production_kind": "notice"})
    assert len(_titles(page)) == 1
    nav = page.xpath("//nav[@aria-label='Pagination des résultats']")[0]
    assert nav.xpath(".//a[@aria-current='page']")[0].text_content().strip() == "Page 1"
    second = _get(nav.xpath(".//a[@rel='next']/@href")[0])
    assert _titles(second) != _titles(page) and len(_titles(second)) == 1


def test_skip_links_come_first_without_javascript(live_fund):
    page = _get(f"{live_fund['base']}/recherche")
    links = [a.text_content().strip() for a in page.xpath("//body//a")]
    assert links[0] == "Aller au contenu"
    assert links.index("Aller au contenu") < min(
        i
        for i, a in enumerate(page.xpath("//body//a"))
        if "logo" in (a.get("id") or a.get("class") or "")
    )


def _hidden_count_words(page, facet):
    return [
        a.xpath("string(.//span[@class='rt-count-badge'])").strip()
        for a in page.xpath(f"//section[@aria-labelledby='rt-facet-{facet}']//a")
    ]


def test_facet_counts_read_one_result_or_several(live_fund):
    page = _get(f"{live_fund['base']}/recherche", **{"f.production_kind": "notice"})
    counts = _hidden_count_words(page, "document_type")
    assert counts == ["1 résultat", "1 résultat"], counts
    assert "2 résultats" in _hidden_count_words(page, "production_kind")


def test_acquisitions_of_a_record_without_author_have_no_stray_comma(live_fund):
    portal = live_fund["portal"]
    make_notice(portal["fonds"], "sans-auteur", "Recueil sans auteur", year=2021)
    make_notice(
        portal["fonds"],
        "sans-annee",
        "Recueil sans année",
        authors=[{"name": "Martin, Sophie", "kind": "person"}],
    )
    transaction.commit()
    for url in (f"{live_fund['base']}/recherche", live_fund["base"]):
        page = _get(url)
        meta = {
            li.xpath("string(a)"): " ".join(li.xpath("string(span)").split())
            for li in page.xpath("//section[@aria-labelledby='rt-h-acquisitions']//li")
        }
        assert meta["Recueil sans auteur"] == "2021", (url, meta)
        assert meta["Recueil sans année"] == "Martin, Sophie", (url, meta)
        assert meta["Apprendre à lire aux adultes"].endswith(", 2012"), (url, meta)


def test_the_search_box_syntax_on_the_page(live_fund):
    base = f"{live_fund['base']}/recherche"
    page = _get(base)
    box = page.xpath("//input[@id='rt-q']")[0]
    assert box.get("aria-describedby") == "rt-q-help rt-q-syntax"
    help_line = " ".join(page.xpath("string(//p[@id='rt-q-syntax'])").split())
    assert "guillemets" in help_line and " OU " in help_line and "-enfants" in help_line
    both = {"Apprendre à lire aux adultes", "Rapport sur les quartiers prioritaires"}
    assert set(_titles(_get(base, q="quartiers OU lire"))) == both
    assert set(_titles(_get(base, q="quartiers OR lire"))) == both
    assert _titles(_get(base, q='"lire aux adultes"')) == ["Apprendre à lire aux adultes"]
    assert _count(_get(base, q='"adultes aux lire"')) == "Aucun résultat"
    only = _get(base, q="-quartiers", **{"f.production_kind": "notice"})
    assert _titles(only) == ["Apprendre à lire aux adultes"]
    for odd in ('"', "-", "OR", 'lire "aux', "lire OR", "title:lire", "(lire", "%"):
        _get(base, q=odd)  # a page, never an error

"""Validate the demo content files in src/rt/infodoc/demo/data/.

The files are read as plain JSON (no Plone needed): required keys, vocabulary
tokens (a copy of the lists in docs/notice-fields.md, checked against that
document), ISO dates, unique slugs, small safe HTML, and a few cross-file
checks (dossier references are notices, conference counts add up to the
yearly figures).
"""

import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import rt.infodoc.demo

DATA_DIR = Path(rt.infodoc.demo.__file__).parent / "data"
NOTICE_FIELDS_DOC = Path(__file__).resolve().parents[2] / "docs" / "notice-fields.md"

THEMES = {
    "savoirs-de-base",
    "politique-de-la-ville",
    "education",
    "prevention-securite",
    "sante",
    "habitat",
    "emploi-insertion",
    "egalite-femmes-hommes",
    "discriminations",
    "valeurs-republique-laicite",
    "integration-langue",
    "parentalite",
    "participation-citoyenne",
    "lutte-contre-pauvrete",
    "jeunesse",
    "developpement-economique",
}
DOCUMENT_TYPES = {
    "ouvrage",
    "rapport",
    "etude",
    "outil-pedagogique",
    "guide-methodologique",
    "periodique",
    "article",
    "video",
    "mallette",
    "actes",
    "memoire",
    "texte-officiel",
    "dossier-documentaire",
    "site-web",
}
DEPARTMENTS = {"09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"}
TERRITORIES = DEPARTMENTS | {"occitanie", "national"}
RELAY_SITES = {
    "foix",
    "rodez",
    "saint-gaudens",
    "auch",
    "cahors",
    "tarbes",
    "albi",
    "montauban",
    "toulouse",
}
SUPPORTS = {"papier", "electronique"}
RELAY_SERVICES = {"fonds", "mallettes"}

# The Notice field contract (docs/notice-fields.md) plus the demo's own `id`.
NOTICE_KEYS = {
    "id",
    "title",
    "sort_title",
    "subtitle",
    "responsibility",
    "authors",
    "edition",
    "place",
    "publisher",
    "year",
    "collation",
    "collection",
    "collection_number",
    "isbn",
    "issn",
    "ean",
    "price",
    "language",
    "notes",
    "contents",
    "summary",
    "descriptors",
    "keywords",
    "dewey",
    "document_type",
    "support",
    "urls",
    "themes",
    "territory",
    "cosoter_id",
    "items",
    "series_title",
    "marc_flavour",
}
AUTHOR_KINDS = {"person", "corporate"}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INDICATOR_KEY = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FICHE_NUMBER = re.compile(r"^n°(\d+)/(\d{4})$")
SAFE_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br"}
VOID_TAGS = {"br"}

FILES = [
    "relay_sites.json",
    "fiches_experiences.json",
    "confat.json",
    "dossiers.json",
    "periodicals.json",
    "mallettes.json",
    "panoramas.json",
    "acquisitions.json",
    "figures.json",
    "vocabularies.json",
]
LIST_FILES = [name for name in FILES if name not in ("figures.json", "vocabularies.json")]

# key -> required?  (every other key of an entry is refused)
SHAPES = {
    "relay_sites.json": {
        "id": True,
        "title": True,
        "city": True,
        "department": True,
        "services": True,
        "description": True,
    },
    "fiches_experiences.json": {
        "id": True,
        "title": True,
        "description": True,
        "fiche_number": False,
        "date": False,
        "territory": True,
        "structure": True,
        "partners": False,
        "public": False,
        "budget": False,
        "financing": False,
        "themes": True,
        "contact": False,
        "text": True,
    },
    "confat.json": {
        "id": True,
        "title": True,
        "description": True,
        "series": True,
        "date": False,
        "place": False,
        "speakers": False,
        "participants": False,
        "workshop_participants": False,
        "themes": True,
        "text": True,
        "references": False,
    },
    "dossiers.json": {
        "id": True,
        "title": True,
        "description": True,
        "introduction": True,
        "themes": True,
        "private": True,
        "pages": True,
        "references": False,
    },
    "periodicals.json": {
        "id": True,
        "title": True,
        "description": True,
        "issn": False,
        "publisher": False,
        "frequency": False,
        "themes": True,
        "issues": False,
    },
    "mallettes.json": {
        "id": True,
        "title": True,
        "description": True,
        "relay_site": True,
        "themes": True,
        "public": False,
        "contents": False,
    },
    "panoramas.json": {
        "id": True,
        "title": True,
        "date": True,
        "themes": True,
        "items": True,
    },
}
NESTED_SHAPES = {
    "speakers": {"name": True, "title": False, "affiliation": False},
    "pages": {"id": True, "title": True, "text": True},
    "issues": {"id": True, "title": True, "number": False, "date": False, "contents": False},
    "items": {
        "id": True,
        "title": True,
        "source": True,
        "date": False,
        "url": False,
        "summary": True,
        "territory": False,
        "themes": False,
    },
}
HTML_FIELDS = {"text", "introduction"}


def load(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def walk(value, path="$"):
    """Yield (path, key, value) for every dict entry, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield path, key, item
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def check_shape(entry, shape, where):
    missing = [key for key, required in shape.items() if required and key not in entry]
    unknown = sorted(set(entry) - set(shape))
    assert not missing, f"{where}: missing keys {missing}"
    assert not unknown, f"{where}: unknown keys {unknown}"


def check_date(value, where):
    assert isinstance(value, str) and ISO_DATE.match(value), f"{where}: not YYYY-MM-DD: {value!r}"
    return datetime.date.fromisoformat(value)


def check_tokens(values, allowed, where):
    assert isinstance(values, list) and values, f"{where}: expected a non-empty list"
    unknown = sorted(set(values) - allowed)
    assert not unknown, f"{where}: unknown tokens {unknown}"
    assert len(values) == len(set(values)), f"{where}: repeated tokens {values}"


class SafeHtmlChecker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        if tag not in SAFE_TAGS:
            self.errors.append(f"tag <{tag}> not allowed")
        for name, value in attrs:
            if (
                tag != "a"
                or name != "href"
                or not (value or "").startswith(("http://", "https://"))
            ):
                self.errors.append(f"attribute {name}={value!r} not allowed on <{tag}>")
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()


def check_html(value, where):
    assert isinstance(value, str) and value.strip(), f"{where}: empty HTML"
    assert value.lstrip().startswith("<"), f"{where}: HTML should start with a block tag"
    checker = SafeHtmlChecker()
    checker.feed(value)
    checker.close()
    assert not checker.errors, f"{where}: {checker.errors}"
    assert not checker.stack, f"{where}: unclosed {checker.stack}"


# --- the token lists are those of the field contract ------------------------------


def _backticked(text, start, end):
    section = text.split(start, 1)[1].split(end, 1)[0]
    return set(re.findall(r"`([^`]+)`", section))


def test_token_copies_match_the_field_contract():
    doc = NOTICE_FIELDS_DOC.read_text(encoding="utf-8")
    assert _backticked(doc, "- themes:", "- document types:") == THEMES
    assert _backticked(doc, "- document types:", "- territories:") == DOCUMENT_TYPES
    assert _backticked(doc, "- territories:", "- relay sites") == TERRITORIES
    assert _backticked(doc, "- relay sites", "\n\n") - {"995$b"} == RELAY_SITES


# --- every file -------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_file_is_pretty_printed_utf8_json(name):
    raw = (DATA_DIR / name).read_bytes()
    text = raw.decode("utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n", (
        f"{name} is not pretty-printed with indent=2 and raw UTF-8"
    )
    assert "\\u00" not in text, f"{name} escapes accented letters"


@pytest.mark.parametrize("name", FILES)
def test_no_placeholder_or_empty_values(name):
    data = load(name)
    for path, key, value in walk(data):
        assert value is not None and value != "" and value != [] and value != {}, (
            f"{name} {path}.{key}: absent values are left out, not empty"
        )
        if isinstance(value, str):
            low = value.lower()
            assert "lorem" not in low and "ipsum" not in low, f"{name} {path}.{key}"
            assert "todo" not in low.split() and "xxx" not in low, f"{name} {path}.{key}"


@pytest.mark.parametrize("name", LIST_FILES)
def test_entries_have_unique_slug_ids(name):
    entries = load(name)
    assert isinstance(entries, list) and entries
    ids = [entry["id"] for entry in entries]
    assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
    for entry_id in ids:
        assert SLUG.match(entry_id) and len(entry_id) <= 80, f"{name}: bad slug {entry_id!r}"


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_entries_follow_their_shape(name):
    for entry in load(name):
        where = f"{name} {entry.get('id')}"
        check_shape(entry, SHAPES[name], where)
        for key, shape in NESTED_SHAPES.items():
            if key not in entry:
                continue
            children = entry[key]
            assert isinstance(children, list) and children, f"{where}: {key}"
            child_ids = []
            for child in children:
                check_shape(child, shape, f"{where} {key}")
                if "id" in child:
                    assert SLUG.match(child["id"]), f"{where}: bad slug {child['id']!r}"
                    child_ids.append(child["id"])
            assert len(child_ids) == len(set(child_ids)), f"{where}: duplicate {key} ids"


@pytest.mark.parametrize("name", sorted(SHAPES) + ["acquisitions.json"])
def test_tokens_dates_and_html(name):
    for entry in load(name):
        where = f"{name} {entry['id']}"
        for path, key, value in walk(entry):
            here = f"{where} {path}.{key}"
            if key == "themes":
                check_tokens(value, THEMES, here)
            elif key == "territory":
                check_tokens(value, TERRITORIES, here)
            elif key == "relay_site":
                assert value in RELAY_SITES, here
            elif key == "date":
                check_date(value, here)
            elif key in HTML_FIELDS:
                check_html(value, here)
            elif key in ("title", "description", "summary", "name"):
                assert isinstance(value, str) and value.strip() == value, here
                assert "<" not in value, f"{here}: plain text expected"


# --- file by file -----------------------------------------------------------------


def test_relay_sites_are_the_nine_lending_places():
    sites = load("relay_sites.json")
    assert {site["id"] for site in sites} == RELAY_SITES
    for site in sites:
        assert site["department"] in DEPARTMENTS, site["id"]
        assert site["services"] and set(site["services"]) <= RELAY_SERVICES, site["id"]
    by_id = {site["id"]: site for site in sites}
    assert by_id["toulouse"]["city"] == "Toulouse"
    assert by_id["foix"]["department"] == "09"
    assert by_id["montauban"]["department"] == "82"


def test_fiches_numbers_match_their_dates():
    fiches = load("fiches_experiences.json")
    numbered = [fiche for fiche in fiches if "fiche_number" in fiche]
    assert numbered, "the 2011 report names numbered fiches"
    for fiche in numbered:
        match = FICHE_NUMBER.match(fiche["fiche_number"])
        assert match, fiche["fiche_number"]
        assert "date" in fiche and fiche["date"][:4] == match.group(2), fiche["id"]
    numbers = [fiche["fiche_number"] for fiche in numbered]
    assert len(numbers) == len(set(numbers))
    for fiche in fiches:
        for key in ("partners", "financing"):
            if key in fiche:
                assert all(isinstance(x, str) and x for x in fiche[key]), fiche["id"]


def test_confat_counts_and_speakers():
    for conf in load("confat.json"):
        for key in ("participants", "workshop_participants"):
            if key in conf:
                assert type(conf[key]) is int and conf[key] > 0, conf["id"]
        assert re.search(r"\b(19|20)\d{2}\b", conf["series"]), conf["series"]
        if "date" in conf:
            assert conf["date"][:4] in conf["series"], conf["id"]
        for speaker in conf.get("speakers", []):
            assert speaker["name"][0].isupper(), speaker


def test_confat_2011_adds_up_to_the_yearly_figures():
    conferences = [c for c in load("confat.json") if c["series"] == "Conf'At' 2011"]
    figures = load("figures.json")["2011"]
    assert len(conferences) == figures["conferences"]["value"]
    assert (
        sum(c["participants"] for c in conferences) == figures["participants_conferences"]["value"]
    )
    assert (
        sum(c["workshop_participants"] for c in conferences)
        == figures["participants_ateliers_debats"]["value"]
    )


def test_dossiers_pages_and_references():
    """A dossier cites notices of the fund or Conf'At' proceedings, nothing else."""
    notices = load("acquisitions.json")
    titles = {conf["title"] for conf in load("confat.json")}
    for notice in notices:
        titles.add(notice["title"])
        if "subtitle" in notice:
            titles.add(f"{notice['title']} : {notice['subtitle']}")
    dossiers = load("dossiers.json")
    assert any(d["private"] for d in dossiers), "a members' network space is expected"
    for dossier in dossiers:
        assert type(dossier["private"]) is bool, dossier["id"]
        for reference in dossier.get("references", []):
            assert reference in titles, (
                f"{dossier['id']}: {reference!r} is neither a notice nor a Conf'At'"
            )


def test_periodical_issues():
    for periodical in load("periodicals.json"):
        if "issn" in periodical:
            assert re.match(r"^\d{4}-\d{3}[\dX]$", periodical["issn"]), periodical["id"]
        for issue in periodical.get("issues", []):
            if "number" in issue:
                assert isinstance(issue["number"], str), issue["id"]


def test_mallettes_sit_at_relay_sites_that_lend_them():
    sites = {site["id"]: site for site in load("relay_sites.json")}
    mallettes = load("mallettes.json")
    placed = {mallette["relay_site"] for mallette in mallettes}
    for token in placed:
        assert "mallettes" in sites[token]["services"], token
    lending = {token for token, site in sites.items() if "mallettes" in site["services"]}
    assert lending <= placed, f"relay sites without a mallette: {sorted(lending - placed)}"


def test_panoramas_are_dated_within_the_report_years():
    for panorama in load("panoramas.json"):
        assert panorama["date"][:4] in ("2011", "2022"), panorama["id"]
        for item in panorama["items"]:
            if "url" in item:
                assert item["url"].startswith(("http://", "https://")), item["id"]


def test_acquisitions_follow_the_notice_contract():
    notices = load("acquisitions.json")
    assert 30 <= len(notices) <= 80
    for notice in notices:
        where = notice["id"]
        unknown = set(notice) - NOTICE_KEYS
        assert not unknown, f"{where}: keys outside the contract {sorted(unknown)}"
        assert isinstance(notice["title"], str) and notice["title"], where
        assert notice["document_type"] in DOCUMENT_TYPES, where
        assert notice["support"] in SUPPORTS, where
        if "year" in notice:
            assert type(notice["year"]) is int and 1900 < notice["year"] <= 2023, where
        if "isbn" in notice:
            assert all(isinstance(i, str) and re.match(r"^[\dX-]+$", i) for i in notice["isbn"]), (
                where
            )
        if "language" in notice:
            assert re.match(r"^[a-z]{3}$", notice["language"]), where
        for url in notice.get("urls", []):
            assert url.startswith(("http://", "https://")), where
        for author in notice.get("authors", []):
            assert set(author) <= {"name", "role", "kind", "function"}, where
            assert author["name"] and author["kind"] in AUTHOR_KINDS, where
            if "function" in author:
                assert re.match(r"^\d{3}$", author["function"]), where


def test_figures_are_labelled_numbers_per_year():
    figures = load("figures.json")
    assert {"2011", "2022"} <= set(figures)
    for year, indicators in figures.items():
        assert re.match(r"^(19|20)\d{2}$", year), year
        assert indicators
        for key, indicator in indicators.items():
            assert INDICATOR_KEY.match(key), f"{year} {key}"
            assert set(indicator) == {"label", "value"}, f"{year} {key}"
            assert isinstance(indicator["label"], str) and indicator["label"].strip()
            value = indicator["value"]
            assert type(value) in (int, float) and value >= 0, f"{year} {key}"


def test_vocabularies_title_every_token():
    vocabularies = load("vocabularies.json")
    expected = {
        "themes": THEMES,
        "document_types": DOCUMENT_TYPES,
        "territories": TERRITORIES,
        "relay_sites": RELAY_SITES,
    }
    assert set(vocabularies) == set(expected)
    for name, tokens in expected.items():
        assert set(vocabularies[name]) == tokens, name
        for token, title in vocabularies[name].items():
            assert isinstance(title, str) and title.strip() == title and title, (name, token)
        titles = list(vocabularies[name].values())
        assert len(titles) == len(set(titles)), f"{name}: two tokens share a title"
    assert vocabularies["themes"]["savoirs-de-base"] == "Savoirs de base et illettrisme"
    assert vocabularies["territories"]["09"] == "Ariège"

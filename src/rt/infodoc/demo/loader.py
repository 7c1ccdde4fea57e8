"""Create the demo content of the portal from the JSON files in ``data/``.

The files are written from the centre's activity reports (2011 and 2022); the
loader is idempotent: content that already exists (same id) is left alone.
"""

import datetime
import json
from pathlib import Path

from plone import api
from plone.app.textfield.value import RichTextValue

from rt.infodoc.content.structured import normalize_authors
from rt.infodoc.content.structured import normalize_speakers

DATA = Path(__file__).parent / "data"

# data file -> (section id, portal type, fields copied as they are)
_COMMON = ("title", "description", "themes", "territory")


def read(name):
    path = DATA / f"{name}.json"
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _html(value):
    if not value:
        return None
    return RichTextValue(value, "text/html", "text/x-html-safe")


def _create(container, portal_type, item, state="published", **fields):
    obj = container.get(item["id"])
    if obj is not None:
        return obj
    values = {k: item[k] for k in _COMMON if item.get(k)}
    values.update({k: v for k, v in fields.items() if v not in (None, "", [])})
    obj = api.content.create(
        container=container, type=portal_type, id=item["id"], safe_id=False, **values
    )
    if state:
        api.content.transition(obj=obj, to_state=state)
    obj.reindexObject()
    return obj


def load_fiches(portal):
    section = portal["fiches-experiences"]
    for item in read("fiches_experiences"):
        _create(
            section,
            "FicheExperience",
            item,
            fiche_number=item.get("fiche_number"),
            date=_date(item.get("date")),
            structure=item.get("structure"),
            partners=item.get("partners", []),
            public=item.get("public"),
            budget=item.get("budget"),
            financing=item.get("financing", []),
            contact=item.get("contact"),
            text=_html(item.get("text")),
        )


def load_confat(portal):
    section = portal["conf-at"]
    for item in read("confat"):
        _create(
            section,
            "ConfAt",
            item,
            series=item.get("series"),
            date=_date(item.get("date")),
            place=item.get("place"),
            speakers=normalize_speakers(item.get("speakers", [])),
            participants=item.get("participants"),
            workshop_participants=item.get("workshop_participants"),
            text=_html(item.get("text")),
            cited_references=_fund_relations(portal, item.get("references") or [])[0],
        )


def _fund_relations(portal, titles):
    """(relations to the Notices of the fund with these titles, titles not found)."""
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    if not titles:
        return [], []
    intids = getUtility(IIntIds)
    fund = {}
    for brain in api.content.find(portal_type="Notice", sort_on="created"):
        fund.setdefault(brain.Title, brain)
    relations, others = [], []
    for title in titles:
        if title in fund:
            relations.append(RelationValue(intids.getId(fund[title].getObject())))
        else:
            others.append(title)
    return relations, others


def load_dossiers(portal):
    section = portal["dossiers"]
    for item in read("dossiers"):
        state = "members" if item.get("private") else "published"
        intro = item.get("introduction")
        # the chosen references found in the fund are relations; the others
        # (productions, documents outside the fund) stay listed in the introduction
        relations, others = _fund_relations(portal, item.get("references") or [])
        if others:
            refs_html = "".join(f"<li>{_escape(r)}</li>" for r in others)
            intro = (intro or "") + f"<h2>Autres références</h2><ul>{refs_html}</ul>"
        dossier = _create(
            section,
            "DossierThematique",
            item,
            state=state,
            introduction=_html(intro),
            references=relations,
        )
        for page in item.get("pages", []):
            _create(
                dossier,
                "Document",
                page,
                state=state,
                text=_html(page.get("text")),
            )


def load_panoramas(portal):
    section = portal["panoramas"]
    for item in read("panoramas"):
        panorama = _create(section, "PanoramaPresse", item, date=_date(item.get("date")))
        for press in item.get("items", []):
            _create(
                panorama,
                "PressItem",
                press,
                source=press.get("source"),
                date=_date(press.get("date")),
                url=press.get("url"),
                summary=press.get("summary"),
            )


def load_news(portal):
    """The news of the watch blog (Veille Information Professionnelle, 2011)."""
    section = portal.get("veille")
    if section is None:
        return
    for item in read("news"):
        _create(
            section,
            "Actualite",
            item,
            date=_date(item.get("date")),
            source=item.get("source"),
            url=item.get("url"),
            text=_html(item.get("text")),
        )


def load_periodicals(portal):
    section = portal["periodiques"]
    for item in read("periodicals"):
        periodical = _create(
            section,
            "Periodique",
            item,
            issn=item.get("issn"),
            publisher=item.get("publisher"),
            frequency=item.get("frequency"),
        )
        for issue in item.get("issues", []):
            _create(
                periodical,
                "NumeroPeriodique",
                issue,
                number=issue.get("number"),
                date=_date(issue.get("date")),
                contents=issue.get("contents"),
            )


def load_mallettes(portal):
    section = portal["mallettes"]
    for item in read("mallettes"):
        _create(
            section,
            "Mallette",
            item,
            relay_site=item.get("relay_site"),
            public=item.get("public"),
            contents_list=item.get("contents", []),
        )


NOTICE_FIELDS = (
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
    "notes",
    "contents",
    "summary",
    "descriptors",
    "keywords",
    "dewey",
    "document_type",
    "support",
    "urls",
    "series_title",
    "cosoter_id",
    "items",
)


def load_acquisitions(portal):
    section = portal["fonds"]
    for item in read("acquisitions"):
        fields = {k: item[k] for k in NOTICE_FIELDS if item.get(k) not in (None, "", [])}
        if fields.get("authors"):  # the seeds name the function in "role" ("Auteur")
            fields["authors"] = normalize_authors(fields["authors"])
        if item.get("language"):
            fields["doc_language"] = item["language"]
        if "description" not in item and item.get("summary"):
            item = dict(item, description=item["summary"][:300])
        _create(section, "Notice", item, **fields)


def _escape(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def load_demo_content():
    portal = api.portal.get()
    for step in (
        load_acquisitions,
        load_fiches,
        load_confat,
        load_dossiers,
        load_panoramas,
        load_news,
        load_periodicals,
        load_mallettes,
    ):
        step(portal)

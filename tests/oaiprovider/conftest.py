"""A functional site with records for the OAI-PMH provider, and helpers that
call ``<site>/oai`` over real HTTP and schema-validate every answer."""

from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
import transaction
from lxml import etree
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.marc.reader import read_records
from rt.infodoc.marc.writers import to_iso2709

DATA = Path(__file__).parent.parent / "data"
OAI = "{http://www.openarchives.org/OAI/2.0/}"
NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "u": "http://www.bncf.firenze.sbn.it/unimarc/slim",
    "m": "http://www.loc.gov/MARC21/slim",
    "pmb": "http://www.pmbservices.fr",
}


def _schema(path):
    return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture(scope="session")
def schemas():
    return SimpleNamespace(
        oai=_schema(DATA / "oai" / "schemas" / "OAI-PMH.pyoai-skip-variant.xsd"),
        unimarc=_schema(DATA / "schemas" / "unimarcslim.xsd"),
        marcxml=_schema(DATA / "schemas" / "MARC21slim.xsd"),
    )


def assert_valid(schema, element, what="OAI-PMH"):
    if not schema.validate(element):
        raise AssertionError(
            f"invalid {what}: {schema.error_log}\n{etree.tostring(element)[:3000]!r}"
        )


def iso2709_text(path):
    """The first record of a MARC file as the importer stores it (UTF-8 ISO 2709)."""
    result = next(iter(read_records(str(path))))
    return to_iso2709(result.record).decode("utf-8"), result.flavour


def make(container, type_, id_, state="published", **fields):
    obj = api.content.create(container=container, type=type_, id=id_, **fields)
    if state != "private":
        api.content.transition(obj=obj, to_state=state)
    return obj


@pytest.fixture()
def oai_site(functional):
    """Public notices (built, UNIMARC original, MARC 21 original), productions,
    a private and a members-only notice; a published notice then deleted, one
    then withdrawn and one then restricted."""
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    fonds = portal["fonds"]
    unimarc_text, unimarc_flavour = iso2709_text(DATA / "marc" / "marcjs_bib-one.mrc")
    marc21_text, marc21_flavour = iso2709_text(DATA / "marc" / "pymarc_utf8_with_leader_flag.dat")
    assert (unimarc_flavour, marc21_flavour) == ("unimarc", "marc21")
    built = make(
        fonds,
        "Notice",
        "illettrisme",
        title="Illettrisme : les chiffres",
        subtitle="Enquête Information et vie quotidienne",
        authors=[{"name": "Dupré, Hélène", "role": "Auteur", "kind": "person", "function": "070"}],
        publisher="ANLCI",
        place="Lyon",
        year=2018,
        isbn=["978-2-11-000000-1"],
        summary="Les résultats de l'enquête IVQ sur l'illettrisme en France.",
        document_type="etude",
        themes=["savoirs-de-base"],
        territory=["31"],
        descriptors=["Illettrisme", "Statistique"],
        doc_language="fre",
    )
    unimarc = make(
        fonds,
        "Notice",
        "ici",
        title="Ici",
        document_type="ouvrage",
        themes=["education"],
        marc_record=unimarc_text,
        marc_flavour="unimarc",
    )
    marc21 = make(
        fonds,
        "Notice",
        "loneliness",
        title="Escape from loneliness",
        document_type="ouvrage",
        marc_record=marc21_text,
        marc_flavour="marc21",
    )
    fiche = make(
        portal["fiches-experiences"],
        "FicheExperience",
        "ateliers",
        title="Des ateliers sociolinguistiques à Tarbes",
        description="Un atelier d'apprentissage du français pour les parents.",
        themes=["integration-langue", "parentalite"],
        territory=["65"],
    )
    confat = make(
        portal["conf-at"],
        "ConfAt",
        "laicite",
        title="Conf'At' : la laïcité au quotidien",
        themes=["valeurs-republique-laicite"],
        speakers=[{"name": "Martin, Claire", "role": "Intervenante"}],
    )
    private = make(fonds, "Notice", "brouillon", state="private", title="Notice en cours de saisie")
    members = make(
        fonds,
        "Notice",
        "adherents",
        state="members",
        title="Rapport réservé aux adhérents",
        themes=["savoirs-de-base"],
    )
    deleted = make(
        fonds,
        "Notice",
        "supprimee",
        title="Notice supprimée",
        themes=["savoirs-de-base"],
        document_type="rapport",
    )
    withdrawn = make(fonds, "Notice", "retiree", title="Notice retirée")
    restricted = make(
        fonds, "Notice", "restreinte", title="Notice devenue réservée", themes=["sante"]
    )
    uids = {
        name: obj.UID()
        for name, obj in (
            ("built", built),
            ("unimarc", unimarc),
            ("marc21", marc21),
            ("fiche", fiche),
            ("confat", confat),
            ("private", private),
            ("members", members),
            ("deleted", deleted),
            ("withdrawn", withdrawn),
            ("restricted", restricted),
        )
    }
    api.content.delete(obj=deleted)
    api.content.transition(obj=withdrawn, transition="retract")
    api.content.transition(obj=restricted, transition="publish_members")
    transaction.commit()
    site = f"http://{functional['host']}:{functional['port']}/plone"
    return SimpleNamespace(
        portal=portal,
        url=f"{site}/oai",
        uids=uids,
        public={"built", "unimarc", "marc21", "fiche", "confat"},
        gone={"deleted", "withdrawn", "restricted"},
    )


def ident(uid):
    return f"oai:rt-infodoc:{uid}"


@pytest.fixture()
def oai_get(schemas):
    """oai_get(url, **args) -> validated root of a GET answer."""

    def _get(url, *pairs, method="GET", **args):
        params = list(pairs) + [(k.rstrip("_"), v) for k, v in args.items()]
        if method == "POST":
            response = requests.post(url, data=params, timeout=60)
        else:
            response = requests.get(url, params=params, timeout=60)
        assert response.status_code == 200, response.text[:500]
        assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
        root = etree.fromstring(response.content)
        assert_valid(schemas.oai, root)
        return root

    return _get


def error_codes(root):
    return [e.get("code") for e in root.findall("oai:error", NS)]


def headers_of(root):
    return {h.findtext("oai:identifier", namespaces=NS): h for h in root.iter(f"{OAI}header")}

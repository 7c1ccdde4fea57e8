"""The productions' pure cores: French dates, series numbers, the fiche's PDF, and
press metadata read from a page served by a local HTTP server."""

import datetime
import io
import sys

import pypdf
import pytest

from rt.infodoc.productions import dates
from rt.infodoc.productions import fiche_pdf
from rt.infodoc.productions import numbering
from rt.infodoc.productions import press_meta


def test_long_french_dates():
    assert dates.long_date(datetime.date(2022, 2, 3)) == "3 février 2022"
    assert dates.long_date("2011-03-01") == "1er mars 2011"
    assert dates.long_date(datetime.datetime(2011, 8, 15, 10, 0)) == "15 août 2011"
    assert dates.long_date(None) == "" and dates.long_date("pas une date") == ""
    assert dates.month_label("2011-04") == "avril 2011"
    assert dates.month_key(datetime.date(2011, 4, 8)) == "2011-04"


def test_series_numbers():
    assert numbering.parse("n°2/2011") == (2, 2011)
    assert numbering.parse("N° 12 / 2022") == (12, 2022)
    assert numbering.parse("sans numéro") is None
    assert numbering.format_number(3, 2011) == "n°3/2011"
    assert numbering.next_rank(2011, 0, ["n°1/2011", "n°3/2011", "n°9/2010"]) == 4
    assert numbering.next_rank(2012, 0, ["n°1/2011"]) == 1
    assert numbering.next_rank(2011, 5, ["n°1/2011"]) == 6


FICHE = {
    "number": "n°2/2011",
    "title": "La Régie de Territoire, Graulhet",
    "territory": ["Tarn"],
    "description": "Une régie de territoire au service des habitants.",
    "structure": "Régie de Territoire de Graulhet",
    "partners": ["Ville de Graulhet", "Conseil général du Tarn"],
    "text": "<p>" + "Les habitants participent aux chantiers. " * 900 + "</p>",
    "contact": "Régie de Territoire, 05 63 00 00 00",
    "date": "1er janvier 2011",
}


def test_fiche_pdf_has_the_four_pages_of_the_series():
    reader = pypdf.PdfReader(io.BytesIO(fiche_pdf.build(FICHE)))
    assert len(reader.pages) == 4  # a long text shrinks to fit page 2
    cover, experience, contacts, back = (p.extract_text() for p in reader.pages)
    assert "n°2/2011" in cover and "La Régie de Territoire, Graulhet" in cover and "Tarn" in cover
    assert "L'expérience" in experience and "Ville de Graulhet" in experience
    assert "Contacts" in contacts and "05 63 00 00 00" in contacts
    assert "Ressources & Territoires" in back


def test_fiche_pdf_without_number_says_so():
    reader = pypdf.PdfReader(io.BytesIO(fiche_pdf.build(dict(FICHE, number=""))))
    assert len(reader.pages) == 4
    assert "Numéro en cours d'attribution" in reader.pages[0].extract_text()


def test_press_metadata_from_opengraph(press_server):
    meta = press_meta.fetch(f"{press_server}/article")
    assert meta.title == "Toulouse : les adultes-relais se forment à la médiation"
    assert meta.source == "La Dépêche du Midi"
    assert meta.date == datetime.date(2022, 2, 3)
    assert meta.summary == "Une formation de trois jours pour les adultes-relais."


def test_press_metadata_from_plain_meta_tags(press_server):
    meta = press_meta.fetch(f"{press_server}/plain")
    assert meta.title == "Une page sans métadonnées"
    assert meta.source == "127.0.0.1" and meta.date == datetime.date(2011, 4, 5)


@pytest.mark.parametrize(
    "path, words",
    [
        ("/doc.pdf", "pas à une page web"),
        ("/absent", "erreur (404)"),
        ("/lent", "erreur (500)"),
    ],
)
def test_press_fetch_errors_are_french(press_server, path, words):
    with pytest.raises(press_meta.PressFetchError) as error:
        press_meta.fetch(f"{press_server}{path}")
    assert words in str(error.value)


def test_press_fetch_refuses_what_is_no_web_address():
    for url in ("", "ftp://exemple.org/a", "javascript:alert(1)", "exemple.org"):
        with pytest.raises(press_meta.PressFetchError, match="Adresse invalide"):
            press_meta.fetch(url)


def test_press_fetch_when_nothing_answers():
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(press_meta.PressFetchError, match="ne répond pas"):
        press_meta.fetch(f"http://127.0.0.1:{port}/article", timeout=3)


def test_pure_cores_import_no_zope():
    for name in ("dates", "numbering", "fiche_pdf", "press_meta"):
        module = sys.modules[f"rt.infodoc.productions.{name}"]
        source = open(module.__file__, encoding="utf-8").read()
        assert "import zope" not in source and "from zope" not in source
        assert "from plone" not in source and "Products." not in source

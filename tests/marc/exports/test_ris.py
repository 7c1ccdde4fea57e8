import re

from rt.infodoc.marc.exports.ris import ris_lines
from rt.infodoc.marc.exports.ris import ris_type
from rt.infodoc.marc.exports.ris import to_ris
from rt.infodoc.marc.exports.ris import to_ris_many


def test_ris_record_for_a_french_guide(notice, portal_url):
    text = to_ris(notice, url=portal_url)
    lines = text.split("\r\n")
    assert lines[0] == "TY  - BOOK"
    assert lines[-2:] == ["ER  - ", ""]
    assert "AU  - Adami, Hervé" in lines
    assert "AU  - Agence nationale de lutte contre l'illettrisme" in lines
    assert "ED  - Dupré, Jeanne" in lines
    assert "TI  - L'illettrisme en entreprise : repérer, accompagner, former" in lines
    assert "PY  - 2015" in lines and "PB  - Chronique sociale" in lines and "CY  - Lyon" in lines
    assert "SN  - 978-2-85008-123-4" in lines and "LA  - fre" in lines
    assert [line for line in lines if line.startswith("KW")] == [
        "KW  - Illettrisme -- Entreprise",
        "KW  - Formation professionnelle",
        "KW  - compétences de base",
    ]
    assert [line for line in lines if line.startswith("UR")] == [
        f"UR  - {portal_url}",
        "UR  - https://cosoter-ressources.info/doc_num.php?explnum_id=7&x=<y>",
    ]
    assert [line for line in lines if line.startswith("N1")] == [
        "N1  - Bibliogr. p. 180-185",
        "N1  - Glossaire",
    ]
    assert (
        "AB  - 50 % des salariés & 10 $ : « coûts cachés » #1 de l'illettrisme_x {ici} ~ ^ \\ fin"
        in lines
    )
    assert "T2  - Savoir communiquer" in lines


def test_every_ris_line_is_tag_two_spaces_dash_space_and_one_line(notice):
    notice["summary"] = "Premier paragraphe.\nSecond paragraphe."
    for tag, value in ris_lines(notice):
        assert re.fullmatch(r"[A-Z][A-Z0-9]", tag)
        assert "\n" not in value and "\r" not in value
    assert ("AB", "Premier paragraphe. Second paragraphe.") in ris_lines(notice)


def test_ris_types_follow_the_document_type():
    assert ris_type({"document_type": "rapport"}) == "RPRT"
    assert ris_type({"document_type": "article"}) == "JOUR"
    assert ris_type({"document_type": "periodique"}) == "JFULL"
    assert ris_type({"document_type": "video"}) == "VIDEO"
    assert ris_type({"document_type": "actes"}) == "CONF"
    assert ris_type({"document_type": "mallette"}) == "GEN"
    assert ris_type({}) == "GEN"


def test_article_puts_the_periodical_in_t2():
    lines = ris_lines(
        {
            "title": "Lire au travail",
            "document_type": "article",
            "series_title": "Journal de l'alpha, n° 212",
        }
    )
    assert ("T2", "Journal de l'alpha, n° 212") in lines and lines[0] == ("TY", "JOUR")


def test_several_records_in_one_file(notice):
    text = to_ris_many([notice, {"title": "Autre"}], newline="\n")
    assert text.count("TY  - ") == 2 and text.count("ER  - ") == 2

import re

from rt.infodoc.marc.exports.bibtex import citation_key
from rt.infodoc.marc.exports.bibtex import latex_escape
from rt.infodoc.marc.exports.bibtex import protect_capitals
from rt.infodoc.marc.exports.bibtex import to_bibtex


def fields(entry):
    return dict(re.findall(r"^  (\w+)\s+= \{(.*)\},?$", entry, re.M))


def test_bibtex_entry_for_a_french_guide(notice, portal_url):
    entry = to_bibtex(notice, url=portal_url)
    assert entry.startswith("@book{adami2015illettrisme,\n") and entry.endswith("}\n")
    values = fields(entry)
    assert values["author"] == "Adami, Hervé and {Agence nationale de lutte contre l'illettrisme}"
    assert values["editor"] == "Dupré, Jeanne"
    assert values["title"] == "{L'illettrisme} en entreprise : repérer, accompagner, former"
    assert values["publisher"] == "{Chronique} sociale" and values["address"] == "{Lyon}"
    assert values["year"] == "2015" and values["isbn"] == "978-2-85008-123-4"
    assert values["language"] == "french" and values["url"] == portal_url
    assert values["abstract"] == (
        r"50 \% des salariés \& 10 \$ : « coûts cachés » \#1 de l'illettrisme\_x "
        r"\{ici\} \textasciitilde{} \textasciicircum{} \textbackslash{} fin"
    )


def test_braces_in_the_entry_are_balanced(notice):
    entry = to_bibtex(notice)
    unescaped = re.sub(r"\\[{}]", "", entry)
    depth = 0
    for char in unescaped:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0


def test_entry_types():
    assert to_bibtex({"title": "R", "document_type": "rapport", "publisher": "ANLCI"}).startswith(
        "@techreport{"
    )
    assert "institution = {{ANLCI}}" in to_bibtex(
        {"title": "R", "document_type": "rapport", "publisher": "ANLCI"}
    )
    article = to_bibtex(
        {"title": "Lire", "document_type": "article", "series_title": "Journal de l'alpha"}
    )
    assert article.startswith("@article{") and "journal = {{Journal} de l'alpha}" in article
    assert to_bibtex({"title": "Kit", "document_type": "mallette"}).startswith("@misc{")


def test_citation_keys_are_ascii_and_stable(notice):
    assert citation_key(notice) == "adami2015illettrisme"
    assert citation_key(dict(notice)) == citation_key(notice)
    key = citation_key(
        {"title": "Égalité à l'école", "authors": [{"name": "Ødegård, Åse", "function": "070"}]}
    )
    assert key == "odegardsdegalite" and key.isascii()
    assert citation_key({"title": "Le cerveau et la pensée", "year": 2001}) == "cerveau2001pensee"
    assert (
        citation_key({"title": "Les œuvres", "authors": [{"name": "Cœur, Anne"}]})
        == "coeursdoeuvres"
    )
    assert re.fullmatch(r"[a-z0-9]+", citation_key({"title": "« ? »"}))


def test_latex_helpers():
    assert latex_escape("é à ç « »") == "é à ç « »"
    assert latex_escape("a_b&c") == r"a\_b\&c"
    assert (
        protect_capitals("La ville de Toulouse et l'ANLCI")
        == "{La} ville de {Toulouse} et {l'ANLCI}"
    )

"""The edit forms of a Notice's authors and a Conf'At' session's speakers: rows with
real inputs and choice lists, submitted over HTTP as a browser sends them (the grid's
script renames the row typed into and counts it: done here by hand), values checked
in the ZODB."""

import transaction
from structured_site import AUTHORS
from structured_site import SPEAKERS

PREFIX = "form.widgets.authors"


def _rows(data, prefix):
    """{index: {column: value}} of the rows in submitted form data."""
    rows = {}
    for name, value in data:
        if name.startswith(prefix + ".") and ".widgets." in name:
            index, _w, column = name[len(prefix) + 1 :].split(".", 2)
            rows.setdefault(index, {})[column.removesuffix(":list")] = value
    return rows


def _with_row(data, prefix, index, values):
    """The form data with the auto-append row ("AA") typed into: it becomes row
    ``index`` and the count grows, as the grid's script does."""
    out = []
    for name, value in data:
        if name == f"{prefix}.count":
            value = str(int(value) + 1)
        if name.startswith(f"{prefix}.AA.") or name == f"{prefix}.AA-empty-marker":
            column = name.split(".widgets.")[-1].removesuffix(":list")
            name = name.replace(f"{prefix}.AA", f"{prefix}.{index}", 1)
            value = values.get(column, value)
        out.append((name, value))
    return out


def _select_options(page, name):
    (select,) = page.xpath(f"//select[@name='{name}:list']")
    return {o.get("value"): o.text_content().strip() for o in select.xpath(".//option")}


def test_notice_authors_are_rows_with_choice_lists(rows_site, form_client):
    page = form_client.open(rows_site["notice"].absolute_url() + "/@@edit")
    assert page.xpath(f"//input[@name='{PREFIX}.0.widgets.name']/@value") == ["Lahire, Bernard"]
    assert page.xpath(f"//input[@name='{PREFIX}.1.widgets.name']/@value") == ["ANLCI"]
    functions = _select_options(page, f"{PREFIX}.1.widgets.function")
    assert functions["070"] == "Auteur (070)"
    assert functions["730"] == "Traducteur (730)"
    assert functions["651"] == "Directeur de publication, rédacteur en chef (651)"
    assert len(functions) > 120  # the whole UNIMARC relator list, and "Aucune valeur"
    assert _select_options(page, f"{PREFIX}.1.widgets.role") == {
        "main": "Auteur principal",
        "coauthor": "Autre auteur",
        "secondary": "Auteur secondaire",
    }
    assert _select_options(page, f"{PREFIX}.1.widgets.kind") == {
        "person": "Personne",
        "corporate": "Collectivité",
    }
    selected = page.xpath(f"//select[@name='{PREFIX}.1.widgets.function:list']/option[@selected]")
    assert [o.get("value") for o in selected] == ["651"]
    headers = [" ".join(th.text_content().split()) for th in page.xpath("//table//th")]
    assert any(h.startswith("Nom") and "« Nom, Prénom »" in h for h in headers)


def test_adding_and_changing_authors_stores_plain_rows(rows_site, form_client):
    notice = rows_site["notice"]
    form_client.open(notice.absolute_url() + "/@@edit")
    data = form_client.values(form_client.form())
    data = [
        (name, "coauthor" if name == f"{PREFIX}.1.widgets.role:list" else value)
        for name, value in data
    ]
    data = _with_row(
        data,
        PREFIX,
        2,
        {"name": "  Dupont,   Marie ", "kind": "person", "function": "730", "role": "secondary"},
    )
    response = form_client.submit(data)
    assert response.status_code == 200, response.text[-3000:]
    assert response.url.rstrip("/") == notice.absolute_url(), response.url
    transaction.begin()
    stored = rows_site["portal"]["fonds"]["illettrisme-fabrique"].authors
    assert stored == [
        AUTHORS[0],
        dict(AUTHORS[1], role="coauthor"),
        {"name": "Dupont, Marie", "kind": "person", "function": "730", "role": "secondary"},
    ]
    assert type(stored) is list and all(type(row) is dict for row in stored)


def test_an_author_row_without_a_name_is_refused_in_french(rows_site, form_client):
    notice = rows_site["notice"]
    form_client.open(notice.absolute_url() + "/@@edit")
    data = _with_row(form_client.values(form_client.form()), PREFIX, 2, {"name": ""})
    response = form_client.submit(data)
    assert response.status_code == 200
    page = form_client.page
    errors = " ".join(
        e.text_content() for e in page.xpath("//*[contains(@class,'invalid-feedback')]")
    )
    assert "obligatoire" in errors.lower(), errors
    transaction.begin()
    assert rows_site["portal"]["fonds"]["illettrisme-fabrique"].authors == AUTHORS  # unchanged


def test_rows_of_an_earlier_version_are_shown_as_codes_and_kept(rows_site, form_client):
    """Words where codes are now stored ("role": "Auteur", a harvested "principal")
    and a MARC 21 relator code ("aut") are offered as choices, so saving keeps them."""
    notice = rows_site["notice"]
    notice.authors = [
        {"name": "Martin, Sophie", "role": "Auteur", "kind": "person"},
        {"name": "Durand, Paul", "role": "autre"},
        {"name": "Smith, John", "role": "coauthor", "kind": "person", "function": "aut"},
    ]
    transaction.commit()
    page = form_client.open(notice.absolute_url() + "/@@edit")

    def chosen(row, column):
        name = f"{PREFIX}.{row}.widgets.{column}:list"
        return page.xpath(f"//select[@name='{name}']/option[@selected]/@value")

    assert chosen(0, "function") == ["070"] and chosen(0, "role") == ["main"]
    assert chosen(1, "role") == ["coauthor"] and chosen(1, "kind") == ["person"]
    assert chosen(2, "function") == ["aut"]
    assert _select_options(page, f"{PREFIX}.2.widgets.function")["aut"] == (
        "Auteur (code d'origine aut)"
    )
    form_client.submit(form_client.values(form_client.form()))
    errors = form_client.page.xpath("//*[contains(@class,'invalid-feedback')]")
    assert not errors, [
        (e.text_content(), e.getparent().xpath(".//*[@name]/@name")[:3]) for e in errors
    ]
    transaction.begin()
    assert rows_site["portal"]["fonds"]["illettrisme-fabrique"].authors == [
        {"name": "Martin, Sophie", "kind": "person", "function": "070", "role": "main"},
        {"name": "Durand, Paul", "kind": "person", "function": None, "role": "coauthor"},
        {"name": "Smith, John", "kind": "person", "function": "aut", "role": "coauthor"},
    ]


def test_a_new_notice_gets_its_authors_from_the_add_form(rows_site, form_client):
    form_client.open(rows_site["base"] + "/fonds/++add++Notice")
    data = [
        (n, "Lire en 2024" if n == "form.widgets.IBasic.title" else v)
        for n, v in form_client.values(form_client.form())
    ]
    data = _with_row(
        data, PREFIX, 0, {"name": "Réseau COSOTer", "kind": "corporate", "function": "070"}
    )
    response = form_client.submit(data)
    assert response.status_code == 200
    transaction.begin()
    (notice,) = [
        o for o in rows_site["portal"]["fonds"].objectValues() if o.Title() == "Lire en 2024"
    ]
    assert notice.authors == [
        {"name": "Réseau COSOTer", "kind": "corporate", "function": "070", "role": "main"}
    ]


SPEAKER_PREFIX = "form.widgets.speakers"


def test_confat_speakers_are_added_and_changed_as_rows(rows_site, form_client):
    confat = rows_site["confat"]
    page = form_client.open(confat.absolute_url() + "/@@edit")
    assert page.xpath(f"//input[@name='{SPEAKER_PREFIX}.0.widgets.title']/@value") == [
        "Maître de conférences"
    ]
    data = [
        (n, "ATILF (Nancy)" if n == f"{SPEAKER_PREFIX}.0.widgets.affiliation" else v)
        for n, v in form_client.values(form_client.form())
    ]
    data = _with_row(
        data,
        SPEAKER_PREFIX,
        1,
        {"name": "Élise Fabre", "title": "Formatrice", "affiliation": ""},
    )
    response = form_client.submit(data)
    assert response.status_code == 200
    transaction.begin()
    assert rows_site["portal"]["conf-at"]["insecurite-linguistique"].speakers == [
        dict(SPEAKERS[0], affiliation="ATILF (Nancy)"),
        {"name": "Élise Fabre", "title": "Formatrice", "affiliation": None},
    ]


def test_removing_every_speaker_leaves_an_empty_list(rows_site, form_client):
    confat = rows_site["confat"]
    form_client.open(confat.absolute_url() + "/@@edit")
    data = [
        (n, "0" if n == f"{SPEAKER_PREFIX}.count" else v)
        for n, v in form_client.values(form_client.form())
        if not n.startswith(f"{SPEAKER_PREFIX}.0.")
    ]
    form_client.submit(data)
    transaction.begin()
    assert rows_site["portal"]["conf-at"]["insecurite-linguistique"].speakers == []

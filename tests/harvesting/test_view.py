"""The @@harvest-oai page over real HTTP (functional layer), and the report recipients."""

import re

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from standins.pmb_oai import PMBStandIn
from zope.component.hooks import setSite

from .conftest import expected_title
from .conftest import make_record

PASSWORD = "secret-123456"


@pytest.fixture()
def pmb():
    with PMBStandIn([make_record(i) for i in range(1, 31)], source_id=3) as server:
        yield server


@pytest.fixture()
def site(functional, pmb):
    portal = functional["portal"]
    setSite(portal)
    login(functional["app"], SITE_OWNER_NAME)
    portal.portal_registry["rt.infodoc.harvest.sources"] = [
        "# un exemple",
        f"cosoter | {pmb.url} | pmb_xml_unimarc |",
    ]
    api.user.create(email="doc@example.org", username="doc", password=PASSWORD)
    api.group.add_user(groupname="documentalistes", username="doc")
    api.user.create(email="lecteur@example.org", username="lecteur", password=PASSWORD)
    transaction.commit()
    return portal, f"http://{functional['host']}:{functional['port']}/plone"


def _authenticator(html):
    return re.search(r'name="_authenticator"\s+value="([^"]+)"', html).group(1)


def test_anonymous_and_plain_member_are_refused(site):
    _, base = site
    for auth in (None, ("lecteur", PASSWORD)):
        response = requests.get(
            f"{base}/@@harvest-oai", auth=auth, timeout=30, allow_redirects=False
        )
        assert response.status_code in (302, 401, 403), auth
        assert "Lancer un moissonnage" not in response.text
    response = requests.post(
        f"{base}/@@harvest-oai",
        timeout=30,
        allow_redirects=False,
        data={"source": "cosoter", "form.submitted": "1"},
    )
    assert response.status_code in (302, 401, 403)
    assert len(api.content.find(portal_type="Notice", unrestricted=True)) == 0


def test_documentaliste_harvests_from_the_page(site, pmb):
    portal, base = site
    auth = ("doc", PASSWORD)
    page = requests.get(f"{base}/@@harvest-oai", auth=auth, timeout=30)
    assert page.status_code == 200
    assert "Moissonner une source OAI-PMH" in page.text
    assert f'<option value="cosoter">cosoter ({pmb.url})</option>' in page.text
    assert '<label class="form-label" for="harvest-url">' in page.text
    assert "Aucun moissonnage n'a encore été fait." in page.text
    token = _authenticator(page.text)

    # without the CSRF token: refused, nothing harvested
    refused = requests.post(
        f"{base}/@@harvest-oai",
        auth=auth,
        timeout=30,
        data={"source": "cosoter", "form.submitted": "1"},
    )
    assert refused.status_code == 403
    transaction.begin()
    assert len(portal["fonds"].objectIds()) == 0

    done = requests.post(
        f"{base}/@@harvest-oai",
        auth=auth,
        timeout=120,
        data={
            "_authenticator": token,
            "source": "cosoter",
            "format": "",
            "sets": "",
            "from": "",
            "until": "",
            "form.submitted": "1",
        },
    )
    assert done.status_code == 200, done.text[-2000:]
    html = done.text
    assert "Résultat du moissonnage" in html
    assert re.search(r"<th scope=\"row\">Notices reçues</th>\s*<td>30</td>", html)
    assert re.search(r"<th scope=\"row\">créées</th>\s*<td>30</td>", html)
    assert re.search(r"<th scope=\"row\">rejetées</th>\s*<td>0</td>", html)
    assert re.search(r"Source cosoter — date de reprise :\s*2024-03-01T08:00:29Z", html)
    transaction.begin()
    assert portal["fonds"]["n5001"].title == expected_title(1)
    assert len(portal["fonds"].objectIds()) == 30

    # a second run from the page: incremental, nothing new
    again = requests.post(
        f"{base}/@@harvest-oai",
        auth=auth,
        timeout=120,
        data={"_authenticator": token, "source": "cosoter", "form.submitted": "1"},
    )
    assert re.search(r"Notices modifiées depuis le\s*2024-03-01T08:00:29Z", again.text)
    history = again.text.split('id="historique"', 1)[1]
    rows = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).split()
        for row in history.split("<tbody>", 1)[1].split("</tbody>")[0].split("</tr>")[:-1]
    ]
    # newest first: end, state, from, last datestamp, received, created... rejected
    assert [row[1:] for row in rows] == [
        ["rien", "de", "nouveau", "2024-03-01T08:00:29Z", "—", "0", "0", "0", "0", "0", "0"],
        ["terminé", "origine", "2024-03-01T08:00:29Z", "30", "30", "0", "0", "0", "0"],
    ]


def test_form_errors_are_french_and_linked(site):
    _, base = site
    auth = ("doc", PASSWORD)
    token = _authenticator(requests.get(f"{base}/@@harvest-oai", auth=auth, timeout=30).text)
    done = requests.post(
        f"{base}/@@harvest-oai",
        auth=auth,
        timeout=30,
        data={
            "_authenticator": token,
            "source": "__url__",
            "url": "pas-une-url",
            "name": "Mauvais",
            "from": "01/02/2024",
            "form.submitted": "1",
        },
    )
    assert done.status_code == 200
    html = done.text
    assert 'role="alert"' in html and "Le formulaire contient des erreurs" in html
    assert 'href="#harvest-url"' in html and "Indiquez l'URL de base" in html
    assert 'href="#harvest-name"' in html and "Indiquez un nom pour cette source" in html
    assert "Date de début invalide : écrivez-la AAAA-MM-JJ." in html
    assert 'aria-invalid="true"' in html and "Résultat du moissonnage" not in html


def test_unreachable_source_from_the_page(site):
    _, base = site
    auth = ("doc", PASSWORD)
    token = _authenticator(requests.get(f"{base}/@@harvest-oai", auth=auth, timeout=30).text)
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = requests.post(
        f"{base}/@@harvest-oai",
        auth=auth,
        timeout=120,
        data={
            "_authenticator": token,
            "source": "__url__",
            "name": "autre-centre",
            "url": f"http://127.0.0.1:{port}/oai",
            "form.submitted": "1",
        },
    )
    assert done.status_code == 200
    assert "Le moissonnage n'a pas pu commencer" in done.text
    assert "ne répond pas" in done.text
    assert "Source autre-centre" in done.text  # in the history, as a failed run


def test_recipients_registry_then_group(site):
    from rt.infodoc.harvesting.mail import recipients

    portal, _ = site
    api.user.create(email="doc2@example.org", username="doc2", password=PASSWORD)
    api.group.add_user(groupname="documentalistes", username="doc2")
    assert recipients() == ["doc2@example.org", "doc@example.org"]
    portal.portal_registry["rt.infodoc.harvest.recipients"] = ["documentation@example.org"]
    assert recipients() == ["documentation@example.org"]
    portal.portal_registry["rt.infodoc.harvest.recipients"] = []
    portal.portal_registry["rt.infodoc.harvest.recipients_group"] = "absent"
    assert recipients() == []

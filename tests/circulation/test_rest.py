"""The desk over REST (plone.restapi): documentalistes only, French refusals and
statuses (asked from an English browser), nothing written on bad input."""

from datetime import date

import pytest
import requests
import transaction
from plone import api

from circulation import sitedesk
from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation.store import get_store

PASSWORD = "secret-Doc-2026"
DOC = ("doc", PASSWORD)
JSON = {
    "Accept": "application/json",
    "Content-Type": "application/json",
    "Accept-Language": "en-US,en;q=0.9",
}


@pytest.fixture()
def site(functional):
    portal = functional["portal"]
    api.user.create(email="doc@example.org", username="doc", password=PASSWORD, roles=("Member",))
    api.user.grant_roles(username="doc", roles=["Documentaliste"])
    api.user.create(email="reader@example.org", username="reader", password=PASSWORD)
    api.user.create(email="foix@example.org", username="foix", password=PASSWORD)
    api.group.add_user(groupname="relais-foix", username="foix")
    with api.env.adopt_roles(["Manager"]):
        notice = api.content.create(
            container=portal["fonds"],
            type="Notice",
            id="guide",
            title="Guide des savoirs de base",
            document_type="ouvrage",
            items=[
                {"barcode": "RT800001", "call_number": "374 GUI"},
                {"barcode": "RT800002", "call_number": "374 GUI", "site": "foix"},
            ],
        )
        store = get_store(portal, create=True)
        one = borrowers.add_borrower(store, name="Dupont Marie", expires=date(2099, 1, 1))
        two = borrowers.add_borrower(store, name="Martin Paul", expires=date(2099, 1, 1))
        old = borrowers.add_borrower(store, name="Ancien Lecteur", expires=date(2020, 1, 1))
    transaction.commit()
    base = f"http://{functional['host']}:{functional['port']}/plone"
    return {"base": base, "portal": portal, "uid": notice.UID(), "cards": (one.id, two.id, old.id)}


def post(site, name, body, auth=DOC):
    return requests.post(f"{site['base']}/{name}", json=body, headers=JSON, auth=auth, timeout=30)


def get(site, name, params, auth=DOC):
    return requests.get(
        f"{site['base']}/{name}", params=params, headers=JSON, auth=auth, timeout=30
    )


def loans_in_store(site):
    transaction.begin()
    return dict(get_store(site["portal"]).loans)


def test_lend_renew_return(site):
    one = site["cards"][0]
    answer = post(site, "@pret", {"barcode": "RT800001", "card": one})
    assert answer.status_code == 200, answer.text
    assert answer.json()["loan"]["borrower_id"] == one
    # JSON without the transform chain, still with the portal's security headers
    assert answer.headers["Content-Type"].startswith("application/json")
    assert "Content-Security-Policy" in answer.headers
    assert answer.headers.get("X-Content-Type-Options") == "nosniff"
    error = post(site, "@prolongation", {"barcode": "RT800001"}).json()["error"]
    assert error["codes"] == ["renew_too_soon"]  # on the day of the loan
    assert error["message"].startswith("Trop tôt pour prolonger le prêt de RT800001 : à rendre le")
    transaction.begin()
    sitedesk.backdate(site["portal"], "RT800001", 10)
    transaction.commit()
    renewed = post(site, "@prolongation", {"barcode": "RT800001"}).json()["loan"]
    assert renewed["renewals"] == 1
    copy = get(site, "@exemplaire", {"barcode": "RT800001"}).json()["copy"]
    assert copy["status_title"] == "En prêt" and copy["loan"]["borrower_id"] == one
    assert post(site, "@emprunteur", {"card": one}).json()["loans"][0]["barcode"] == "RT800001"
    back = post(site, "@retour", {"barcode": "RT800001"}).json()
    assert back["loan"]["returned"] and back["copy"]["status"] == "disponible"
    assert back["copy"]["status_title"] == "Disponible"  # the staff pages' message id
    assert loans_in_store(site) == {}


@pytest.mark.parametrize(
    "body,fragment",
    [
        ({"barcode": "NOPE", "card": "L000001"}, "Code-barres inconnu : « NOPE »"),
        ({"barcode": "RT800001", "card": "X9"}, "Aucun emprunteur ne correspond à « X9 »"),
        ({"barcode": "RT800001", "card": "L000003"}, "L'inscription de Ancien Lecteur a expiré"),
        ({"barcode": "RT800001"}, "Le champ « card » est obligatoire."),
        ({"barcode": ["RT800001"], "card": "L000001"}, "doit être un texte"),
    ],
)
def test_bad_input_is_a_french_400_and_writes_nothing(site, body, fragment):
    answer = post(site, "@pret", body)
    assert answer.status_code == 400
    assert fragment in answer.json()["error"]["message"]
    assert loans_in_store(site) == {}


def test_not_json_and_already_on_loan(site):
    answer = requests.post(
        f"{site['base']}/@pret", data="{pas du json", headers=JSON, auth=DOC, timeout=30
    )
    assert answer.status_code == 400
    assert "n'est pas du JSON valide" in answer.json()["error"]["message"]
    one, two, _old = site["cards"]
    assert post(site, "@pret", {"barcode": "RT800001", "card": one}).status_code == 200
    error = post(site, "@pret", {"barcode": "RT800001", "card": two}).json()["error"]
    assert error["codes"] == ["already_on_loan"] and "déjà en prêt" in error["message"]
    assert loans_in_store(site)["RT800001"].borrower_id == one


def test_override_with_a_reason_is_recorded(site):
    old = site["cards"][2]
    error = post(site, "@pret", {"barcode": "RT800001", "card": old}).json()["error"]
    assert error["derogeable"] is True
    loan = post(
        site, "@pret", {"barcode": "RT800001", "card": old, "reason": "Réinscription payée"}
    ).json()["loan"]
    assert loan["override"] == "Réinscription payée" and loan["overridden"] == ["borrower_expired"]


def test_reservation_for_someone_else_refused(site):
    one, two, _old = site["cards"]
    post(site, "@pret", {"barcode": "RT800001", "card": one})
    post(site, "@pret", {"barcode": "RT800002", "card": one, "site": "foix"})
    reservation = post(site, "@reservation", {"uid": site["uid"], "card": two}).json()
    assert "reservation" in reservation, reservation
    rid = reservation["reservation"]["id"]
    error = post(site, "@annulation-reservation", {"id": rid, "card": one}).json()["error"]
    assert error["message"] == "Cette réservation est celle d'un autre lecteur."
    cancelled = post(site, "@annulation-reservation", {"id": rid, "card": two}).json()
    assert cancelled["reservation"]["status"] == "annulee"


def test_transfer_visit_overdue(site):
    transfer = post(site, "@transfert", {"barcode": "RT800001", "to_site": "albi"}).json()
    assert transfer["transfer"]["status"] == "en-transit"
    received = post(site, "@reception", {"barcode": "RT800001", "site": "albi"}).json()
    assert received["copy"]["site"] == "albi" and received["copy"]["status"] == "disponible"
    visit = post(site, "@visite", {"site": "albi"}).json()["visit"]
    assert visit["site"] == "albi"
    assert get(site, "@retards", {}).json()["items_total"] == 0


def test_only_circulation_staff(site):
    body = {"barcode": "RT800001", "card": site["cards"][0]}
    assert post(site, "@pret", body, auth=None).status_code == 401
    assert post(site, "@pret", body, auth=("reader", PASSWORD)).status_code == 401
    assert post(site, "@emprunteurs", {"q": "dupont"}, auth=None).status_code == 401
    found = post(site, "@emprunteurs", {"q": "dupont"}).json()
    assert [b["name"] for b in found["items"]] == ["Dupont Marie"]
    assert loans_in_store(site) == {}


def test_relay_staff_work_at_their_site_only(site):
    one = site["cards"][0]
    foix = ("foix", PASSWORD)
    error = post(site, "@pret", {"barcode": "RT800001", "card": one, "site": "toulouse"}, auth=foix)
    assert error.json()["error"]["codes"] == ["site_forbidden"]
    loan = post(site, "@pret", {"barcode": "RT800002", "card": one}, auth=foix).json()["loan"]
    assert loan["site"] == "foix"


def test_borrower_data_never_reaches_public_channels(site):
    portal = site["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=portal["fonds"]["guide"], to_state="published")
        store = get_store(portal)
        secret = borrowers.add_borrower(
            store,
            name="Zyxtrombone Hortense",
            email="hortense.zyxtrombone@example.org",
            expires=date(2099, 1, 1),
        )
    transaction.commit()
    assert post(site, "@pret", {"barcode": "RT800001", "card": secret.id}).status_code == 200
    base = site["base"]
    pages = [
        f"{base}/fonds/guide",
        f"{base}/recherche?q=Zyxtrombone",
        f"{base}/@recherche?q=Zyxtrombone",
        f"{base}/oai?verb=ListRecords&metadataPrefix=oai_dc",
        f"{base}/search?SearchableText=Zyxtrombone",
    ]
    for url in pages:
        accept = "application/json" if "/@recherche" in url else "text/html"
        answer = requests.get(url, headers={"Accept": accept}, timeout=30)
        assert answer.status_code == 200, url
        # the query itself is echoed in the search box; the rest of the name never is
        assert "Hortense" not in answer.text and "hortense." not in answer.text, url
        assert secret.id not in answer.text, url
    rest = requests.get(f"{base}/fonds/guide", headers=JSON, timeout=30)
    assert rest.status_code == 200 and "Hortense" not in rest.text
    assert secret.id not in rest.text
    assert get(site, "@exemplaire", {"barcode": "RT800001"}, auth=None).status_code == 401
    assert "En prêt jusqu'au" in requests.get(f"{base}/fonds/guide", timeout=30).text


def visits_in_store(site):
    transaction.begin()
    return len(get_store(site["portal"]).visits)


def test_an_unknown_site_is_a_french_400_and_writes_nothing(site):
    one = site["cards"][0]
    answer = post(site, "@pret", {"barcode": "RT800001", "card": one, "site": "paris"})
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == "Site inconnu : « paris »."
    assert loans_in_store(site) == {}
    assert post(site, "@pret", {"barcode": "RT800001", "card": one}).status_code == 200
    answer = post(site, "@retour", {"barcode": "RT800001", "site": "lune"})
    assert answer.status_code == 400 and answer.json()["error"]["codes"] == ["unknown_site"]
    assert "RT800001" in loans_in_store(site)  # still lent, not in transit from "lune"
    answer = post(site, "@visite", {"site": "lune"})
    assert answer.status_code == 400 and answer.json()["error"]["codes"] == ["unknown_site"]
    answer = get(site, "@retards", {"site": "lune"})
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == "Site inconnu : « lune »."
    assert get(site, "@retards", {"site": "foix"}).json()["items_total"] == 0
    assert visits_in_store(site) == 0


def test_a_visit_reads_first_strictly(site):
    answer = post(site, "@visite", {"first": "non"})
    assert answer.status_code == 200 and answer.json()["visit"]["first"] is False
    assert post(site, "@visite", {"first": True}).json()["visit"]["first"] is True
    answer = post(site, "@visite", {"first": "peut-être"})
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == (
        "Le champ « first » attend oui ou non (true ou false) ; « peut-être » n'est pas compris."
    )
    assert visits_in_store(site) == 2


def test_a_transfer_to_where_the_copy_is_or_goes_writes_nothing(site):
    answer = post(site, "@transfert", {"barcode": "RT800001", "to_site": "toulouse"})
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == (
        "L'exemplaire RT800001 est déjà à Toulouse : il n'y a rien à envoyer."
    )
    assert post(site, "@transfert", {"barcode": "RT800001", "to_site": "albi"}).status_code == 200
    answer = post(site, "@transfert", {"barcode": "RT800001", "to_site": "albi"})
    assert answer.json()["error"]["codes"] == ["already_in_transit_to"]
    assert (
        answer.json()["error"]["message"] == "L'exemplaire RT800001 est déjà en transit vers Albi."
    )
    transaction.begin()
    assert len(get_store(site["portal"]).transfers) == 1

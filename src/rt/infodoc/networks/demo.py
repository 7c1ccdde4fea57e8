"""The demo's two networks, their spaces and their accounts (README, "Démonstration").

Idempotent, like the rest of the demo: what exists is left alone. The adultes-relais
dossier of the 2011 report is loaded "Réservé aux adhérents" by the demo loader;
it is moved into its network as the upgrade moves an old site's dossiers.
"""

import datetime

from plone import api
from plone.app.textfield.value import RichTextValue

from rt.infodoc.networks.migration import make_network
from rt.infodoc.networks.migration import reserve_to_network

# login doubles as the demo password's prefix: "<login>" / DEMO_PASSWORD
DEMO_PASSWORD = "demo-reseau-2026"

NETWORKS = (
    {
        "group": "reseau-clspd",
        "title": "Réseau des coordonnateurs CLSPD",
        "space": "reseau-coordonnateurs-clspd",
        "manager": ("animatrice-clspd", "Claire Vidal (animatrice du réseau CLSPD)"),
        "members": (("coord-montauban", "Karim Benali (CLSPD de Montauban)"),),
        "open_end": datetime.date(2027, 6, 30),
    },
    {
        "group": "reseau-adultes-relais",
        "title": "Réseau des adultes-relais",
        "space": "professionnalisation-adultes-relais",
        "manager": ("animateur-adultes-relais", "Julien Faure (animateur du réseau)"),
        "members": (("mediatrice-albi", "Nadia Ouali (adulte-relais, Albi)"),),
        "open_end": datetime.date(2011, 12, 31),  # the 2011 plan is over: read-only
    },
)
PLAIN_MEMBER = ("lecteur-demo", "Lucie Garnier (membre du portail)")

CLSPD_SPACE = {
    "title": "Espace du réseau des coordonnateurs CLSPD / CISPD",
    "description": (
        "Documents de travail des coordonnateurs de CLSPD / CISPD : évaluation de la "
        "prévention de la délinquance, tableaux de bord de l'observation."
    ),
    "introduction": (
        "<p>Plusieurs coordonnateurs de CLSPD / CISPD ont exprimé des questions "
        "récurrentes sur l'évaluation de la prévention de la délinquance. Cet espace "
        "réunit les documents de travail du réseau ; il est réservé à ses membres.</p>"
    ),
    "pages": (
        (
            "journee-evaluation-tarn-et-garonne",
            "Évaluer la prévention de la délinquance : journée de Tarn-et-Garonne",
            "<p>Journée construite avec la DDCSPP de Tarn-et-Garonne et les "
            "coordonnateurs de CLSPD / CISPD du département : questions, méthodes, "
            "suites à donner.</p>",
        ),
        (
            "tableaux-de-bord-observation",
            "Tableaux de bord de l'observation de la délinquance (document de travail)",
            "<p>Les 24 indicateurs suivis par R&amp;T sur les atteintes aux personnes "
            "et aux biens, commentés pour les coordonnateurs.</p>",
        ),
    ),
}


def _user(login, fullname):
    if api.user.get(username=login) is None:
        api.user.create(
            email=f"{login}@example.org",
            username=login,
            password=DEMO_PASSWORD,
            properties={"fullname": fullname},
        )
    return api.user.get(username=login)


def _html(text):
    return RichTextValue(text, "text/html", "text/x-html-safe")


def _clspd_space(section):
    space = section.get(NETWORKS[0]["space"])
    if space is not None:
        return space
    space = api.content.create(
        container=section,
        type="DossierThematique",
        id=NETWORKS[0]["space"],
        title=CLSPD_SPACE["title"],
        description=CLSPD_SPACE["description"],
        introduction=_html(CLSPD_SPACE["introduction"]),
        themes=["prevention-securite"],
        territory=["82"],
        safe_id=False,
    )
    api.content.transition(obj=space, to_state="members")  # moved below, with its pages
    for page_id, title, text in CLSPD_SPACE["pages"]:
        page = api.content.create(
            container=space, type="Document", id=page_id, title=title, text=_html(text)
        )
        api.content.transition(obj=page, to_state="members")
    return space


def load_networks_demo(portal=None):
    portal = portal or api.portal.get()
    section = portal["dossiers"]
    _clspd_space(section)
    _user(*PLAIN_MEMBER)
    for network in NETWORKS:
        space = section.get(network["space"])
        if space is None:
            continue
        members = [_user(*member).getId() for member in network["members"]]
        make_network(portal, network["group"], network["title"], members)
        if getattr(space, "network", None) is None:
            space.open_end = network["open_end"]
            reserve_to_network(space, network["group"])
        manager = _user(*network["manager"])
        api.user.grant_roles(user=manager, obj=space, roles=["NetworkManager"])
        space.reindexObjectSecurity()

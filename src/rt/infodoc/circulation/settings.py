"""The circulation settings (registry) and the desk of a request."""

from datetime import datetime
from datetime import timedelta
from functools import lru_cache

from plone import api
from plone.registry.interfaces import IRegistry
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface

from rt.infodoc import _
from rt.infodoc.circulation.desk import Desk
from rt.infodoc.circulation.rules.calendar import calendar_from_settings
from rt.infodoc.circulation.rules.policy import DEFAULT_RULES
from rt.infodoc.circulation.rules.policy import Policy
from rt.infodoc.circulation.rules.policy import rules_from_lines
from rt.infodoc.circulation.store import CirculationStore
from rt.infodoc.circulation.store import get_store

PREFIX = "rt.infodoc.circulation"
RELAY_SITES = "rt.infodoc.vocabularies.relay_sites"
# a relay staff member belongs to the group "relais-<site>" (and has the
# Relais role, which gives the circulation permission)
RELAY_GROUP_PREFIX = "relais-"


class ICirculationSettings(Interface):
    rules = schema.List(
        title=_("Règles de prêt"),
        description=_(
            "Une règle par ligne : catégorie|type de document|site|prêts maximum|"
            "durée en jours|prolongations|réservations (oui/non). « * » vaut pour tous, "
            "« *relais » pour tous les sites relais. Vide : les règles par défaut."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    categories = schema.List(
        title=_("Catégories d'emprunteurs"),
        description=_("Sous la forme « code|Libellé »."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    closed_weekdays = schema.List(
        title=_("Jours de fermeture"),
        description=_("0 = lundi … 6 = dimanche."),
        value_type=schema.Int(min=0, max=6),
        required=False,
        default=[5, 6],
    )
    closed_dates = schema.List(
        title=_("Dates de fermeture"),
        description=_("Une date par ligne (AAAA-MM-JJ) : fermetures d'été, ponts…"),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    hold_days = schema.Int(
        title=_("Jours de mise de côté d'une réservation"),
        required=False,
        default=7,
        min=1,
    )
    anonymise_after_days = schema.Int(
        title=_("Anonymisation de l'historique des prêts (jours après le retour)"),
        required=False,
        default=365,
        min=0,
    )


def _record(name, default=None):
    registry = queryUtility(IRegistry)
    if registry is None:
        return default
    value = registry.get(f"{PREFIX}.{name}", None)
    return default if value is None else value


def site_codes():
    registry = queryUtility(IRegistry)
    lines = (registry.get(RELAY_SITES, None) if registry is not None else None) or ()
    codes = tuple(line.split("|", 1)[0].strip() for line in lines if line.strip())
    return codes or Policy().sites


def site_titles():
    registry = queryUtility(IRegistry)
    lines = (registry.get(RELAY_SITES, None) if registry is not None else None) or ()
    titles = {}
    for line in lines:
        code, _sep, title = line.partition("|")
        titles[code.strip()] = (title or code).split(" — ")[0].strip()
    return titles


def category_titles():
    titles = {}
    for line in _record("categories", ()) or ():
        code, _sep, title = line.partition("|")
        if code.strip():
            titles[code.strip()] = (title or code).strip()
    return titles or {
        "adherent": "Adhérent",
        "usager": "Usager",
        "stagiaire": "Stagiaire",
        "relais": "Relais",
    }


@lru_cache(maxsize=16)
def _policy(lines, sites):
    return Policy(rules=rules_from_lines(lines) if lines else DEFAULT_RULES, sites=sites)


def policy():
    """The loan rules of the registry, parsed once per version of the rules
    (every desk request asks for them)."""
    return _policy(tuple(_record("rules", ()) or ()), tuple(site_codes()))


@lru_cache(maxsize=16)
def _calendar(closed_weekdays, closed_dates):
    return calendar_from_settings(closed_weekdays, closed_dates, True)


def calendar():
    return _calendar(
        tuple(_record("closed_weekdays", (5, 6)) or ()), tuple(_record("closed_dates", ()) or ())
    )


def anonymise_before(now=None):
    days = _record("anonymise_after_days", 365)
    return (now or datetime.now()) - timedelta(days=days)


def staff_site(user=None):
    """None for a documentaliste (every site), a site code for relay staff.

    Relay staff are the members of a group "relais-<site>" who do not hold
    "Manage circulation" on the site root through another role."""
    user = user or api.user.get_current()
    if user is None:
        return None
    roles = set(user.getRoles())
    if roles & {"Manager", "Site Administrator", "Documentaliste"}:
        return None
    groups = api.group.get_groups(user=user) if hasattr(user, "getId") else []
    for group in groups:
        gid = group.getId()
        if gid.startswith(RELAY_GROUP_PREFIX):
            return gid[len(RELAY_GROUP_PREFIX) :]
    return None


def store_of(portal, create=False):
    """The site's store; a fresh empty one (not saved) before the first write."""
    return get_store(portal, create=create) or CirculationStore()


def desk_for(portal, user=None):
    user = user or api.user.get_current()
    return Desk(
        portal,
        get_store(portal, create=True),
        policy(),
        calendar(),
        staff=user.getId() if user is not None else "",
        staff_site=staff_site(user),
        hold_days=_record("hold_days", 7),
        site_titles=site_titles,  # read only when a message names a site
    )

"""The site's sections and groups, as data."""

from rt.infodoc import _

# id, title, description, addable types
SECTIONS = (
    (
        "fonds",
        _("Fonds documentaire"),
        _("Les références du centre de documentation et du réseau COSOTer."),
        ("Notice",),
    ),
    (
        "fiches-experiences",
        _("Fiches expériences"),
        _("Des expériences locales de cohésion sociale, capitalisées et numérotées."),
        ("FicheExperience",),
    ),
    (
        "conf-at",
        _("Conf'At'"),
        _("Les actes des conférences et ateliers-débats du centre."),
        ("ConfAt",),
    ),
    (
        "dossiers",
        _("Dossiers thématiques"),
        _("Des dossiers web thématiques, publics ou réservés aux réseaux d'adhérents."),
        ("DossierThematique",),
    ),
    (
        "panoramas",
        _("Panoramas de presse"),
        _("La veille de presse du centre sur la cohésion sociale en Occitanie."),
        ("PanoramaPresse",),
    ),
    (
        "periodiques",
        _("Périodiques"),
        _("Les revues et lettres reçues ou publiées par le centre."),
        ("Periodique",),
    ),
    (
        "mallettes",
        _("Mallettes pédagogiques"),
        _("Les mallettes d'outils du formateur, empruntables dans les sites relais."),
        ("Mallette",),
    ),
)

# Sections without a manual order: the fund holds tens of thousands of Notices, and
# Plone's default ordering keeps every id in one persistent list (rewritten at each
# addition) plus a position map; nobody sorts a library fund by hand (listings sort
# by title, date or relevance).
UNORDERED_SECTIONS = ("fonds",)

# id, title, global roles
GROUPS = (
    ("documentalistes", "Documentalistes", ("Documentaliste",)),
    ("editeurs", "Chargé·e·s de mission (rédaction)", ("Contributor",)),
    # Editor and Reviewer: local roles on the production sections (productions/sections.py)
    ("adherents", "Adhérents du réseau", ("Adherent",)),
)

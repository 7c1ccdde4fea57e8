"""Notices indexed by the Solr tests, shaped like what Plone sends for a Notice.

Written for these tests; the titles read like the centre's fund on purpose
(accents, elisions, hyphens, acronyms).
"""

PUBLIC = ["Anonymous"]


def notice(uid, title, themes, document_type, year, **extra):
    doc = {
        "UID": uid,
        "id": uid,
        "getId": uid,
        "Title": title,
        "sortable_title": title.lower(),
        "SearchableText": f"{uid} {title} {extra.pop('text', '')}",
        "portal_type": "Notice",
        "review_state": "published",
        "allowedRolesAndUsers": PUBLIC,
        "path_string": f"/Plone/fonds/{uid}",
        "path_parents": ["/Plone", "/Plone/fonds", f"/Plone/fonds/{uid}"],
        "path_depth": 3,
        "themes": themes,
        "document_type": document_type,
        "year": year,
        "created": f"{year}-01-15T10:00:00Z",
        "modified": f"{year}-02-01T10:00:00Z",
        "effective": f"{year}-01-15T10:00:00Z",
        "getIcon": False,
        "language": "fre",
        "support": "papier",
    }
    doc.update(extra)
    return doc


DOCS = [
    notice(
        "guide-illettrisme",
        "Illettrisme : guide pour agir en Occitanie",
        ["savoirs-de-base"],
        "guide-methodologique",
        2019,
        authors=["Dupont, Marie", "Agence nationale de lutte contre l'illettrisme"],
        isbn=["978-2-7466-1234-5"],
        publisher="ANLCI",
        descriptors=["Illettrisme", "Formation des adultes"],
        text="Repérer et accompagner les personnes en situation d'illettrisme.",
    ),
    notice(
        "adultes-illettres",
        "Les adultes illettrés face à l'emploi",
        ["savoirs-de-base", "emploi-insertion"],
        "rapport",
        2021,
        authors=["Martin, Paul"],
        territory=["31", "occitanie"],
    ),
    notice(
        "prevenir-illettrisme",
        "Prévenir l'illettrisme dès l'école",
        ["savoirs-de-base", "education"],
        "etude",
        2020,
        summary="Une étude sur la prévention à l'école primaire.",
    ),
    notice(
        "egalite",
        "Égalité femmes-hommes dans les quartiers",
        ["egalite-femmes-hommes"],
        "ouvrage",
        2018,
        descriptors=["Égalité des chances", "Genre"],
        territory=["national"],
    ),
    notice(
        "ecole-accent", "L'école et les familles", ["education", "parentalite"], "ouvrage", 2017
    ),
    notice(
        "ecole-sans-accent",
        "Ecole ouverte aux parents",
        ["parentalite"],
        "outil-pedagogique",
        2022,
        isbn=["2-7466-0999-X"],
    ),
    notice(
        "insertion",
        "Insertion professionnelle des jeunes",
        ["emploi-insertion", "jeunesse"],
        "rapport",
        2023,
        issn="1234-5679",
    ),
    notice(
        "participation",
        "La participation des habitants aux conseils citoyens",
        ["participation-citoyenne"],
        "actes",
        2016,
    ),
    notice(
        "quartiers",
        "Les quartiers prioritaires de la politique de la ville",
        ["politique-de-la-ville"],
        "etude",
        2024,
        territory=["34"],
    ),
    notice(
        "cosoter",
        "Le réseau COSOTer des centres de ressources",
        ["politique-de-la-ville"],
        "dossier-documentaire",
        2024,
    ),
    notice(
        "note-interne",
        "Illettrisme : note interne du conseil d'administration",
        ["savoirs-de-base"],
        "rapport",
        2024,
        review_state="private",
        allowedRolesAndUsers=["Manager"],
    ),
]

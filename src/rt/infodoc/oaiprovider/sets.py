"""OAI sets of the provider (pure Python): ``theme:<token>``,
``type:<document type>`` and ``production:<kind>``, each under its parent set."""

import re

# Content types the provider disseminates. PressItem (a press clipping inside
# a panorama) is not one: the panorama is the centre's production.
NOTICE_TYPES = ("Notice",)
PRODUCTION_TYPES = (
    "FicheExperience",
    "ConfAt",
    "DossierThematique",
    "PanoramaPresse",
    "Periodique",
    "NumeroPeriodique",
    "Mallette",
    "Actualite",
)
DISSEMINATED_TYPES = NOTICE_TYPES + PRODUCTION_TYPES

# production_kind index value -> set name
PRODUCTION_SETS = {
    "fiche-experience": "Fiches expériences",
    "confat": "Conf'At'",
    "dossier": "Dossiers thématiques",
    "panorama": "Panoramas de presse",
    "actualite": "Veille Information Professionnelle",
}

# parent spec -> (catalog index, French name)
PARENTS = {
    "theme": ("themes", "Thématiques"),
    "type": ("document_type", "Types de document"),
    "production": ("production_kind", "Productions du centre"),
}

_SPEC_PART = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+\Z")


def valid_token(token):
    return isinstance(token, str) and bool(_SPEC_PART.match(token))


def header_sets(themes=(), document_type=None, production_kind=None):
    """The set specs of a record, from its catalog values."""
    specs = [f"theme:{t}" for t in (themes or ()) if valid_token(t)]
    if document_type and valid_token(document_type):
        specs.append(f"type:{document_type}")
    if production_kind in PRODUCTION_SETS:
        specs.append(f"production:{production_kind}")
    return tuple(specs)


def set_list(themes, document_types):
    """(spec, name) pairs of ListSets: ``themes`` and ``document_types`` are
    (token, French title) pairs from the vocabularies."""
    result = []
    for parent, (_index, name) in PARENTS.items():
        result.append((parent, name))
        if parent == "theme":
            children = themes
        elif parent == "type":
            children = document_types
        else:
            children = PRODUCTION_SETS.items()
        result.extend(
            (f"{parent}:{token}", title) for token, title in children if valid_token(token)
        )
    return result


def parse_spec(spec):
    """(index name, token or None for the whole parent) of a set spec, or None
    when the spec names no set of this repository."""
    parent, _, token = spec.partition(":")
    if parent not in PARENTS or ":" in token:
        return None
    if token == "" and ":" in spec:
        return None
    index = PARENTS[parent][0]
    if parent == "production" and token and token not in PRODUCTION_SETS:
        return None
    return index, token or None


def sets_in_spec(header_specs, spec):
    """Whether a record with ``header_specs`` belongs to set ``spec``."""
    prefix = spec + ":"
    return any(s == spec or s.startswith(prefix) for s in header_specs)

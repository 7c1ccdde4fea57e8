"""The sources to harvest, as written in the registry (pure Python).

One line per source, fields separated by ``|``::

    nom | URL de base | format (vide : choix automatique) | ensembles séparés par des espaces

e.g. ``cosoter | https://cosoter.example/ws/connector_out.php?source_id=3 | pmb_xml_unimarc |``.
Lines starting with ``#`` and blank lines are ignored.
"""

import re
from dataclasses import dataclass
from dataclasses import field

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class SourceError(ValueError):
    """A source line that cannot be used; the message is French."""


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    prefix: str | None = None
    sets: tuple = field(default_factory=tuple)

    @property
    def state_key(self):
        """Key of the incremental state: one per source and selection of sets."""
        return "|".join([self.name, *sorted(self.sets)])


def check_name(name):
    if not _NAME.match(name or ""):
        raise SourceError(
            f"nom de source invalide : « {name} » (minuscules, chiffres, "
            "tirets ; 64 caractères au plus)"
        )
    return name


def check_url(url):
    if not re.match(r"^https?://[^\s/]+", url or ""):
        raise SourceError(f"URL de fournisseur OAI-PMH invalide : « {url} »")
    return url


def parse_source(line):
    """A Source from one registry line; SourceError when it is unusable."""
    parts = [part.strip() for part in line.split("|")]
    if len(parts) < 2:
        raise SourceError(
            f"ligne de source incomplète : « {line} » (nom | URL | format | ensembles)"
        )
    parts += [""] * (4 - len(parts))
    name, url, prefix, sets = parts[:4]
    return Source(check_name(name), check_url(url), prefix or None, tuple(sets.split()))


def parse_sources(lines):
    """(sources, French errors) from registry lines; a bad line does not hide the others."""
    sources, errors, names = [], [], set()
    for line in lines or ():
        text = (line or "").strip()
        if not text or text.startswith("#"):
            continue
        try:
            source = parse_source(text)
        except SourceError as exc:
            errors.append(str(exc))
            continue
        if source.name in names:
            errors.append(
                f"source « {source.name} » déclarée deux fois : seule la première est moissonnée"
            )
            continue
        names.add(source.name)
        sources.append(source)
    return sources, errors

"""OAI identifiers ``oai:<namespace>:<UID>`` (pure Python)."""

import re

DEFAULT_NAMESPACE = "rt-infodoc"
_UID_RE = re.compile(r"^[0-9a-f]{32}\Z")
# The repository-identifier part of the oai-identifier scheme (a domain name).
_NAMESPACE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]*\Z")


def check_namespace(namespace):
    if not namespace or not _NAMESPACE_RE.match(namespace):
        raise ValueError(f"Espace de noms OAI invalide : {namespace!r}")
    return namespace


def make_identifier(namespace, uid):
    return f"oai:{namespace}:{uid}"


def uid_of(namespace, identifier):
    """The UID named by an identifier of this repository, else None."""
    prefix = f"oai:{namespace}:"
    if not isinstance(identifier, str) or not identifier.startswith(prefix):
        return None
    uid = identifier[len(prefix) :]
    return uid if _UID_RE.match(uid) else None

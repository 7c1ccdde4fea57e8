"""Parse and validate an OAI-PMH request's arguments (protocol section 3.1-3.4)."""

import re
from dataclasses import dataclass
from dataclasses import field
from urllib.parse import parse_qsl

from . import datestamps
from .errors import BAD_ARGUMENT
from .errors import BAD_VERB
from .errors import OAIError
from .errors import OAIErrors

# verb -> (required, optional, exclusive)
VERBS = {
    "Identify": ((), (), None),
    "ListMetadataFormats": ((), ("identifier",), None),
    "ListSets": ((), (), "resumptionToken"),
    "GetRecord": (("identifier", "metadataPrefix"), (), None),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
}


@dataclass
class OAIRequest:
    """A valid request: its verb, its arguments and parsed dates."""

    verb: str
    args: dict = field(default_factory=dict)
    from_: object = None  # aware datetime or None
    until: object = None

    @property
    def echo(self):
        """Attributes of the response's <request> element."""
        return {"verb": self.verb, **self.args}


def parse_query(text):
    """Split a urlencoded query or form body into (name, value) pairs."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return parse_qsl(text or "", keep_blank_values=True)


FORM = "application/x-www-form-urlencoded"

# What XML 1.0 cannot carry (control characters, U+FFFE, U+FFFF, surrogates): an
# argument holding one is refused, never echoed in the answer's <request> element
# (lxml would raise, and the harvester would get a 500 instead of badArgument).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text):
    return not _NOT_XML.search(text)


def pairs_for(method, query_string, content_type="", body=b""):
    """The argument pairs of an HTTP request, repeats kept (a web framework's
    merged form would hide repeated arguments, which must be refused): the
    query string for GET, the form body for POST (other bodies give none)."""
    if method.upper() == "POST":
        ctype = (content_type or "").split(";")[0].strip().lower()
        return parse_query(body) if ctype == FORM else []
    return parse_query(query_string)


def parse(pairs, granularity=datestamps.SECONDS):
    """Validate (name, value) pairs; return an OAIRequest or raise OAIError(s)."""
    pairs = list(pairs)
    verbs = [value for name, value in pairs if name == "verb"]
    if not verbs:
        raise OAIError(BAD_VERB, "Argument verb absent.")
    if len(verbs) > 1:
        raise OAIError(BAD_VERB, "Argument verb répété.")
    verb = verbs[0]
    if verb not in VERBS:
        raise OAIError(BAD_VERB, f"Verbe inconnu : {verb!r}.")
    required, optional, exclusive = VERBS[verb]
    allowed = set(required) | set(optional) | ({exclusive} if exclusive else set())

    problems = []
    args = {}
    for name, value in pairs:
        if name == "verb":
            continue
        if not (xml_safe(name) and xml_safe(value)):
            problems.append(f"Caractère interdit dans l'argument {name!r}.")
        elif name not in allowed:
            problems.append(f"Argument illégal pour {verb} : {name!r}.")
        elif name in args:
            problems.append(f"Argument répété : {name!r}.")
        elif value == "":
            problems.append(f"Argument vide : {name!r}.")
        else:
            args[name] = value
    if exclusive and exclusive in args:
        others = sorted(set(args) - {exclusive})
        if others:
            problems.append(f"{exclusive} est exclusif ; arguments en trop : {', '.join(others)}.")
    else:
        for name in required:
            if name not in args:
                problems.append(f"Argument obligatoire absent : {name!r}.")

    request = OAIRequest(verb, args)
    if not problems:
        problems.extend(_check_dates(request, granularity))
    if problems:
        errors = [OAIError(BAD_ARGUMENT, p) for p in problems]
        raise errors[0] if len(errors) == 1 else OAIErrors(errors)
    return request


def _check_dates(request, granularity):
    problems = []
    grans = {}
    for name in ("from", "until"):
        value = request.args.get(name)
        if value is None:
            continue
        try:
            grans[name] = datestamps.granularity_of(value)
            parsed = datestamps.parse(value, end_of_day=(name == "until"))
        except datestamps.DatestampError:
            problems.append(f"Date invalide pour {name} : {value!r}.")
            continue
        if grans[name] == datestamps.SECONDS and granularity == datestamps.DAYS:
            problems.append(f"Granularité plus fine que celle du dépôt pour {name}.")
            continue
        if name == "from":
            request.from_ = parsed
        else:
            request.until = parsed
    if problems:
        return problems
    if len(set(grans.values())) > 1:
        return ["from et until n'ont pas la même granularité."]
    if request.from_ and request.until and request.from_ > request.until:
        return ["from est postérieur à until."]
    return []

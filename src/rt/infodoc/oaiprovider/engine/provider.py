"""The OAI-PMH 2.0 provider engine: arguments in, XML document out.

Usage (the Plone view does the same with its catalog-backed repository)::

    provider = Provider(repository, secret=b"...", page_size=100)
    body = provider.handle(request.parse_query(query_string))
"""

import time

from . import datestamps
from . import request as oai_request
from . import tokens
from .errors import BAD_RESUMPTION_TOKEN
from .errors import CANNOT_DISSEMINATE_FORMAT
from .errors import ID_DOES_NOT_EXIST
from .errors import NO_METADATA_FORMATS
from .errors import NO_RECORDS_MATCH
from .errors import NO_SET_HIERARCHY
from .errors import OAIError
from .errors import OAIErrors
from .responses import Response
from .responses import text_element

DEFAULT_PAGE_SIZE = 100


class Provider:
    """Answer OAI-PMH requests for a :class:`~rt.infodoc.oaiprovider.engine.repository.Repository`.

    ``secret`` signs resumption tokens (share it between Zope clients);
    ``token_max_age`` (seconds, None = never) makes tokens expire.
    """

    def __init__(
        self, repository, secret, page_size=DEFAULT_PAGE_SIZE, token_max_age=None, clock=time.time
    ):
        if page_size < 1:
            raise ValueError("page_size must be positive")
        self.repository = repository
        self.secret = secret
        self.page_size = page_size
        self.token_max_age = token_max_age
        self.clock = clock

    # -- entry points --------------------------------------------------------
    def handle_query(self, query, base_url=None):
        """Answer a urlencoded query string or form body (str or bytes)."""
        return self.handle(oai_request.parse_query(query), base_url=base_url)

    def handle(self, pairs, base_url=None):
        """Answer a list of (name, value) argument pairs; returns UTF-8 bytes."""
        info = self.repository.identify()
        base_url = base_url or info["baseURL"]
        try:
            req = oai_request.parse(pairs, granularity=info.get("granularity", datestamps.SECONDS))
        except OAIError as exc:
            return self._errors(base_url, None, [exc])
        except OAIErrors as exc:
            return self._errors(base_url, None, exc.errors)
        response = Response(base_url, req.echo)
        try:
            getattr(self, "_" + req.verb)(req, response, info)
        except OAIError as exc:
            return self._errors(base_url, req.echo, [exc])
        return response.to_bytes()

    def _errors(self, base_url, echo, errors):
        response = Response(base_url, echo)
        for error in errors:
            response.error(error.code, error.message)
        return response.to_bytes()

    # -- verbs -----------------------------------------------------------------
    def _Identify(self, req, response, info):
        body = response.verb("Identify")
        text_element(body, "repositoryName", info["repositoryName"])
        text_element(body, "baseURL", info["baseURL"])
        text_element(body, "protocolVersion", "2.0")
        emails = info["adminEmail"]
        for email in [emails] if isinstance(emails, str) else emails:
            text_element(body, "adminEmail", email)
        earliest = info["earliestDatestamp"]
        granularity = info.get("granularity", datestamps.SECONDS)
        if not isinstance(earliest, str):
            earliest = datestamps.format(earliest, granularity)
        text_element(body, "earliestDatestamp", earliest)
        text_element(body, "deletedRecord", info.get("deletedRecord", "persistent"))
        text_element(body, "granularity", granularity)

    def _ListMetadataFormats(self, req, response, info):
        identifier = req.args.get("identifier")
        if identifier is not None and self.repository.get_header(identifier) is None:
            raise OAIError(ID_DOES_NOT_EXIST, f"Identifiant inconnu : {identifier}")
        formats = self.repository.metadata_formats(identifier)
        if not formats:
            raise OAIError(NO_METADATA_FORMATS, "Aucun format de métadonnées disponible.")
        body = response.verb("ListMetadataFormats")
        for fmt in formats:
            element = text_element(body, "metadataFormat", None)
            text_element(element, "metadataPrefix", fmt.prefix)
            text_element(element, "schema", fmt.schema)
            text_element(element, "metadataNamespace", fmt.namespace)

    def _ListSets(self, req, response, info):
        sets = self.repository.list_sets()
        if not sets:
            raise OAIError(NO_SET_HIERARCHY, "Ce dépôt ne gère pas les ensembles.")
        if "resumptionToken" in req.args:
            # Every set list fits in one response: no token is ever issued.
            raise OAIError(BAD_RESUMPTION_TOKEN, "Jeton de reprise inconnu.")
        body = response.verb("ListSets")
        for item in sets:
            element = text_element(body, "set", None)
            text_element(element, "setSpec", item.spec)
            text_element(element, "setName", item.name)

    def _GetRecord(self, req, response, info):
        identifier = req.args["identifier"]
        prefix = req.args["metadataPrefix"]
        header = self.repository.get_header(identifier)
        if header is None:
            raise OAIError(ID_DOES_NOT_EXIST, f"Identifiant inconnu : {identifier}")
        metadata = None
        if not header.deleted:
            if prefix not in {f.prefix for f in self.repository.metadata_formats(identifier)}:
                raise OAIError(
                    CANNOT_DISSEMINATE_FORMAT, f"Format {prefix!r} indisponible pour cette notice."
                )
            metadata = self.repository.metadata(identifier, prefix)
            if metadata is None:
                raise OAIError(
                    CANNOT_DISSEMINATE_FORMAT, f"Format {prefix!r} indisponible pour cette notice."
                )
        elif prefix not in {f.prefix for f in self.repository.metadata_formats()}:
            raise OAIError(CANNOT_DISSEMINATE_FORMAT, f"Format inconnu : {prefix!r}.")
        response.record(response.verb("GetRecord"), header, metadata)

    def _ListIdentifiers(self, req, response, info):
        self._list(req, response, with_metadata=False)

    def _ListRecords(self, req, response, info):
        self._list(req, response, with_metadata=True)

    # -- lists and their resumption tokens -----------------------------------------
    def _list(self, req, response, with_metadata):
        if "resumptionToken" in req.args:
            state = self._state_from_token(req.verb, req.args["resumptionToken"])
        else:
            state = self._first_state(req)
        from_, until = _dates(state)
        after = None
        if state.last_identifier is not None:
            after = (datestamps.parse(state.last_datestamp), state.last_identifier)
        headers = self.repository.query(
            from_, until, state.set_spec, after=after, limit=self.page_size + 1
        )
        if not headers:
            # Also when the rest of a list vanished between two pages: the
            # schema forbids an empty list.
            raise OAIError(NO_RECORDS_MATCH, "Aucune notice ne correspond à la demande.")
        more = len(headers) > self.page_size
        headers = headers[: self.page_size]
        body = response.verb(req.verb)
        repo = self.repository
        for header in headers:
            if with_metadata:
                metadata = (
                    None if header.deleted else repo.metadata(header.identifier, state.prefix)
                )
                response.record(body, header, metadata)
            else:
                response.header(body, header)
        total = state.complete_list_size
        if more:
            last = headers[-1]
            next_state = tokens.TokenState(
                verb=req.verb,
                prefix=state.prefix,
                set_spec=state.set_spec,
                from_=state.from_,
                until=state.until,
                last_datestamp=datestamps.format(last.datestamp),
                last_identifier=last.identifier,
                cursor=state.cursor + len(headers),
                complete_list_size=total,
                issued=int(self.clock()),
            )
            response.resumption_token(body, self.issue_token(next_state), total, state.cursor)
        elif state.cursor or after is not None:
            response.resumption_token(body, None, total, state.cursor)

    def _first_state(self, req):
        prefix = req.args["metadataPrefix"]
        set_spec = req.args.get("set")
        if prefix not in {f.prefix for f in self.repository.metadata_formats()}:
            raise OAIError(CANNOT_DISSEMINATE_FORMAT, f"Format inconnu : {prefix!r}.")
        if set_spec is not None and not self.repository.list_sets():
            raise OAIError(NO_SET_HIERARCHY, "Ce dépôt ne gère pas les ensembles.")
        total = self.repository.count(req.from_, req.until, set_spec)
        return tokens.TokenState(
            verb=req.verb,
            prefix=prefix,
            set_spec=set_spec,
            from_=req.args.get("from"),
            until=req.args.get("until"),
            complete_list_size=total,
        )

    def issue_token(self, state):
        """Turn a list state into a token string (override to store tokens)."""
        return tokens.encode(state, self.secret)

    def read_token(self, token):
        """Return the TokenState of a token; raise tokens.TokenError if refused."""
        return tokens.decode(token, self.secret, max_age=self.token_max_age, now=self.clock())

    def _state_from_token(self, verb, token):
        try:
            state = self.read_token(token)
        except tokens.TokenError as exc:
            raise OAIError(BAD_RESUMPTION_TOKEN, f"Jeton de reprise refusé ({exc}).") from exc
        if state.verb != verb:
            raise OAIError(BAD_RESUMPTION_TOKEN, "Jeton émis pour un autre verbe.")
        return state


def _dates(state):
    try:
        from_ = datestamps.parse(state.from_) if state.from_ else None
        until = datestamps.parse(state.until, end_of_day=True) if state.until else None
        if state.last_identifier is not None:
            datestamps.parse(state.last_datestamp)
    except datestamps.DatestampError as exc:
        raise OAIError(BAD_RESUMPTION_TOKEN, "Jeton de reprise incohérent.") from exc
    return from_, until

"""Harvest an OAI-PMH provider into a consumer, incrementally and robustly.

    client = OAIClient("https://cosoter.example/ws/connector_out.php?source_id=3")
    harvester = Harvester(client, state=HarvestState("var/harvest.json"))
    report = harvester.harvest(consumer)     # consumer(HarvestedRecord)

or iterate ``harvester.records()`` (``harvester.report`` is filled as it goes).
"""

from datetime import UTC
from datetime import datetime

from rt.infodoc.oaiprovider.engine import datestamps

from .errors import HarvestError
from .errors import MalformedResponseError
from .errors import OAIProtocolError
from .records import HarvestedRecord
from .records import HarvestReport

PREFERRED_FORMATS = ("pmb_xml_unimarc", "unimarc", "marcxml", "MARC21-xml", "marc21", "oai_dc")
_OAI = "{http://www.openarchives.org/OAI/2.0/}"


def _now_text():
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Harvester:
    """Harvest one provider. ``from_``/``until`` are OAI datestamps or datetimes;
    without ``from_``, the state's last datestamp for this source is used."""

    def __init__(
        self,
        client,
        prefix=None,
        preferred_formats=PREFERRED_FORMATS,
        sets=None,
        from_=None,
        until=None,
        state=None,
        source=None,
        verb="ListRecords",
        max_restarts=10,
    ):
        if verb not in ("ListRecords", "ListIdentifiers"):
            raise ValueError("verb must be ListRecords or ListIdentifiers")
        self.client = client
        self.prefix = prefix
        self.preferred_formats = tuple(preferred_formats)
        self.sets = list(sets or [])
        self.from_ = from_
        self.until = until
        self.state = state
        self.source = source
        self.verb = verb
        self.max_restarts = max_restarts
        self.report = HarvestReport(base_url=client.base_url, sets=list(self.sets))
        self.granularity = datestamps.SECONDS
        self.earliest = None

    # -- public API ---------------------------------------------------------------
    def harvest(self, consumer):
        """Deliver every record to ``consumer``; return the HarvestReport.

        Harvest errors end up in the report (status "failed"); exceptions raised
        by the consumer propagate (the state is then not advanced)."""
        try:
            for record in self.records():
                consumer(record)
        except HarvestError:
            pass  # already recorded in the report by records()
        return self.report

    def records(self):
        """Yield HarvestedRecord items; raise HarvestError when the harvest fails."""
        report = self.report
        report.started = _now_text()
        try:
            yield from self._run()
        except HarvestError as exc:
            report.status = "failed"
            entry = {"type": exc.__class__.__name__, "message": str(exc)}
            if isinstance(exc, OAIProtocolError):
                entry["codes"] = exc.codes
            report.errors.append(entry)
            raise
        finally:
            report.finished = _now_text()
            report.retries = self.client.retries

    # -- steps ----------------------------------------------------------------------
    def _run(self):
        report = self.report
        self._identify()
        report.prefix = prefix = self._choose_prefix()
        if self.sets:
            self._check_sets()
        source = self.source or "|".join([self.client.base_url, prefix, *self.sets])
        report.source = source
        previous = self.state.get(source) if self.state is not None else None
        self._skip_at = None
        if self.from_ is not None:
            from_ = self._as_datestamp(self.from_)
        elif previous and previous.get("last_datestamp"):
            from_ = self._as_datestamp(previous["last_datestamp"])
            self._skip_at = (
                datestamps.parse(previous["last_datestamp"]),
                set(previous.get("identifiers", [])),
            )
        else:
            from_ = None
        until = self._as_datestamp(self.until) if self.until is not None else None
        report.from_, report.until = from_, until

        self._seen = set()
        self._max = None  # (datetime, text)
        self._ids_at_max = set()
        for set_spec in self.sets or [None]:
            yield from self._list(prefix, from_, until, set_spec)

        report.status = "ok" if report.records else "empty"
        if self._max is not None:
            report.last_datestamp = self._max[1]
            if self.state is not None:
                self.state.update(
                    source,
                    last_datestamp=self._max[1],
                    identifiers=sorted(self._ids_at_max),
                    prefix=prefix,
                    harvested_at=_now_text(),
                )

    def _identify(self):
        body = self.client.request("Identify").body
        gran = (body.findtext(f"{_OAI}granularity") or "").strip()
        if gran not in (datestamps.SECONDS, datestamps.DAYS):
            raise MalformedResponseError(f"Granularité inconnue dans Identify : {gran!r}.")
        earliest = (body.findtext(f"{_OAI}earliestDatestamp") or "").strip()
        try:
            self.earliest = datestamps.parse(earliest)
        except datestamps.DatestampError as exc:
            raise MalformedResponseError(
                f"earliestDatestamp invalide dans Identify : {earliest!r}."
            ) from exc
        self.granularity = gran

    def _choose_prefix(self):
        body = self.client.request("ListMetadataFormats").body
        offered = [(e.text or "").strip() for e in body.iter(f"{_OAI}metadataPrefix")]
        if self.prefix:
            if self.prefix not in offered:
                raise HarvestError(
                    f"Le fournisseur ne propose pas le format {self.prefix!r} "
                    f"(formats : {', '.join(offered) or 'aucun'})."
                )
            return self.prefix
        for prefix in self.preferred_formats:
            if prefix in offered:
                return prefix
        raise HarvestError(
            f"Aucun format utilisable parmi ceux du fournisseur : {', '.join(offered) or 'aucun'}."
        )

    def _check_sets(self):
        specs, token = set(), None
        while True:
            try:
                if token:
                    body = self.client.request("ListSets", resumptionToken=token).body
                else:
                    body = self.client.request("ListSets").body
            except OAIProtocolError as exc:
                if "noSetHierarchy" in exc.codes:
                    raise HarvestError(
                        "Le fournisseur ne gère pas les ensembles (sets) demandés."
                    ) from exc
                raise
            specs.update((e.text or "").strip() for e in body.iter(f"{_OAI}setSpec"))
            token = (body.findtext(f"{_OAI}resumptionToken") or "").strip()
            if not token:
                break
        unknown = [s for s in self.sets if s not in specs]
        if unknown:
            raise HarvestError(f"Ensemble(s) inconnu(s) du fournisseur : {', '.join(unknown)}.")

    def _as_datestamp(self, value):
        """A from/until value written at the provider's granularity."""
        if isinstance(value, datetime):
            parsed = value
        else:
            try:
                parsed = datestamps.parse(value)
            except datestamps.DatestampError as exc:
                raise HarvestError(f"Date de moissonnage invalide : {value!r}.") from exc
            if datestamps.granularity_of(value) == datestamps.DAYS:
                return value  # day granularity is always accepted
        return datestamps.format(parsed, self.granularity)

    # -- one list, following tokens and restarting after expired ones ------------------
    def _list(self, prefix, from_, until, set_spec):
        report = self.report
        params = {"metadataPrefix": prefix, "from": from_, "until": until, "set": set_spec}
        token = None
        last_seen = None  # (datetime, text) of the latest record of this list
        ordered = True  # datestamps non-decreasing so far
        while True:
            try:
                if token:
                    response = self.client.request(self.verb, resumptionToken=token)
                else:
                    response = self.client.request(self.verb, **params)
            except OAIProtocolError as exc:
                if "noRecordsMatch" in exc.codes and token is None:
                    return
                if (
                    "badResumptionToken" in exc.codes
                    and token is not None
                    and report.restarts < self.max_restarts
                ):
                    report.restarts += 1
                    if ordered and last_seen is not None:
                        params["from"] = self._as_datestamp(last_seen[0])
                    report.warnings.append(
                        f"Jeton de reprise refusé (expiré ?) après la page {report.pages} : "
                        f"reprise à partir de {params['from'] or 'l’origine'}."
                    )
                    token = None
                    continue
                raise
            report.pages += 1
            items = response.body.findall(
                f"{_OAI}record" if self.verb == "ListRecords" else f"{_OAI}header"
            )
            for position, element in enumerate(items, 1):
                parsed = self._parse_item(element, prefix, report.pages, position)
                if parsed is None:
                    continue
                record, when = parsed
                if last_seen is not None and when < last_seen[0]:
                    ordered = False
                if last_seen is None or when >= last_seen[0]:
                    last_seen = (when, record.datestamp)
                if not self._accept(record, when):
                    continue
                report.records += 1
                report.deleted += record.deleted
                yield record
            token_el = response.body.find(f"{_OAI}resumptionToken")
            token = (token_el.text or "").strip() if token_el is not None else ""
            if token_el is not None and report.complete_list_size is None:
                size = token_el.get("completeListSize")
                if size and size.isdigit():
                    report.complete_list_size = int(size)
            if not token:
                return

    def _accept(self, record, when):
        key = (record.identifier, when)
        if key in self._seen:
            self.report.duplicates += 1
            return False
        self._seen.add(key)
        if (
            self._skip_at is not None
            and when == self._skip_at[0]
            and record.identifier in self._skip_at[1]
        ):
            self.report.already_harvested += 1
            return False
        if self._max is None or when > self._max[0]:
            self._max = (when, record.datestamp)
            self._ids_at_max = {record.identifier}
        elif when == self._max[0]:
            self._ids_at_max.add(record.identifier)
        return True

    def _parse_item(self, element, prefix, page, position):
        """Return (HarvestedRecord, datestamp as datetime), or None for a bad
        item (then recorded in the report)."""
        header = element if element.tag == f"{_OAI}header" else element.find(f"{_OAI}header")
        problem = None
        if header is None:
            problem = "enregistrement sans <header>"
        else:
            identifier = (header.findtext(f"{_OAI}identifier") or "").strip()
            datestamp = (header.findtext(f"{_OAI}datestamp") or "").strip()
            deleted = header.get("status") == "deleted"
            if not identifier:
                problem = "en-tête sans identifiant"
            elif not datestamp:
                problem = f"en-tête sans datestamp ({identifier})"
            else:
                try:
                    when = datestamps.parse(datestamp)
                except datestamps.DatestampError:
                    problem = f"datestamp invalide {datestamp!r} ({identifier})"
        metadata = None
        if problem is None and element is not header and not deleted:
            container = element.find(f"{_OAI}metadata")
            metadata = next(iter(container), None) if container is not None else None
            while metadata is not None and not isinstance(metadata.tag, str):
                metadata = metadata.getnext()  # skip comments and processing instructions
            if metadata is None:
                problem = f"notice sans métadonnées ({identifier})"
        if problem:
            self.report.bad_records.append({"page": page, "position": position, "reason": problem})
            return None
        sets = tuple((s.text or "").strip() for s in header.findall(f"{_OAI}setSpec"))
        return HarvestedRecord(identifier, datestamp, deleted, sets, metadata, prefix), when

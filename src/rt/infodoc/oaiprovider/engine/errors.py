"""OAI-PMH 2.0 error conditions (protocol section 3.6)."""

BAD_ARGUMENT = "badArgument"
BAD_RESUMPTION_TOKEN = "badResumptionToken"
BAD_VERB = "badVerb"
CANNOT_DISSEMINATE_FORMAT = "cannotDisseminateFormat"
ID_DOES_NOT_EXIST = "idDoesNotExist"
NO_RECORDS_MATCH = "noRecordsMatch"
NO_METADATA_FORMATS = "noMetadataFormats"
NO_SET_HIERARCHY = "noSetHierarchy"

ERROR_CODES = frozenset(
    {
        BAD_ARGUMENT,
        BAD_RESUMPTION_TOKEN,
        BAD_VERB,
        CANNOT_DISSEMINATE_FORMAT,
        ID_DOES_NOT_EXIST,
        NO_RECORDS_MATCH,
        NO_METADATA_FORMATS,
        NO_SET_HIERARCHY,
    }
)


class OAIError(Exception):
    """An OAI-PMH error to be answered with ``<error code="...">``."""

    def __init__(self, code, message=""):
        if code not in ERROR_CODES:
            raise ValueError(f"unknown OAI-PMH error code: {code!r}")
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message


class OAIErrors(Exception):
    """Several OAI-PMH errors found in one request (all are reported)."""

    def __init__(self, errors):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = list(errors)

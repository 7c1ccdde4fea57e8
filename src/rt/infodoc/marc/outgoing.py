"""The one MARC record a Notice goes out as, whatever the channel.

The Notice page's exports, the basket's and the OAI-PMH formats (unimarc, marcxml,
pmb_xml_unimarc) all take their record here, so a partner centre, a reader's
download and a harvester see the same thing:

- a Notice imported from a record keeps that record (``marc_record``); it goes out
  as that record with the centre's own changes written into it: the keys whose
  value differs from what the record maps to are the local changes, and only their
  subfields are rewritten (unimarc_patch, marc21_patch).  Nothing the Notice does
  not hold is lost (856$z, 210$d "1994-2004", 801, 710$c...), every local change
  goes out;
- a Notice catalogued in the site (no kept record) gets a complete UNIMARC record
  built from its fields (unimarc_builder);
- MARC 21 is the kept MARC 21 record with the changes, else the conversion of the
  UNIMARC record (marc21.unimarc_to_marc21).  A Notice kept as MARC 21 goes out in
  UNIMARC built from its fields: there is no MARC 21 to UNIMARC conversion.

Pure Python, no Zope: the adapters (browser, oaiprovider) read the Notice.
"""

from pymarc import Field
from pymarc import Subfield

from .flavour import MARC21
from .flavour import UNIMARC
from .iso2709 import parse_record
from .mapping import to_notice
from .marc21 import unimarc_to_marc21
from .marc21_patch import patch_marc21
from .patching import copy_record
from .patching import is_empty
from .unimarc_builder import UNIMARC_CHARSET_UTF8
from .unimarc_builder import notice_to_unimarc
from .unimarc_patch import PATCHED_KEYS
from .unimarc_patch import patch_unimarc


def kept_record(text, flavour=None):
    """(pymarc record, flavour) of a Notice's ``marc_record`` (ISO 2709 text).

    Raises iso2709.RecordError or ValueError when it cannot be read.
    """
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    parsed = parse_record(data, flavour or None)
    return parsed.record, parsed.flavour


def _comparable(value):
    if is_empty(value):
        return None
    if isinstance(value, (list, tuple)):
        return [
            {k: v for k, v in item.items() if not is_empty(v)} if isinstance(item, dict) else item
            for item in value
        ]
    return value


def local_changes(notice: dict, original, flavour: str, hold=None, stored=None) -> dict:
    """The centre's changes: {key: value on the Notice} for each key whose value is
    not what the kept record gives.

    ``hold(key, value)`` says what the Notice would have held after importing
    ``value`` (a value the schema refuses is dropped by the importer, an absent one
    leaves the field's default): such a difference is the importer's, not the
    centre's, and must not take the record's subfields away.  ``stored``, when
    given, names the keys the Notice has ever been given a value for: a field it
    never stored (added to the schema after the import, say) is no deletion either.
    """
    mapped = to_notice(original, flavour)
    changes = {}
    for key in PATCHED_KEYS:
        if stored is not None and key not in stored:
            continue
        now = _comparable(notice.get(key))
        if now == _comparable(mapped.get(key)):
            continue
        if hold is not None and now == _comparable(hold(key, mapped.get(key))):
            continue
        changes[key] = _comparable(notice.get(key))
    return changes


def _stamp_005(record, changed_on):
    stamp = changed_on.strftime("%Y%m%d%H%M%S") + ".0"
    for field in record.fields:
        if field.tag == "005":
            field.data = stamp
            return
    record.fields.insert(
        next((i for i, f in enumerate(record.fields) if f.tag > "005"), len(record.fields)),
        Field(tag="005", data=stamp),
    )


def _utf8_unimarc(record):
    """The bytes written are UTF-8: UNIMARC says so in 100$a/26-29; its leader
    counts 2 for indicators and subfield codes and ends "450 " (PMB exports often
    carry MARC 21's "4500", which UNIMARC slim refuses)."""
    leader = str(record.leader).ljust(24)
    fixed = leader[:10] + "22" + leader[12:20] + "450 "
    if fixed != leader:
        record.leader = fixed
    for field in record.fields:
        if field.tag == "100" and not field.is_control_field():
            for index, subfield in enumerate(field.subfields):
                value = subfield.value
                if subfield.code == "a" and len(value) >= 30 and value[26:30] != "50  ":
                    value = value[:26] + UNIMARC_CHARSET_UTF8 + value[30:]
                    field.subfields[index] = Subfield("a", value)
            return record
    return record


def _needs_copy(record):
    leader = str(record.leader).ljust(24)
    if leader[10:12] != "22" or leader[20:24] != "450 ":
        return True
    for field in record.fields:
        if field.tag == "100" and not field.is_control_field():
            value = field.get("a") or ""
            return len(value) >= 30 and value[26:30] != "50  "
    return False


def outgoing_unimarc(
    notice,
    original=None,
    flavour=None,
    *,
    hold=None,
    stored=None,
    record_id=None,
    date_entered=None,
    changed_on=None,
):
    """The UNIMARC record of a Notice (see the module docstring).

    ``notice``: its field-contract dict; ``original``/``flavour``: its kept record;
    ``hold``, ``stored``: see :func:`local_changes`;
    ``record_id`` (001) and ``date_entered`` (100$a, 005) serve a built record;
    ``changed_on`` dates 005 when local changes were written in.
    Raises unimarc_builder.NoticeError (French message) on a notice that cannot be
    written.
    """
    if original is None or flavour != UNIMARC:
        return notice_to_unimarc(notice, date_entered=date_entered, record_id=record_id)
    changes = local_changes(notice, original, UNIMARC, hold, stored)
    if changes:
        record = patch_unimarc(original, changes, notice)
        if changed_on is not None:
            _stamp_005(record, changed_on)
    elif _needs_copy(original):
        record = copy_record(original)
    else:
        return original
    return _utf8_unimarc(record)


def outgoing_marc21(
    notice,
    original=None,
    flavour=None,
    *,
    hold=None,
    stored=None,
    record_id=None,
    date_entered=None,
    changed_on=None,
):
    """The MARC 21 record of a Notice: its kept MARC 21 record with the local
    changes, else the conversion of its UNIMARC record."""
    if original is not None and flavour == MARC21:
        changes = local_changes(notice, original, MARC21, hold, stored)
        if not changes:
            return original
        record = patch_marc21(original, changes, notice)
        if changed_on is not None:
            _stamp_005(record, changed_on)
        return record
    unimarc = outgoing_unimarc(
        notice,
        original,
        flavour,
        hold=hold,
        stored=stored,
        record_id=record_id,
        date_entered=date_entered,
        changed_on=changed_on,
    )
    return unimarc_to_marc21(unimarc)


class Outgoing:
    """The records of one Notice, each built once: what every channel serves.

    Arguments as for :func:`outgoing_unimarc`.
    """

    def __init__(self, notice, original=None, flavour=None, **options):
        self.notice = notice
        self.original = original
        self.flavour = flavour
        self.options = options
        self._unimarc = None
        self._marc21 = None

    def unimarc(self):
        if self._unimarc is None:
            self._unimarc = outgoing_unimarc(
                self.notice, self.original, self.flavour, **self.options
            )
        return self._unimarc

    def marc21(self):
        if self._marc21 is None:
            if self.original is not None and self.flavour == MARC21:
                self._marc21 = outgoing_marc21(
                    self.notice, self.original, self.flavour, **self.options
                )
            else:
                self._marc21 = unimarc_to_marc21(self.unimarc())
        return self._marc21

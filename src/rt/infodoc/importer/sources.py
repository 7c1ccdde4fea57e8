"""Records to import, with a lazy decoder (pure Python).

An ISO 2709 file is split without decoding (``iter_raw_iso2709``); a record is
only decoded when its raw bytes are not known already.  XML files and harvested
records come decoded (ReadResult).
"""

import io
from dataclasses import dataclass

from rt.infodoc.marc.reader import ISO2709
from rt.infodoc.marc.reader import ReadResult
from rt.infodoc.marc.reader import iter_raw_iso2709
from rt.infodoc.marc.reader import read_iso2709
from rt.infodoc.marc.reader import read_records
from rt.infodoc.marc.reader import sniff_format


@dataclass
class Item:
    position: int
    offset: int | None
    raw: bytes
    result: ReadResult | None = None
    flavour: str | None = None

    def decode(self) -> ReadResult:
        if self.result is None:
            results = list(read_iso2709(io.BytesIO(self.raw), self.flavour))
            result = (
                results[0]
                if results
                else ReadResult(position=self.position, error="notice vide", raw=self.raw)
            )
            result.position, result.offset, result.raw = self.position, self.offset, self.raw
            self.result = result
        return self.result


def file_format(path) -> str:
    with open(path, "rb") as stream:
        return sniff_format(stream.read(512))


def items_from_file(path, flavour=None):
    """Items of a MARC file (ISO 2709 lazily decoded, or XML)."""
    if file_format(path) == ISO2709:
        for position, offset, raw in iter_raw_iso2709(path):
            yield Item(position, offset, raw, flavour=flavour)
    else:
        yield from items_from_results(read_records(path, flavour=flavour))


def items_from_results(results):
    """Items of already decoded ReadResults (harvest, XML)."""
    for result in results:
        yield Item(result.position, result.offset, result.raw or b"", result=result)


def count_records(path) -> int | None:
    """Number of records of an ISO 2709 file (fast, undecoded); None for XML."""
    if file_format(path) != ISO2709:
        return None
    return sum(1 for _ in iter_raw_iso2709(path))

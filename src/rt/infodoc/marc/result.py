"""What the readers give for each record (pure Python): ``reader`` (ISO 2709) and
``xml_reader`` (MARCXML) both build it, without importing each other."""

from dataclasses import dataclass
from dataclasses import field

from pymarc import Record


@dataclass
class ReadResult:
    position: int  # 1-based record number in the source
    offset: int | None = None  # byte offset of the record (ISO 2709 only)
    record: Record | None = None
    flavour: str | None = None  # "unimarc" | "marc21"
    identifier: str | None = None  # 001, when readable
    encoding: str | None = None  # encoding the bytes were read in
    error: str | None = None  # French reason when the record is rejected
    warnings: list[str] = field(default_factory=list)
    raw: bytes = b""

    @property
    def ok(self) -> bool:
        return self.error is None and self.record is not None

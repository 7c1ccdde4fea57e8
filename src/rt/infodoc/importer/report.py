"""What an import run did: counts, rejections, damaged records, withdrawals (pure Python).

The same report is written as JSON (``--report``), printed as a French summary at
the end of ``scripts/import-marc`` and shown by the ``@@import-marc`` page.
"""

import json
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field

from .damage import OUTCOME_LABELS

COUNTERS = ("created", "updated", "unchanged", "withdrawn", "rejected")

# French labels of the counters, in display order.
COUNTER_LABELS = {
    "created": "créées",
    "updated": "mises à jour",
    "unchanged": "inchangées",
    "withdrawn": "retirées",
    "rejected": "rejetées",
}

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_CANNOT_START = 2

MAX_WARNINGS = 1000  # beyond, warnings are only counted


@dataclass
class Rejection:
    position: int
    offset: int | None
    identifier: str | None
    reason: str


@dataclass
class ImportReport:
    source: str = ""  # file name, or "oai:<url>" for a harvest
    file_sha1: str | None = None
    import_source: str = "cosoter"  # provenance label stored on the Notices
    dry_run: bool = False
    withdraw_missing: bool = False
    started: str = ""
    finished: str = ""
    status: str = "running"  # "running", "ok", "rejected", "failed"
    records: int = 0  # records read (rejected included)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    rejected: int = 0
    held: int = 0  # repaired records held apart for a documentaliste (not in COUNTERS)
    rejections: list = field(default_factory=list)  # Rejection
    # every repaired record, whatever happened to it: {"position", "offset",
    # "identifier", "reason" (what the reader repaired), "outcome"
    # (damage.OUTCOME_LABELS), "why" (French), "path" (the Notice at stake)}
    damaged: list = field(default_factory=list)
    # match keys an update kept or removed: {"position", "identifier", "path", "text"}
    key_changes: list = field(default_factory=list)
    withdrawals_suspended: str | None = None  # French reason, when none was made
    withdrawals: list = field(default_factory=list)  # {"path", "cosoter_id", "title"}
    warnings: list = field(default_factory=list)  # {"position", "identifier", "message"}
    warning_count: int = 0
    batches: list = field(default_factory=list)  # batch ids committed
    resumed_at: int | None = None  # position of the last record of the resumed checkpoint
    elapsed: float = 0.0
    error: str | None = None  # French message when the run failed

    # --- recording -------------------------------------------------------------

    def count(self, action: str):
        setattr(self, action, getattr(self, action) + 1)

    def reject(self, position, offset, identifier, reason):
        self.rejected += 1
        self.rejections.append(Rejection(position, offset, identifier, reason))

    def damage(self, position, offset, identifier, reason, outcome, why=""):
        self.damaged.append(
            {
                "position": position,
                "offset": offset,
                "identifier": identifier,
                "reason": reason,
                "outcome": outcome,
                "why": why,
            }
        )

    def key_change(self, position, identifier, path, text):
        self.key_changes.append(
            {"position": position, "identifier": identifier, "path": path, "text": text}
        )

    def warn(self, position, identifier, message):
        self.warning_count += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(
                {"position": position, "identifier": identifier, "message": str(message)}
            )

    def finish(self, finished: str, elapsed: float):
        self.finished = finished
        self.elapsed = round(elapsed, 3)
        if self.status == "running":
            self.status = "rejected" if self.rejected or self.held else "ok"

    # --- reading ---------------------------------------------------------------

    @property
    def handled(self) -> int:
        return self.created + self.updated + self.unchanged

    @property
    def rate(self) -> float:
        return round(self.records / self.elapsed, 1) if self.elapsed else 0.0

    def counts(self) -> dict:
        return {name: getattr(self, name) for name in COUNTERS}

    def exit_status(self) -> int:
        if self.status == "failed":
            return EXIT_CANNOT_START
        return EXIT_REJECTED if self.rejected or self.held else EXIT_OK

    def to_dict(self) -> dict:
        data = asdict(self)
        data["counts"] = self.counts()
        data["rate"] = self.rate
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: dict) -> "ImportReport":
        known = {name for name in cls.__dataclass_fields__}
        values = {key: value for key, value in data.items() if key in known}
        values["rejections"] = [Rejection(**r) for r in data.get("rejections", [])]
        return cls(**values)

    def _damaged_lines(self) -> list:
        if not self.damaged:
            return []
        lines = ["Notices abîmées (structure réparée à la lecture) :"]
        for item in self.damaged[:50]:
            offset = "?" if item["offset"] is None else item["offset"]
            ident = item["identifier"] or "sans identifiant"
            outcome = OUTCOME_LABELS.get(item["outcome"], item["outcome"])
            why = f" — {item['why']}" if item.get("why") else ""
            lines.append(f"  - n° {item['position']} (octet {offset}, {ident}) : {outcome}{why}")
            lines.append(f"    réparé à la lecture : {item['reason']}")
        if len(self.damaged) > 50:
            lines.append(f"  … et {len(self.damaged) - 50} autres (voir le rapport JSON)")
        return lines

    def summary_fr(self) -> str:
        """A readable French summary (several lines)."""
        title = (
            "Simulation d'import (aucune modification enregistrée)"
            if self.dry_run
            else "Import MARC"
        )
        lines = [f"{title} : {self.source}"]
        if self.resumed_at:
            lines.append(f"  reprise après la notice n° {self.resumed_at} (lot déjà enregistré)")
        lines.append(f"  notices lues : {self.records}")
        for name in COUNTERS:
            lines.append(f"  {COUNTER_LABELS[name]} : {getattr(self, name)}")
        if self.elapsed:
            lines.append(f"  durée : {self.elapsed:.1f} s ({self.rate:.0f} notices/s)")
        if self.held:
            lines.append(f"  mises à l'écart (à vérifier sur la page d'import) : {self.held}")
        if self.warning_count:
            lines.append(f"  avertissements : {self.warning_count}")
        lines.extend(self._damaged_lines())
        if self.key_changes:
            lines.append("Clés de rapprochement (001, ISBN, ISSN) des notices mises à jour :")
            for item in self.key_changes[:50]:
                lines.append(f"  - n° {item['position']} ({item['path']}) : {item['text']}")
            if len(self.key_changes) > 50:
                lines.append(f"  … et {len(self.key_changes) - 50} autres (voir le rapport JSON)")
        if self.withdrawals_suspended:
            lines.append(f"Aucune notice retirée : {self.withdrawals_suspended}")
        if self.withdrawals:
            lines.append("Notices retirées (absentes du fichier, passées en privé) :")
            for item in self.withdrawals[:50]:
                lines.append(f"  - {item.get('cosoter_id') or '?'} {item.get('title', '')}")
            if len(self.withdrawals) > 50:
                lines.append(f"  … et {len(self.withdrawals) - 50} autres (voir le rapport JSON)")
        if self.rejections:
            lines.append("Notices rejetées :")
            for item in self.rejections[:50]:
                offset = "?" if item.offset is None else item.offset
                ident = item.identifier or "sans identifiant"
                lines.append(f"  - n° {item.position} (octet {offset}, {ident}) : {item.reason}")
            if len(self.rejections) > 50:
                lines.append(f"  … et {len(self.rejections) - 50} autres (voir le rapport JSON)")
        if self.error:
            lines.append(f"Erreur : {self.error}")
        return "\n".join(lines)

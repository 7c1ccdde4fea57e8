"""The run's guard against repaired records (Zope-free; used by ``runner._Run``).

For each record the reader had to repair, the guard applies ``damage.judge``:
held apart (kept in the import state with its raw bytes, ``held.py``), or let
through when it changes nothing or creates a Notice that resembles none; a record
a documentaliste accepted earlier goes through like a sound one.  Every repaired
record is reported, whatever happens to it.  At the end of the run, a held record
whose Notice was also written by a sound copy of the same source is rejected
instead (accepting it could only undo the sound copy).

The guard also says when ``--withdraw-missing`` must not withdraw anything: a
record that could not be tied to a Notice (unreadable without identifier,
repaired and held or created without a Notice at stake) may be the very copy of
a Notice that looks missing.
"""

from rt.infodoc.marc.repairs import is_damaged

from . import damage
from . import held


class DamageGuard:
    def __init__(self, state, report, index, options, source_name=""):
        self.state = state
        self.report = report
        self.index = index
        self.options = options
        self.source_name = source_name
        self.sound = {}  # key -> position of the sound record that wrote or kept it
        self.held_now = {}  # position -> (raw digest, sure target), records this run held

    # --- before decoding ---------------------------------------------------------

    def known(self, digest):
        """The held-records entry of these raw bytes, or None (never fast-skipped)."""
        return held.get(self.state, digest)

    def sound_record(self, key, position):
        self.sound.setdefault(key, position)

    # --- one decoded record ------------------------------------------------------

    def rejected(self, decision, result):
        """A rejected record that was also repaired is listed with the damaged ones."""
        if is_damaged(result):
            target = self.index.by_cosoter.get(decision.identifier or "")
            self._report(decision, result, damage.Verdict(damage.REJECTED, target, decision.reason))

    def screen(self, item, result, decision, digest, entry):
        """None for a sound record, else the verdict on the repaired one.

        A HELD or REJECTED verdict means the record is done with (reported, and
        held apart); ACCEPTED, UNCHANGED and CREATED ones go through the run.
        """
        if not is_damaged(result):
            return None
        if entry is not None and entry.get("status") == damage.ACCEPTED:
            why = f"acceptée le {held.date_fr(entry.get('accepted_at'))} par {entry.get('accepted_by')}"
            return damage.Verdict(damage.ACCEPTED, decision.key, why)
        verdict = damage.judge(decision, result.warnings, self.index)
        if verdict.outcome != damage.HELD:
            return verdict
        if verdict.sure and verdict.target in self.sound:
            verdict = damage.Verdict(
                damage.REJECTED, verdict.target, self._duplicate(verdict.target)
            )
        elif entry is not None and entry.get("status") == damage.REJECTED:
            # a sound copy was read before: it stays moot (no coming back to the list)
            verdict = damage.Verdict(damage.REJECTED, verdict.target, entry.get("why") or "")
        self._report(decision, result, verdict)
        if verdict.outcome == damage.REJECTED:
            self.report.reject(decision.position, decision.offset, decision.identifier, verdict.why)
        else:
            self.report.held += 1
            self.held_now[decision.position] = (digest, verdict.sure)
        if not self.options.dry_run and digest:
            held.remember(self.state, digest, self._entry(item, result, decision, verdict))
        return verdict

    def applied(self, decision, result, verdict, key):
        """After a record went through (to the Notice ``key``): a sound one is
        remembered, a repaired one reported."""
        if verdict is None:
            self.sound_record(key, decision.position)
        else:
            self._report(decision, result, damage.Verdict(verdict.outcome, key, verdict.why))

    # --- end of run --------------------------------------------------------------

    def finish(self):
        """Held records whose own Notice a sound copy was read for: rejected, those
        of this run (counted again) and those earlier runs held."""
        held_items = {
            item["position"]: item for item in self.report.damaged if item["outcome"] == damage.HELD
        }
        for position, (digest, sure) in self.held_now.items():
            item = held_items.get(position)
            if item is None or not sure or item["path"] not in self.sound:
                continue
            why = self._duplicate(item["path"])
            item.update(outcome=damage.REJECTED, why=why)
            self.report.held -= 1
            self.report.reject(item["position"], item["offset"], item["identifier"], why)
            if not self.options.dry_run and digest:
                held.update(self.state, digest, status=damage.REJECTED, why=why)
        if not self.options.dry_run:
            self._retire_older()
        self.held_now = {}

    def _retire_older(self):
        this_run = {digest for digest, _sure in self.held_now.values()}
        for entry in held.pending(self.state):
            target = entry.get("target")
            if entry["digest"] in this_run or not entry.get("sure", True):
                continue
            if target in self.sound:
                why = (
                    f"une copie saine de la même notice ({target}) a été lue par l'import "
                    f"de « {self.source_name} » (n° {self.sound[target]}) : la copie abîmée "
                    "n'est plus à vérifier"
                )
                held.update(self.state, entry["digest"], status=damage.REJECTED, why=why)

    def protected(self) -> set:
        """Notices a repaired record of this run stands for: never withdrawn."""
        return {item["path"] for item in self.report.damaged if item.get("path")}

    def withdrawal_block(self) -> str | None:
        """Why no Notice may be withdrawn by this run (French), or None."""
        loose = sum(
            1
            for item in self.report.damaged
            if item["outcome"] == damage.CREATED
            or (item["outcome"] in (damage.HELD, damage.REJECTED) and not item.get("path"))
        )
        loose += sum(
            1
            for item in self.report.rejections
            if not item.identifier
            and item.position not in {d["position"] for d in self.report.damaged}
        )
        if not loose:
            return None
        return (
            f"{loose} notice(s) abîmée(s) ou illisible(s) n'ont pu être rattachées à une "
            "notice du site ; chacune peut être la copie d'une notice absente du fichier. "
            "Vérifiez-les, puis relancez la synchronisation complète."
        )

    # --- helpers -----------------------------------------------------------------

    def _duplicate(self, key) -> str:
        return (
            f"une copie saine de la même notice ({key}) figure dans le même fichier "
            f"(n° {self.sound[key]}) : la copie abîmée est écartée"
        )

    def _report(self, decision, result, verdict):
        self.report.damage(
            decision.position,
            decision.offset,
            decision.identifier,
            damage.repairs_text(result.warnings),
            verdict.outcome,
            verdict.why,
        )
        item = self.report.damaged[-1]
        item["path"] = verdict.target
        return item

    def _entry(self, item, result, decision, verdict):
        mapped = decision.mapped or {}
        return {
            "status": verdict.outcome,
            "source_name": self.source_name,
            "file_sha1": self.report.file_sha1,
            "import_source": self.options.source,
            "container": self.options.container,
            "position": decision.position,
            "offset": decision.offset,
            "identifier": decision.identifier,
            "title": mapped.get("title"),
            "reason": damage.repairs_text(result.warnings),
            "why": verdict.why,
            "target": verdict.target,
            "sure": verdict.sure,
            "target_title": self.index.titles.get(verdict.target),
            "flavour": result.flavour,
            "raw": bytes(item.raw),
        }

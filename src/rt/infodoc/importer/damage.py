"""What the importer may do with a record the reader had to repair (pure Python).

A record whose structure was repaired (``rt.infodoc.marc.repairs``) may have lost
or re-labelled fields, its 001 among them: what is left of it may match the wrong
Notice, or none although its good copy is in the site.  So, whatever the plan
says, such a record

- never updates an existing Notice (nor brings a withdrawn one back): it is
  *held apart* for a documentaliste to review and accept from the import page;
- never creates a Notice that would sit beside one it may be a copy of (same
  ISBN/ISSN, same title, same Notice id, or an identifier of the site found in
  the text the repair dropped): held apart too;
- may create a Notice that resembles none (nothing to hide), and may leave an
  identical Notice as it is (nothing is written): both are still reported;
- is *rejected* instead of held when accepting it makes no sense: a sound copy
  of the same Notice (found by identifier, not by title alone) is in the same
  source, or is read by a later import (the guard decides that, it sees the whole
  run).

The verdict says what happened in French, for the reports and the page.
"""

from dataclasses import dataclass

from rt.infodoc.marc.repairs import lost_texts
from rt.infodoc.marc.repairs import structural_repairs

from . import plan

HELD = "held"
REJECTED = "rejected"
UNCHANGED = "unchanged"
CREATED = "created"
ACCEPTED = "accepted"

# French label of each outcome, for the reports and the page
OUTCOME_LABELS = {
    HELD: "mise à l'écart, à vérifier",
    REJECTED: "rejetée",
    UNCHANGED: "identique à la notice du site, rien n'a été écrit",
    CREATED: "créée (elle ne ressemble à aucune notice du site)",
    ACCEPTED: "acceptée par un documentaliste, importée normalement",
}

# how the plan matched an existing Notice (update)
_MATCHED = {
    "cosoter_id": "reconnue par son identifiant COSOTer",
    "isbn": "reconnue par son ISBN ou son ISSN",
    "hash": "reconnue par son contenu",
}
# why a new Notice would double an existing one (create)
_RESEMBLES = {
    "id": "même identifiant de notice",
    "isbn": "même ISBN ou ISSN",
    "lost": "l'identifiant de cette notice figure dans le texte perdu à la lecture",
    "title": "même titre",
}


@dataclass
class Verdict:
    outcome: str  # HELD, UNCHANGED or CREATED (REJECTED is decided by the runner)
    target: str | None  # the existing Notice at stake (key), if any
    why: str  # French: what the record would have done, or did
    # the target is the record's own Notice (matched by identifier), not a mere
    # look-alike (same title): only then does a sound copy make the record moot
    sure: bool = True


def repairs_text(warnings) -> str:
    """The structural repairs of a record, as one French text."""
    return " ; ".join(structural_repairs(warnings))


def _lost_identifiers(warnings):
    for text in lost_texts(warnings):
        yield text
        for token in text.replace("\x1f", " ").split():
            if token != text:
                yield token


def resemblance(decision, warnings, index) -> tuple[str | None, str | None]:
    """(key, how) of an existing Notice a new record from ``decision`` could copy."""
    mapped = decision.mapped or {}
    if decision.key in index.keys:
        return decision.key, "id"
    for norm in plan.identifiers(mapped):
        if norm in index.by_identifier:
            return index.by_identifier[norm], "isbn"
    for text in _lost_identifiers(warnings):
        if text in index.by_cosoter:
            return index.by_cosoter[text], "lost"
    key = index.same_title(mapped.get("title"))
    if key is not None:
        return key, "title"
    return None, None


def _named(index, key) -> str:
    title = index.titles.get(key)
    return f"« {title} » ({key})" if title else key


def judge(decision, warnings, index) -> Verdict:
    """The verdict for a repaired record whose plan is create, update or unchanged."""
    if decision.action == plan.UNCHANGED:
        return Verdict(UNCHANGED, decision.key, "notice " + _named(index, decision.key))
    if decision.action == plan.UPDATE:
        how = _MATCHED.get(decision.matched_by, "")
        return Verdict(
            HELD,
            decision.key,
            f"elle aurait modifié la notice {_named(index, decision.key)}, {how}",
        )
    key, how = resemblance(decision, warnings, index)
    if key is not None:
        return Verdict(
            HELD,
            key,
            f"elle aurait créé un double de la notice {_named(index, key)} : {_RESEMBLES[how]}",
            sure=how != "title",
        )
    return Verdict(CREATED, None, "aucune notice du site ne lui ressemble")

"""Availability tokens from the copies' statuses (pure Python)."""

from rt.infodoc.indexers.availability import availability
from rt.infodoc.indexers.availability import item_availability


def test_statuses():
    assert item_availability("Empruntable") == "empruntable"
    assert item_availability("Exclu du prêt") == "sur-place"
    assert item_availability("Consultation sur place") == "sur-place"
    assert item_availability("En réparation") == "indisponible"
    assert item_availability(None) == "empruntable"


def test_record_availability():
    assert availability([{"status": "Empruntable"}, {"status": "En réparation"}]) == ["empruntable"]
    assert availability([{"status": "En réparation"}]) == ["indisponible"]
    assert availability([], "electronique") == ["en-ligne"]
    assert availability([{"status": "Exclu du prêt"}], "papier", ["http://x"]) == [
        "en-ligne",
        "sur-place",
    ]
    assert availability() == []

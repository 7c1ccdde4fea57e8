"""Incremental harvest state: per source, where the last successful harvest ended.

The JSON file maps a source key (its base URL + prefix + sets) to
``{"last_datestamp": str, "identifiers": [...], "prefix": str, "harvested_at": str}``;
``identifiers`` are those harvested at exactly ``last_datestamp`` so the next run
(which asks ``from=last_datestamp``, inclusive) can skip them.
"""

import json
import os
import tempfile
from pathlib import Path


class HarvestState:
    def __init__(self, path):
        self.path = Path(path)
        self._data = {}
        if self.path.exists():
            try:
                self._data = json.loads(self.path.read_text("utf-8"))
            except ValueError as exc:
                raise ValueError(
                    f"Fichier d'état de moissonnage illisible : {self.path} ({exc})."
                ) from exc
            if not isinstance(self._data, dict):
                raise ValueError(f"Fichier d'état de moissonnage invalide : {self.path}.")

    def get(self, source):
        return self._data.get(source)

    def update(self, source, **entry):
        self._data[source] = entry
        self.save()

    def save(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".state-", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self._data, handle, ensure_ascii=False, indent=2, sort_keys=True)
        os.replace(tmp, self.path)

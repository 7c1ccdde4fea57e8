"""The JSON reports of the runs started from the import page, kept for download (Zope).

Written by the background job (``jobs.py``) when its run ends, read by the page
(``browser/view.py``); kept in the import state's ``reports`` container.
"""

import json

import transaction

from .report import ImportReport
from .state import get_state


def store_report(site, report):
    """Keep the JSON report in the ZODB for download; returns its id."""
    reports = get_state(site).reports
    report_id = (report.started or "rapport").replace(":", "").replace("+", "Z")
    report_id = f"{report_id}-{len(reports) + 1}"
    reports[report_id] = report.to_json()
    transaction.commit()
    return report_id


def report_json(site, report_id):
    """The stored JSON text of a report, or None."""
    state = get_state(site, create=False)
    return state.reports.get(report_id or "") if state is not None else None


def stored_report(site, report_id):
    data = report_json(site, report_id)
    return ImportReport.from_dict(json.loads(data)) if data else None

"""The WSGI pipelines of the instance (instance/zope.ini.in) and of buildout
(buildout.cfg) hold the same filters of the project, each one declared by
setup.py and installed."""

import configparser
import importlib.metadata
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OURS = re.compile(r"egg:rt\.infodoc#(\w+)")


def _declared():
    return {
        entry.name: entry
        for entry in importlib.metadata.entry_points(group="paste.filter_factory")
        if entry.dist is not None and entry.dist.name == "rt.infodoc"
    }


def _instance_filters():
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(REPO / "instance" / "zope.ini.in", encoding="utf-8")
    names = ini["pipeline:main"]["pipeline"].split()
    return [
        OURS.fullmatch(ini[f"filter:{name}"]["use"].strip()).group(1)
        for name in names
        if f"filter:{name}" in ini and OURS.fullmatch(ini[f"filter:{name}"]["use"].strip())
    ]


def _buildout_filters():
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(REPO / "buildout.cfg", encoding="utf-8")
    return [m.group(1) for m in map(OURS.fullmatch, cfg["instance"]["pipeline"].split()) if m]


def test_both_pipelines_hold_the_same_filters_in_the_same_order():
    assert _instance_filters() == ["outage", "badpath", "circulation", "interpreter"]
    assert _buildout_filters() == _instance_filters()


def test_every_filter_of_the_pipelines_is_installed():
    declared = _declared()
    for name in _instance_filters():
        assert name in declared, f"setup.py does not declare the filter {name}"
        assert callable(declared[name].load())

"""The upgrade steps form one line from the first profile version to metadata.xml's.

GenericSetup offers a step only when its source is the site's version: two steps
from one source, or a step going down, leave a site that never gets some of them.
Read from the ZCML files (pure Python: no Zope).
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UPGRADES = ROOT / "src" / "rt" / "infodoc" / "upgrades"
METADATA = ROOT / "profiles" / "default" / "metadata.xml"
FIRST = "20261122001"


def _steps():
    steps = []
    for zcml in sorted(UPGRADES.glob("v*/configure.zcml")):
        text = zcml.read_text(encoding="utf-8")
        for source, destination in re.findall(r'source="(\d+)"\s+destination="(\d+)"', text) + [
            (s, d) for d, s in re.findall(r'destination="(\d+)"\s+source="(\d+)"', text)
        ]:
            steps.append((source, destination, zcml.parent.name))
    return steps


def test_every_step_goes_up_and_starts_where_another_ended():
    steps = _steps()
    assert len(steps) >= 12
    sources = [source for source, _dest, _dir in steps]
    assert len(sources) == len(set(sources)), f"two steps start from one version: {steps}"
    for source, destination, directory in steps:
        assert int(destination) > int(source), directory
        assert directory == f"v{destination}", "each step lives in the folder of its version"


def test_the_line_reaches_the_profile_version():
    following = {source: destination for source, destination, _dir in _steps()}
    version, walked = FIRST, [FIRST]
    while version in following:
        version = following[version]
        walked.append(version)
    expected = re.search(r"<version>(\d+)</version>", METADATA.read_text()).group(1)
    assert version == expected, walked
    assert len(walked) == len(following) + 1, "a step is not on the line"

"""rt.infodoc: the documentary information system of Ressources & Territoires."""

from pathlib import Path

from setuptools import find_namespace_packages, setup

HERE = Path(__file__).parent


def _package_data(top):
    """Every file below a top-level folder that ships inside the package."""
    root = HERE / top
    return [
        str(path.relative_to(root))
        for path in root.rglob("*")
        if path.is_file() and not {"__pycache__", "node_modules"} & set(path.parts)
    ]


setup(
    name="rt.infodoc",
    version="1.0.0.dev0",
    description=(
        "Système d'information documentaire de Ressources & Territoires "
        "(Plone 6.2, Solr, MARC, OAI-PMH)"
    ),
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python :: 3.11",
        "Natural Language :: French",
    ],
    author="Ressources & Territoires",
    license="GPL-2.0-or-later",
    python_requires=">=3.11",
    # profiles/ and theme/ sit at the top of the repository (the design card asks
    # for it) and ship inside the package as rt.infodoc.profiles and rt.infodoc.theme.
    package_dir={
        "": "src",
        "rt.infodoc.profiles": "profiles",
        "rt.infodoc.theme": "theme",
    },
    packages=find_namespace_packages("src", include=["rt.*"])
    + ["rt.infodoc.profiles", "rt.infodoc.theme"],
    package_data={
        "": ["*.zcml", "*.xml", "*.pt", "*.json", "*.po", "*.pot", "*.mo", "*.txt",
             "*.css", "*.js", "*.svg", "*.png", "*.html", "*.cfg"],
        "rt.infodoc.profiles": _package_data("profiles"),
        "rt.infodoc.theme": _package_data("theme"),
    },
    include_package_data=True,
    zip_safe=False,
    install_requires=[
        "Products.CMFPlone",
        "plone.api",
        "plone.app.dexterity",
        "plone.restapi",
        "collective.solr",
        "collective.z3cform.datagridfield",  # authors, speakers: rows, not JSON
        "six",  # collective.solr 10.1.1 imports six without declaring it
        "pymarc",
        "lxml",
        "requests",
        "reportlab",  # the printable PDF of a fiche expérience
        "pygal",  # server-side SVG charts of the circulation figures
        "ZEO",
        "aiosmtpd",  # the local mail catcher of `make run` (rt.infodoc.mail.catcher)
        "setuptools",
    ],
    extras_require={
        "test": [
            "pytest",
            "pytest-plone",
            "plone.app.testing",
            "plone.testing",
            "WebTest",
            "Sickle",      # a third-party OAI-PMH harvester, to harvest our provider
            "selenium",    # drives Debian's chromium in tests/e2e
            "aiosmtpd",    # a real SMTP server for the e-mail tests
            "pypdf",       # reads the PDFs the portal makes (pages, text)
            "hypothesis",  # property-based tests: random input at every public endpoint
            "ruff",        # make lint: Python style and format
            "zpretty",     # make lint: ZCML and GenericSetup XML format
            "i18ndude",    # make i18n: extracts the message ids into locales/
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
        # the WSGI filters of the instance's pipeline (instance/zope.ini.in, buildout.cfg)
        "paste.filter_factory": [
            "outage = rt.infodoc.outage.wsgi:make_filter",
            "badpath = rt.infodoc.publication.wsgi_path:make_filter",
            "circulation = rt.infodoc.circulation.follower:make_filter",
            "interpreter = rt.infodoc.publication.wsgi_interpreter:make_filter",
        ],
        # scripts/import-marc, harvest-oai, harvest-scheduled are thin wrappers of these
        "console_scripts": [
            "rt-import-marc = rt.infodoc.importer.cli:console",
            "rt-harvest-oai = rt.infodoc.harvesting.cli:harvest_console",
            "rt-harvest-scheduled = rt.infodoc.harvesting.cli:scheduled_console",
        ],
    },
)

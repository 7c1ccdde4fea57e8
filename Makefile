# rt.infodoc — two commands: `make run` (portal with demo content) and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8080
export RT_INFODOC_PORT := $(PORT)

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# --- installation -------------------------------------------------------------

system-deps: ## Debian packages (chromium for browser tests), when root
	@scripts/system-deps

$(STAMP): setup.py constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) introuvable : installez Python 3.11" >&2; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q pip==26.1.2
	$(BIN)/pip install -q -c constraints.txt setuptools wheel
	$(BIN)/pip install -q -c constraints.txt --no-build-isolation -e ".[test]"
	$(BIN)/python scripts/check-prereleases
	touch $(STAMP)

install: $(STAMP) ## Python packages (exact pins), the Solr jars and the theme (npm ci + sass)
	scripts/solr install
	scripts/build-theme

instance: install ## render instance/*.in into var/instance/etc
	scripts/instance --port $(PORT)

constraints: ## re-pin constraints.txt from a working .venv
	scripts/freeze-constraints

# --- running ------------------------------------------------------------------

start-services: instance ## start Solr, the ZEO server and the local mail catcher
	scripts/solr start
	scripts/zeo start
	scripts/mailcatcher start

DEMO_FUND := var/demo/fund.mrc

$(DEMO_FUND): $(STAMP)
	mkdir -p var/demo
	scripts/make-demo-fund $(DEMO_FUND)

site: start-services $(DEMO_FUND) ## create the site "Plone" with demo content, import the demo fund, a year of demo loans (once)
	scripts/create-site
	scripts/import-marc $(DEMO_FUND)
	scripts/demo-circulation

run: site ## install, start Solr and ZEO, create the demo site, start the scheduler (reminders), serve http://localhost:8080/Plone
	@echo "Portail : http://localhost:$(PORT)/Plone  (admin:admin, pour le développement seulement)"
	@echo "Courriels envoyés : var/mail/  (scripts/mailcatcher list, scripts/mailcatcher show last)"
	scripts/scheduler start
	$(BIN)/runwsgi var/instance/etc/zope-zeo.ini

stop: ## stop Solr, ZEO and the mail catcher
	-scripts/scheduler stop
	-scripts/zeo stop
	-scripts/solr stop
	-scripts/mailcatcher stop

reset: stop ## delete the database, the index and the logs (keeps the jars and .venv)
	rm -rf var/filestorage var/blobstorage var/log var/solr/data var/instance

buildout: ## build a Plone instance with zc.buildout from the same pins (var/buildout)
	scripts/buildout

# --- quality ------------------------------------------------------------------

i18n: $(STAMP) ## extract the message ids (i18ndude), sync and compile the catalogues of src/rt/infodoc/locales
	$(BIN)/python scripts/i18n

ZCML := $(shell find src instance theme -name '*.zcml' -not -path '*/node_modules/*')
PROFILE_XML := $(shell find profiles -name '*.xml')
# scripts without a .py suffix are Python when their first line says so
PY_SCRIPTS := $(shell grep -l "^#!.*python" scripts/* 2>/dev/null)
LINTED := src theme tests scripts $(PY_SCRIPTS)

lint: $(STAMP) ## style checks: ruff (check and format) on Python, zpretty on ZCML and profile XML
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/zpretty --zcml --check $(ZCML)
	$(BIN)/zpretty --xml --check $(PROFILE_XML)

format: $(STAMP) ## rewrite what make lint would refuse
	$(BIN)/ruff check --fix $(LINTED)
	$(BIN)/ruff format $(LINTED)
	$(BIN)/zpretty --zcml --inplace $(ZCML)
	$(BIN)/zpretty --xml --inplace $(PROFILE_XML)

test: system-deps install lint ## install everything, check the style, then run the whole test suite
	$(BIN)/python -m pytest tests -m "not solr_site"
	$(BIN)/python -m pytest tests -m solr_site

test-fast: ## pure-Python tests only (no Zope, no servers)
	$(BIN)/python -m pytest tests/marc tests/oaiprovider/engine tests/harvesting/core tests/vocabularies/test_lines.py -q

bench: install ## benchmarks; figures go to docs/BENCHMARKS.md
	$(BIN)/python scripts/bench

.PHONY: help system-deps install instance constraints buildout start-services site run stop reset lint format test test-fast bench i18n

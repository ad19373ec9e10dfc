# teikit: the two commands are `make edition` and `make test`.
# Both set up what is missing on a Debian machine (apt packages, .venv) first.

SHELL := /bin/sh
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
TEIKIT := $(VENV)/bin/teikit
STAMP := $(VENV)/.installed

# Debian packages, by what needs them.
APT_PYTHON := python3 python3-venv python3-pip
APT_VALIDATE := jing default-jre-headless
# Hyphenation patterns beyond English, for the German and Italian of the foreign TEI the tests build;
# a language without its texlive-lang-* package is set without hyphenation. (Defined before APT_PDF:
# := expands at once.)
APT_HYPHENATION := texlive-lang-german texlive-lang-italian
# Fonts for letters the book face and DejaVu lack, taken only by a text that has them: FreeSerif
# (Devanagari and other Indic scripts, signs such as the DTA's ⸗) and WenQuanYi Micro Hei (Chinese,
# Japanese, Korean, and the EEBO texts' 〈 〉); 12 MB. fontconfig finds them for the build. GFS Didot
# (0.6 MB): polytonic Greek set as a whole beside Pagella, whose Latin it shares (Palatino's design).
APT_FONTS := fontconfig fonts-freefont-otf fonts-wqy-microhei fonts-gfs-didot
APT_PDF := texlive-luatex texlive-latex-recommended texlive-latex-extra \
           texlive-humanities texlive-fonts-recommended fonts-texgyre fonts-dejavu-core poppler-utils \
           $(APT_HYPHENATION) $(APT_FONTS)
APT_WEB := chromium fonts-dejavu-core
APT_LINT := wamerican wbritish

.PHONY: edition test bench schema docs setup setup-apt clean

edition: setup
	$(TEIKIT) validate tei
	$(TEIKIT) build --html --pdf tei --out output

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) bench/run.py

# Regenerate the schemas from the ODD, and the encoding guidelines beside them in output/docs.
schema: setup
	$(TEIKIT) schema --write --guidelines output/docs/guidelines.html

# The editors' documentation alone: the encoding guidelines and the lint rules (output/docs).
docs: setup
	$(TEIKIT) schema --guidelines output/docs/guidelines.html
	$(PY) -c "from pathlib import Path; from teikit.files import atomic_write; from teikit.lint.docs import rules_html; atomic_write(Path('output/docs/lint-rules.html'), rules_html())"

setup: setup-apt $(STAMP)

setup-apt:
	@sh tools/ensure-apt.sh $(APT_PYTHON) $(APT_VALIDATE) $(APT_PDF) $(APT_WEB) $(APT_LINT)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,web,browser]'
	@touch $(STAMP)

clean:
	rm -rf output/html output/pdf output/latex output/docs .pytest_cache

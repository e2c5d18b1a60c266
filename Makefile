# frameshift: `make figures` rebuilds every figure from the bundled corpus; `make test` runs all tests.
# Both create the local virtual environment .venv from pyproject.toml when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: figures test test-fast venv clean-venv benchmark lab docs

figures: $(STAMP)
	$(BIN)/frameshift figures --out figures/

test: $(STAMP)
	MPLBACKEND=Agg $(BIN)/python -m pytest -q

# The quick loop while working: everything but the tests marked slow (notebooks, Dask, the
# reference-matcher equivalence, random-settings agreement). `make test` runs them all.
test-fast: $(STAMP)
	MPLBACKEND=Agg $(BIN)/python -m pytest -q -m "not slow"

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

# The API reference (Sphinx + numpydoc, offline) from the docstrings, with the figure gallery:
# docs/api/_build/html/index.html. Warnings are errors. The tools come with the docs extra.
docs: $(STAMP)
	$(BIN)/python -c "import sphinx, numpydoc" 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[docs]'
	$(BIN)/python -m sphinx -b html -W -q docs/api docs/api/_build/html
	@echo "docs/api/_build/html/index.html"

benchmark: $(STAMP)
	$(BIN)/python benchmarks/run.py

# --allow-root when run as root (containers, classroom images): Jupyter refuses to start otherwise
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root,)

clean-venv:
	rm -rf $(VENV)

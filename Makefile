# lovkons — see README.md. Works on a fresh machine with only Python (3.11+), pip and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint bench fuzz clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# bytecode once, as a regular install has it (where PYTHONDONTWRITEBYTECODE is set, each command compiled again)
	$(BIN)/python -m compileall -q lovkons >/dev/null
	@# The diff HTML is checked in a real headless Chromium; install Debian's package when it is
	@# missing and the machine allows it (root + apt). Otherwise that one test reports itself skipped.
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && (apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq >/dev/null 2>&1 \
	  && apt-get install -y -qq chromium >/dev/null 2>&1)) ; } || echo "note: chromium not installed; the browser test will be skipped"
	touch $(STAMP)

# exit 3 = done, some instructions refused (listed in consolidated/report.md): the demo succeeded
demo: setup
	$(BIN)/lovkons rebuild --corpus corpus --out consolidated || [ $$? -eq 3 ]

test: setup
	$(BIN)/python -m pytest -n auto tests
	$(BIN)/ruff check lovkons tests bench
	$(BIN)/mypy

lint: setup
	$(BIN)/ruff check lovkons tests bench
	$(BIN)/mypy

bench: setup
	$(BIN)/python bench/run.py

# The long fuzzing profile (tests/fuzz): mutated real documents through parse, instructions, apply,
# diff and rebuild; prints the seeds and figures, saves a reproducer per failure in fuzz-failures/.
FUZZ_INPUTS ?= 10000
FUZZ_SEED ?= 1
fuzz: setup
	$(BIN)/python -m tests.fuzz.run --inputs $(FUZZ_INPUTS) --seed $(FUZZ_SEED) --jobs 2 --save fuzz-failures

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

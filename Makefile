# Two commands for a fresh machine:
#   make demo   set up .venv and run the main job on the bundled examples
#   make test   set up .venv and run the whole test suite (lint, types, tests)
.PHONY: demo test setup lint clean

setup:
	@bash scripts/setup.sh

demo: setup
	.venv/bin/juesuan demo --examples examples --output out/demo

test: setup
	.venv/bin/ruff check src tests bench examples
	.venv/bin/mypy
	.venv/bin/pytest

lint: setup
	.venv/bin/ruff check src tests bench examples
	.venv/bin/mypy

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache

"""The fuzzing suite: mutated real documents through parse, instructions, apply, diff and rebuild.

Fast profile: tests/test_harden_fuzz.py (in `make test`). Long profile: `make fuzz`
(python -m tests.fuzz.run). Both judge every input by the contract: exit 0, 2 or 3, never a
traceback, one stderr line for exit 2, within a time bound per input size.
"""

"""`python -m lovkons`: the same entry point as the `lovkons` script."""

from lovkons.cli.main import main

main()

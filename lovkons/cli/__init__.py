"""Stage 4 (cli): the thin Typer layer — parse arguments, call one function, render, exit code."""

"""`python -m lovkons.ressort`: print the register as Markdown (docs/ressort-register.md)."""

from lovkons.ressort.register import default_register
from lovkons.ressort.table import markdown_table

print(markdown_table(default_register()), end="")

"""Stage 3 (renderers): ParseResult → one tab-separated summary line per document (the contract's
`parse --format summary` line; `--format tsv` puts SUMMARY_HEADER above the lines)."""

from __future__ import annotations

from lovkons.model.document import ParseResult

SUMMARY_HEADER = "file\tkind\tnumber/year\tparagraffer\tproblems"


def summary_line(file: str, result: ParseResult) -> str:
    """`file<TAB>kind<TAB>number/year<TAB>§ count<TAB>problem count` ("-" for an unknown number/year)."""
    meta = result.document.meta
    if meta.number is None and meta.year is None:
        ident = "-"
    else:
        ident = f"{'' if meta.number is None else meta.number}/{'' if meta.year is None else meta.year}"
    count = len(result.document.paragraffer())
    return f"{file}\t{meta.kind}\t{ident}\t{count}\t{len(result.problems)}"

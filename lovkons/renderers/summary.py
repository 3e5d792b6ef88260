"""Stage 3 (renderers): short tabular outputs — ParseResult → one tab-separated summary line per
document (the contract's `parse --format summary` line; `--format tsv` puts SUMMARY_HEADER above the
lines), and the fields of `lovkons cache`."""

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
    count = result.document.paragraf_count()  # = len(paragraffer()), without walking inside the §§
    return f"{file}\t{meta.kind}\t{ident}\t{count}\t{len(result.problems)}"


def cache_fields(path: str, files: int, size: int, *, cleared: bool = False) -> dict[str, object]:
    """`lovkons cache`: where the cache is, its files and bytes (and whether it was just cleared)."""
    out: dict[str, object] = {"path": path, "files": files, "bytes": size}
    if cleared:
        out["cleared"] = True
    return out


def cache_text(fields: dict[str, object]) -> str:
    """One "key: value" line per field."""
    return "".join(f"{k}: {'yes' if v is True else v}\n" for k, v in fields.items())

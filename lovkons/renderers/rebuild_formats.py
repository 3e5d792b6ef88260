"""Stage 3 (renderers): the files of one rebuild version in the formats asked for with
`rebuild --formats md,json,akn,html`: `<from-date>.md`, `.json` (as today), `.akn.xml` (Akoma Ntoso)
and `.html` (the law page), deterministic bytes, the JSON pretty or (`--compact-json`) on one line.
The default (md,json, pretty) is `REBUILD_FILES` itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from lovkons.history.outputs import VersionOut
from lovkons.model.document import LovkonsError
from lovkons.renderers.rebuild_files import REBUILD_FILES, RebuildFiles

SUFFIXES = {"md": ".md", "json": ".json", "akn": ".akn.xml", "html": ".html"}
DEFAULT = ("md", "json")


def parse_formats(text: str) -> tuple[str, ...]:
    """"md,json,akn" → ("md", "json", "akn") in the canonical order; LovkonsError for an unknown name."""
    names = [x.strip().lower() for x in text.split(",") if x.strip()]
    unknown = [x for x in names if x not in SUFFIXES]
    if unknown or not names:
        raise LovkonsError(f"--formats: {', '.join(unknown) or 'empty'}: choose from {', '.join(SUFFIXES)}")
    return tuple(x for x in SUFFIXES if x in names)


class FormatFiles(RebuildFiles):
    """The rebuild's renderer for other formats than the default: the same index entries and
    reports, each version in the formats asked for. Its `key` enters every job's hash, so output
    written for other formats is never reused."""

    def __init__(self, formats: Sequence[str], compact: bool = False) -> None:
        self.formats = tuple(formats)
        self.compact = compact
        self.key = ",".join(self.formats) + (";compact-json" if compact else "")

    def __call__(self, version: VersionOut) -> dict[str, bytes]:
        from lovkons.renderers.publication import of_version

        out = {s: b for s, b in super().__call__(version).items() if s.lstrip(".") in self.formats}
        if "akn" in self.formats:
            from lovkons.renderers.akn import render_akn

            out[SUFFIXES["akn"]] = render_akn(of_version(version))
        if "html" in self.formats:
            from lovkons.renderers.law_html import render_law_html

            out[SUFFIXES["html"]] = render_law_html(of_version(version)).encode()
        return out


def renderer(formats: Sequence[str], compact: bool = False) -> RebuildFiles:
    """The rebuild's renderer (picklable: worker processes receive it). `compact`: JSON on one line."""
    return REBUILD_FILES if tuple(formats) == DEFAULT and not compact else FormatFiles(formats, compact)

"""Stage 3 (renderers): the files of one rebuild version in the formats asked for with
`rebuild --formats md,json,akn,html`: `<from-date>.md`, `.json` (as today), `.akn.xml` (Akoma Ntoso)
and `.html` (the law page), deterministic bytes. The default (md,json) is `render_version` itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from lovkons.history.outputs import VersionOut
from lovkons.history.rebuild import CACHE
from lovkons.model.document import LovkonsError
from lovkons.renderers.version_files import render_version

SUFFIXES = {"md": ".md", "json": ".json", "akn": ".akn.xml", "html": ".html"}
DEFAULT = ("md", "json")


def parse_formats(text: str) -> tuple[str, ...]:
    """"md,json,akn" → ("md", "json", "akn") in the canonical order; LovkonsError for an unknown name."""
    names = [x.strip().lower() for x in text.split(",") if x.strip()]
    unknown = [x for x in names if x not in SUFFIXES]
    if unknown or not names:
        raise LovkonsError(f"--formats: {', '.join(unknown) or 'empty'}: choose from {', '.join(SUFFIXES)}")
    return tuple(x for x in SUFFIXES if x in names)


def render_formats(v: VersionOut, formats: Sequence[str]) -> dict[str, bytes]:
    """One version → {suffix: bytes} for each format asked for."""
    from lovkons.renderers.publication import of_version

    out = {s: b for s, b in render_version(v).items() if s.lstrip(".") in formats}
    if "akn" in formats:
        from lovkons.renderers.akn import render_akn

        out[SUFFIXES["akn"]] = render_akn(of_version(v))
    if "html" in formats:
        from lovkons.renderers.law_html import render_law_html

        out[SUFFIXES["html"]] = render_law_html(of_version(v)).encode()
    return out


def renderer(formats: Sequence[str]) -> Callable[[VersionOut], dict[str, bytes]]:
    """The rebuild's renderer (picklable: worker processes receive it)."""
    if tuple(formats) == DEFAULT:
        return render_version
    return partial(render_formats, formats=tuple(formats))


def forget_other_formats(out: Path, formats: Sequence[str]) -> bool:
    """Drop the rebuild cache of `out` when it was written for other formats, so no document is
    reused with the wrong files (the cache keys on the code, not on the formats). True if dropped."""
    cache = out / CACHE
    try:
        jobs = json.loads(cache.read_text(encoding="utf-8")).get("jobs", {})
    except (OSError, ValueError):
        return False
    wanted = {SUFFIXES[f] for f in formats}
    for job in jobs.values():
        names = [Path(n).name for n in job.get("files", [])]
        if names and {"." + n.split(".", 1)[1] for n in names if "." in n} != wanted:
            cache.unlink(missing_ok=True)
            return True
    return False

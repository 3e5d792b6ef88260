"""Stage 3 (renderers): two versions → a unified diff (`diff -u` / `git diff` form) of their Danish
text, one provision per line, which delta, diff2html, patch and editors read. The file names are the
version labels ("a/BEK-1292-2007@2008-06-01"); hunk headers name the § the hunk starts in.
"""

from __future__ import annotations

import difflib

import regex

from lovkons.model.document import Document
from lovkons.renderers.text import render_text

_PARAGRAF = regex.compile(r"^(?:§§?\s\d+(?:\s?[a-zA-Z])?\.|Kapitel\s\S+|Bilag\s\S+)")


def _name(label: str) -> str:
    """A file name without spaces or slashes, so every tool splits `diff --git a/X b/Y` alike:
    "BEK 1292/2007 pr. 2008-06-01" → "BEK-1292-2007@2008-06-01"."""
    return label.replace(" pr. ", "@").replace("/", "-").replace(" ", "-").replace("(", "").replace(")", "")


def render_unified(old: Document, new: Document, old_label: str, new_label: str, *, context: int = 3) -> str:
    """`diff --git a/OLD b/NEW`, `---`/`+++` and `@@ -l,n +l,n @@ § 5.` hunks; empty when equal."""
    a = render_text(old, header=False).splitlines()
    b = render_text(new, header=False).splitlines()
    out: list[str] = []
    for line in difflib.unified_diff(a, b, f"a/{_name(old_label)}", f"b/{_name(new_label)}", n=context, lineterm=""):
        if line.startswith("@@"):
            start = int(line.split()[1].split(",")[0].lstrip("-") or 1)
            found = next((m for x in reversed(a[: max(start, 1)]) if (m := _PARAGRAF.match(x))), None)
            if found is not None:
                line += " " + found[0]
        out.append(line)
    if not out:
        return ""
    return f"diff --git a/{_name(old_label)} b/{_name(new_label)}\n" + "\n".join(out) + "\n"

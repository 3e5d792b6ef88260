"""Stage 3 (renderers): DocumentDiff → unified-style plain text (and the Danish wording shared by
the other diff renderers: kind names, dates, source lines)."""

from __future__ import annotations

import datetime as dt

from lovkons.model.document import Source
from lovkons.review.diff import Change, DocumentDiff

KIND_DA = {
    "changed": "ændret",
    "inserted": "indsat",
    "repealed": "ophævet",
    "renumbered": "nyt nummer",
}
_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)


def danish_date(d: dt.date) -> str:
    """date(2009, 7, 1) → "1. juli 2009"."""
    return f"{d.day}. {_MONTHS[d.month - 1]} {d.year}"


def source_line(source: Source) -> str:
    """"BEK 1072/2008 § 1, nr. 4 (i kraft 1. juli 2009)"."""
    when = f" (i kraft {danish_date(source.in_force)})" if source.in_force else ""
    return f"{source}{when}"


def brief(text: str, limit: int = 160) -> str:
    """An instruction shortened for one-screen forms (text, terminal): "§ 28 … affattes således: »…"."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def heading(change: Change) -> str:
    """"§ 29, stk. 2 — ændret" / "§ 4 a, stk. 3 (hidtil stk. 2) — nyt nummer, ændret"."""
    kind = KIND_DA.get(change.kind, change.kind)
    if change.kind == "renumbered" and change.text_changed:
        kind += ", ændret"
    was = ""
    if change.old_address and change.old_address != change.address:
        was = f" (hidtil {change.old_address.removeprefix(_common_prefix(change))})"
    return f"{change.address}{was} — {kind}"


def _common_prefix(change: Change) -> str:
    """"§ 4 a, " when old and new address differ only after it (so "hidtil stk. 2" reads well)."""
    old, new = (change.old_address or "").split(", "), change.address.split(", ")
    same = 0
    while same < min(len(old), len(new)) - 1 and old[same] == new[same]:
        same += 1
    return "".join(part + ", " for part in old[:same])


def summary(diff: DocumentDiff) -> str:
    n = len(diff.changes)
    if n == 0:
        return "Ingen ændringer."
    return "1 ændring." if n == 1 else f"{n} ændringer."


RED, GREEN, CYAN, BOLD, DIM, RESET = "\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def word_line(change: Change, mode: str = "plain") -> str:
    """git-style word diff: "om [-året-]{+måneden+}" (plain), or coloured (red deleted, green
    inserted, like `git diff --word-diff=color`)."""
    parts = []
    for op, text in change.words:
        if op == "equal":
            parts.append(text)
        elif mode == "color":
            parts.append(f"{RED if op == 'delete' else GREEN}{text}{RESET}")
        else:
            parts.append(f"[-{text}-]" if op == "delete" else f"{{+{text}+}}")
    return "".join(parts)


def render_diff_text(diff: DocumentDiff, *, words: str = "plain", color: bool = False) -> str:
    """Unified-style text: `-` old lines, `+` new lines, a word diff (`words`: plain, color, none)
    and the sources per change; `color`: ANSI colours as git shows them."""
    def paint(code: str, line: str) -> str:
        return f"{code}{line}{RESET}" if color else line

    lines = [paint(BOLD, f"--- {diff.old_label}"), paint(BOLD, f"+++ {diff.new_label}"), summary(diff)]
    for change in diff.changes:
        lines += ["", paint(CYAN, f"@@ {heading(change)}")]
        if change.kind == "renumbered" and not change.text_changed:
            lines += [f"  {x}" for x in (change.new or "").splitlines()]
        else:
            lines += [paint(RED, f"- {x}") for x in (change.old or "").splitlines()]
            lines += [paint(GREEN, f"+ {x}") for x in (change.new or "").splitlines()]
        if change.words and words != "none":
            lines.append(f"~ {word_line(change, words)}")
        for source in change.sources:
            lines.append(paint(DIM, f"  Kilde: {source_line(source)}"))
            if source.text:
                lines.append(paint(DIM, f"         {brief(source.text)}"))
    return "\n".join(lines) + "\n"


def _counts(change: Change) -> tuple[int, int]:
    """(lines added, lines removed) of a change, as a line diff would count them."""
    if change.kind == "renumbered" and not change.text_changed:
        return 0, 0
    return len((change.new or "").splitlines()), len((change.old or "").splitlines())


def render_diff_stat(diff: DocumentDiff, *, color: bool = False) -> str:
    """Like `git diff --stat`: one line per changed provision ("§ 29, stk. 2 | ændret | 1 +-"), then
    "N ændringer: … indsat, … ophævet, … ændret, … nyt nummer"."""
    if not diff.changes:
        return summary(diff) + "\n"
    width = max(len(c.address) for c in diff.changes)
    lines = []
    for c in diff.changes:
        plus, minus = _counts(c)
        marks = (f"{GREEN}{'+' * plus}{RESET}{RED}{'-' * minus}{RESET}" if color else "+" * plus + "-" * minus)
        lines.append(f" {c.address:<{width}} | {KIND_DA.get(c.kind, c.kind):<10} | {plus + minus} {marks}".rstrip())
    kinds: dict[str, int] = {}
    for c in diff.changes:
        kinds[KIND_DA.get(c.kind, c.kind)] = kinds.get(KIND_DA.get(c.kind, c.kind), 0) + 1
    lines.append(f" {summary(diff).rstrip('.')}: " + ", ".join(f"{n} {k}" for k, n in kinds.items()))
    return "\n".join(lines) + "\n"


def render_name_only(diff: DocumentDiff) -> str:
    """Like `git diff --name-only`: the address of each changed provision, one per line."""
    return "".join(f"{c.address}\n" for c in diff.changes)

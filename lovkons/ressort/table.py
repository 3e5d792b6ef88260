"""Stage 3-like view of the ressort data: the register as the Markdown of docs/ressort-register.md
(`python -m lovkons.ressort > docs/ressort-register.md`). Input: Register; output: Markdown text."""

from __future__ import annotations

import datetime as dt

from lovkons.ressort.register import MINISTRY, Register, Transfer


def _day(d: dt.date | None) -> str:
    return d.isoformat() if d else "før registret"


def _periods(register: Register, name: str) -> str:
    return "; ".join(f"{_day(a)} – {b.isoformat() if b else ''}".rstrip(" –") for a, b in register.periods[name])


def _transfer(t: Transfer) -> str:
    which = [f"love: {', '.join(t.laws)}"] if t.laws else []
    which += [f"titelord: {', '.join(t.keywords)}"] if t.keywords else []
    which += [f"bliver tilbage: kapitler om {', '.join(t.stays)}"] if t.stays else []
    return f"{t.area}: {t.source} → {t.target}" + (f" ({'; '.join(which)})" if which else "")


def markdown_table(register: Register) -> str:
    """Offices (with their periods in office) and changes (with their legal basis), as Markdown."""
    out = ["# Register of ministries and authorities (ressortændringer)", "",
           f"Generated from `{register.source}` (`python -m lovkons.ressort`). Corrections go into the YAML; "
           "it is validated when loaded. Changes marked *not verified* are not shown by any document of the "
           "development corpus (2010 – early 2017).", ""]  # fmt: skip
    if register.complete_until:
        out += [f"The register is complete up to {register.complete_until.isoformat()}; the changes after that day are "
                "listed as far as known (not verified), and consolidating at a later day gives the warning "
                "`RESSORT_REGISTER_ENDS`.", ""]
    out += ["## Ministries", "", "| ministry | minister (in running text) | in office |", "| --- | --- | --- |"]
    for o in sorted(register.offices.values(), key=lambda o: (register.periods[o.name][0][0] or dt.date.min, o.name)):
        if o.kind == MINISTRY:
            also = f" (also: {', '.join(o.also)})" if o.also else ""
            out.append(f"| {o.name} | {o.minister}{also} | {_periods(register, o.name)} |")
    out += ["", "## Authorities", "", "| authority | ministry | in office |", "| --- | --- | --- |"]
    for o in sorted(register.offices.values(), key=lambda o: o.name):
        if o.kind != MINISTRY:
            out.append(f"| {o.name} | {o.ministry or ''} | {_periods(register, o.name)} |")
    out += ["", "## Changes", "", "| date | legal basis | renames | transfers of areas | ends / starts |",
            "| --- | --- | --- | --- | --- |"]  # fmt: skip
    for c in register.changes:
        basis = c.basis + (f", offentliggjort ved {c.published}" if c.published else "")
        basis += "" if c.verified else " (*not verified*)"
        renames = "<br>".join([f"{a} → {b}" for a, b in c.renames]
                              + [f"{a}: minister → {t}" for a, t in c.titles])
        transfers = "<br>".join(_transfer(t) for t in c.transfers)
        ends = "<br>".join([f"ophører: {n}" for n in c.ends] + [f"oprettes: {n}" for n in c.starts])
        out.append(f"| {c.date.isoformat()} | {basis} | {renames} | {transfers} | {ends} |")
    return "\n".join(out) + "\n"

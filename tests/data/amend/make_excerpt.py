"""Cut a real LexDania XML document down to the few units a test needs (run once, by hand).

    python tests/data/amend/make_excerpt.py SRC.xml OUT.xml --paragraf 53 54 58
    python tests/data/amend/make_excerpt.py SRC.xml OUT.xml --change 1 --items 29
    python tests/data/amend/make_excerpt.py SRC.xml OUT.xml --keep 2:2 4:1   (several change §§: §:items,items)

A consolidated document (law, LBK) keeps its Meta, title and the named §§ inside their kapitel/afsnit
(other §§, Ikraft and notes dropped); an amending act keeps its Meta, title, the named change § with
only the named items, and its commencement §§ (its own bilag dropped). Everything kept is the original XML, unchanged.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from lxml import etree

CONTAINERS = {"Bog", "Afsnit", "Kapitel", "DokumentIndhold"}


def label(el: etree._Element) -> str:
    ex = el.find("Explicatus")
    text = "".join(ex.itertext()) if ex is not None else ""
    return "".join(text.replace("§", "").split()).rstrip(".").lower()


def cut_consolidated(root: etree._Element, keep: set[str]) -> None:
    for el in list(root.iter("Paragraf")):
        if label(el) not in keep:
            el.getparent().remove(el)
    for tag in ("Ikraft", "Noter", "Note"):
        for el in list(root.iter(tag)):
            el.getparent().remove(el)
    changed = True
    while changed:  # containers left without a § go too
        changed = False
        for el in list(root.iter(*CONTAINERS - {"DokumentIndhold"})):
            if not any(True for _ in el.iter("Paragraf")):
                el.getparent().remove(el)
                changed = True


def cut_amending(root: etree._Element, change: str | dict[str, set[str]], items: set[str] | None = None) -> None:
    keep = change if isinstance(change, dict) else {change: items or set()}
    for el in list(root.iter("AendringCentreretParagraf")):
        if label(el) not in keep:
            el.getparent().remove(el)
            continue
        for item in list(el.iter("AendringsNummer")):
            if label(item) not in keep[label(el)]:
                el.remove(item)
    for el in list(root.iter("CentreretParagraf", "Paragraf")):
        if not any(a.tag == "AendringCentreretParagraf" for a in el.iterancestors()):
            el.getparent().remove(el)
    for el in list(root.findall("Bilag")):  # the act's own bilag (an ordered text is not cut)
        root.remove(el)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("src", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--paragraf", nargs="*", default=[])
    ap.add_argument("--change")
    ap.add_argument("--items", nargs="*", default=[])
    ap.add_argument("--keep", nargs="*", default=[], help="change §:items (comma-separated), several")
    args = ap.parse_args()
    tree = etree.parse(str(args.src))
    root = tree.getroot()
    if args.keep:
        cut_amending(root, {k.split(":")[0]: set(k.split(":")[1].split(",")) for k in args.keep})
    elif args.change:
        cut_amending(root, args.change, set(args.items))
    else:
        cut_consolidated(root, {p.replace(" ", "").lower() for p in args.paragraf})
    args.out.write_bytes(etree.tostring(tree, encoding="utf-8", xml_declaration=True))


if __name__ == "__main__":
    main()

"""Reading a § of a real LexDania excerpt in tests/data, the way the tests of the XML reader look at it; writing a
made-up LBK from a real one for the corpus tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.model.document import Node
from lovkons.parsers.lexdania import parse_lexdania


def paragraf(path: Path, label: str) -> Node:
    """The § labelled `label` of the LexDania file at `path`."""
    doc = parse_lexdania(path.read_bytes(), file=str(path)).document
    return next(p for p in doc.paragraffer() if p.label == label)


def paragraf_text(path: Path, label: str) -> str:
    """The texts of that § and every unit in it, joined by one space."""
    return " ".join(node.text for node in paragraf(path, label).walk() if node.text)


def made_up_lbk(root: Path, source: Path, old: str, new: str, *, number: int, year: int, date: str) -> None:
    """Write into the corpus folder `root` a made-up LBK nr. `number`/`year` of `date`: the real LBK at `source`
    with the words `old` of its introduction (there once) reading `new`."""
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1
    folder = root / f"LBK-{year}-{number}"
    folder.mkdir()
    (folder / f"{folder.name}.xml").write_text(text.replace(old, new), encoding="utf-8")
    (folder / f"{folder.name}.xml.yaml").write_text(f"number: {number}\nyear: {year}\ndate: {date}\n", encoding="utf-8")


def corpus_of(data: Path, root: Path) -> Corpus:
    """A corpus of the files of the folder `data` (real documents of tests/data), copied into the empty folder `root`:
    the corpus reader keeps its index beside the files, never in tests/data."""
    for f in data.iterdir():
        shutil.copy(f, root / f.name)
    return load_corpus(root, jobs=1)

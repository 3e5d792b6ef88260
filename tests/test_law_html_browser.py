"""The HTML law page in a real headless Chromium, for BEK 1292/2007 on 1 August 2009 and
retsplejeloven (LBK 1257/2016) on 1 July 2017: the visible text of every § equals our text output,
the page fits a phone's width, and screenshots at desktop and narrow widths show a rendered page
(set LOVKONS_SHOTS=DIR to keep them). Skipped, with the reason, when no Chromium is installed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import lxml.html
import pytest

from lovkons.history.corpus import load_corpus
from lovkons.history.pointintime import PointInTime, consolidate_at
from lovkons.model.document import Document, Kind, Meta
from lovkons.renderers.akn_layout import layout
from lovkons.renderers.law_html import render_law_html
from lovkons.renderers.publication import of_point_in_time
from lovkons.renderers.text import render_text
from tests.browser.chromium import FLAGS, TIMEOUT, dump_dom

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "bek-1292-2007": (ROOT / "corpus", "BEK 1292/2007", dt.date(2009, 8, 1)),
    "retsplejeloven": (ROOT / "tests" / "data" / "akn" / "retsplejeloven", "LBK 1257/2016", dt.date(2017, 7, 1)),
}
WIDTHS = {"desktop": (1280, 1600), "narrow": (390, 1600)}


@pytest.fixture(scope="module", params=sorted(CASES))
def law(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, PointInTime, Path]:
    corpus, ident, day = CASES[request.param]
    result = consolidate_at(load_corpus(corpus, jobs=1), ident, day)
    page = tmp_path_factory.mktemp("law") / f"{request.param}.html"
    page.write_text(render_law_html(of_point_in_time(result)), encoding="utf-8")
    return request.param, result, page


def run(binary: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    with tempfile.TemporaryDirectory(prefix="lovkons-chromium-") as profile:
        cmd = [binary, *FLAGS, "--hide-scrollbars", f"--user-data-dir={profile}", *args]
        return subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False)


def words(text: str) -> str:
    return " ".join(text.split())


def test_every_paragraf_reads_as_our_text(chromium: str, law: tuple[str, PointInTime, Path]) -> None:
    _, result, page = law
    assert result.document is not None
    dom = lxml.html.fromstring(dump_dom(chromium, page).encode())
    count = 0
    for placed in layout(result.document).walk():
        if placed.node.kind is not Kind.PARAGRAF or placed.book:
            continue
        element = dom.get_element_by_id(placed.eid)
        for notes in element.findall(".//aside"):
            notes.drop_tree()
        ours = render_text(Document(Meta(), None, (placed.node,)), header=False)
        assert words(element.text_content()) == words(ours), placed.eid
        count += 1
    assert count == len(result.document.paragraffer())


def test_narrow_page_has_no_sideways_scroll(chromium: str, law: tuple[str, PointInTime, Path]) -> None:
    """At a phone's width (390 px) nothing is wider than the window."""
    _, _, page = law
    probe = page.with_name(page.stem + "-probe.html")
    script = ("<script>addEventListener('load', () => document.body.setAttribute('data-overflow',"
              " String(document.documentElement.scrollWidth > innerWidth)));</script></body>")  # fmt: skip
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", script), encoding="utf-8")
    proc = run(chromium, "--window-size=390,900", "--dump-dom", probe.resolve().as_uri())
    assert proc.returncode == 0, proc.stderr[-300:]
    assert 'data-overflow="false"' in proc.stdout.decode()


def png_size_and_colours(data: bytes) -> tuple[int, int, int]:
    """(width, height, distinct byte values in the pixel data) of a PNG, read with zlib only."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_screenshots(chromium: str, law: tuple[str, PointInTime, Path], width: str, tmp_path: Path) -> None:
    name, _, page = law
    shot = tmp_path / f"{name}-{width}.png"
    w, h = WIDTHS[width]
    proc = run(chromium, f"--window-size={w},{h}", f"--screenshot={shot}", page.resolve().as_uri())
    assert proc.returncode == 0 and shot.is_file(), proc.stderr[-300:]
    got_w, got_h, colours = png_size_and_colours(shot.read_bytes())
    assert (got_w, got_h) == (w, h)
    assert colours > 20  # text, rules and links, not a blank page
    keep = os.environ.get("LOVKONS_SHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)

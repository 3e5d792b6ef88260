"""The HTML sammenstilling of a real corpus diff, as a Danish reviewer gets it from `lovkons diff -f
html`, in a real headless Chromium at desktop and phone widths: title, Danish dates, ELI link,
generator stamp, table of contents, one row per §, each instruction text once, and at the narrow
width no sideways scrolling. Skipped (with the reason) when no Chromium is installed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lovkons.cli.main import app
from tests.browser.chromium import dump_dom, dump_dom_at, png_size, screenshot, visible_text

ROOT = Path(__file__).resolve().parent.parent
# byggeskadeforsikring from June 2008 to June 2017: four amending orders, many §§ (a long diff)
ARGS = ["diff", "BEK 1292/2007", "--from", "2008-06-01", "--to", "2017-06-01", "--corpus", str(ROOT / "corpus")]
WIDTHS = {"desktop": (1280, 900), "narrow": (390, 844)}
PROBE = """<script>
window.addEventListener("load", () => {
  document.body.dataset.overflow = String(document.documentElement.scrollWidth > window.innerWidth + 1);
});
</script>"""


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "sammenstilling.html"
    result = CliRunner().invoke(app, [*ARGS, "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


def test_what_a_reviewer_expects_on_the_page(chromium: str, page: Path) -> None:
    dom = dump_dom(chromium, page)
    text = visible_text(dom)
    assert "Sammenstilling: Bekendtgørelse om byggeskadeforsikring" in text
    assert "pr. 1. juni 2008" in text and "pr. 1. juni 2017" in text and "2008-06-01" not in text
    assert 'href="https://www.retsinformation.dk/eli/lta/2007/1292"' in dom
    assert "Udarbejdet med lovkons " in text
    assert '<nav class="toc">' in dom
    headers = [h.split(" — ")[0] for h in dom.split('<tr class="address"><th colspan="2">')[1:]]
    assert len(headers) == len(set(headers))  # one row per §
    texts = [t for t in re.findall(r'class="instruction">([^<]*)', dom) if not t.startswith("(instruksen")]
    assert len(texts) == len(set(texts))  # each instruction's text once, later rows refer to it
    overalt = "Overalt i bekendtgørelsen ændres »Erhvervs- og Byggestyrelsen«"  # changes many §§
    assert sum(overalt in t for t in texts) == 1 and "instruksen er gengivet ved" in text


@pytest.mark.parametrize("size", WIDTHS, ids=list(WIDTHS))
def test_screenshot_at_desktop_and_narrow_width(chromium: str, page: Path, tmp_path: Path, size: str) -> None:
    width, height = WIDTHS[size]
    png = tmp_path / f"{size}.png"
    screenshot(chromium, page, png, width, height)
    assert png_size(png) == (width, height) and png.stat().st_size > 10_000  # a drawn page, not a blank one
    probed = tmp_path / "probe.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    assert 'data-overflow="false"' in dump_dom_at(chromium, probed, width, height)  # no sideways scrolling

"""Test helper: run a real headless Chromium on a local HTML file and return what it rendered.

Input: an HTML file path; output: the DOM after load (`dump_dom`), its visible text, or a PDF.
`find_chromium()` returns None when no browser is installed (callers then pytest.skip).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
TIMEOUT = 90  # seconds; a hung browser fails the test instead of blocking the suite


def find_chromium() -> str | None:
    """Path of a Chromium/Chrome binary ($CHROMIUM first), or None."""
    env = os.environ.get("CHROMIUM")
    if env and Path(env).is_file():
        return env
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(binary: str, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    with tempfile.TemporaryDirectory(prefix="lovkons-chromium-") as profile:
        cmd = [binary, *FLAGS, f"--user-data-dir={profile}", *args]
        return subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False)


def dump_dom(binary: str, page: Path) -> str:
    """The serialized DOM of `page` after load (raises on a browser failure)."""
    proc = _run(binary, ["--dump-dom", page.resolve().as_uri()])
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"chromium failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-500:]}")
    return proc.stdout.decode("utf-8")


def print_to_pdf(binary: str, page: Path, pdf: Path) -> None:
    """Print `page` with the print CSS to `pdf`."""
    proc = _run(binary, ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.resolve().as_uri()])
    if proc.returncode != 0 or not pdf.is_file():
        raise RuntimeError(f"chromium --print-to-pdf failed ({proc.returncode})")


class _Text(HTMLParser):
    """Visible text: everything outside <head>, <style> and <script>, whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("head", "style", "script", "title"):
            self.hidden += 1
        elif tag in ("br", "p", "tr", "td", "th", "div", "h1", "li"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("head", "style", "script", "title"):
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(dom: str) -> str:
    parser = _Text()
    parser.feed(dom)
    return " ".join("".join(parser.parts).split())


def screenshot(binary: str, page: Path, png: Path, width: int, height: int) -> None:
    """A PNG of `page` as a window of `width` x `height` CSS pixels shows it."""
    proc = _run(binary, ["--hide-scrollbars", f"--window-size={width},{height}", f"--screenshot={png}",
                         page.resolve().as_uri()])  # fmt: skip
    if proc.returncode != 0 or not png.is_file():
        raise RuntimeError(f"chromium --screenshot failed ({proc.returncode})")


def dump_dom_at(binary: str, page: Path, width: int, height: int) -> str:
    """The DOM after load in a window of `width` x `height` (scripts in the page may record layout)."""
    proc = _run(binary, [f"--window-size={width},{height}", "--dump-dom", page.resolve().as_uri()])
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"chromium failed ({proc.returncode})")
    return proc.stdout.decode("utf-8")


def png_size(png: Path) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    data = png.read_bytes()
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError(f"{png} is not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")

"""Stage 3 (renderers): rich renderables (tables, outlines, coloured diffs) → text. One place decides
the width (a terminal's own; otherwise no hard wrap at all) and whether ANSI colour is written.
"""

from __future__ import annotations

import io
import shutil

from rich.console import Console, RenderableType

UNWRAPPED = 100_000  # "width" of a pipe or file: long lines stay whole (no hard wraps)


def make_console(*, color: bool, terminal: bool, file: io.StringIO | None = None) -> Console:
    """A Console writing to `file`: on a terminal its width, else unbounded; colour only if asked."""
    width = shutil.get_terminal_size((100, 24)).columns if terminal else UNWRAPPED
    return Console(file=file or io.StringIO(), width=width, color_system="truecolor" if color else None,
                   force_terminal=color, no_color=not color, highlight=False, emoji=False,
                   soft_wrap=not terminal, legacy_windows=False)  # fmt: skip


def render(*parts: RenderableType, color: bool = False, terminal: bool = False) -> str:
    """The renderables as text (ANSI codes only when `color`), each part on its own lines; trailing
    spaces that rich pads table cells with are removed when not on a terminal."""
    buffer = io.StringIO()
    console = make_console(color=color, terminal=terminal, file=buffer)
    for part in parts:
        console.print(part)
    text = buffer.getvalue()
    if not terminal and not color:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text

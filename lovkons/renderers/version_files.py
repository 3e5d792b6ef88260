"""Stage 3 (renderers): `render_version`, the renderer `lovkons rebuild` uses (kept under this name
for callers of `rebuild(..., render=render_version)`); see renderers.rebuild_files."""

from __future__ import annotations

from lovkons.renderers.rebuild_files import REBUILD_FILES

render_version = REBUILD_FILES

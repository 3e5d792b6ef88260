"""Build the project's wheel for a test. pip builds in the checkout's `build/` folder, so two test
workers building at once would trip over each other: a file lock makes them take turns."""

from __future__ import annotations

import fcntl
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = Path(tempfile.gettempdir()) / "lovkons-wheel-build.lock"


def build_wheel(dest: Path) -> Path:
    """The wheel built from this checkout into `dest` (no build isolation: no network needed)."""
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                        str(dest), str(ROOT)], check=True, cwd=dest.parent, capture_output=True)  # fmt: skip
    wheels = list(dest.glob("lovkons-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]

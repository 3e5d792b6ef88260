"""Stage 1 (parsers): YAML text → plain Python data, through libyaml's C loader when pyyaml has it
(the same safe subset as `yaml.safe_load`, about ten times faster on the ressort register, which every
consolidation loads), else pyyaml's own. Errors are `yaml.YAMLError` as from `yaml.safe_load`."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)

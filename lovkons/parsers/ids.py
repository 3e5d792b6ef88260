"""Stage 1 (parsers): the ids of units, made of their labels ("§ 5 a" → "p5a", "kapitel 2" → "kap2"), as
`Address.id` makes them (model.address.id_label: ASCII; "§ 7 Å" → "p7AA", not § 7's "p7")."""

from __future__ import annotations

from functools import lru_cache

from lovkons.model.address import id_label as slug

__all__ = ["paragraf_id", "slug"]


@lru_cache(maxsize=4096)
def paragraf_id(label: str | None) -> str:
    """ "5 a" → "p5a", the id of the § (labels repeat across documents: cached)."""
    return f"p{slug(label)}"

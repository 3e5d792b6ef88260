"""Stage 4 (renderers): a Publication as the text of one format on stdout — "akn" (Akoma Ntoso XML)
or "html" (the law page). Kept apart from publication.py, which the AKN and HTML renderers import:
the dispatch to them must not close a circle of imports.
"""

from __future__ import annotations

from lovkons.renderers.publication import Publication


def render_publication(pub: Publication, fmt: str) -> str:
    """"akn" → the Akoma Ntoso XML, "html" → the law page (both as text for stdout)."""
    if fmt == "akn":
        from lovkons.renderers.akn import render_akn  # lxml's tree builder only when AKN is asked for

        return render_akn(pub).decode("utf-8")
    from lovkons.renderers.law_html import render_law_html  # jinja2 only when the page is asked for

    return render_law_html(pub)

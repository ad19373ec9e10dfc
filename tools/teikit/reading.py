"""What the reading text is, for every tool that reads it.

The reading text leaves out the source side of an intervention (what a choice
corrects, expands or regularises, a deletion, a surplus), the variant
readings of an apparatus, forme work (running heads, printed page numbers)
and the header.  The editions make the same choice in ``xslt/common``.
"""

from __future__ import annotations

from lxml import etree

SOURCE_SIDE = frozenset({"sic", "orig", "abbr", "del", "surplus", "rdg", "fw", "teiHeader"})
# The two members of a choice: the source's reading, and the editors'.
CHOICE_PAIRS = (("sic", "corr"), ("orig", "reg"), ("abbr", "expan"))
_NS = {"tei": "http://www.tei-c.org/ns/1.0"}


def is_aside(el: etree._Element) -> bool:
    """Whether an element's text is no part of the reading text.

    An apparatus without a lemma reads its first reading, as the editions do.
    """
    local = etree.QName(el).localname
    if local != "rdg":
        return local in SOURCE_SIDE
    app = next((a for a in el.iterancestors() if etree.QName(a).localname == "app"), None)
    if app is None:
        return True
    if _first(app, "tei:lem", "tei:rdgGrp//tei:lem") is not None:
        return True
    return _first(app, "tei:rdg", "tei:rdgGrp//tei:rdg") is not el


def _first(app: etree._Element, *paths: str) -> etree._Element | None:
    """The first match of the first path that matches (the order in which the editions look)."""
    return next((m for m in (app.find(p, _NS) for p in paths) if m is not None), None)

"""Helpers for the date rules."""

from __future__ import annotations

import re

# the W3C forms TEI's dates take (XSD date, gYear, gYearMonth, dateTime, gMonth, gMonthDay, gDay, time);
# each may end in a time zone: 2012-06-08-04:00, 1937Z
_ZONE = r"(?:Z|[+-]\d{2}:\d{2})?"
ISO = re.compile(rf"^(?:-?\d{{4,}}(?:-\d{{2}}(?:-\d{{2}}(?:T\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?)?)?)?"
                 rf"|--\d{{2}}(?:-\d{{2}})?|---\d{{2}}|\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?){_ZONE}$")
ATTRS = ("when", "notBefore", "notAfter", "from", "to")


def key(value: str) -> tuple:
    """A comparable key of an ISO date (year, month, day), missing parts as 0."""
    m = re.match(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return ()
    return tuple(int(g) if g else 0 for g in m.groups())


def latest(value: str) -> tuple:
    """The latest day an ISO date may stand for (1937 → (1937, 12, 31))."""
    k = key(value)
    if not k:
        return ()
    y, mo, d = k
    return (y, mo or 12, d or 31)

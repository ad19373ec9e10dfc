"""The language of a phrase, and the languages the register gives a name form in.

A name in a phrase of another language (``foreign``, or a phrase inside a
paragraph, heading, note … whose ``xml:lang`` differs from its surroundings)
is tagged only when the register gives that form in the phrase's language
(a form's ``xml:lang``, or the one it inherits in the register: the
register's own language for a plain form).  Other register forms there are
reported, not tagged: in another language a capitalised word that looks like
a register form is often no name (a German noun, a Spanish word), and when
it is one the editor decides.
"""

from __future__ import annotations

from .. import register as registers
from ..parsing import NS, XML_NS
from ..source import TextRun
from .canonical import nfc


def primary(lang: str | None) -> str | None:
    """The language subtag alone (es-ES, es → es); None for no language."""
    return lang.split("-")[0].lower() if lang else None


def phrase_language(run: TextRun, blocks: frozenset) -> tuple[bool, str | None]:
    """Is the run in a phrase of another language, and which language is that (None when unknown)?

    A phrase is ``foreign`` (whose language is its own xml:lang, else unknown), or an element inside
    a block whose xml:lang differs from that around it; a block in another language (a quoted letter
    in German) is not a phrase, and its names are tagged as in the rest of the text.
    """
    lang: str | None = None
    switched = in_block = False
    for a in run.ancestors:
        own = a.attrs.get("xml:lang")
        if a.local == "foreign":
            switched, lang = True, own
            continue
        if own is not None:
            if in_block and primary(own) != primary(lang):
                switched = True
            lang = own
        in_block = in_block or a.local in blocks
    return switched, lang


def form_languages(register: registers.Register) -> dict[str, set[str]]:
    """Each name form of the register (composed, see :mod:`.canonical`) and the languages it is given in."""
    cached = getattr(register, "_form_languages", None)  # read once per register, not per document
    if cached is not None:
        return cached
    out: dict[str, set[str]] = {}
    if register.doc is not None:
        for tag, (_, name_el, _) in registers.KINDS.items():
            for name in register.doc.root.iterfind(f".//tei:text//tei:{tag}[@xml:id]/tei:{name_el}", NS):
                form = nfc(" ".join("".join(name.itertext()).split()))
                lang = name.xpath("ancestor-or-self::*[@xml:lang][1]/@xml:lang", namespaces={"xml": XML_NS})
                if form and lang:
                    out.setdefault(form, set()).add(primary(str(lang[0])))
    register._form_languages = out
    return out

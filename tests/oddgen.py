"""Random documents generated from the ODD's content models.

Used by the conformance test: every generated document must be valid
against the edition's RELAX NG and XSD, and against the official tei_all.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
N = {"t": TEI}
XMLNS = "http://www.w3.org/XML/1998/namespace"

SAMPLES = {
    "teidata.pointer": ["#ed", "psn:stalin", "https://example.org/x", "register.xml#moscow"],
    "teidata.text": ["12", "a text"],
    "teidata.word": ["w", "x1"],
    "teidata.enumerated": ["e"],
    "teidata.temporal.w3c": ["1937-07-05", "1937", "1937-07", "--07-05"],
    "teidata.language": ["en", "fr", "ru-Latn"],
    "teidata.probCert": ["high", "low"],
    "teidata.numeric": ["3", "2.5"],
    "teidata.prefix": ["psn", "plc"],
    "teidata.pattern": ["([a-z]+)"],
    "teidata.replacement": ["register.xml#$1"],
    "ID": None,
}


@dataclass
class Odd:
    elements: dict[str, etree._Element] = field(default_factory=dict)
    classes: dict[str, etree._Element] = field(default_factory=dict)
    macros: dict[str, etree._Element] = field(default_factory=dict)

    @classmethod
    def load(cls, path) -> "Odd":
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        odd = cls()
        for spec in tree.iterfind(".//t:schemaSpec/*", N):
            name = etree.QName(spec).localname
            ident = spec.get("ident")
            {"elementSpec": odd.elements, "classSpec": odd.classes, "macroSpec": odd.macros,
             "dataSpec": odd.classes}.get(name, {})[ident] = spec
        return odd

    def members(self, cls: str) -> list[str]:
        out = []
        for ident, spec in list(self.elements.items()) + list(self.classes.items()):
            if spec.find(f"t:classes/t:memberOf[@key='{cls}']", N) is not None:
                if ident in self.elements:
                    out.append(ident)
                else:
                    out += self.members(ident)
        return list(dict.fromkeys(out))

    def attributes(self, ident: str) -> list[etree._Element]:
        spec = self.elements[ident]
        local = {a.get("ident"): a for a in spec.iterfind("t:attList/t:attDef", N)}
        out = []
        for m in spec.iterfind("t:classes/t:memberOf", N):
            c = self.classes.get(m.get("key"))
            if c is not None and c.get("type") == "atts":
                out += [a for a in c.iterfind("t:attList/t:attDef", N) if a.get("ident") not in local]
        return out + [a for a in local.values() if a.get("mode") != "delete"]


class Generator:
    def __init__(self, odd: Odd, seed: int, max_depth: int = 7):
        self.odd = odd
        self.rnd = random.Random(seed)
        self.max_depth = max_depth
        self.ids = 0

    def document(self, start: str = "TEI") -> etree._Element:
        return self.element(start, 0)

    def element(self, ident: str, depth: int) -> etree._Element:
        el = etree.Element(f"{{{TEI}}}{ident}", nsmap={None: TEI} if depth == 0 else None)
        for att in self.odd.attributes(ident):
            if att.get("usage") == "req" or (depth < self.max_depth and self.rnd.random() < 0.25):
                name = att.get("ident")
                value = self.value(att)
                if name.startswith("xml:"):
                    name = f"{{{XMLNS}}}{name[4:]}"
                el.set(name, value)
        content = self.odd.elements[ident].find("t:content", N)
        for part in content:
            self.fill(el, part, depth)
        return el

    def value(self, att: etree._Element) -> str:
        vals = [v.get("ident") for v in att.iterfind("t:valList[@type='closed']/t:valItem", N)]
        ref = att.find("t:datatype/t:dataRef", N)
        key = (ref.get("key") or ref.get("name")) if ref is not None else "teidata.text"
        if key == "ID":
            self.ids += 1
            return f"id{self.ids}"
        pool = vals or SAMPLES.get(key) or ["v"]
        dt = att.find("t:datatype", N)
        n = 1 if dt is None or dt.get("maxOccurs", "1") == "1" else self.rnd.randint(1, 2)
        return " ".join(self.rnd.choice(pool) for _ in range(n))

    def _count(self, part, depth) -> int:
        lo = int(part.get("minOccurs", "1"))
        hi = part.get("maxOccurs", "1")
        if depth >= self.max_depth:
            return lo
        top = lo + 2 if hi == "unbounded" else int(hi)
        return self.rnd.randint(lo, max(lo, top))

    def fill(self, el, part, depth):
        kind = etree.QName(part).localname
        if kind == "macroRef":
            for p in self.odd.macros[part.get("key")].find("t:content", N):
                self.fill(el, p, depth)
            return
        if kind == "textNode":
            self.text(el, "text ")
            return
        if kind == "empty":
            return
        for _ in range(self._count(part, depth)):
            if kind == "elementRef":
                el.append(self.element(part.get("key"), depth + 1))
            elif kind == "classRef":
                el.append(self.element(self.rnd.choice(self.pick(self.odd.members(part.get("key")), depth)), depth + 1))
            elif kind == "sequence":
                for p in part:
                    self.fill(el, p, depth)
            elif kind == "alternate":
                options = list(part)
                if depth >= self.max_depth:
                    texts = [o for o in options if etree.QName(o).localname == "textNode"]
                    options = texts or options
                self.fill_one(el, self.rnd.choice(options), depth)

    def fill_one(self, el, option, depth):
        kind = etree.QName(option).localname
        if kind in ("elementRef", "classRef", "sequence", "alternate") and option.get("minOccurs") is None \
                and option.get("maxOccurs") is None:
            self.fill(el, option, depth)
        else:
            self.fill(el, option, depth)

    def pick(self, names: list[str], depth: int) -> list[str]:
        if depth < self.max_depth:
            return names
        # deep down, prefer elements that can be empty or hold only text
        light = [n for n in names if self.light(n)]
        return light or names

    def light(self, ident: str) -> bool:
        content = self.odd.elements[ident].find("t:content", N)
        first = content[0]
        kind = etree.QName(first).localname
        if kind == "empty":
            return True
        if kind == "macroRef":
            return True
        return kind == "alternate" and first.get("minOccurs") == "0"

    @staticmethod
    def text(el, s):
        if len(el):
            el[-1].tail = (el[-1].tail or "") + s
        else:
            el.text = (el.text or "") + s

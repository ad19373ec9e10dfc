"""`teikit lint`: editorial quality rules, in the manner of ruff.

Each rule is one small module in :mod:`teikit.lint.rules` named after its
code (``tk401_suspicious_token.py``): it declares a code, a name for the
pattern it flags, a message, a docstring in four parts (what it flags, why
it matters, an example, the fix) and optionally a fix with its safety.
Codes are a prefix and three digits grouped by family; selecting ``TK4``
selects the whole text family.  A single occurrence is silenced where it
stands with ``<?teikit-lint ignore TK401 reason?>`` just before it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from lxml import etree

from .. import register as registers
from ..diagnostics import Diagnostic, Fix
from ..errors import ConfigError, InputError
from ..files import discover
from ..parsing import NS, XML_NS, Document, parse
from ..reading import is_aside
from ..source import Source
from ..validation import readable_path

PI_TARGET = "teikit-lint"


class Rule:
    """A lint rule. Subclasses set the class attributes and implement :meth:`check`."""

    code = "TK000"
    name = "rule"
    message = ""
    fix_safety: str | None = None  # None (no fix), "safe", "unsafe"
    scope = "document"  # or "edition": checked once over all documents

    def check(self, ctx: "DocContext") -> Iterable[Diagnostic]:  # pragma: no cover - interface
        return ()

    def check_edition(self, ctx: "EditionContext") -> Iterable[Diagnostic]:  # pragma: no cover
        return ()

    @classmethod
    def explain(cls) -> str:
        doc = (cls.__doc__ or "").strip("\n")
        lines = doc.splitlines()
        indent = min((len(l) - len(l.lstrip()) for l in lines[1:] if l.strip()), default=0)
        body = "\n".join([lines[0].strip()] + [l[indent:] for l in lines[1:]]) if lines else ""
        fix = {None: "none", "safe": "safe (changes no character of the text)",
               "unsafe": "unsafe (records an emendation, crediting the header's editor with an "
                         "xml:id in @resp, and a change in the revisionDesc, added when missing; runs only "
                         "with --unsafe-fixes)"}[cls.fix_safety]
        return f"{cls.code} ({cls.name})\n\n{body}\n\nAutomatic fix: {fix}."


def _load_rules() -> dict[str, type[Rule]]:
    pkg = importlib.import_module(f"{__name__}.rules")
    found: dict[str, type[Rule]] = {}
    for mod in pkgutil.iter_modules(pkg.__path__):
        if not re.match(r"tk\d{3}_", mod.name):
            continue
        module = importlib.import_module(f"{pkg.__name__}.{mod.name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.code.lower() == mod.name[:5]:
                found[obj.code] = obj
    return dict(sorted(found.items()))


_RULES: dict[str, type[Rule]] | None = None


def registry() -> dict[str, type[Rule]]:
    """Every rule, by code."""
    global _RULES
    if _RULES is None:
        _RULES = _load_rules()
    return _RULES


def select(select: Sequence[str] = ("TK",), ignore: Sequence[str] = ()) -> list[type[Rule]]:
    """Rules whose code starts with a selected prefix and with no ignored prefix."""
    all_rules = registry()
    for prefix in list(select) + list(ignore):
        if not any(code.startswith(prefix) for code in all_rules):
            raise ConfigError(f"no lint rule matches '{prefix}'",
                              hint=f"codes: {', '.join(all_rules)}")
    return [r for code, r in all_rules.items()
            if any(code.startswith(s) for s in select) and not any(code.startswith(i) for i in ignore)]


# ---------------------------------------------------------------- contexts

@dataclass
class EditionContext:
    """What rules that look across documents need: every document and the register."""

    docs: list["DocContext"]
    register: registers.Register | None
    config: dict

    @cached_property
    def ids(self) -> dict[str, list[tuple["DocContext", etree._Element]]]:
        out: dict[str, list] = {}
        for d in self.docs + ([self.register_ctx] if self.register_ctx else []):
            for el in d.doc.root.iter():
                if isinstance(el.tag, str) and el.get(f"{{{XML_NS}}}id"):
                    out.setdefault(el.get(f"{{{XML_NS}}}id"), []).append((d, el))
        return out

    @cached_property
    def register_ctx(self) -> "DocContext | None":
        if self.register is None or self.register.doc is None:
            return None
        if any(Path(d.doc.path).resolve() == self.register.path.resolve() for d in self.docs):
            return next(d for d in self.docs if Path(d.doc.path).resolve() == self.register.path.resolve())
        return DocContext(self.register.doc, self.register, self.config, self)


@dataclass
class DocContext:
    doc: Document
    register: registers.Register | None
    config: dict
    edition: EditionContext | None = None

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def is_register(self) -> bool:
        return self.register is not None and Path(self.doc.path).resolve() == self.register.path.resolve()

    @cached_property
    def source(self) -> Source:
        return Source.of(self.doc)

    @cached_property
    def prefixes(self) -> dict:
        return registers.prefix_defs(self.doc.root)

    @cached_property
    def _node_index(self) -> dict[etree._Element, tuple[str, int]]:
        """Each element, comment and processing instruction: its kind and place in the source's lists."""
        root = self.doc.root
        index = {e: ("element", i) for i, e in enumerate(e for e in root.iter() if isinstance(e.tag, str))}
        index.update({n: ("other", i) for i, n in enumerate(root.iter(etree.Comment, etree.ProcessingInstruction))})
        return index

    def _runs(self, node: etree._Element, kind: str) -> list:
        """The source text runs of a node's text (kind='text') or tail: one, or several where CDATA
        sections stand in it (lxml reads ``a<![CDATA[b]]>c`` as one text)."""
        place = self._node_index.get(node)
        try:
            if place is None:
                return []
            if place[0] == "other":
                if kind != "tail":
                    return []
                start = self.source.others[place[1]][1]
            else:
                src_el = self.source.elements[place[1]]
                start = src_el.tag_end if kind == "text" else src_el.end
        except IndexError:
            return []
        runs, text = [], self.source.text
        while True:
            cdata = text.startswith("<![CDATA[", start)
            run = self.source.run_at(start + 9 if cdata else start)
            if run is None:
                return runs
            runs.append(run)
            start = run.offsets[-1] + (3 if cdata else 0)

    def _char(self, node: etree._Element, kind: str, offset: int):
        """The source run of a character of a node's text or tail, and its index there (or None).
        The offset just after the last character is that of the last run's end."""
        runs = self._runs(node, kind)
        for i, run in enumerate(runs):
            if offset < len(run.text) or (offset == len(run.text) and i == len(runs) - 1):
                return run, offset
            offset -= len(run.text)
        return None

    def where(self, el: etree._Element, kind: str | None = None, offset: int = 0) -> tuple[int, int]:
        """Line and column of an element, or of a character in its text (kind='text') or tail."""
        found = self._char(el, kind, offset) if kind is not None else None
        if found is None:
            return self.doc.locate(el)
        run, i = found
        return self.source.line_col(run.offsets[i])

    def diag(self, rule: type[Rule] | Rule, el: etree._Element, message: str, *, kind: str | None = None,
             offset: int = 0, fix: Fix | None = None, severity: str = "error") -> Diagnostic:
        line, col = self.where(el, kind, offset)
        holder = el.getparent() if kind == "tail" and el.getparent() is not None else el
        return Diagnostic(self.path, line, col, rule.code, message, severity=severity,
                          xpath=readable_path(holder), fix=fix)

    def source_offset(self, el: etree._Element, kind: str, offset: int) -> int | None:
        """The offset in the source text of a character of el's text (kind='text') or tail; None inside
        a CDATA section, where markup would be read as text, and inside the text an entity reference stands for."""
        found = self._char(el, kind, offset)
        if found is None or not found[0].can_cut(found[1]):
            return None
        run, i = found
        return run.offsets[i]

    def source_element(self, el: etree._Element):
        """The source-level element (with offsets) of an lxml element."""
        place = self._node_index.get(el)
        if place is None or place[0] != "element" or place[1] >= len(self.source.elements):
            return None
        return self.source.elements[place[1]]

    def editor_pointer(self) -> str | None:
        """#id of the edition's editors (editor/@xml:id in the header), for recorded fixes."""
        ed = self.doc.root.find(".//tei:teiHeader//tei:editor[@xml:id]", NS)
        return f"#{ed.get(f'{{{XML_NS}}}id')}" if ed is not None else None

    # ---- the reading text

    def reading_text(self, *, skip: frozenset = frozenset()) -> Iterator[tuple[etree._Element, str, str]]:
        """(owner, 'text' or 'tail', characters) of the reading text of the body and notes.

        Left out: what is no part of the reading text (:mod:`teikit.reading`), and what ``skip``
        names (by local name) with its content.
        """
        text = self.doc.root.find("tei:text", NS)
        if text is None:
            return
        def walk(el):
            if is_aside(el) or etree.QName(el).localname in skip:
                return
            if el.text:
                yield el, "text", el.text
            for child in el:
                if isinstance(child.tag, str):
                    yield from walk(child)
                if child.tail:
                    yield child, "tail", child.tail

        yield from walk(text)

    def language(self, el: etree._Element) -> str:
        """The nearest xml:lang, else the main language of the header's langUsage, else English."""
        for a in [el, *el.iterancestors()]:
            lang = a.get(f"{{{XML_NS}}}lang")
            if lang:
                return lang
        return self._main_language

    @cached_property
    def _main_language(self) -> str:
        used = self.doc.root.findall(".//tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[@ident]", NS)

        def usage(el):
            try:
                return float(el.get("usage", "0"))
            except ValueError:
                return 0.0
        return max(used, key=usage).get("ident") if used else "en"

    def ignored(self, code: str, el: etree._Element, kind: str | None = None) -> bool:
        """Is there a <?teikit-lint ignore CODE?> just before this element or text?"""
        if kind == "tail":
            before = el  # the text follows `el`; the PI would be `el` itself
            node = el
        elif kind == "text":
            node = None  # text at the start of an element: a PI before the element counts
            before = el.getprevious()
        else:
            before = el.getprevious()
            node = None
        candidates = [node, before]
        if kind != "tail":
            # skip whitespace-only text between the PI and the element
            candidates.append(el.getprevious())
        for c in candidates:
            if isinstance(c, etree._ProcessingInstruction) and c.target == PI_TARGET:
                words = (c.text or "").split()
                if len(words) >= 2 and words[0] == "ignore" and any(code.startswith(w) for w in words[1].split(",")):
                    return True
        return False


@dataclass
class LintReport:
    diagnostics: list[Diagnostic]
    files: list[str]
    seconds: float
    fixed: int = 0
    # the bytes each document had when it was linted: fixes apply to those bytes only
    sources: dict[str, bytes] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)  # files changed on disk since, left as they are

    @property
    def unusable(self) -> bool:
        """Some input could not be linted at all (malformed XML, not TEI, a broken register)."""
        return any(d.code == "XML" and d.severity == "error" for d in self.diagnostics)


def lint(paths: Iterable[str | Path], *, select_codes: Sequence[str] = ("TK",), ignore: Sequence[str] = (),
         config: dict | None = None, register_path: str | Path | None = None,
         default_register: str | Path | None = None) -> LintReport:
    """Lint files and directories; return the diagnostics (nothing is written).

    register_path is used for every document; default_register (the project's
    own) only for documents in its folder that point to no other register.
    """
    start = time.perf_counter()
    config = dict(config or {})
    chosen = select(select_codes, ignore)
    files = [str(p) for p in discover(paths)]
    docs: list[DocContext] = []
    diags: list[Diagnostic] = []
    sources: dict[str, bytes] = {}
    loaded: dict[Path, registers.Register] = {}
    for f in files:
        try:
            doc = parse(f)
        except InputError as exc:
            diags.append(Diagnostic(exc.path or f, exc.line or 0, exc.column or 0, "XML",
                                    exc.message + (f"\n{exc.context}" if exc.context else "")))
            continue
        sources[doc.path] = doc.data
        # what the parser noticed (a DOCTYPE naming a DTD teikit does not load), as validate says it
        line, column = doc.doctype_position
        diags += [Diagnostic(doc.path, line, column, "XML", w, severity="warning") for w in doc.warnings]
        where = registers.register_path_for(doc, register_path, default_register)
        reg = None
        if where is not None:
            key = where.resolve()
            if key not in loaded:
                try:
                    loaded[key] = registers.Register.load(where)
                except InputError as exc:
                    diags.append(Diagnostic(exc.path or str(where), exc.line or 0, exc.column or 0, "XML",
                                            exc.message))
                    loaded[key] = None
            reg = loaded[key]
        docs.append(DocContext(doc, reg, config))
    # the edition's register: the one most of the documents use
    by_id = {id(d.register): d.register for d in docs if d.register is not None}
    used = Counter(id(d.register) for d in docs if d.register is not None)
    edition = EditionContext(docs, by_id[used.most_common(1)[0][0]] if used else None, config)
    per_file = config.get("per-file-ignores", {}) or {}

    root = Path(config["root"]).resolve() if config.get("root") else None

    def skipped(path: str) -> set[str]:
        # a pattern names files from the configuration's folder, wherever lint is run from
        full = Path(path).resolve()
        shown = full.relative_to(root) if root is not None and full.is_relative_to(root) else Path(path)
        groups = [codes for pattern, codes in per_file.items() if shown.match(pattern)]
        return {c for group in groups for c in (group if isinstance(group, list) else [group])}

    for d in docs:
        d.edition = edition
        skip = skipped(d.path)
        for rule in chosen:
            if rule.scope == "document" and not any(rule.code.startswith(s) for s in skip):
                diags += list(rule().check(d))
    for rule in chosen:
        if rule.scope == "edition":
            # an edition rule reports in several files: each finding obeys its own file's ignores
            diags += [x for x in rule().check_edition(edition)
                      if not any(rule.code.startswith(s) for s in skipped(x.path))]
    return LintReport(sorted(diags, key=Diagnostic.sort_key), files, time.perf_counter() - start, sources=sources)

"""The search index: Pagefind, fed one record per paragraph, heading, note and register entry.

Pagefind's indexing binary runs as a local service (no network); this module
speaks its message protocol directly (the records sent at once, the replies
read as they come).
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import shutil
import subprocess
import threading
from collections import deque
from html import escape
from pathlib import Path

from ..errors import BuildError


# Pagefind finds "manoeuvres" in "manœuvres" only if the index holds the spelled-out letters; the page
# folds the query the same way and shows each result's words as printed (edition.js: fold, search).
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


def fold(text: str) -> str:
    return text.translate(_LIGATURES)


# Pagefind splits a word only at ASCII punctuation: "editors—Vyshinsky" and "l’Humanité" would be indexed
# as one word each ("editorsvyshinsky", "lhumanité"). A space after a dash or an apostrophe between letters
# makes two words of them; a word joiner after it (dropped from the word by Pagefind, kept in the excerpt)
# tells the page which spaces to take out of the excerpts again. The page splits a query the same way
# (edition.js: JOINED, asIndexed, asPrinted).
DASHES = "\u2010-\u2015\u2E3A\u2E3B\uFE58\uFE63\uFF0D"
_JOINED = re.compile(f"(?<=\\S)([{DASHES}]+)(?=\\S)|(?<=\\w)([\u2019\u02BC])(?=\\w\\w)")
APART = " \u2060"


def words_apart(text: str) -> str:
    """``text`` with a space after each dash or apostrophe that joins two words (and a word joiner)."""
    return _JOINED.sub(lambda m: m.group(0) + APART, text)


def ligature_words(text: str) -> list[str]:
    """The words of ``text`` written with a ligature, each once, to show them as printed."""
    return sorted(set(re.findall(r"\w*[œŒæÆ]\w*", text)))


def _executable() -> str:
    try:
        from pagefind.service import get_executable
        exe = get_executable()
    except ImportError:
        exe = None
    exe = exe or shutil.which("pagefind") or shutil.which("pagefind_extended")
    if not exe:
        raise BuildError("the search index needs Pagefind", hint="pip install 'pagefind[bin]'")
    return str(exe)


class _Service:
    def __init__(self):
        self.proc = subprocess.Popen([_executable(), "--service"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 0
        self._replies: deque[bytes] = deque()  # read, not yet taken
        self._partial = b""

    def request(self, payload: dict) -> dict:
        return self.requests([payload])[0]

    def requests(self, payloads: list[dict]) -> list[dict]:
        """Send every request before reading a reply, as Pagefind's own client may: the service works on
        them as they come, not a round trip per record. A thread writes, so that neither side waits on
        the other's full pipe; replies come back by message id, in any order."""
        first = self.next_id + 1
        self.next_id += len(payloads)
        messages = b"".join(base64.b64encode(json.dumps({"message_id": first + i, "payload": p}).encode("utf-8"))
                            + b"," for i, p in enumerate(payloads))

        def write():
            with contextlib.suppress(OSError):  # the service stopped: reading its replies says so
                self.proc.stdin.write(messages)
                self.proc.stdin.flush()

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        replies: dict[int, dict] = {}
        while len(replies) < len(payloads):
            reply = self._read()
            body, at = reply.get("payload") or {}, reply.get("message_id")
            if body.get("type") == "Error" and (at is None or first <= at <= self.next_id):
                raise BuildError(f"Pagefind: {body.get('message')}")
            if isinstance(at, int) and first <= at <= self.next_id:
                replies[at] = body
        writer.join()
        return [replies[first + i] for i in range(len(payloads))]

    def _read(self) -> dict:
        while not self._replies:
            chunk = self.proc.stdout.read1(65536)
            if not chunk:
                raise BuildError("Pagefind stopped while building the index")
            *whole, self._partial = (self._partial + chunk).split(b",")
            self._replies.extend(whole)
        return json.loads(base64.b64decode(self._replies.popleft()))

    def close(self):
        try:
            self.proc.stdin.close()
        finally:
            self.proc.wait(timeout=30)
            self.proc.stdout.close()


def write_index(records: list[dict], out_dir: Path, *, language: str = "en") -> int:
    """Index the records ({url, content, meta, filters, and optionally names}) into out_dir; return how
    many.  Pagefind searches the metadata too: each value is written in base64 (the page decodes it,
    edition.js: asPrinted), so that a record is found by its own words only, not every passage of a text
    by the words of the text's title."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    service = _Service()
    try:
        index = service.request({"type": "NewIndex", "config": {"force_language": language}})
        index_id = index["index_id"]
        service.requests([_request(index_id, r, language) for r in records])
        service.request({"type": "WriteFiles", "index_id": index_id, "output_path": str(out_dir)})
    finally:
        service.close()
    return len(records)


def _request(index_id: int, record: dict, language: str) -> dict:
    meta = {key: _unsearchable(value) for key, value in (record.get("meta") or {}).items()}
    filters = record.get("filters") or {}
    if record.get("names") is None:
        return {"type": "AddRecord", "index_id": index_id, "url": record["url"], "content": record["content"],
                "language": language, "meta": meta, "filters": filters, "sort": None}
    # words are weighed only in a page (data-pagefind-weight)
    head = "".join(f'<meta data-pagefind-meta="{escape(key)}[content]" content="{escape(value)}">'
                   for key, value in meta.items())
    head += "".join(f'<meta data-pagefind-filter="{escape(key)}[content]" content="{escape(value)}">'
                    for key, values in filters.items() for value in values)
    page = (f'<html lang="{escape(language)}"><head>{head}</head><body><p>{escape(record["content"])} '
            f'<span data-pagefind-weight="0">{NAMES_APART} {escape(record["names"])}</span></p></body></html>')
    return {"type": "AddFile", "index_id": index_id, "url": record["url"], "file_contents": page, "file_path": None}


_WORD = re.compile(r"\w+")

# Between a block's words and the forms of the names it does not print (with_name_forms): a word of its
# own to Pagefind, which indexes nothing of it; the page finds by it where the block's words end.
NAMES_APART = "\u2063"


def with_name_forms(record: dict, content: str, entities: list[dict]) -> dict:
    """The block's record, with the words of the other forms of the names it mentions that it does not
    print (the register's): a search for "Vyshinsky" finds the paragraph that prints "Vishinsky".  Only
    words the block lacks, each once.  They weigh 0 (data-pagefind-weight): the block is found by them,
    but after every passage that prints the form searched.  They are not the block's words: the page
    shows the block's own words around the name instead, from ``passage``, and says the form printed
    (``names`` in the metadata, one item per entry in the order of its words; edition.js: asPrinted).
    One record per block, not one more per name: Pagefind writes a file per record."""
    seen = {w.casefold() for w in _WORD.findall(fold(content))}
    names, words = [], []
    for e in entities:
        if not e["printed"]:  # a register entry's own record holds every form already
            continue
        missing = []
        for word in (w for f in e["forms"] for w in _WORD.findall(fold(f)) if _names(w)):
            if not _printed(word.casefold(), seen):
                missing.append(word)
                seen.add(word.casefold())
        if missing:
            names.append({"words": len(missing), "passage": _around(content, e["printed"][0]), "printed": e["printed"]})
            words += missing
    if not names:
        return record
    return dict(record, names=" ".join(words), meta=dict(record["meta"], names=json.dumps(names, ensure_ascii=False)))


# Words of a name's forms that name nobody: an initial (L. D. Trotsky), a title (Mr. Trotsky), a regnal
# number, a particle (Communist Party of the Soviet Union). A search for one would find every passage
# that names the entry.
_NOT_NAMES = frozenset("mr mrs mme mlle dr st herr frau sir lord the and of for in on at to de del della di du "
                       "des la le les van von der den das".split())


def _names(word: str) -> bool:
    return len(word) > 1 and word.casefold() not in _NOT_NAMES and not re.fullmatch(r"[IVXL]+", word)


def _unsearchable(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _printed(word: str, seen: set[str]) -> bool:
    """Is ``word`` in the block, or a word Pagefind's stemming would find there (Menshevik, Mensheviks)?"""
    return word in seen or any(len(w) >= 4 and len(word) >= 4 and abs(len(w) - len(word)) <= 3
                               and (w.startswith(word) or word.startswith(w)) for w in seen)


def _around(content: str, printed: str, before: int = 12, after: int = 18) -> str:
    """The words of ``content`` around the first ``printed``, about as many as Pagefind's excerpt, as
    printed (a slice of the text, its spaces as they are)."""
    at = max(content.find(printed), 0)
    spans = [m.span() for m in re.finditer(r"\S+", content)]
    first = next((i for i, (_, end) in enumerate(spans) if end > at), 0)
    lo, hi = max(first - before, 0), min(first + after, len(spans))
    if not spans:
        return ""
    return ("… " if lo > 0 else "") + content[spans[lo][0]:spans[hi - 1][1]] + (" …" if hi < len(spans) else "")

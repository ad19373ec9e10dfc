"""The search index: Pagefind, fed one record per paragraph, heading and note.

Pagefind's indexing binary runs as a local service (no network); this module
speaks its message protocol directly, one request and one reply at a time,
which indexes thousands of records in well under a second.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
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

    def request(self, payload: dict) -> dict:
        self.next_id += 1
        message = {"message_id": self.next_id, "payload": payload}
        self.proc.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        self.proc.stdin.flush()
        while True:
            reply = self._read()
            if reply.get("message_id") in (self.next_id, None):
                break
        body = reply.get("payload") or {}
        if body.get("type") == "Error":
            raise BuildError(f"Pagefind: {body.get('message')}")
        return body

    def _read(self) -> dict:
        chunks = bytearray()
        while True:
            b = self.proc.stdout.read(1)
            if not b:
                raise BuildError("Pagefind stopped while building the index")
            if b == b",":
                break
            chunks += b
        return json.loads(base64.b64decode(bytes(chunks)))

    def close(self):
        try:
            self.proc.stdin.close()
        finally:
            self.proc.wait(timeout=30)
            self.proc.stdout.close()


def write_index(records: list[dict], out_dir: Path, *, language: str = "en") -> int:
    """Index the records ({url, content, title, filters}) into out_dir; return how many."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    service = _Service()
    try:
        index = service.request({"type": "NewIndex", "config": {"force_language": language}})
        index_id = index["index_id"]
        for r in records:
            service.request({"type": "AddRecord", "index_id": index_id, "url": r["url"], "content": r["content"],
                             "language": language, "meta": r.get("meta") or {}, "filters": r.get("filters") or {},
                             "sort": None})
        service.request({"type": "WriteFiles", "index_id": index_id, "output_path": str(out_dir)})
    finally:
        service.close()
    return len(records)

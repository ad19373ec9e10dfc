"""The public API is what teikit's __all__ and docstring name, and each name is there."""

from __future__ import annotations

import importlib
import importlib.util
import re

import teikit


def test_every_public_name_and_entry_point_exists():
    for name in teikit.__all__:
        assert hasattr(teikit, name) or importlib.util.find_spec(f"teikit.{name}"), name
    entries = re.findall(r"``teikit\.([\w.]+)\(", teikit.__doc__)
    assert len(entries) >= 8
    for dotted in entries:
        module, attr = dotted.rsplit(".", 1)
        if module.split(".")[-1][:1].isupper():  # Class.method
            module, cls = module.rsplit(".", 1)
            target = getattr(importlib.import_module(f"teikit.{module}"), cls)
        else:
            target = importlib.import_module(f"teikit.{module}")
        assert callable(getattr(target, attr)), dotted
        assert module.split(".")[0] in teikit.__all__, dotted

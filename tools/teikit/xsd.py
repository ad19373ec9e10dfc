"""The XML Schema layer's validator: xmlschema, with two shortcuts for TEI's content models.

TEI content is mostly mixed text with a choice among dozens of inline
elements (``p``, ``persName``, ``note``): ``choice minOccurs=0
maxOccurs=unbounded``.  xmlschema's model visitor walks that choice item by
item to match each child and walks it once more when the element closes,
although such a model can only say "this child is one of the members" and
never "something is missing".  That walk is most of the validation time.  The
group class below (plugged in through xmlschema's own builder hook) answers
those cases directly and leaves every other model to xmlschema:

- a childless element whose model may be empty is valid content at once;
- an unbounded optional choice of plain elements matches each child against
  its members, first member first as xmlschema does, and closes without a walk.

Verdicts and messages are xmlschema's own; tests compare both on every file.
"""

from __future__ import annotations

import xmlschema
from xmlschema.validators.builders import XsdBuilders
from xmlschema.validators.elements import XsdElement
from xmlschema.validators.groups import XsdGroup


class _FreeChoiceVisitor:
    """The model visitor's protocol (as XsdGroup.raw_decode uses it) for a free choice."""

    __slots__ = ("root", "element")

    def __init__(self, root: "_Group"):
        self.root = root
        self.element = root.content[0]  # not None: the model is open

    def match_element(self, tag: str):
        found = self.root.free_members.get(tag)
        if found is None:
            for particle in self.root.content:
                matched = particle.match(tag)
                if matched is not None:
                    found = self.root.free_members[tag] = (particle, matched)
                    break
            else:
                return None
        self.element = found[0]
        return found[1]

    def advance(self, match: bool = False):
        if not match:  # no member fits: the model ends, as at the end of xmlschema's walk
            self.element = None
        return iter(())

    def stop(self):
        self.element = None
        return iter(())

    def clear(self) -> None:
        self.element = None


class _Group(XsdGroup):
    @property
    def free_members(self) -> dict | None:
        """tag -> (particle, element) for a free choice; None for any other model."""
        try:
            return self._free_members
        except AttributeError:
            free = (self.model == "choice" and self.min_occurs == 0 and self.max_occurs is None
                    and self.open_content is None and len(self) > 0
                    and all(type(p) is XsdElement and p.min_occurs <= 1 and p.max_occurs != 0 for p in self))
            self._free_members = {} if free else None
            return self._free_members

    def get_model_visitor(self):
        if self.free_members is not None:
            return _FreeChoiceVisitor(self)
        return super().get_model_visitor()

    def raw_decode(self, obj, validation, context):
        if (len(obj) == 0 and context.validation_only and self.is_emptiable()
                and (self.mixed or not (obj.text and obj.text.strip()))
                and (len(self) or self.model != "choice" or not self.min_occurs)):
            # What XsdGroup.raw_decode returns for childless content that is valid.
            if obj.text is None:
                return None
            text = obj.text if self.mixed and context.preserve_mixed else str(obj.text.strip())
            return [(1, text, None)]
        return super().raw_decode(obj, validation, context)


class Schema(xmlschema.XMLSchema10):
    """An XSD 1.0 schema whose content groups skip the model walk for childless elements."""

    builders = XsdBuilders(group_class=_Group)

"""The key a name is compared by, shared by loading (alias clashes) and lookup.

A name is reduced to its *key*: Unicode-normalised (NFKC), case-folded, with
a possessive ``'s`` (straight or curly apostrophe) dropped and every character
that is not a letter or digit removed.

Examples:
    >>> name_key("  Army Tactical Missile System's ")
    'armytacticalmissilesystem'
    >>> name_key("BGM-109") == name_key("B.G.M. 109") == name_key("bgm109")
    True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["name_key", "reach"]

_POSSESSIVE = re.compile(r"['\u2019\u02bc]s?\s*$")
_NOT_ALNUM = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """Reduce a name to the key names are compared by (see the module docstring)."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = _POSSESSIVE.sub("", text)
    return _NOT_ALNUM.sub("", text.casefold())


def reach(key: str) -> tuple[str, ...]:
    """Every key that finds a name with ``key``: itself and its plurals.

    Lookup tries a key less a final ``s`` or ``es``, and scanning allows a
    plural ``s``; so two names clash when their reaches meet.

    Examples:
        >>> reach("tomahawk")
        ('tomahawk', 'tomahawks', 'tomahawkes')
        >>> set(reach("tomahawk")) & set(reach(name_key("Tomahawks")))
        {'tomahawks'}
    """
    return (key, key + "s", key + "es")

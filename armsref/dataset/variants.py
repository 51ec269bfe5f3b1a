"""A version of a system that sources tell apart: ATACMS Block IA, JASSM-ER, PAC-3 MSE.

A variant has an id (unique within its system), a name, and the designations
and aliases it goes by. Every name of a variant is a name of its system too:
:func:`armsref.get` finds the system by it, :func:`armsref.identify` says which
variant, and the scanner reports the variant on each mention.

Examples:
    >>> v = Variant(id="jassm-er", name="JASSM-ER", designations=("AGM-158B",))
    >>> v.names
    ('JASSM-ER', 'AGM-158B')
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Variant"]


class Variant(BaseModel):
    """One variant of a system and its names."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(min_length=1)
    designations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the variant: name, designations, aliases."""
        return tuple(dict.fromkeys((self.name, *self.designations, *self.aliases)))

"""Which sentence applies: a decision as data.

A page often says one of several things about its numbers ("L equals H exactly", "L lies
between H and H + 1", ...). The choice is computation, so it is made in ``lib`` by a pure
function returning a :class:`Case`: the case's name and the numbers its sentence quotes (as
numbers, or as text :mod:`lib.fmt` wrote where a page needs a particular form; a Case may quote
another Case, or a tuple of them, as part of its sentence). The app looks the sentence up by
name in the reader's language and words the numbers (``ui.say``); ``lib`` never writes a
sentence.
"""

from __future__ import annotations

from typing import Any, Mapping, NamedTuple

__all__ = ["Case"]


class Case(NamedTuple):
    """One case of a choice between sentences.

    ``name`` names the sentence; ``numbers`` are the values it quotes (floats, whole counts,
    tuples of event indices, text, Cases or tuples of Cases); ``apart`` names two numbers that must read differently when
    they differ (``1.0000000000`` against ``1.0000000002``, not ``1`` against ``1``).

    >>> Case("exact", {"h": 1.75})
    Case(name='exact', numbers={'h': 1.75}, apart=())
    """

    name: str
    numbers: Mapping[str, Any] = {}
    apart: tuple[str, ...] = ()

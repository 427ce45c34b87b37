"""Which sentence applies: a decision as data.

A page often says one of several things about its numbers ("L equals H exactly", "L lies
between H and H + 1", ...). The choice is computation, so it is made in ``lib`` by a pure
function returning a :class:`Case`: the case's name and the numbers its sentence quotes. The
app looks the sentence up by name in the reader's language and formats the numbers
(``ui.codes.say``); ``lib`` never writes a sentence.
"""

from __future__ import annotations

from typing import Any, Mapping, NamedTuple

__all__ = ["Case"]


class Case(NamedTuple):
    """One case of a choice between sentences.

    ``name`` names the sentence; ``numbers`` are the values it quotes (floats, whole counts,
    or arrays of event indices); ``apart`` names two numbers that must read differently when
    they differ (``1.0000000000`` against ``1.0000000002``, not ``1`` against ``1``).

    >>> Case("exact", {"h": 1.75})
    Case(name='exact', numbers={'h': 1.75}, apart=())
    """

    name: str
    numbers: Mapping[str, Any] = {}
    apart: tuple[str, ...] = ()

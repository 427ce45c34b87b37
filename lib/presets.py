"""Ready-made P and Q pairs for the explorer (numbers from the content brief, section 2).

Event names are identifiers; the app shows them translated when it knows the word, as typed
otherwise (die faces are just digits).

Each probability is stored as the text a student would type into the table ("1/2", "1/6",
"0.7"), because the explorer's cells are text read by the app's number parser: a fair die's
1/6 stays exact instead of showing 0.166667. :attr:`Preset.p_values` and
:attr:`Preset.q_values` give the same numbers as floats for code that needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from lib.tables import preset_label

__all__ = ["CODE_EXAMPLES", "DEFAULT_PRESET", "Example", "PRESETS", "Preset", "exact_value"]


def exact_value(text: str) -> float:
    """The number a preset's cell text stands for: a decimal ("0.7") or a fraction ("1/6").

    Only the two forms presets use are accepted (exactly, through :class:`fractions.Fraction`);
    anything else raises ``ValueError``, so a typo in a preset fails its test, not a page.

    >>> exact_value("1/8"), exact_value("0.7"), exact_value("1")
    (0.125, 0.7, 1.0)
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"not a preset number: {text!r}")
    return float(Fraction(text.strip()))


@dataclass(frozen=True)
class Preset:
    """Event names and the P and Q columns as typed text (one cell per event)."""

    events: tuple[str, ...]
    p: tuple[str, ...]
    q: tuple[str, ...]

    def __post_init__(self) -> None:
        if not len(self.events) == len(self.p) == len(self.q):
            raise ValueError("a preset needs one P and one Q per event")
        for column in (self.p, self.q):
            if abs(sum(Fraction(x) for x in column) - 1) != 0:
                raise ValueError(f"preset column does not add up to exactly 1: {column}")

    @property
    def p_values(self) -> tuple[float, ...]:
        """P as floats, e.g. ``(0.5, 0.25, 0.125, 0.125)``."""
        return tuple(exact_value(x) for x in self.p)

    @property
    def q_values(self) -> tuple[float, ...]:
        """Q as floats."""
        return tuple(exact_value(x) for x in self.q)

    def table(self) -> pd.DataFrame:
        """The explorer's table for this preset: translatable preset labels
        (:func:`lib.tables.preset_label`) for words, plain text for numerals (a die's faces
        need no translation), and the P and Q cells as typed text.

        >>> PRESETS["coin"].table()[["P", "Q"]].values.tolist()
        [['0.5', '0.8'], ['0.5', '0.2']]
        """
        return pd.DataFrame({"label": [e if e.isdigit() else preset_label(e)
                                       for e in self.events],
                             "P": list(self.p), "Q": list(self.q)}).astype(object)


PRESETS: dict[str, Preset] = {
    # Four animals: H(P) = H(Q) = 1.75 bits, H(P,Q) = 2.375, D(P||Q) = 0.625, D(Q||P) = 0.5.
    "animals": Preset(("dog", "cat", "fish", "bird"),
                      ("1/2", "1/4", "1/8", "1/8"), ("1/8", "1/2", "1/4", "1/8")),
    # One-hot truth: D(P||Q) = H(P,Q) = -ln 0.7 = 0.51457 bits, H(P) = 0.
    "cat_dog_bird": Preset(("cat", "dog", "bird"), ("1", "0", "0"), ("0.7", "0.2", "0.1")),
    # Classifier output scored against the label (0, 1, 0): loss -ln 0.7 = 0.35667 nats.
    "classifier": Preset(("cat", "dog", "bird"), ("0", "1", "0"), ("0.2", "0.7", "0.1")),
    # The model rules out an event that happens: Q sums to 1, yet H(P,Q) = D(P||Q) = inf
    # (P gives "bird" 1/8, Q gives it 0); the other way round D(Q||P) = 0.5 bits is finite.
    "ruled_out": Preset(("dog", "cat", "fish", "bird"),
                        ("1/2", "1/4", "1/8", "1/8"), ("1/4", "1/2", "1/4", "0")),
    "die": Preset(("1", "2", "3", "4", "5", "6"),
                  ("1/6",) * 6, ("0.1", "0.1", "0.1", "0.1", "0.1", "0.5")),
    "coin": Preset(("heads", "tails"), ("0.5", "0.5"), ("0.8", "0.2")),
}

DEFAULT_PRESET = "animals"


@dataclass(frozen=True)
class Example:
    """Event names and P and Q as floats: the codes page's own examples, which need numbers no
    typed cell holds (a Zipf law over fifty events, probabilities of 1e-12)."""

    events: tuple[str, ...]
    p: tuple[float, ...]
    q: tuple[float, ...]


def _zipf(n: int) -> tuple[float, ...]:
    """``p_i`` proportional to ``1/i`` for ``i = 1..n``.

    >>> [round(x, 4) for x in _zipf(3)]
    [0.5455, 0.2727, 0.1818]
    """
    w = 1.0 / np.arange(1, n + 1)
    return tuple((w / w.sum()).tolist())


_ANIMALS = ("dog", "cat", "fish", "bird")
CODE_EXAMPLES: dict[str, Example] = {
    # Dyadic: Huffman lengths are the information contents; Q's code costs exactly KL extra.
    "animals": Example(_ANIMALS, (1 / 2, 1 / 4, 1 / 8, 1 / 8), (1 / 8, 1 / 2, 1 / 4, 1 / 8)),
    "skewed": Example(tuple("ABCDE"), (0.4, 0.3, 0.15, 0.1, 0.05), (0.2,) * 5),
    "ties": Example(tuple("ABC"), (1 / 3, 1 / 3, 1 / 3), (0.5, 0.25, 0.25)),
    # Q rules out "bird": Q's code has no codeword for it.
    "ruled_out": Example(_ANIMALS, (1 / 2, 1 / 4, 1 / 8, 1 / 8), (1 / 4, 1 / 2, 1 / 4, 0.0)),
    "tiny": Example(tuple("ABCDEF"), (1 - 5e-12, *(1e-12,) * 5), (1 / 6,) * 6),
    "one": Example(("A",), (1.0,), (1.0,)),
    "fifty": Example(tuple(str(i) for i in range(1, 51)), _zipf(50), (0.02,) * 50),
}

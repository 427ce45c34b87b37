"""Ready-made P and Q pairs for the explorer (numbers from the content brief, section 2).

Event names are identifiers; the app shows them translated when it knows the word, as typed
otherwise (die faces are just digits).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    events: tuple[str, ...]
    p: tuple[float, ...]
    q: tuple[float, ...]


PRESETS: dict[str, Preset] = {
    # Four animals: H(P) = H(Q) = 1.75 bits, H(P,Q) = 2.375, D(P||Q) = 0.625, D(Q||P) = 0.5.
    "animals": Preset(("dog", "cat", "fish", "bird"),
                      (1 / 2, 1 / 4, 1 / 8, 1 / 8), (1 / 8, 1 / 2, 1 / 4, 1 / 8)),
    # One-hot truth: D(P||Q) = H(P,Q) = -ln 0.7 = 0.51457 bits, H(P) = 0.
    "cat_dog_bird": Preset(("cat", "dog", "bird"), (1.0, 0.0, 0.0), (0.7, 0.2, 0.1)),
    # Classifier output scored against the label (0, 1, 0): loss -ln 0.7 = 0.35667 nats.
    "classifier": Preset(("cat", "dog", "bird"), (0.0, 1.0, 0.0), (0.2, 0.7, 0.1)),
    "die": Preset(("1", "2", "3", "4", "5", "6"),
                  (1 / 6,) * 6, (0.1, 0.1, 0.1, 0.1, 0.1, 0.5)),
    "coin": Preset(("heads", "tails"), (0.5, 0.5), (0.8, 0.2)),
}

DEFAULT_PRESET = "animals"

"""All visible text, as key -> (English, Simplified Chinese). One module per page plus common."""

from ui.strings import (calibration, checkpoints, codes, common, compression, continuous, explorer, glossary,
                        home, information, loss, network, neuron)

STRINGS: dict[str, tuple[str, str]] = {}
for _module in (calibration, checkpoints, codes, common, compression, continuous, explorer, glossary, home,
                information, loss, network, neuron):
    _clash = STRINGS.keys() & _module.STRINGS.keys()
    assert not _clash, f"string keys defined twice: {sorted(_clash)}"
    STRINGS.update(_module.STRINGS)

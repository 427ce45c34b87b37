"""Number and text formatting shared by every page: one style for values, ∞, minus signs and
reader text.

Displayed numbers use the real minus sign (U+2212 "−"), not a hyphen; :func:`tex` gives the
same number for LaTeX, where a hyphen is already typeset as a minus. Reader text (event labels,
class names, file contents) goes through :func:`text` before it reaches Markdown, so that
``**x**``, ``$x$``, ``:red[x]`` or ``<img>`` show literally instead of being interpreted.
"""

from __future__ import annotations

import math
import re

MINUS = "\u2212"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&\"'=^@%])")


def _minus(text: str) -> str:
    return MINUS + text[1:] if text.startswith("-") else text


def num(x: float, digits: int = 4) -> str:
    """Format a value with ``digits`` decimals; ``∞`` / ``−∞`` for infinities, ``—`` for NaN.

    Tiny non-zero magnitudes (below 10**-digits) switch to scientific notation so a residual
    of 2e-16 does not read as 0.0000; negative zero reads as 0.

    >>> num(-0.5), num(2e-16), num(float("-inf")), num(-1e-9, 2)
    ('−0.5000', '2.0e-16', '−∞', '−1.0e-09')
    """
    x = float(x)
    if math.isnan(x):
        return "—"
    if math.isinf(x):
        return "∞" if x > 0 else MINUS + "∞"
    if x != 0 and abs(x) < 10.0 ** (-digits):
        return _minus(f"{x:.1e}")
    out = f"{x:.{digits}f}"
    return "0." + "0" * digits if out.startswith("-") and float(out) == 0 else _minus(out)


def sig(x: float, digits: int = 4) -> str:
    """``x`` with ``digits`` significant digits (``0.0001234``), for factors whose product is
    shown: a tiny σ'(z) printed as 0.0000 would not multiply to the result beside it.

    >>> sig(0.000123456), sig(-2.5), sig(0.25)
    ('0.0001235', '−2.500', '0.2500')
    """
    x = float(x)
    if not math.isfinite(x):
        return num(x)
    if x == 0:
        return "0"
    decimals = max(digits - 1 - int(math.floor(math.log10(abs(x)))), 0)
    if decimals > 12:
        return _minus(f"{x:.{digits - 1}e}")
    return _minus(f"{x:.{decimals}f}")


def tex(text: str) -> str:
    """A formatted number made safe for LaTeX: ``−`` back to ``-``, ``∞`` to ``\\infty``."""
    return text.replace(MINUS, "-").replace("∞", r"\infty")


def quantity(x: float, unit: str, digits: int = 4) -> str:
    """A value followed by its unit, e.g. ``0.6250 bits`` or ``∞ bits``."""
    return f"{num(x, digits)} {unit}"


def prob(x: float) -> str:
    """A probability or count as typed: up to 6 decimals, no trailing zeros (0.125, −0.2, ∞).

    >>> prob(0.125), prob(-0.2), prob(3.0)
    ('0.125', '−0.2', '3')
    """
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return num(x)
    out = f"{x:.6f}".rstrip("0").rstrip(".")
    return _minus(out) if out not in ("", "-0") else "0"


def text(value: object) -> str:
    """Reader text made literal for Markdown (every ASCII punctuation mark backslash-escaped,
    which CommonMark allows), and kept to one line.

    >>> text("**x** $y$ :red[z]")
    '\\\\*\\\\*x\\\\*\\\\* \\\\$y\\\\$ \\\\:red\\\\[z\\\\]'
    """
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))

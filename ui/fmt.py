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
from decimal import Decimal

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


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def superscript(n: int) -> str:
    """An integer as superscript digits, for powers written in text.

    >>> "2" + superscript(16), "2" + superscript(-16)
    ('2¹⁶', '2⁻¹⁶')
    """
    return str(int(n)).translate(_SUPERSCRIPT)


def math_block(latex: str) -> str:
    """A display formula as a Markdown block: exactly what ``st.latex(latex)`` sends, so it can
    share one Markdown element with the paragraphs around it.

    >>> math_block("a^2")
    '$$\\na^2\\n$$'
    """
    return f"$$\n{latex}\n$$"


def table_text(frame) -> str:
    """A reader's table as one line of text, its column names and cells ``repr``'d (so the
    text ``"True"`` and a ticked box differ): equal tables give equal text. The hash function
    of a table argument in ``st.cache_resource`` (``hash_funcs={pd.DataFrame: table_text}``),
    cheaper than hashing the frame itself.

    >>> import pandas as pd
    >>> table_text(pd.DataFrame({"label": ["A", "B"], "y": [True, "True"]}))
    "('label', 'y')[('A', True), ('B', 'True')]"
    """
    return repr(tuple(frame.columns)) + repr(list(frame.itertuples(index=False, name=None)))


def quantity(x: float, unit: str, digits: int = 4) -> str:
    """A value followed by its unit, e.g. ``0.6250 bits`` or ``∞ bits``."""
    return f"{num(x, digits)} {unit}"


def amount(x: float, unit: str) -> str:
    """An information quantity on screen: :func:`short` and its unit, singular for exactly
    one (``2 bits``, ``1 bit``, ``1.39 nats``, ``∞ 比特``).

    >>> amount(1.0, "bits"), amount(0.625, "bits"), amount(1.0, "奈特")
    ('1 bit', '0.625 bits', '1 奈特')
    """
    text = short(x)
    if text == "1" and unit in ("bits", "nats", "hartleys"):
        unit = unit[:-1]
    return f"{text} {unit}"


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


def text_num(x: float, digits: int = 4) -> str:
    """:func:`num` for running text: every minus sign a real one, the exponent's too.

    >>> text_num(-1e-9, 2), text_num(0.25)
    ('−1.0e−09', '0.2500')
    """
    return num(x, digits).replace("-", MINUS)


def short(x: float) -> str:
    """Three significant digits (a step size, a ratio) with a real minus sign and a short
    exponent; ``∞`` / ``—`` as :func:`num` writes them.

    >>> short(0.0049123), short(-8.5432), short(2.5e-7), short(float("inf"))
    ('0.00491', '−8.54', '2.5e−7', '∞')
    """
    x = float(x)
    if not math.isfinite(x):
        return num(x)
    return f"{x:.3g}".replace("-", MINUS).replace("e−0", "e−").replace("e+0", "e")


def decimal(d: Decimal, latex: bool = False) -> str:
    """An exact decimal with its trailing zeros (the digits it was rounded to), for running
    text or, with ``latex``, for a formula; outside 1e-4 … 1e6 as ``1.234e−20`` or
    ``1.234 \\times 10^{-20}``.

    >>> decimal(Decimal("0.01760")), decimal(Decimal("1.234E-20"))
    ('0.01760', '1.234e−20')
    >>> decimal(Decimal("-2.5E+7"), latex=True)
    '-2.5 \\\\times 10^{7}'
    """
    if d == 0:
        return "0"
    e = d.adjusted()
    if -4 <= e < 6:
        return format(d, "f") if latex else format(d, "f").replace("-", MINUS)
    mantissa = format(d.scaleb(-e), "f")
    return rf"{mantissa} \times 10^{{{e}}}" if latex else f"{mantissa}e{e}".replace("-", MINUS)

"""Number and text formatting shared by every page: one function per kind of quantity, one
style for ∞, minus signs and reader text.

* a number on screen: :func:`short` (three significant digits); an information quantity with
  its unit: :func:`amount`; a probability or count as typed: :func:`prob`; a fraction in
  percent: :func:`percent`; a difference with its sign: :func:`signed`;
* an exact value in a table: :func:`exact` (six significant digits), or :func:`num` (fixed
  decimals) where a column's digits line up; a coordinate such as a mean: :func:`fixed`;
* factors whose product is shown: :func:`sig` or, exactly, :func:`decimal`; two numbers that
  must read differently: :func:`apart`;

Displayed numbers use the real minus sign (U+2212 "−"), not a hyphen; :func:`tex` gives the
same number for LaTeX, where a hyphen is already typeset as a minus. Reader text (event labels,
class names, file contents) goes through :func:`text` before it reaches Markdown, so that
``**x**``, ``$x$``, ``:red[x]`` or ``<img>`` show literally instead of being interpreted.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal
from typing import Callable

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


def fixed(x: float, digits: int) -> str:
    """``x`` rounded to ``digits`` decimals, a value that rounds to 0 read as 0 (a mean of
    1.7e−09 is 0.00, not a residual).

    >>> fixed(1.7e-9, 2), fixed(-0.004, 2), fixed(2.5, 2)
    ('0.00', '0.00', '2.50')
    """
    return num(round(float(x), digits) + 0.0, digits)


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


def short(x: float) -> str:
    """Three significant digits (a value on screen, a step size, a ratio) with a real minus
    sign and a short exponent; ``∞`` / ``—`` as :func:`num` writes them.

    >>> short(0.0049123), short(-8.5432), short(2.5e-7), short(float("inf"))
    ('0.00491', '−8.54', '2.5e−7', '∞')
    """
    x = float(x)
    if not math.isfinite(x):
        return num(x)
    return f"{x:.3g}".replace("-", MINUS).replace("e−0", "e−").replace("e+0", "e")


def alike(*xs: float, digits: int = 3, most: int = 6) -> list[str]:
    """Numbers of one equation written with one number of decimals, enough for each to show
    ``digits`` significant digits, so that the terms line up digit by digit and a sum as shown
    is off by at most one in its last digit (each term rounded): ``2.375 = 1.750 + 0.625``,
    where :func:`short` gives ``2.38 = 1.75 + 0.625``. Each is :func:`short` instead when one
    is not finite or would need more than ``most`` decimals.

    >>> alike(2.375, 1.75, 0.625), alike(1.2075187, 1.0, 0.2075187), alike(3e-9, 1.0)
    (['2.375', '1.750', '0.625'], ['1.208', '1.000', '0.208'], ['3e−9', '1'])
    """
    if not all(math.isfinite(x) for x in xs):
        return [short(x) for x in xs]
    d = max((max(digits - 1 - math.floor(math.log10(abs(x))), 0) for x in xs if x), default=0)
    return [short(x) for x in xs] if d > most else [fixed(x, d) for x in xs]


def exact(x: float) -> str:
    """A number for a table cell or a tooltip: six significant digits, real minus sign, ∞
    written out.

    >>> exact(1 / 3), exact(-2.5e-9), exact(0.0), exact(float("inf"))
    ('0.333333', '−2.5e−09', '0', '∞')
    """
    x = float(x)
    if not math.isfinite(x):
        return num(x)
    return "0" if x == 0 else f"{x:.6g}".replace("-", MINUS)


def prob(x: float) -> str:
    """A probability or count as typed: up to 6 decimals, no trailing zeros (0.125, −0.2, ∞);
    a tiny non-zero one as :func:`short` writes it (1e−12 is not 0).

    >>> prob(0.125), prob(-0.2), prob(3.0), prob(1e-12)
    ('0.125', '−0.2', '3', '1e−12')
    """
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return num(x)
    if x != 0 and abs(x) < 1e-6:
        return short(x)
    out = f"{x:.6f}".rstrip("0").rstrip(".")
    return _minus(out) if out not in ("", "-0") else "0"


def percent(x: float, digits: int = 1) -> str:
    """A fraction in percent: one decimal on screen, more in tables.

    >>> percent(0.1234), percent(0.1234, 2)
    ('12.3%', '12.34%')
    """
    return f"{num(100 * x, digits)}%"


def signed(x: float) -> str:
    """A difference with its sign: two decimals below 10, whole numbers above.

    >>> signed(0.4321), signed(-1.2), signed(776.4)
    ('+0.43', '−1.20', '+776')
    """
    digits = 2 if abs(x) < 10 else 0
    return f"{x:+,.{digits}f}".replace("-", MINUS)


def apart(a: float, b: float, form: Callable[[float, int], str],
          digits: int) -> tuple[str, str]:
    """``form(a, d)`` and ``form(b, d)`` at the first ``d >= digits`` at which they read
    differently (as they are when ``a != b``): ``1.0000000000`` against ``1.0000000002``, not
    ``1`` against ``1``.

    >>> apart(1.0, 1.0000000002, num, 2), apart(1.5, 2.5, num, 2)
    (('1.0000000000', '1.0000000002'), ('1.50', '2.50'))
    """
    d = digits
    while d < 16 and a != b and form(a, d) == form(b, d):
        d += 1
    return form(a, d), form(b, d)


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


def text(value: object) -> str:
    """Reader text made literal for Markdown (every ASCII punctuation mark backslash-escaped,
    which CommonMark allows), and kept to one line.

    >>> text("**x** $y$ :red[z]")
    '\\\\*\\\\*x\\\\*\\\\* \\\\$y\\\\$ \\\\:red\\\\[z\\\\]'
    """
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))



_FIELD_DE = re.compile(r"\{(\w+)\}的")


def zh_fields(template: str, values: dict) -> str:
    """A Chinese ``template`` filled from ``values``, with a space between a field and a 的
    after it where the field ends in a letter, a digit or a closing ASCII bracket. Chinese
    text leaves a space between Han characters and Latin letters or numbers ("P 的总和",
    "σ = 1 的高斯分布"), but a field may also hold a Chinese word ("比特的信息", "猫的概率"),
    so templates write ``{field}的`` and the value decides.

    >>> zh_fields("{col}的总和", {"col": "P"}), zh_fields("{unit}的信息", {"unit": "比特"})
    ('P 的总和', '比特的信息')
    """
    def spaced(m: re.Match) -> str:
        last = str(values.get(m.group(1), ""))[-1:]
        latin = (last.isalnum() or last in ")]") and unicodedata.east_asian_width(last) not in "WF"
        return "{%s} 的" % m.group(1) if latin else m.group(0)
    return _FIELD_DE.sub(spaced, template).format(**values)

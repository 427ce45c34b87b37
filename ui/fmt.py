"""Number formatting shared by every page: one style for values, ∞ and tiny residuals."""

from __future__ import annotations

import math


def num(x: float, digits: int = 4) -> str:
    """Format a value with ``digits`` decimals; ``∞`` / ``-∞`` for infinities, ``—`` for NaN.

    Tiny non-zero magnitudes (below 10**-digits) switch to scientific notation so a residual
    of 2e-16 does not read as 0.0000.
    """
    x = float(x)
    if math.isnan(x):
        return "—"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x != 0 and abs(x) < 10.0 ** (-digits):
        return f"{x:.1e}"
    out = f"{x:.{digits}f}"
    return "0." + "0" * digits if out.startswith("-") and float(out) == 0 else out


def quantity(x: float, unit: str, digits: int = 4) -> str:
    """A value followed by its unit, e.g. ``0.6250 bits`` or ``∞ bits``."""
    return f"{num(x, digits)} {unit}"


def prob(x: float) -> str:
    """A probability or count as typed: up to 6 decimals, no trailing zeros (0.125, -0.2, ∞)."""
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return num(x)
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"

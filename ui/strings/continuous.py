"""Strings of the continuous-KL page (pages/lessons/continuous.py)."""

STRINGS = {
    "page.continuous": ("KL on continuous distributions", "连续分布上的 KL 散度"),
    "page.continuous.blurb": (
        "Fit one Gaussian to a mixture by minimising KL(P‖Q) and by minimising KL(Q‖P): one "
        "covers every mode, the other picks one.",
        "分别最小化 KL(P‖Q) 和 KL(Q‖P)，用一个高斯分布去拟合混合分布：一个覆盖所有峰，另一个只挑一个峰。"),
}

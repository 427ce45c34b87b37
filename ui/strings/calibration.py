"""Strings of the soft-targets and calibration page (pages/lessons/calibration.py)."""

STRINGS = {
    "page.calibration": ("Soft targets and calibration", "软目标与校准"),
    "page.calibration.blurb": (
        "Label smoothing and distillation as targets that are not one-hot, the log loss as a "
        "proper scoring rule, and whether the digits network's confidence is honest.",
        "标签平滑与知识蒸馏：不是独热的目标；对数损失作为严格恰当评分规则；以及手写数字网络的置信度是否可信。"),
}

"""Strings used on every page: app name, menu, settings, units, shared words."""

STRINGS = {
    "app.name": ("From bits to losses", "从比特到损失"),

    # Menu labels and the home page's one-line map of each page.
    "page.home": ("Home", "首页"),
    "page.information": ("Information & entropy", "信息量与熵"),
    "page.information.blurb": (
        "Why rare events carry more information, why information adds up, and entropy as the "
        "average surprise.",
        "为什么罕见事件携带更多信息、信息为何可以相加，以及熵作为平均惊讶度。"),
    "page.explorer": ("P vs Q explorer", "P 与 Q 对比"),
    "page.explorer.blurb": (
        "Edit two distributions and watch −log p, entropy, cross-entropy and KL divergence "
        "change live, with H(P,Q) = H(P) + KL(P‖Q) checked on every edit.",
        "编辑两个分布，实时观察 −log p、熵、交叉熵和 KL 散度的变化，每次编辑都验证 "
        "H(P,Q) = H(P) + KL(P‖Q)。"),
    "page.loss": ("Cross-entropy as a loss", "交叉熵作为损失函数"),
    "page.loss.blurb": (
        "Binary, softmax and multi-label losses, maximum likelihood, and what common libraries "
        "actually compute.",
        "二分类、softmax 与多标签损失，最大似然，以及常用库实际计算的是什么。"),
    "page.neuron": ("The learning slowdown", "学习减速"),
    "page.neuron.blurb": (
        "Train one sigmoid neuron with the quadratic cost and with cross-entropy, and see which "
        "one crawls when the neuron starts badly wrong.",
        "分别用二次代价和交叉熵训练一个 sigmoid 神经元，看看起点错得离谱时哪一个学得慢。"),
    "page.network": ("Digits network", "手写数字网络"),
    "page.network.blurb": (
        "Train a small network on handwritten digits with both costs and compare them epoch by "
        "epoch.",
        "用两种代价在手写数字上训练一个小网络，逐轮比较。"),

    # Sidebar settings.
    "settings.language": ("Language", "语言"),
    "settings.units": ("Units of information", "信息的单位"),
    "settings.units.help": (
        "Bits use log base 2, nats the natural log, hartleys log base 10. 1 nat ≈ 1.4427 bits.",
        "比特以 2 为对数底，奈特用自然对数，哈特莱以 10 为底。1 奈特 ≈ 1.4427 比特。"),
    "unit.bits": ("bits", "比特"),
    "unit.nats": ("nats", "奈特"),
    "unit.hartleys": ("hartleys", "哈特莱"),
    "unit.bits.long": ("bits (log₂)", "比特（log₂）"),
    "unit.nats.long": ("nats (ln)", "奈特（ln）"),
    "unit.hartleys.long": ("hartleys (log₁₀)", "哈特莱（log₁₀）"),

    # Event names used by presets (other names are shown as typed).
    "event.default": ("event {n}", "事件 {n}"),
    "event.cat": ("cat", "猫"),
    "event.dog": ("dog", "狗"),
    "event.bird": ("bird", "鸟"),
    "event.fish": ("fish", "鱼"),
    "event.heads": ("heads", "正面"),
    "event.tails": ("tails", "反面"),
    "event.rice": ("rice", "米饭"),
    "event.pumpkin": ("pumpkin", "南瓜"),
    "event.green": ("green", "绿色"),

    # Shared words.
    "word.event": ("Event", "事件"),
    "word.probability": ("Probability", "概率"),
    "word.distribution": ("Distribution", "分布"),
    "word.quantity": ("Quantity", "量"),
    "word.value": ("Value", "数值"),
    "list.sep": (", ", "、"),
}

"""Strings of the home page (app.py)."""

STRINGS = {
    "home.title": ("From bits to losses", "从比特到损失"),
    "home.subtitle": (
        "The information theory behind the losses machine-learning models are trained with.",
        "机器学习模型训练所用损失函数背后的信息论。"),
    "home.intro": (
        "Every classifier you train minimises a cross-entropy. This app builds that idea from "
        "the ground up: how much information an event carries, what entropy measures, what it "
        "costs to describe one distribution with another, and why that cost is the right loss "
        "for learning. Every number on every page is computed live from what you enter, so you "
        "can poke at the ideas until they make sense.",
        "你训练的每个分类器都在最小化交叉熵。这个应用从头讲起：一个事件携带多少信息、熵衡量的是什么、"
        "用一个分布去描述另一个分布要付出多少代价，以及为什么这个代价正是学习所需的损失。每个页面上的"
        "每个数字都根据你的输入实时计算，你可以反复试验，直到真正理解。"),
    "home.audience": (
        "Written for students meeting these ideas for the first time and for engineers who use "
        "cross-entropy every day and want to see why it works. You need only logarithms and a "
        "little probability.",
        "面向第一次接触这些概念的学生，也面向每天使用交叉熵、想弄明白它为何有效的工程师。"
        "只需要对数和一点概率知识。"),
    "home.map": ("Pages", "页面"),
    "home.definitions": ("The quantities in one line each", "一句话说清每个量"),
    "home.def.info": (
        "**Information content** −log p(x): how surprising an outcome is. Rarer means more "
        "information; a fair coin flip is 1 bit.",
        "**信息量** −log p(x)：一个结果有多出人意料。越罕见，信息越多；抛一次公平硬币是 1 比特。"),
    "home.def.entropy": (
        "**Entropy** H(P) = −Σ p log p: the average information content of outcomes drawn from "
        "P, i.e. how uncertain P is.",
        "**熵** H(P) = −Σ p log p：从 P 中抽取的结果的平均信息量，也就是 P 有多不确定。"),
    "home.def.cross": (
        "**Cross-entropy** H(P,Q) = −Σ p log q: the average information when outcomes follow P "
        "but are scored with Q, the loss a classifier minimises.",
        "**交叉熵** H(P,Q) = −Σ p log q：结果服从 P、却用 Q 来打分时的平均信息量，也就是分类器"
        "所最小化的损失。"),
    "home.def.kl": (
        "**KL divergence** KL(P‖Q) = Σ p log(p/q): the extra cost of using Q instead of P; "
        "never negative, zero only when Q = P, and not symmetric.",
        "**KL 散度** KL(P‖Q) = Σ p log(p/q)：用 Q 代替 P 所多付出的代价；永不为负，只有 Q = P "
        "时为零，而且不对称。"),
    "home.def.identity": (
        "They fit together as H(P,Q) = H(P) + KL(P‖Q). The labels P are fixed during training, "
        "so H(P) is a constant and minimising cross-entropy is minimising KL.",
        "它们之间满足 H(P,Q) = H(P) + KL(P‖Q)。训练时标签 P 是固定的，H(P) 是常数，因此最小化"
        "交叉熵就是最小化 KL 散度。"),
    "home.settings": (
        "Language and units (bits, nats or hartleys) are in the sidebar and stay as you set them "
        "on every page.",
        "语言和单位（比特、奈特或哈特莱）在侧边栏中设置，切换页面时保持不变。"),
}

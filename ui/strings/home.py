"""Strings of the home page (app.py)."""

STRINGS = {
    "home.title": ("From bits to losses", "从比特到损失"),
    "home.subtitle": (
        "From surprise to cross-entropy: the information theory behind a classifier's loss.",
        "从惊讶度到交叉熵：分类器损失函数背后的信息论。"),
    "home.intro": (
        "Most neural-network classifiers are trained by minimising a cross-entropy. This app "
        "builds that idea from the ground up: how much information an event carries, what "
        "entropy measures, what it costs to describe one distribution with another, and why that "
        "cost makes a good loss for learning to classify. Results are computed live from what "
        "you enter (figures taken from the sources are quoted as such), so you can poke at the "
        "ideas until they make sense.",
        "大多数神经网络分类器都通过最小化交叉熵来训练。这个应用从头讲起：一个事件携带多少信息、熵衡量"
        "的是什么、用一个分布去描述另一个分布要付出多少代价，以及为什么这个代价适合作为学习分类的损失。"
        "结果都根据你的输入实时计算（取自原始资料的数字会注明出处），你可以反复试验，直到真正理解。"),
    "home.audience": (
        "Written for students meeting these ideas for the first time and for engineers who use "
        "cross-entropy every day and want to see why it works. You need logarithms and a little "
        "probability; the pages on training also use derivatives and the chain rule.",
        "面向第一次接触这些概念的学生，也面向每天使用交叉熵、想弄明白它为何有效的工程师。需要的只是对"
        "数和一点概率知识；讲训练的页面还会用到导数和链式法则。"),
    "home.path": ("The path", "学习路线"),
    "home.path.help": (
        "Each step builds on the one before. On every page you predict first, at the "
        "checkpoints, and the page then checks your prediction against its live result.",
        "每一步都建立在前一步之上。每一页的检查点都请你先预测，页面再用实时计算的结果核对你的预测。"),
    "home.step": ("Step {n}: {title}", "第 {n} 步：{title}"),
    "home.glossary": ("Glossary: every term in both languages, with its formula",
                      "术语表：每个术语的中英文名称和公式"),
    "home.audience.title": ("Who this is for, and what you need", "适合谁，需要什么基础"),
    "home.definitions": ("The quantities in one line each", "一句话说清每个量"),
    "home.def.info": (
        "**Information content** (self-information, or surprisal) −log p(x): how surprising an "
        "outcome is. "
        "Rarer means more information; a fair coin flip is 1 bit.",
        "**信息量（自信息，也叫惊讶度）** −log p(x)：一个结果有多出人意料。越罕见，"
        "信息越多；抛一次公平硬币是 1 比特。"),
    "home.def.entropy": (
        "**Entropy** H(P) = −Σ p log p: the average information content of outcomes drawn from "
        "P, i.e. how uncertain P is.",
        "**熵** H(P) = −Σ p log p：从 P 中抽取的结果的平均信息量，也就是"
        " P 有多不确定。"),
    "home.def.cross": (
        "**Cross-entropy** H(P,Q) = −Σ p log q: the average information when outcomes follow P "
        "but are scored with Q. It is the loss most neural-network classifiers minimise, with P "
        "the label and Q the prediction.",
        "**交叉熵** H(P,Q) = −Σ p log q：结果服从 P、却用 Q 来打分时的平"
        "均信息量。大多数神经网络分类器最小化的正是这个损失，其中 P 是标签，Q 是预测。"),
    "home.def.kl": (
        "**KL divergence** (relative entropy) KL(P‖Q) = Σ p log(p/q): the extra information paid "
        "on average for scoring P's outcomes with Q instead of P itself. It is never negative, "
        "zero only when Q = P, and in general not symmetric.",
        "**KL 散度（相对熵）** KL(P‖Q) = Σ p log(p/q)：用 Q 而不是"
        " P 本身给 P 的结果打分时平均多付出的信息量。它永不为负，只有 Q = P 时为零，而且"
        "一般不对称。"),
    "home.def.identity": (
        "They fit together as H(P,Q) = H(P) + KL(P‖Q). The labels P are fixed during training, "
        "so H(P) is a constant and minimising cross-entropy over the model's Q is minimising KL.",
        "它们之间满足 H(P,Q) = H(P) + KL(P‖Q)。训练时标签 P 是固定的，"
        "H(P) 是常数，因此对模型的 Q 最小化交叉熵就是最小化 KL 散度。"),
    "home.settings": (
        "Language and units (bits, nats or hartleys) are in the sidebar and stay as you set them "
        "on every page.",
        "语言和单位（比特、奈特或哈特莱）在侧边栏中设置，切换页面时保持不变。"),
}

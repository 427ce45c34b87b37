"""Strings of the information-and-entropy page."""

STRINGS = {
    "in.intro": (
        "How much do you learn when something happens? The rarer the event, the more it tells "
        "you. This page turns that idea into a number, shows why the number has to be a "
        "logarithm, and averages it into entropy.",
        "一件事发生时，你能从中了解多少？事件越罕见，告诉你的就越多。本页把这个想法变成一个数字，"
        "说明这个数字为什么必须是对数，再把它平均成熵。"),
    "in.axis.info": ("Information −log p ({unit})", "信息量 −log p（{unit}）"),
    "in.axis.entropy": ("Entropy ({unit})", "熵（{unit}）"),

    "in.surprise": ("Surprise: −log p", "惊讶度：−log p"),
    "in.surprise.p": ("Probability p of the event", "事件的概率 p"),
    "in.surprise.metric": ("Information content", "信息量"),
    "in.surprise.text": (
        "An event with probability {p} happens about 1 time in {odds}. Learning that it "
        "happened carries {info}.",
        "概率为 {p} 的事件大约每 {odds} 次发生 1 次。得知它发生了，带来 {info} 的信息。"),
    "in.surprise.zero": (
        "At p = 1 there is no surprise (0). As p falls toward 0 the information grows without "
        "bound: an impossible event would carry ∞.",
        "p = 1 时毫无惊讶（0）。p 趋近 0 时信息量无限增长：不可能事件的信息量为 ∞。"),
    "in.surprise.series": ("−log p", "−log p"),

    "in.add": ("Information adds up", "信息可以相加"),
    "in.add.intro": (
        "Two independent steps happen with probabilities p₁ and p₂, so both happen with "
        "probability p₁·p₂. The logarithm turns that product into a sum: the information of "
        "the whole is the information of the steps added together. With ¼ then ½ that is "
        "2 + 1 = 3 bits, the information of a ⅛ event.",
        "两个相互独立的步骤分别以概率 p₁ 和 p₂ 发生，于是两者同时发生的概率是 p₁·p₂。对数把"
        "乘积变成了和：整体的信息量等于各步信息量之和。先 ¼ 再 ½，就是 2 + 1 = 3 比特，正是"
        "概率为 ⅛ 的事件的信息量。"),
    "in.add.p1": ("First step p₁", "第一步 p₁"),
    "in.add.p2": ("Second step p₂", "第二步 p₂"),
    "in.add.check": ("Difference between the two sides: {residual}, only rounding.",
                     "两边之差：{residual}，只是舍入误差。"),
    "in.add.bits": ("Bits in a uniformly random number", "均匀随机数的位数"),
    "in.add.bits.text": (
        "A uniformly random {k}-bit number is one of {n} equally likely values, each with "
        "probability 1/2^{k}: seeing it carries {info}, one bit per binary digit.",
        "一个均匀随机的 {k} 位二进制数是 {n} 个等可能取值之一，每个的概率为 1/2^{k}：看到它带来 "
        "{info} 的信息，每个二进制位 1 比特。"),

    "in.entropy": ("Entropy: the average surprise", "熵：平均惊讶度"),
    "in.entropy.intro": (
        "Entropy is the information content you expect on average: each event's surprise "
        "−log p weighted by how often it happens. Edit the weights (any non-negative numbers; "
        "they are divided by their total) and watch the bars.",
        "熵是平均意义下你预期得到的信息量：每个事件的惊讶度 −log p，按它发生的频率加权。编辑权重"
        "（任意非负数，会除以它们的总和），观察柱状图的变化。"),
    "in.entropy.weight": ("Weight", "权重"),
    "in.entropy.editor": (
        "Double-click to edit; add or delete rows to change the number of events (1 to 50).",
        "双击编辑；增删行可以改变事件个数（1 到 50 个）。"),
    "in.entropy.normalised": ("Weights divided by their total {total}.",
                              "权重已除以它们的总和 {total}。"),
    "in.entropy.h": ("Entropy H(P)", "熵 H(P)"),
    "in.entropy.max": ("Most possible with {n} events: log {n}", "{n} 个事件时的最大值：log {n}"),
    "in.entropy.gauge": ("H = {h} out of the maximum {max}", "H = {h}，最大值为 {max}"),
    "in.entropy.bar_p": ("probability p", "概率 p"),
    "in.entropy.bar_term": ("p · (−log p), summing to H", "p · (−log p)，求和即 H"),
    "in.entropy.bar_axis": ("Probability, or contribution ({unit})", "概率，或贡献（{unit}）"),
    "in.entropy.single": (
        "One event is certain: no surprise at all, so the entropy is 0.",
        "只有一个事件时它必然发生：没有任何惊讶，所以熵为 0。"),
    "in.entropy.at_max": (
        "All {n} events are equally likely: this is the most uncertain a distribution over "
        "{n} events can be.",
        "{n} 个事件等可能：这是 {n} 个事件上的分布所能达到的最大不确定性。"),
    "in.entropy.below_max": (
        "H = {h} is {share} of the maximum {max}: only the uniform distribution over {n} events "
        "reaches the maximum. Make the weights more equal to get closer.",
        "H = {h}，是最大值 {max} 的 {share}：只有 {n} 个事件上的均匀分布才能达到最大值。让权重更"
        "平均就能更接近它。"),

    "in.coin": ("A coin: binary entropy", "一枚硬币：二元熵"),
    "in.coin.p": ("Probability of heads", "正面朝上的概率"),
    "in.coin.metric": ("Entropy of one toss", "一次抛掷的熵"),
    "in.coin.text": (
        "A fair coin (0.5) is the hardest to predict: exactly 1 bit per toss. The more biased "
        "the coin, the less each toss tells you, down to 0 for a coin that always lands the "
        "same way.",
        "公平硬币（0.5）最难预测：每次抛掷恰好 1 比特。硬币越偏，每次抛掷告诉你的就越少，"
        "总是同一面朝上的硬币则为 0。"),
    "in.coin.series": ("H(p)", "H(p)"),
}

"""Strings of the information-and-entropy page."""

STRINGS = {
    "in.axis.info": ("Self-information −log p ({unit})", "自信息 −log p（{unit}）"),
    "in.axis.entropy": ("Entropy ({unit})", "熵（{unit}）"),

    # Self-information.
    "in.surprise": ("Self-information (surprise): −log p", "自信息（惊讶度）：−log p"),
    "in.surprise.takeaway": ("The rarer the event, the more it tells you: I(p) = −log p.",
                             "事件越罕见，告诉你的越多：I(p) = −log p。"),
    "in.surprise.p": ("Probability p of the event", "事件的概率 p"),
    "in.surprise.metric": ("Information content", "自信息"),
    "in.surprise.text": (
        "An event with probability {p} happens about 1 time in {odds}. Learning that it "
        "happened carries {info}.",
        "概率为 {p} 的事件大约每 {odds} 次发生 1 次。得知它发生了，带来 {info}的信息。"),
    "in.surprise.zero": (
        "At p = 1 there is no surprise (0). As p falls toward 0 the information grows without "
        "bound: an impossible event would carry ∞.",
        "p = 1 时毫无惊讶（0）。p 趋近 0 时自信息无限增长：不可能事件的自信息为 ∞。"),
    "in.surprise.series": ("−log p", "−log p"),

    # Additivity.
    "in.add": ("Information adds up along steps", "信息沿着步骤相加"),
    "in.add.takeaway": (
        "Where probabilities multiply, information adds: −log(p₁·p₂) = −log p₁ − log p₂.",
        "概率相乘之处，信息相加：−log(p₁·p₂) = −log p₁ − log p₂。"),
    "in.add.intro": (
        "The defaults are a tournament: a team reaches the final with probability p₁ = ¼, "
        "then, once there, wins it with probability p₂ = ½. It becomes champion with "
        "probability p₁·p₂ = ⅛.",
        "默认值是一场锦标赛：一支球队进入决赛的概率是 p₁ = ¼；进入决赛之后，赢得决赛的概率是 "
        "p₂ = ½。它夺冠的概率是 p₁·p₂ = ⅛。"),
    "in.add.p1": ("First step p₁ = P(A)", "第一步 p₁ = P(A)"),
    "in.add.p2": ("Second step, given the first: p₂ = P(B | A)",
                  "第一步发生后的第二步：p₂ = P(B | A)"),
    "in.add.hold": ("Both sides of the sum appear here once the checkpoint above is answered.",
                    "上面的检查点作答后，等式两边的数值会显示在这里。"),
    "in.add.exact": ("Exact values of the two sides", "等式两边的精确值"),
    "in.add.exact.text": (
        "−log p₁ = {i1}, −log p₂ = {i2}, their sum {sum}, and −log(p₁·p₂) = {both} ({unit}).",
        "−log p₁ = {i1}，−log p₂ = {i2}，两者之和 {sum}，−log(p₁·p₂) = {both}（{unit}）。"),
    "in.add.check": ("Difference between the two sides: {residual}, only rounding.",
                     "两边之差：{residual}，只是舍入误差。"),
    "in.add.conditional": ("The second step is conditional: no independence needed",
                           "第二步是条件概率：不需要独立"),
    "in.why.conditional": (
        "The ½ is the probability of winning the final **given** that the team reached it: a "
        "conditional probability, P(win | reached the final). The two steps are not independent "
        "events (no team wins a final it did not reach). The product rule "
        "P(A and B) = P(A) · P(B | A) holds for any two steps, so information adds up along "
        "steps with no independence needed; independent events are the special case "
        "P(B | A) = P(B).",
        "这个 ½ 是在球队**已经进入决赛的条件下**赢得决赛的概率，即条件概率 P(夺冠 | 进入决赛)。"
        "这两步并不是相互独立的事件（没进决赛的队不可能赢得决赛）。乘法法则 "
        "P(A 且 B) = P(A) · P(B | A) 对任意两步都成立，所以信息沿着步骤相加并不需要独立性；"
        "相互独立的事件只是 P(B | A) = P(B) 的特殊情形。"),
    "in.add.bits.title": ("A uniformly random k-bit number carries k bits",
                          "均匀随机的 k 位二进制数携带 k 比特"),
    "in.add.bits": ("Bits in a uniformly random number", "均匀随机数的位数"),
    "in.add.bits.text": (
        "A uniformly random {k}-bit number is one of 2{k_sup} = {n} equally likely values, "
        "each with probability 2{minus_k_sup}: seeing it carries {info}. Its {k} binary digits "
        "are {k} fair coin flips, each independent of the others and worth 1 bit.",
        "一个均匀随机的 {k} 位二进制数是 2{k_sup} = {n} 个等可能取值之一，每个的概率为 "
        "2{minus_k_sup}：看到它带来 {info}的信息。它的 {k} 个二进制位就是 {k} 次公平的抛硬币，"
        "彼此独立，每次 1 比特。"),

    # Why a logarithm.
    "in.why": ("Why a logarithm?", "为什么是对数？"),
    "in.why.takeaway": (
        "Only I(p) = −k log p makes rarer mean more, change smoothly and add up along steps; "
        "choosing k is choosing the logarithm's base: the unit.",
        "只有 I(p) = −k log p 能做到越罕见越多、连续变化、沿步骤相加；选择常数 k 就是选择对数的底，"
        "也就是单位。"),
    "in.why.proof": ("The three wishes, and why only a logarithm meets them",
                     "三个要求，以及为什么只有对数满足它们"),
    "in.why.intro": (
        "Write I(p) for the information you get from learning that an event of probability p "
        "happened. Ask three things of it:\n\n"
        "- **Rarer means more:** I(p) decreases as p grows.\n"
        "- **No jumps:** I(p) is continuous, so a tiny change in p changes I(p) a little.\n"
        "- **Steps add up:** an outcome reached in two steps carries the information of the "
        "first step plus that of the second.",
        "用 I(p) 表示得知一个概率为 p 的事件发生时得到的信息。对它提三个要求：\n\n"
        "- **越罕见，越多**：p 越大，I(p) 越小。\n"
        "- **没有跳变**：I(p) 连续，p 变化一点，I(p) 也只变化一点。\n"
        "- **分步相加**：分两步达到的结果，其信息等于第一步的信息加上第二步的信息。"),
    "in.why.tournament": (
        "**A tournament.** A team reaches the final with probability ¼. Once there, it wins "
        "the final with probability ½. So it becomes champion with probability "
        "¼ · ½ = ⅛, and hearing “champion” should tell you exactly as much as hearing “they "
        "reached the final”, then “they won it”.",
        "**一场锦标赛。** 一支球队进入决赛的概率是 ¼；进入决赛之后，赢得决赛的概率是 ½。所以它"
        "夺冠的概率是 ¼ · ½ = ⅛。听到“夺冠”得到的信息，应当恰好等于先听到“进了决赛”、再听到"
        "“赢了决赛”得到的信息之和。"),
    "in.why.result": (
        "Only one family of functions meets all three wishes: I(p) = −k log p with a "
        "constant k > 0. Choosing k is choosing the base of the logarithm, and the base is "
        "the unit: base 2 makes I(½) = 1 bit, base e gives nats, base 10 hartleys.",
        "满足这三个要求的函数只有一族：I(p) = −k log p，其中 k > 0 是常数。选择 k 就是选择对数"
        "的底，而底就是单位：以 2 为底时 I(½) = 1 比特，以 e 为底得到奈特，以 10 为底得到哈特莱。"),
    "in.why.live": (
        "In {unit}: reaching the final carries {final}, winning it then carries {win}, and "
        "together {sum}, which is the information of the champion's ⅛, {champion}.",
        "以{unit}计：进入决赛带来 {final}，随后赢得决赛带来 {win}，合计 {sum}，正是概率 ⅛ 的"
        "“夺冠”所带来的 {champion}。"),
    "in.why.steps": ("Why nothing but a logarithm works, step by step:",
                     "为什么只能是对数：逐步推导"),
    "in.why.step1": (
        "1. Name the probability by its logarithm: p = e⁻ˣ with x = −ln p ≥ 0, and let "
        "f(x) = I(e⁻ˣ). Multiplying probabilities adds their x, so the wish “steps add up” "
        "reads:",
        "1. 用概率的对数来表示它：p = e⁻ˣ，其中 x = −ln p ≥ 0，并令 f(x) = I(e⁻ˣ)。概率相乘就是"
        " x 相加，所以“分步相加”的要求写成："),
    "in.why.step2": (
        "2. Adding x to itself n times gives f(n·x) = n·f(x); splitting x into n equal parts "
        "gives f(x/n) = f(x)/n. Together, f(r) = r·f(1) for every fraction r ≥ 0.",
        "2. 把 x 自己加 n 次得到 f(n·x) = n·f(x)；把 x 平分成 n 份得到 f(x/n) = f(x)/n。合起来，"
        "对每个分数 r ≥ 0 都有 f(r) = r·f(1)。"),
    "in.why.step3": (
        "3. Every x ≥ 0 is a limit of fractions, and f is continuous, so f(x) = k·x for all "
        "x ≥ 0, with k = f(1).",
        "3. 每个 x ≥ 0 都是一列分数的极限，而 f 连续，所以对所有 x ≥ 0 都有 f(x) = k·x，"
        "其中 k = f(1)。"),
    "in.why.step4": (
        "4. Back to p: I(p) = k·x = −k ln p. “Rarer means more” needs k > 0. Writing k = 1/ln b "
        "turns it into $-\\log_b p$: the constant is the base.",
        "4. 换回 p：I(p) = k·x = −k ln p。“越罕见，越多”要求 k > 0。令 k = 1/ln b，它就变成 "
        "$-\\log_b p$：这个常数就是对数的底。"),
    "in.why.units": ("The base is the unit", "底就是单位"),
    "in.why.hold": ("These numbers answer checkpoint 2 above at its first settings: they show "
                    "once it is answered.",
                    "这些数值就是上面检查点 2 在初始设置下的答案：作答后才会显示。"),
    "in.why.col.unit": ("Unit", "单位"),
    "in.why.col.base": ("Base", "底"),
    "in.why.col.half": ("I(½), one fair coin", "I(½)，一枚公平硬币"),
    "in.why.col.eighth": ("I(⅛), the champion", "I(⅛)，冠军"),

    # Entropy.
    "in.entropy": ("Entropy: the average surprise", "熵：平均惊讶度"),
    "in.entropy.takeaway": (
        "Entropy H(P) is the surprise you expect on average: each event's −log p weighted by "
        "its probability.",
        "熵 H(P) 是平均意义下你预期的惊讶度：每个事件的 −log p 按它的概率加权。"),
    "in.entropy.intro": (
        "Edit the weights (any non-negative numbers; they are divided by their total) and watch "
        "the bars.",
        "编辑权重（任意非负数，会除以它们的总和），观察柱状图的变化。"),
    "in.entropy.weight": ("Weight", "权重"),
    "in.entropy.weight.help": (
        "Any non-negative number, typed as 3, 0.125, 1/8 or 12.5%; weights are divided by their "
        "total.",
        "任意非负数，可以写成 3、0.125、1/8 或 12.5%；权重会除以它们的总和。"),
    "in.entropy.editor": (
        "Double-click a cell to edit; add or delete rows for 1 to {max} events.",
        "双击单元格编辑；增删行可设 1 到 {max} 个事件。"),
    "in.table_name": ("the entropy table", "熵的表格"),
    "in.download.units": ("Download this table (CSV)", "下载此表（CSV）"),
    "in.download.terms": ("Download the numbers per event (CSV)", "下载每个事件的数值（CSV）"),
    "in.col.info": ("−log p ({unit})", "−log p（{unit}）"),
    "in.col.term": ("p · (−log p) ({unit})", "p · (−log p)（{unit}）"),
    "in.entropy.normalised": ("Weights divided by their total {total}.",
                              "权重已除以它们的总和 {total}。"),
    "in.entropy.h": ("Entropy H(P)", "熵 H(P)"),
    "in.entropy.max": ("Most possible with {n} events: log {n}", "{n} 个事件时的最大值：log {n}"),
    "in.entropy.gauge": ("H = {h} out of the maximum {max}", "H = {h}，最大值为 {max}"),
    "in.entropy.hold": (
        "The largest entropy {n} events can have appears here once the checkpoint above is "
        "answered.",
        "上面的检查点作答后，{n} 个事件所能达到的最大熵会显示在这里。"),
    "in.chart.p": ("probability p", "概率 p"),
    "in.chart.term": ("p · (−log p), {unit}: the bars add up to H",
                      "p · (−log p)（{unit}）：各柱之和即 H"),
    "in.chart.info": ("−log p ({unit})", "−log p（{unit}）"),
    "in.entropy.numbers": ("The numbers in this chart", "这张图中的数值"),
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
        "H = {h}，是最大值 {max}的 {share}：只有 {n} 个事件上的均匀分布才能达到最大值。让权重更"
        "平均就能更接近它。"),

    # A coin.
    "in.coin": ("A coin: binary entropy", "一枚硬币：二元熵"),
    "in.coin.takeaway": ("A fair coin is the hardest to predict: one toss carries 1 bit.",
                         "公平硬币最难预测：抛一次携带 1 比特。"),
    "in.coin.p": ("Probability of heads", "正面朝上的概率"),
    "in.coin.metric": ("Entropy of one toss", "一次抛掷的熵"),
    "in.coin.text": (
        "The more biased the coin, the less each toss tells you, down to 0 for a coin that "
        "always lands the same way.",
        "硬币越偏，每次抛掷告诉你的就越少，总是同一面朝上的硬币则为 0。"),
    "in.coin.series": ("H(p)", "H(p)"),

    # For teachers.
    "in.teachers": ("For teachers", "给教师"),
    "in.teachers.body": (
        "**The misconception.** That information adds up only for independent events: the "
        "tournament's two steps are dependent (no team wins a final it did not reach), yet "
        "their information adds, because the second step is scored with its conditional "
        "probability. A second one: that spreading the weights more evenly raises entropy "
        "without limit; over n events it stops at log n.\n\n"
        "**Pause on** checkpoint 2 (two steps together): let everyone predict the "
        "information of “A, then B” before the sum is shown, then move p₂ and ask again.\n\n"
        "**Ask next.** How many bits does one roll of a fair die carry (log₂ 6 ≈ 2.58)? Why "
        "does a coin with p = 0.9 carry only 0.469 bits per toss, when each rare tail carries "
        "3.32 bits?\n\n"
        "**Further reading.** Chris Olah, "
        "[“Visual Information Theory”](https://colah.github.io/posts/2015-09-Visual-Information/) "
        "(2015), draws the same ideas as code lengths; the next page, Codes & samples, builds "
        "such codes.",
        "**针对的误解。** 以为只有相互独立的事件信息才能相加：锦标赛的两步并不独立（没进决赛的队"
        "不可能赢得决赛），但它们的信息仍然相加，因为第二步是用条件概率计算的。另一个误解：以为把"
        "权重分得越均匀，熵就能无限增大；n 个事件时它最多是 log n。\n\n"
        "**停下来讨论。** 检查点 2（两步合在一起）：在显示总和之前，让每个人先预测“先 A 后 B”的信息"
        "量，再移动 p₂ 重新提问。\n\n"
        "**接着可以问。** 掷一次公平骰子携带多少比特（log₂ 6 ≈ 2.58）？为什么 p = 0.9 的硬币每次"
        "只携带 0.469 比特，而每次罕见的反面却携带 3.32 比特？\n\n"
        "**延伸阅读。** Chris Olah 的"
        "[《Visual Information Theory》](https://colah.github.io/posts/2015-09-Visual-Information/)"
        "（2015）把同样的概念画成码长；下一页“编码与采样”就构造这样的编码。"),
}

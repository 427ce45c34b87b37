"""Strings of the learning-slowdown (neuron) page."""

STRINGS = {
    "nr.intro": (
        "Nielsen's experiment: z = w x + b, a = σ(z), input x = 1, target y = 0, plain gradient "
        "descent.",
        "Nielsen 的实验：z = w x + b，a = σ(z)，输入 x = 1，目标值 y = 0，普通的梯度下降。"),
    "nr.takeaway": (
        "Started confidently wrong, the neuron learns slowly with the quadratic cost and fastest "
        "with cross-entropy.",
        "从自信地犯错的起点出发，神经元用二次代价学得很慢，用交叉熵则学得最快。"),
    "nr.presets": ("Experiments", "实验"),
    "nr.preset.normal": ("Normal start (0.6, 0.9)", "普通起点 (0.6, 0.9)"),
    "nr.preset.normal.help": (
        "w₀ = 0.6, b₀ = 0.9 (output 0.818), x = 1, y = 0, η = 0.15 for both costs, 300 epochs, "
        "goal |a − y| < 0.1, book demo rule off.",
        "w₀ = 0.6，b₀ = 0.9（初始输出 0.818），x = 1，y = 0，两种代价的 η 都是 0.15，300 轮，"
        "达标线 |a − y| < 0.1，不显示书中演示的规则。"),
    "nr.preset.wrong": ("Badly wrong start (2, 2)", "错得离谱的起点 (2, 2)"),
    "nr.preset.wrong.help": (
        "w₀ = 2, b₀ = 2 (output 0.982, deep in the saturated region), x = 1, y = 0, η = 0.15 for "
        "both costs, 300 epochs, goal |a − y| < 0.1, book demo rule off.",
        "w₀ = 2，b₀ = 2（初始输出 0.982，处在深度饱和区），x = 1，y = 0，两种代价的 η 都是 0.15，"
        "300 轮，达标线 |a − y| < 0.1，不显示书中演示的规则。"),
    "nr.preset.fair": ("Fair race (η 0.15 / 0.025)", "公平比赛（η 0.15 / 0.025）"),
    "nr.preset.fair.help": (
        "The badly wrong start (2, 2) with the book's divide-by-6 rule of thumb: η = 0.15 for "
        "the quadratic cost, 0.15 / 6 = 0.025 for cross-entropy; x = 1, y = 0, 500 epochs, goal "
        "|a − y| < 0.1, book demo rule off.",
        "错得离谱的起点 (2, 2)，按书中“除以 6”的经验法则：二次代价 η = 0.15，交叉熵 η = 0.15 / 6 = "
        "0.025；x = 1，y = 0，500 轮，达标线 |a − y| < 0.1，不显示书中演示的规则。"),
    "nr.preset.book": ("Book's demo (η 0.15 / 0.005)", "书中演示（η 0.15 / 0.005）"),
    "nr.preset.book.help": (
        "The rates of the book's demos, from the badly wrong start (2, 2): η = 0.15 for the "
        "quadratic cost, 0.005 for cross-entropy; x = 1, y = 0, 300 epochs, goal |a − y| < 0.1, "
        "and, as a third curve, this app's reconstruction of the update rule of the book's "
        "cross-entropy demos.",
        "书中演示所用的学习率，从错得离谱的起点 (2, 2) 出发：二次代价 η = 0.15，交叉熵 η = 0.005；"
        "x = 1，y = 0，300 轮，达标线 |a − y| < 0.1，并把本应用对书中交叉熵演示所用更新规则的重建"
        "作为第三条曲线显示。"),
    "nr.w0": ("Starting weight w₀", "初始权重 w₀"),
    "nr.b0": ("Starting bias b₀", "初始偏置 b₀"),
    "nr.x": ("Input x", "输入 x"),
    "nr.y": ("Target y", "目标值 y"),
    "nr.y.help": ("Between 0 and 1: the output the neuron should learn to give.",
                  "介于 0 和 1 之间：神经元应当学会给出的输出。"),
    "nr.eta.quadratic": ("η, quadratic cost", "η（二次代价）"),
    "nr.eta.cross_entropy": ("η, cross-entropy", "η（交叉熵）"),
    "nr.eta.help": ("The learning rate: each step is η times the gradient. Rates are not "
                    "comparable across costs (see the notes under the outcome).",
                    "学习率：每一步是 η 乘以梯度。不同代价的学习率不能直接比较（见结果下方的说明）。"),
    "nr.epochs": ("Epochs", "训练轮数"),
    "nr.threshold": ("Goal: |a − y| below", "达标线：|a − y| 小于"),
    "nr.threshold.help": ("Training counts as done once the output is this close to the target.",
                          "输出与目标值的差小于这个值时，视为达标。"),
    "nr.more": ("More settings: input x, target y, epochs, goal, the book demo's rule",
                "更多设置：输入 x、目标值 y、训练轮数、达标线、书中演示的规则"),
    "nr.book": ("Also show the book demo's rule", "同时显示书中演示的更新规则"),
    "nr.book.help": (
        "Adds a third curve: this app's reconstruction of the update the book's cross-entropy "
        "demos used, at the cross-entropy η (details in the notes under the outcome).",
        "增加第三条曲线：本应用对书中交叉熵演示所用更新规则的重建，使用交叉熵的 η（详见结果下方的"
        "说明）。"),
    # ---- Notes next to the outcome (an expander) ----
    "nr.notes": ("Notes: learning rates across costs, and the book demo's rule",
                 "说明：不同代价的学习率，以及书中演示的规则"),
    "nr.eta.note": (
        "Learning rates are not comparable across costs (the book calls comparing them "
        "“apples and oranges”): the quadratic gradient carries the extra factor "
        "σ′(z) = a(1 − a), so equal rates are not automatically a fair race. The book chose "
        "η = 0.005 for its cross-entropy demos by experiment. Its rule of thumb of a "
        "cross-entropy rate about 6 times smaller comes from a footnote about its "
        "handwritten-digit (MNIST) network, quadratic η = 3.0 against cross-entropy η = 0.5, "
        "because σ(1 − σ) averages 1/6 over σ in [0, 1]; here it would give 0.15 / 6 = 0.025 "
        "(the “Fair race” experiment). Each cost has its own η.",
        "不同代价的学习率不能直接比较（书中称之为“拿苹果比橘子”）：二次代价的梯度多了一个因子 "
        "σ′(z) = a(1 − a)，所以学习率相同并不自动等于公平比赛。书中交叉熵演示用的 η = 0.005 是试验"
        "选出来的。“交叉熵学习率取约六分之一”这条经验法则来自书中关于手写数字（MNIST）网络的一个"
        "脚注：二次代价 η = 3.0，交叉熵 η = 0.5，理由是 σ(1 − σ) 在 σ ∈ [0, 1] 上的平均值为 1/6；"
        "用在这里就是 0.15 / 6 = 0.025（即“公平比赛”实验）。这里两种代价各有自己的 η。"),
    "nr.book.note": (
        "The book's text gives only the rate of its interactive cross-entropy demos, "
        "η = 0.005. The third curve is this app's reconstruction of their update, whose numbers "
        "reproduce the demos': a step of ∂C/∂a = 1/(1 − a) (for y = 0) where the chain rule "
        "asks for ∂C/∂z = a − y. At η = 0.005 it ends near 0.040 from (0.6, 0.9) and 0.048 "
        "from (2, 2), faster than true cross-entropy at that rate (0.418 and 0.780).",
        "书中正文只给出了交互式交叉熵演示的学习率 η = 0.005。第三条曲线是本应用对这些演示所用更新"
        "规则的重建，其数值与演示一致：每一步按 ∂C/∂a = 1/(1 − a)（y = 0 时）更新，而链式法则要求的"
        "是 ∂C/∂z = a − y。在 η = 0.005 时，它从 (0.6, 0.9) 出发最终约为 0.040，从 (2, 2) 出发约为 "
        "0.048，比同学习率下真正的交叉熵（0.418 和 0.780）更快。"),
    "nr.note.x_zero": (
        "With x = 0 the weight gets no gradient (∂C/∂w = x · ∂C/∂z = 0): only the bias learns.",
        "x = 0 时权重没有梯度（∂C/∂w = x · ∂C/∂z = 0）：只有偏置在学习。"),
    "nr.note.big_eta": (
        "A learning rate this large takes huge steps: the output may jump between 0 and 1 "
        "instead of settling. The numbers stay exact; the curves just get wild.",
        "这么大的学习率步子很大：输出可能在 0 和 1 之间来回跳，而不是逐渐收敛。数值依然准确，"
        "只是曲线会很乱。"),
    "nr.note.soft_target": (
        "With a target strictly between 0 and 1 the cross-entropy never reaches 0: its minimum "
        "is the entropy of the target, reached when a = y.",
        "当目标值严格介于 0 和 1 之间时，交叉熵永远到不了 0：它的最小值是目标值的熵，在 a = y "
        "时取得。"),
    "nr.note.already": (
        "The neuron starts at a = {a}, already within {thr} of the target: both costs need 0 "
        "epochs. Try a start further away.",
        "神经元的初始输出 a = {a}，已经在目标值的 {thr} 以内：两种代价都只需 0 轮。换个离目标值"
        "更远的起点试试。"),
    # ---- The race, epoch by epoch ----
    "nr.training": ("The race, epoch by epoch", "逐轮比赛"),
    "nr.training.intro": (
        "Press Play or drag the slider; click a chart to jump to an epoch.",
        "点击播放或拖动滑块；点击图表可跳到某一轮。"),
    "nr.play": ("Play", "播放"),
    "nr.pause": ("Pause", "暂停"),
    "nr.scrub": ("Epoch", "轮次"),
    "nr.epoch": ("Epoch", "轮次"),
    "nr.cost": ("Cost", "代价"),
    "nr.state": ("**{run}**, epoch {epoch}", "**{run}**，第 {epoch} 轮"),
    # No-break spaces (\u00a0) around each "=" and a word joiner (\u2060) inside σ′(z): a
    # narrow card wraps between values, never inside a name or between a name and its number.
    "nr.state.values": (
        "w\u00a0=\u00a0{w}, b\u00a0=\u00a0{b}, z\u00a0=\u00a0{z}  \n"
        "a\u00a0=\u00a0{a}, C\u00a0=\u00a0{c}, σ′\u2060(z)\u00a0=\u00a0{sp}",
        "w\u00a0=\u00a0{w}，b\u00a0=\u00a0{b}，z\u00a0=\u00a0{z}  \n"
        "a\u00a0=\u00a0{a}，C\u00a0=\u00a0{c}，σ′\u2060(z)\u00a0=\u00a0{sp}"),
    "nr.book.step": ("book step", "书中步长"),
    "nr.q.a": ("Output a", "输出 a"),
    "nr.q.cost": ("Cost C", "代价 C"),
    "nr.q.w": ("Weight w", "权重 w"),
    "nr.q.b": ("Bias b", "偏置 b"),
    "nr.q.grad": ("Bias gradient |∂C/∂b| (log scale)", "偏置梯度 |∂C/∂b|（对数刻度）"),
    "nr.q.sigma_prime": ("The factor σ′(z) (log scale)", "因子 σ′(z)（对数刻度）"),
    # Above a chart a third of the main column wide: short enough not to be cut off.
    "nr.q.grad.short": ("|∂C/∂b| (log scale)", "|∂C/∂b|（对数刻度）"),
    "nr.q.sigma_prime.short": ("σ′(z) (log scale)", "σ′(z)（对数刻度）"),
    "nr.more_charts": ("Cost, weight and bias over the whole run", "整个训练过程中的代价、权重和偏置"),
    "nr.table": ("The charts' numbers, as a table", "图表中的数值（表格）"),
    "nr.table.caption": (
        "Every {step}th epoch of each run (the charts draw up to 300 points per run).",
        "每个运行每隔 {step} 轮取一行（图表每个运行最多画 300 个点）。"),
    # ---- The outcome ----
    "nr.outcome": ("Who gets there first", "谁先达标"),
    "nr.speed.wait": (
        "How the step size changes shows here once you have checked your prediction on the "
        "first step.",
        "核对你对第一步的预测之后，这里会显示步长如何变化。"),
    "nr.map.wait": (
        "The maps of every starting point show here once you have checked your prediction on "
        "the race, or run the race to its last epoch.",
        "核对你对比赛的预测之后，或把比赛跑到最后一轮之后，这里会显示所有起点的地图。"),
    "nr.outcome.wait": (
        "The race's result shows here once you have checked your prediction, or run the race to "
        "its last epoch.",
        "核对预测之后，或把比赛跑到最后一轮之后，这里会显示比赛结果。"),
    "nr.m.epochs": ("Epochs until |a − y| < {thr}", "达到 |a − y| < {thr} 所需轮数"),
    "nr.m.end": ("Output after {n} epochs", "{n} 轮后的输出"),
    "nr.reached": ("{n}", "{n}"),
    "nr.never": ("not within {epochs}", "{epochs} 轮内未达到"),
    "nr.race.both.ce": (
        "Cross-entropy reaches the goal |a − y| < {thr} first, at epoch {ce}; the quadratic "
        "cost needs {q} epochs.",
        "交叉熵先达标（|a − y| < {thr}），在第 {ce} 轮；二次代价需要 {q} 轮。"),
    "nr.race.both.q": (
        "The quadratic cost reaches the goal |a − y| < {thr} first, at epoch {q}; cross-entropy "
        "needs {ce} epochs.",
        "二次代价先达标（|a − y| < {thr}），在第 {q} 轮；交叉熵需要 {ce} 轮。"),
    "nr.race.tie": ("Both costs reach the goal |a − y| < {thr} at epoch {q}.",
                    "两种代价都在第 {q} 轮达标（|a − y| < {thr}）。"),
    "nr.race.only.ce": (
        "Only cross-entropy reaches the goal |a − y| < {thr} within {epochs} epochs (at epoch "
        "{ce}); the quadratic cost ends at a = {aq}.",
        "只有交叉熵在 {epochs} 轮内达标（|a − y| < {thr}，第 {ce} 轮）；二次代价最后停在 "
        "a = {aq}。"),
    "nr.race.only.q": (
        "Only the quadratic cost reaches the goal |a − y| < {thr} within {epochs} epochs (at "
        "epoch {q}); cross-entropy ends at a = {ace}.",
        "只有二次代价在 {epochs} 轮内达标（|a − y| < {thr}，第 {q} 轮）；交叉熵最后停在 "
        "a = {ace}。"),
    "nr.race.neither.q": (
        "Neither cost reaches the goal |a − y| < {thr} within {epochs} epochs; the quadratic "
        "cost ends closer to the target (a = {aq} against {ace}).",
        "两种代价在 {epochs} 轮内都没有达标（|a − y| < {thr}）；二次代价最后离目标值更近"
        "（a = {aq}，交叉熵为 {ace}）。"),
    "nr.race.neither.ce": (
        "Neither cost reaches the goal |a − y| < {thr} within {epochs} epochs; cross-entropy "
        "ends closer to the target (a = {ace} against {aq}).",
        "两种代价在 {epochs} 轮内都没有达标（|a − y| < {thr}）；交叉熵最后离目标值更近"
        "（a = {ace}，二次代价为 {aq}）。"),
    "nr.race.neither.same": (
        "Neither cost reaches the goal |a − y| < {thr} within {epochs} epochs; both end at "
        "a = {aq}.",
        "两种代价在 {epochs} 轮内都没有达标（|a − y| < {thr}）；两者最后都停在 a = {aq}。"),
    "nr.race.book.reached": ("The book demo's rule reaches it at epoch {n} (it ends at a = {a}).",
                             "书中演示的规则在第 {n} 轮达标（最后停在 a = {a}）。"),
    "nr.race.book.never": (
        "The book demo's rule does not reach it within {epochs} epochs (it ends at a = {a}).",
        "书中演示的规则在 {epochs} 轮内没有达标（最后停在 a = {a}）。"),
    "nr.rates.equal": ("Both costs run at η = {eta}.", "两种代价都用 η = {eta}。"),
    "nr.rates.differ.smaller": (
        "The two costs run at different learning rates: η = {q} for the quadratic cost, {ce} "
        "for cross-entropy ({ratio} times smaller). This race compares rates as well as costs.",
        "两种代价的学习率不同：二次代价 η = {q}，交叉熵 η = {ce}（为前者的 1/{ratio}）。这场比赛比的"
        "不只是代价，也是学习率。"),
    "nr.rates.differ.larger": (
        "The two costs run at different learning rates: η = {q} for the quadratic cost, {ce} "
        "for cross-entropy ({ratio} times larger). This race compares rates as well as costs.",
        "两种代价的学习率不同：二次代价 η = {q}，交叉熵 η = {ce}（为前者的 {ratio} 倍）。这场比赛比的"
        "不只是代价，也是学习率。"),
    # ---- How the speed changes, worded from the run ----
    "nr.speed.title": ("How the step size changed, in numbers", "步长如何变化（数值）"),
    "nr.speed.start.ce": (
        "At the start (|a − y| = {err}) cross-entropy's update |Δb| = η |∂C/∂b| is {ce}, "
        "{ratio} times the quadratic cost's {q}.",
        "开始时（|a − y| = {err}），交叉熵的更新量 |Δb| = η |∂C/∂b| 为 {ce}，是二次代价（{q}）的 "
        "{ratio} 倍。"),
    "nr.speed.start.q": (
        "At the start (|a − y| = {err}) the quadratic cost's update |Δb| = η |∂C/∂b| is {q}, "
        "{ratio} times cross-entropy's {ce}.",
        "开始时（|a − y| = {err}），二次代价的更新量 |Δb| = η |∂C/∂b| 为 {q}，是交叉熵（{ce}）的 "
        "{ratio} 倍。"),
    "nr.speed.start.same": (
        "At the start (|a − y| = {err}) both updates |Δb| = η |∂C/∂b| are {q}.",
        "开始时（|a − y| = {err}），两者的更新量 |Δb| = η |∂C/∂b| 都是 {q}。"),
    "nr.speed.q.up": (
        "The quadratic cost then sped up as the error shrank: its largest update, {peak} at "
        "epoch {k} (|a − y| = {err}), is {ratio} times its first.",
        "随后二次代价随着误差减小反而加速：它最大的一次更新是第 {k} 轮的 {peak}（|a − y| = "
        "{err}），是第一次的 {ratio} 倍。"),
    "nr.speed.q.down": (
        "The quadratic cost's first update was its largest; its updates fell to {last} by "
        "epoch {n}.",
        "二次代价的第一次更新就是最大的一次；到第 {n} 轮降到 {last}。"),
    "nr.speed.q.flat": (
        "The quadratic cost's largest later update, {peak} at epoch {k}, stayed close to its "
        "first ({ratio} times).",
        "二次代价之后最大的一次更新是第 {k} 轮的 {peak}，与第一次相近（{ratio} 倍）。"),
    "nr.speed.q.still": ("The quadratic cost's updates are all 0: it does not move.",
                         "二次代价的每次更新都是 0：它完全不动。"),
    "nr.speed.ce.up": (
        "Cross-entropy's updates grew instead: its largest, {peak} at epoch {k} "
        "(|a − y| = {err}), is {ratio} times its first.",
        "交叉熵的更新反而变大：最大的一次是第 {k} 轮的 {peak}（|a − y| = {err}），是第一次的 "
        "{ratio} 倍。"),
    "nr.speed.ce.down": (
        "Cross-entropy's first update was its largest; its updates, η |a − y|, shrank with the "
        "error to {last} by epoch {n}: fastest when most wrong.",
        "交叉熵的第一次更新就是最大的一次；它的更新量 η |a − y| 随误差一起减小，到第 {n} 轮为 "
        "{last}：错得越多，学得越快。"),
    "nr.speed.ce.flat": (
        "Cross-entropy's largest later update, {peak} at epoch {k}, stayed close to its first "
        "({ratio} times).",
        "交叉熵之后最大的一次更新是第 {k} 轮的 {peak}，与第一次相近（{ratio} 倍）。"),
    "nr.speed.ce.still": ("Cross-entropy's updates are all 0: it does not move.",
                          "交叉熵的每次更新都是 0：它完全不动。"),
    "nr.speed.lesson": (
        "**How the speed changes.** The quadratic cost's largest step, {ratio} times its first, "
        "came at epoch {k}, when |a − y| was down to {err} from {err0}: it learns slowest exactly "
        "when the neuron is most wrong (the learning slowdown). Cross-entropy's first step was "
        "its largest: fastest when most wrong.",
        "**速度如何变化。** 二次代价最大的一步是第一步的 {ratio} 倍，出现在第 {k} 轮，此时 |a − y| "
        "已从 {err0} 降到 {err}：它恰恰在神经元错得最厉害时学得最慢（学习缓慢）。交叉熵的第一步就是"
        "最大的一步：错得越多，学得越快。"),
    "nr.speed.no_slowdown": (
        "**How the speed changes.** The quadratic cost shows no slowdown in this run: its "
        "updates never grew much beyond the first (σ′(z) = {sp} at the start).",
        "**速度如何变化。** 这次运行中二次代价没有出现学习缓慢：它之后的更新从未明显超过第一次"
        "（开始时 σ′(z) = {sp}）。"),
    "nr.speed.other": (
        "**How the speed changes:** see the numbers below.",
        "**速度如何变化**：见下面的数值。"),
    # ---- Initialisation map ----
    "nr.map": ("Every starting point at once", "一次看遍所有起点"),
    "nr.map.intro": (
        "Each cell is a start (w₀, b₀) trained as above, coloured by the epochs it needs to "
        "reach |a − y| < {thr}; grey: not within {epochs}. Click a cell to train from there.",
        "每个格子是一个起点 (w₀, b₀)，按上面的设置训练，颜色表示达到 |a − y| < {thr} 所需的轮数；"
        "灰色：{epochs} 轮内未达到。点击格子即可从那里开始训练。"),
    "nr.map.epochs": ("Epochs until |a − y| < {thr}", "达到 |a − y| < {thr} 的轮数"),
    "nr.map.start": ("Your start", "你的起点"),
    "nr.map.all": (
        "**{run}** (η = {eta}): every start reaches the goal within {epochs} epochs (median "
        "{median} epochs).",
        "**{run}**（η = {eta}）：每个起点都在 {epochs} 轮内达标（中位数 {median} 轮）。"),
    "nr.map.none": ("**{run}** (η = {eta}): no start reaches the goal within {epochs} epochs.",
                    "**{run}**（η = {eta}）：没有一个起点在 {epochs} 轮内达标。"),
    "nr.map.some": (
        "**{run}** (η = {eta}): {share} of starts reach the goal (median {median} epochs); "
        "every start that misses it begins with |a − y| ≥ {err} and σ′(z) ≤ {sp}.",
        "**{run}**（η = {eta}）：{share} 的起点能达标（中位数 {median} 轮）；没达标的起点一开始都"
        "满足 |a − y| ≥ {err} 且 σ′(z) ≤ {sp}。"),
    "nr.map.saturated": ("Those are the saturated starts, where the neuron is confidently wrong.",
                         "这些正是饱和的起点：神经元一开始就自信地犯错。"),
    "nr.map.more": ("{run} reaches the goal from more starts.", "{run}能从更多起点达标。"),
    "nr.map.outside": ("Your start lies outside the mapped square [−4, 4]², so it is not circled.",
                       "你的起点在绘制范围 [−4, 4]² 之外，因此没有圈出。"),
    # ---- Why ----
    "nr.why": ("Why, in one line", "一行公式说明原因"),
    "nr.why.text": (
        "The only difference is the factor σ′(z) = a(1 − a): at most 1/4, almost 0 when a is "
        "near 0 or 1. At this run's start a = {a} and σ′(z) = {sp}: the quadratic cost's "
        "gradient is the error a − y shrunk to {pct} of it; cross-entropy's is the error itself.",
        "唯一的区别是因子 σ′(z) = a(1 − a)：最大只有 1/4，a 接近 0 或 1 时几乎为 0。这次运行开始时 "
        "a = {a}，σ′(z) = {sp}：二次代价的梯度是误差 a − y 缩小到 {pct}；交叉熵的梯度就是误差本身。"),
    "nr.why.mse": (
        "The quadratic cost ½(a − y)² is one output's mean squared error (MSE) up to the factor "
        "½, which only rescales η.",
        "二次代价 ½(a − y)² 是单个输出的均方误差（MSE）乘以 ½，这个因子只相当于改变 η。"),
    "nr.teach.title": ("Step by step: where σ′(z) = σ(z)(1 − σ(z)) and both gradients come from",
                       "逐步推导：σ′(z) = σ(z)(1 − σ(z)) 以及两个梯度从何而来"),
    "nr.teach.s1": ("**1.** Write the sigmoid as a power, so the chain rule applies:",
                    "**1.** 把 sigmoid 写成幂的形式，以便使用链式法则："),
    "nr.teach.s2": ("**2.** Differentiate (the inner derivative of 1 + e⁻ᶻ is −e⁻ᶻ):",
                    "**2.** 求导（1 + e⁻ᶻ 的内层导数是 −e⁻ᶻ）："),
    "nr.teach.s3": ("**3.** Split the fraction into two factors:",
                    "**3.** 把分式拆成两个因子："),
    "nr.teach.s4": (
        "**4.** The second factor is 1 − σ(z), because 1 − 1/(1 + e⁻ᶻ) = e⁻ᶻ/(1 + e⁻ᶻ). "
        "So σ′(z) = σ(z)(1 − σ(z)) = a(1 − a): at most 1/4 (at z = 0, a = 1/2) and near 0 when "
        "a is near 0 or 1.",
        "**4.** 第二个因子就是 1 − σ(z)，因为 1 − 1/(1 + e⁻ᶻ) = e⁻ᶻ/(1 + e⁻ᶻ)。所以 "
        "σ′(z) = σ(z)(1 − σ(z)) = a(1 − a)：最大为 1/4（z = 0、a = 1/2 时），a 接近 0 或 1 时"
        "接近 0。"),
    "nr.teach.s5": (
        "**5.** The chain rule through z = w x + b (∂z/∂b = 1, ∂z/∂w = x). The quadratic cost "
        "keeps the factor σ′(z):",
        "**5.** 沿 z = w x + b 使用链式法则（∂z/∂b = 1，∂z/∂w = x）。二次代价保留了因子 σ′(z)："),
    "nr.teach.s6": (
        "**6.** Cross-entropy's ∂C/∂a has a(1 − a) in its denominator, which cancels σ′(z):",
        "**6.** 交叉熵的 ∂C/∂a 分母里正好有 a(1 − a)，与 σ′(z) 相消："),
    # ---- What cross-entropy does not fix ----
    "nr.limits.takeaway": (
        "Cross-entropy removes σ′(z) at the output layer only: in hidden layers the gradient can "
        "still vanish.",
        "交叉熵只在输出层消掉 σ′(z)：在隐藏层，梯度仍可能消失。"),
    "nr.limits.title": (
        "What cross-entropy does not fix: vanishing gradients in hidden layers, good starts, "
        "saturation",
        "交叉熵解决不了的事：隐藏层的梯度消失、好的起点、饱和"),
    "nr.limits": (
        "- **Vanishing gradients.** It removes σ′(z) only at the output layer. Backpropagation "
        "multiplies each hidden layer's error by that layer's own σ′(z), at most 1/4 for a "
        "sigmoid, so in a deep sigmoid network the gradients of the early layers can still "
        "shrink towards 0: the vanishing gradient problem. The claim that cross-entropy "
        "“solves the vanishing gradient” holds for the output layer's factor only.\n"
        "- {good_start}\n"
        "- It does not stop neurons from saturating; it only stops saturation from slowing down "
        "the output's learning.",
        "- **梯度消失。** 它只在输出层消掉 σ′(z)。反向传播会把每个隐藏层的误差乘上该层自己的 "
        "σ′(z)（sigmoid 的 σ′ 最大为 1/4），所以在深层 sigmoid 网络中，靠前各层的梯度仍可能缩小到"
        "接近 0：这就是梯度消失问题。“交叉熵解决了梯度消失”的说法只对输出层的那个因子成立。\n"
        "- {good_start}\n"
        "- 它不能阻止神经元饱和，只是让饱和不再拖慢输出层的学习。"),
    "nr.limits.good_start": (
        "It matters most when the output starts badly wrong, and from a good start the two costs "
        "behave alike only when each rate is tuned: from the normal start (0.6, 0.9) at equal "
        "rates (η = 0.15) cross-entropy reaches |a − y| < {thr} in {ce} epochs against the "
        "quadratic cost's {q}; at the fair-race rate η = {fair} it needs {ce_fair}, against {q}.",
        "它主要在输出一开始错得离谱时起作用；起点不错时，只有各自调好学习率，两种代价才表现相近："
        "从普通起点 (0.6, 0.9) 出发、学习率相同（η = 0.15）时，交叉熵 {ce} 轮就达到 |a − y| < "
        "{thr}，二次代价要 {q} 轮；用公平比赛的 η = {fair} 时，交叉熵需要 {ce_fair} 轮，二次代价仍是 "
        "{q} 轮。"),
    # ---- For teachers ----
    "nr.teachers.title": ("For teachers", "教师参考"),
    "nr.teachers": (
        "**The misconception.** “A bigger error always means a bigger gradient”, and its "
        "sequel, “cross-entropy solves the vanishing gradient”. With the quadratic cost a "
        "confidently wrong sigmoid neuron gets a tiny gradient, because σ′(z) multiplies the "
        "error; cross-entropy removes that factor at the output layer only.\n\n"
        "**Pause on** the race's checkpoint: let everyone commit a prediction before anyone "
        "presses Play, then ask why the quadratic cost's output stays near 1 for so long.\n\n"
        "**Ask next.** From the normal start (0.6, 0.9), does the choice of cost still matter? "
        "With the fair-race rates? Which starts on the map does the quadratic cost never "
        "finish from, and what do they have in common? Would a hidden layer's σ′(z) cancel too?"
        "\n\n**Source.** The experiment, its two starts and its rates follow Michael Nielsen, "
        "*Neural Networks and Deep Learning*, chapter 3, "
        "[“The cross-entropy cost function”](http://neuralnetworksanddeeplearning.com/chap3.html).",
        "**针对的误解。** “误差越大，梯度一定越大”，以及由此而来的“交叉熵解决了梯度消失”。使用二次"
        "代价时，自信地犯错的 sigmoid 神经元得到的梯度很小，因为误差要乘上 σ′(z)；交叉熵只在输出层"
        "消掉这个因子。\n\n"
        "**在此停顿**：比赛的检查点。先让每个人都提交预测，再按“播放”，然后问：为什么二次代价的"
        "输出那么久都停在 1 附近？\n\n"
        "**接着问**：从普通起点 (0.6, 0.9) 出发，选哪种代价还重要吗？用公平比赛的学习率呢？在起点图"
        "上，二次代价从哪些起点永远达不了标？它们有什么共同点？隐藏层的 σ′(z) 也会被消掉吗？\n\n"
        "**出处**：实验、两个起点和学习率都取自 Michael Nielsen《神经网络与深度学习》第 3 章"
        "[“交叉熵代价函数”](http://neuralnetworksanddeeplearning.com/chap3.html)。"),
}

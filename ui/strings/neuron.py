"""Strings of the learning-slowdown (neuron) page."""

STRINGS = {
    "nr.intro": (
        "A single sigmoid neuron gets the input x and should output y. Nielsen's classic "
        "experiment uses x = 1 and y = 0 and trains it twice by gradient descent: once with the "
        "quadratic cost, once with cross-entropy. Start it badly wrong (output near 1) and watch "
        "which cost learns.",
        "一个 sigmoid 神经元接收输入 x，目标是输出 y。Nielsen 的经典实验取 x = 1、y = 0，用梯度"
        "下降训练两次：一次用二次代价，一次用交叉熵。让它从错得离谱的地方开始（输出接近 1），"
        "看看哪种代价学得动。"),
    "nr.presets": ("Starting points", "起始设置"),
    "nr.preset.normal": ("Normal start (0.6, 0.9)", "普通起点 (0.6, 0.9)"),
    "nr.preset.normal.help": ("w₀ = 0.6, b₀ = 0.9: output 0.82 at the start.",
                              "w₀ = 0.6，b₀ = 0.9：初始输出 0.82。"),
    "nr.preset.wrong": ("Badly wrong start (2, 2)", "错得离谱的起点 (2, 2)"),
    "nr.preset.wrong.help": ("w₀ = 2, b₀ = 2: output 0.98, deep in the saturated region.",
                             "w₀ = 2，b₀ = 2：初始输出 0.98，处在深度饱和区。"),
    "nr.preset.book": ("Book settings (η 0.15 / 0.005)", "书中设置（η 0.15 / 0.005）"),
    "nr.preset.book.help": (
        "The learning rates the book used: 0.15 for the quadratic cost, 0.005 for "
        "cross-entropy.",
        "书中使用的学习率：二次代价 0.15，交叉熵 0.005。"),
    "nr.w0": ("Starting weight w₀", "初始权重 w₀"),
    "nr.b0": ("Starting bias b₀", "初始偏置 b₀"),
    "nr.x": ("Input x", "输入 x"),
    "nr.y": ("Target y", "目标 y"),
    "nr.y.help": ("Between 0 and 1: the output the neuron should learn to give.",
                  "介于 0 和 1 之间：神经元应当学会给出的输出。"),
    "nr.eta.quadratic": ("η, quadratic cost", "η（二次代价）"),
    "nr.eta.cross_entropy": ("η, cross-entropy", "η（交叉熵）"),
    "nr.epochs": ("Epochs", "训练轮数"),
    "nr.threshold": ("Goal: |a − y| below", "目标：|a − y| 小于"),
    "nr.threshold.help": ("Training counts as done once the output is this close to the target.",
                          "输出与目标的差小于这个值时，视为训练完成。"),
    "nr.eta.note": (
        "Learning rates are not comparable across costs: the quadratic gradient carries the "
        "extra factor σ′(z) = a(1 − a), whose average over a in [0, 1] is 1/6. The book therefore "
        "ran its cross-entropy demos at η = 0.005 and suggests a cross-entropy rate about 6 "
        "times smaller than the quadratic one for a fair race. Each cost has its own η here.",
        "不同代价的学习率不能直接比较：二次代价的梯度多了一个因子 σ′(z) = a(1 − a)，它在 a ∈ "
        "[0, 1] 上的平均值是 1/6。所以书中用 η = 0.005 演示交叉熵，并建议交叉熵的学习率取二次代价"
        "的大约六分之一，才算公平比较。这里两种代价各有自己的 η。"),
    "nr.book": ("Also show the book demo's rule", "同时显示书中演示的更新规则"),
    "nr.book.help": (
        "The book's interactive cross-entropy demos stepped with ∂C/∂a = 1/(1 − a) (for y = 0) "
        "instead of the correct ∂C/∂z = a − y. Ticking this adds that rule as a third curve, "
        "using the cross-entropy η. At η = 0.005 it ends near 0.040 from (0.6, 0.9) and 0.048 "
        "from (2, 2), which is why those demos looked faster than true cross-entropy at that "
        "rate.",
        "书中交互式的交叉熵演示实际按 ∂C/∂a = 1/(1 − a)（y = 0 时）更新，而不是正确的 ∂C/∂z = "
        "a − y。勾选后会把这条规则作为第三条曲线，使用交叉熵的 η。在 η = 0.005 时，它从 (0.6, 0.9) "
        "出发最终约为 0.040，从 (2, 2) 出发约为 0.048，这也是那些演示看上去比同学习率下真正的交叉熵"
        "更快的原因。"),
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
        "当目标严格介于 0 和 1 之间时，交叉熵永远到不了 0：它的最小值是目标的熵，在 a = y 时取得。"),
    "nr.note.already": (
        "The neuron starts at a = {a}, already within {thr} of the target: both costs need 0 "
        "epochs. Try a start further away.",
        "神经元的初始输出 a = {a}，已经在目标的 {thr} 以内：两种代价都只需 0 轮。换个离目标更远的"
        "起点试试。"),
    "nr.run.quadratic": ("Quadratic cost", "二次代价"),
    "nr.run.cross_entropy": ("Cross-entropy", "交叉熵"),
    "nr.run.book_demo": ("Book demo's rule", "书中演示的规则"),
    "nr.outcome": ("Who gets there first", "谁先到达"),
    "nr.m.epochs": ("Epochs until |a − y| < {thr}", "达到 |a − y| < {thr} 所需轮数"),
    "nr.m.start": ("Output at the start", "初始输出"),
    "nr.m.end": ("Output after {n} epochs", "{n} 轮后的输出"),
    "nr.never": ("not within {epochs}", "{epochs} 轮内未达到"),
    "nr.training": ("Training, epoch by epoch", "逐轮训练过程"),
    "nr.training.intro": (
        "Press play or drag the slider. The cards show each neuron at that epoch and the bias "
        "gradient with the current numbers substituted; the dashed line marks the epoch on every chart.",
        "点击播放或拖动滑块。卡片显示每个神经元在该轮的状态，以及代入当前数值的偏置梯度；每张图上"
        "的虚线标出该轮。"),
    "nr.play": ("Play", "播放"),
    "nr.pause": ("Pause", "暂停"),
    "nr.scrub": ("Epoch", "轮次"),
    "nr.epoch": ("Epoch", "轮次"),
    "nr.cost": ("Cost", "代价"),
    "nr.state": ("**{run}**, epoch {epoch}", "**{run}**，第 {epoch} 轮"),
    "nr.state.values": ("w = {w}, b = {b}, z = {z}  \na = {a}, C = {c}, σ′(z) = {sp}",
                        "w = {w}，b = {b}，z = {z}  \na = {a}，C = {c}，σ′(z) = {sp}"),
    "nr.book.step": ("book step", "书中步长"),
    "nr.q.a": ("Output a", "输出 a"),
    "nr.q.cost": ("Cost C", "代价 C"),
    "nr.q.w": ("Weight w", "权重 w"),
    "nr.q.b": ("Bias b", "偏置 b"),
    "nr.q.grad": ("Size of the bias gradient |∂C/∂b| (log scale)",
                  "偏置梯度大小 |∂C/∂b|（对数刻度）"),
    "nr.q.sigma_prime": ("σ′(z), the factor that slows the quadratic cost (log scale)",
                         "σ′(z)：让二次代价变慢的因子（对数刻度）"),
    "nr.training.caption": (
        "From the badly wrong start, σ′(z) is about 0.018: the quadratic cost's gradient is "
        "scaled down by that much exactly when the neuron is most wrong, so it crawls for over "
        "a hundred epochs. Cross-entropy's gradient is the error a − y itself.",
        "从错得离谱的起点出发，σ′(z) 约为 0.018：恰恰在神经元错得最厉害的时候，二次代价的梯度被"
        "缩小了这么多，于是它要爬行一百多轮。交叉熵的梯度就是误差 a − y 本身。"),
    "nr.map": ("Where you start matters (for one cost)", "起点很重要（对其中一种代价而言）"),
    "nr.map.intro": (
        "Each cell is a different starting (w₀, b₀), trained with the settings above: its colour "
        "is the number of epochs until the output is within {thr} of the target; grey cells do "
        "not get there within {epochs} epochs. For the quadratic cost the saturated corners, "
        "where the neuron starts confidently wrong, stay slow or grey; cross-entropy clears "
        "them.",
        "每个格子代表一个不同的起点 (w₀, b₀)，按上面的设置训练：颜色表示输出进入目标 {thr} 以内所需"
        "的轮数；灰色格子在 {epochs} 轮内没有达到。对二次代价而言，饱和的角落（神经元一开始就自信地"
        "犯错）要么很慢，要么是灰色；交叉熵则能把它们都清掉。"),
    "nr.map.epochs": ("Epochs until |a − y| < {thr}", "达到 |a − y| < {thr} 的轮数"),
    "nr.map.start": ("Your start", "你的起点"),
    "nr.map.share": ("{share} of starts reach the goal (η = {eta}).",
                     "{share} 的起点能达到目标（η = {eta}）。"),
    "nr.map.outside": ("Your start lies outside the mapped square [−4, 4]², so it is not circled.",
                       "你的起点在绘制范围 [−4, 4]² 之外，因此没有圈出。"),
    "nr.why": ("Why, in one line", "一行公式说明原因"),
    "nr.why.text": (
        "The only difference is the factor σ′(z) = a(1 − a). It is at most 1/4 and almost 0 when "
        "a is near 0 or 1, so a saturated neuron learns slowly under the quadratic cost exactly "
        "when it is badly wrong. With cross-entropy that factor cancels, and the bigger the "
        "error, the faster it learns.",
        "唯一的区别是因子 σ′(z) = a(1 − a)。它最大只有 1/4，当 a 接近 0 或 1 时几乎为 0，所以在"
        "二次代价下，饱和的神经元恰恰在错得离谱时学得最慢。用交叉熵时这个因子被消掉了，误差越大，"
        "学得越快。"),
    "nr.limits": (
        "What cross-entropy does not do:\n\n"
        "- It removes σ′(z) only at the output layer; hidden layers of a deeper network still "
        "multiply by their own σ′(z).\n"
        "- It matters mainly when the output starts badly wrong; from a good start both costs "
        "behave similarly.\n"
        "- It does not stop neurons from saturating; it only stops saturation from slowing down "
        "the output's learning.",
        "交叉熵做不到的事：\n\n"
        "- 它只在输出层消掉 σ′(z)；更深网络的隐藏层仍然要乘上各自的 σ′(z)。\n"
        "- 它主要在输出一开始错得离谱时才起作用；起点不错时两种代价表现相近。\n"
        "- 它不能阻止神经元饱和，只是让饱和不再拖慢输出层的学习。"),
}

"""Strings of the cross-entropy-as-a-loss page."""

STRINGS = {
    "ls.intro": (
        "A classifier outputs probabilities; the label says what was true. The loss scores the "
        "prediction against the label, and its gradient decides how the model changes. This "
        "page shows why that score is cross-entropy. Losses are in nats (natural log), as in "
        "every training library; cross-entropy values also appear in your chosen unit.",
        "分类器输出概率，标签给出真实情况。损失函数拿标签给预测打分，它的梯度决定模型如何调整。本页"
        "说明为什么这个分数是交叉熵。损失以奈特（自然对数）为单位，与所有训练库一致；交叉熵的数值"
        "同时给出你选择的单位。"),

    "ls.bin": ("One sigmoid output: two costs", "一个 sigmoid 输出：两种代价"),
    "ls.bin.intro": (
        "The output a = σ(z) is the predicted probability that the label is 1. Move the "
        "prediction and compare the costs and, more importantly, their gradients with respect "
        "to z, which is what learning uses. The shaded band is the confidently wrong end.",
        "输出 a = σ(z) 是预测标签为 1 的概率。移动预测值，比较两种代价，更重要的是比较它们对 z 的"
        "梯度，因为学习用的正是梯度。阴影带是“自信地犯错”的一端。"),
    "ls.bin.a": ("Prediction a", "预测值 a"),
    "ls.bin.target": ("True label y = {y}", "真实标签 y = {y}"),
    "ls.bin.ce": ("cross-entropy", "交叉熵"),
    "ls.bin.quad": ("quadratic", "二次代价"),
    "ls.bin.grad_ce": ("∂C/∂z, cross-entropy", "∂C/∂z（交叉熵）"),
    "ls.bin.grad_ce.help": ("a − y: proportional to the error.", "a − y：与误差成正比。"),
    "ls.bin.grad_quad": ("∂C/∂z, quadratic", "∂C/∂z（二次代价）"),
    "ls.bin.grad_quad.help": ("(a − y)·σ′(z) = (a − y)·a(1 − a): squashed near 0 and 1.",
                              "(a − y)·σ′(z) = (a − y)·a(1 − a)：在 0 和 1 附近被压扁。"),
    "ls.bin.costs_now": ("Cost here: cross-entropy {ce}; quadratic {quad}.",
                         "此处的代价：交叉熵 {ce}；二次代价 {quad}。"),
    "ls.bin.axis_a": ("Prediction a", "预测值 a"),
    "ls.bin.axis_cost": ("Cost C", "代价 C"),
    "ls.bin.axis_grad": ("Gradient ∂C/∂z", "梯度 ∂C/∂z"),
    "ls.bin.wrong": ("confidently wrong", "自信地犯错"),
    "ls.bin.takeaway": (
        "In the shaded band the prediction is badly wrong. Cross-entropy's gradient is largest "
        "there, close to ±1. The quadratic gradient falls back toward 0 because of the factor "
        "a(1 − a): a neuron that is confidently wrong barely learns.",
        "在阴影带里预测错得离谱。交叉熵的梯度在这里最大，接近 ±1；二次代价的梯度却因为因子 "
        "a(1 − a) 又回落到接近 0：自信地犯错的神经元几乎学不动。"),

    "ls.sm": ("Several classes: softmax and categorical cross-entropy",
              "多个类别：softmax 与分类交叉熵"),
    "ls.sm.intro": (
        "With one true class among several, the network outputs logits z, softmax turns them "
        "into probabilities, and the loss is −ln of the probability given to the true class. "
        "Its gradient is as simple as it gets: prediction minus label.",
        "在多个类别中只有一个是真实类别时，网络输出 logits z，softmax 把它们变成概率，损失就是真实"
        "类别所得概率的 −ln。它的梯度简单到极致：预测减去标签。"),
    "ls.sm.logit": ("Logit z for {c}", "{c} 的 logit z"),
    "ls.sm.true": ("True class", "真实类别"),
    "ls.sm.reset": ("Reset logits", "重置 logits"),
    "ls.sm.loss": ("Loss −ln a(true class)", "损失 −ln a（真实类别）"),
    "ls.sm.p_true": ("Probability given to {c}", "给 {c} 的概率"),
    "ls.sm.class": ("Class", "类别"),
    "ls.sm.a": ("softmax output a", "softmax 输出 a"),
    "ls.sm.y": ("label y", "标签 y"),
    "ls.sm.grad": ("gradient a − y", "梯度 a − y"),
    "ls.sm.caption": (
        "The gradient pushes the true class's logit up by 1 − a and every other logit down by "
        "its own probability; the pushes add up to zero.",
        "梯度把真实类别的 logit 往上推 1 − a，把其余每个 logit 按各自的概率往下推；这些推力之和"
        "为零。"),
    "ls.sm.example": (
        "**Worked example.** Label (0, 1, 0), prediction (0.2, 0.7, 0.1): only the true class "
        "counts, so the loss is −ln 0.7.",
        "**算例。** 标签 (0, 1, 0)，预测 (0.2, 0.7, 0.1)：只有真实类别起作用，所以损失是 −ln 0.7。"),

    "ls.ml": ("Several labels at once: a sigmoid per class", "同时有多个标签：每类一个 sigmoid"),
    "ls.ml.intro": (
        "A photo of a dish can show rice and pumpkin at the same time. Each class then gets its "
        "own sigmoid and its own binary cross-entropy, and the loss is their sum. Edit the "
        "table: tick the labels that are true and type each predicted probability.",
        "一张菜肴照片可以同时有米饭和南瓜。这时每个类别各有一个 sigmoid 和一个二元交叉熵，损失是它们"
        "的和。编辑表格：勾选为真的标签，并填入每个预测概率。"),
    "ls.ml.class": ("Class", "类别"),
    "ls.ml.y": ("Label y (true?)", "标签 y（是否为真）"),
    "ls.ml.a": ("Predicted a", "预测值 a"),
    "ls.ml.term": ("−[y ln a + (1−y) ln(1−a)] (nats)", "−[y ln a + (1−y) ln(1−a)]（奈特）"),
    "ls.ml.editor": ("Double-click a cell to edit; add or delete rows for more or fewer classes.",
                     "双击单元格编辑；增删行可以增减类别。"),
    "ls.ml.total": ("Loss: sum over classes", "损失：各类之和"),
    "ls.ml.sum_a": ("Sum of the predictions", "预测值之和"),
    "ls.ml.sum_a.help": ("Not a distribution: each sigmoid answers its own yes/no question.",
                         "这不是一个分布：每个 sigmoid 回答的是各自的是/否问题。"),
    "ls.ml.note": (
        "The predictions need not sum to 1: each class is a separate yes/no question, so a "
        "dish can be 80% likely rice and 90% likely pumpkin at once.",
        "预测值之和不必为 1：每个类别是一个独立的是/否问题，所以一道菜可以同时有 80% 可能是米饭、"
        "90% 可能是南瓜。"),
    "ls.ml.above_one": (
        "a for “{label}” (row {row}) is {value}; a predicted probability is at most 1.",
        "“{label}”（第 {row} 行）的 a 是 {value}；预测概率最大为 1。"),

    "ls.ml2": ("Where it comes from: maximum likelihood", "它从哪里来：最大似然"),
    "ls.ml2.intro": (
        "Toss a coin and count heads and tails. The likelihood of a heads-probability θ is "
        "θ^h (1 − θ)^t. Maximising it is the same as minimising the mean negative "
        "log-likelihood, and that is exactly the cross-entropy between the observed "
        "frequencies and the model (θ, 1 − θ).",
        "抛硬币并数出正面和反面的次数。正面概率 θ 的似然是 θ^h (1 − θ)^t。最大化似然等价于最小化"
        "平均负对数似然，而它恰好就是观测频率与模型 (θ, 1 − θ) 之间的交叉熵。"),
    "ls.ml2.heads": ("Heads h", "正面次数 h"),
    "ls.ml2.tails": ("Tails t", "反面次数 t"),
    "ls.ml2.none": ("Toss the coin at least once: heads + tails must be at least 1.",
                    "至少要抛一次：正面与反面次数之和至少为 1。"),
    "ls.ml2.nll_now": ("Mean negative log-likelihood at θ", "θ 处的平均负对数似然"),
    "ls.ml2.ce_now": ("Cross-entropy H((h/n, t/n), (θ, 1−θ))", "交叉熵 H((h/n, t/n), (θ, 1−θ))"),
    "ls.ml2.best": ("Best θ = {h}/{n}", "最优 θ = {h}/{n}"),
    "ls.ml2.best.help": ("The observed frequency of heads maximises the likelihood.",
                         "观测到的正面频率使似然最大。"),
    "ls.ml2.min": (
        "The two curves peak and dip at θ = {theta}, the observed frequency; the lowest mean "
        "negative log-likelihood is the entropy of the observed frequencies, {h}.",
        "两条曲线的峰和谷都在 θ = {theta}，即观测频率处；平均负对数似然的最小值是观测频率的熵，"
        "{h}。"),
    "ls.ml2.lik": ("Likelihood (relative to its peak)", "似然（相对于峰值）"),
    "ls.ml2.nll": ("Mean negative log-likelihood", "平均负对数似然"),
    "ls.ml2.nll_axis": ("Mean NLL (nats)", "平均负对数似然（奈特）"),
    "ls.ml2.lik_axis": ("Relative likelihood", "相对似然"),

    "ls.der": ("Deriving cross-entropy from a wish", "从一个愿望推出交叉熵"),
    "ls.der.intro": (
        "Suppose we did not know cross-entropy and only asked for a cost whose bias gradient is "
        "the error itself, with no σ′(z) factor to slow learning down. The chain rule then "
        "forces the cost, step by step:",
        "假设我们不知道交叉熵，只想要一个偏置梯度就等于误差本身、没有会拖慢学习的 σ′(z) 因子的"
        "代价函数。链式法则会一步步地把这个代价确定下来："),
    "ls.der.want": ("We want the bias gradient to be the error a − y:",
                    "我们希望偏置梯度等于误差 a − y："),
    "ls.der.check": (
        "Numerical check at this a and y: the slope of the derived cost, measured by finite "
        "differences, is {numeric}; the formula (a − y)/(a(1 − a)) gives {formula}. Times "
        "σ′(z) = a(1 − a) that is {db}, the same as a − y = {diff}.",
        "在当前 a 和 y 处做数值检验：用有限差分测得推导出的代价的斜率为 {numeric}；公式 "
        "(a − y)/(a(1 − a)) 给出 {formula}。乘以 σ′(z) = a(1 − a) 得 {db}，与 a − y = {diff} "
        "相同。"),

    "ls.lib": ("What the libraries would return", "常用库会返回什么"),
    "ls.lib.intro": (
        "The same numbers through the eyes of scipy and PyTorch, for the softmax example above "
        "(true class {c}). scipy is called for real. PyTorch is not installed here; its "
        "results are computed with this app's own functions following PyTorch's documented "
        "formulas.",
        "用 scipy 和 PyTorch 的方式看上面 softmax 例子（真实类别 {c}）的同一组数字。scipy 是真实"
        "调用的。这里没有安装 PyTorch；它的结果由本应用自己的函数按照 PyTorch 文档中的公式计算。"),
    "ls.lib.call": ("Call", "调用"),
    "ls.lib.returns": ("Returns (nats)", "返回值（奈特）"),
    "ls.lib.means": ("What it means", "含义"),
    "ls.lib.scipy_kl": (
        "KL(y‖a), natural log. With a one-hot label H(y) = 0, so this equals the loss.",
        "KL(y‖a)，自然对数。标签为独热向量时 H(y) = 0，所以它等于损失。"),
    "ls.lib.scipy_renorm": (
        "Silently rescales the input to (¼, ¼, ¼, ¼) and returns ln 4. This app refuses "
        "instead: “P sums to 4, not 1”.",
        "把输入悄悄缩放成 (¼, ¼, ¼, ¼) 并返回 ln 4。本应用则会拒绝：“P 的总和是 4，不是 1”。"),
    "ls.lib.scipy_renorm2": (
        "Both arguments are rescaled first, (.3, .3) becomes (.5, .5), so the divergence is 0.",
        "两个参数都先被缩放，(.3, .3) 变成 (.5, .5)，所以散度是 0。"),
    "ls.lib.torch_ce": (
        "Takes raw logits and the class index; applies log-softmax itself. Equals the loss above.",
        "接收原始 logits 和类别索引，自己做 log-softmax。等于上面的损失。"),
    "ls.lib.torch_bug": (
        "A classic bug: softmax applied twice. The number looks plausible but is wrong, and its "
        "gradients are squashed.",
        "经典错误：softmax 被用了两次。数字看上去合理，其实是错的，梯度也被压扁了。"),
    "ls.lib.torch_kl": (
        "kl_div wants log-probabilities of the model first and the target second, and computes "
        "KL(target‖model). 'batchmean' divides by the batch size (1 here): the true KL.",
        "kl_div 的第一个参数是模型的对数概率，第二个是目标，计算的是 KL(目标‖模型)。'batchmean' "
        "除以批大小（这里为 1）：得到真正的 KL。"),
    "ls.lib.torch_kl_mean": (
        "'mean' averages over every element, classes included, so it is the KL divided by the "
        "number of classes: not a KL divergence.",
        "'mean' 对所有元素（包括各个类别）求平均，所以它是 KL 除以类别数：并不是 KL 散度。"),
    "ls.lib.torch_bce": (
        "BCELoss clamps each log at −100, so a certain wrong prediction costs 100 instead of ∞ "
        "(this app returns ∞).",
        "BCELoss 把每个对数截断在 −100，所以一个十足把握的错误预测代价是 100 而不是 ∞（本应用返回 "
        "∞）。"),
    "ls.lib.caption": (
        "y is the one-hot label of the true class, z the logits and a = softmax(z) from the "
        "softmax section; F is torch.nn.functional.",
        "y 是真实类别的独热标签，z 和 a = softmax(z) 来自上面的 softmax 部分；F 即 "
        "torch.nn.functional。"),
}

"""Strings of the cross-entropy-as-a-loss page."""

STRINGS = {
    "ls.intro": (
        "A classifier outputs probabilities; the label says what was true. The loss scores the "
        "prediction against the label, and its gradient decides how the model changes. This "
        "page shows why that score is cross-entropy. Losses are in nats (natural log), as in "
        "the libraries compared at the end; cross-entropy values also appear in your chosen "
        "unit.",
        "分类器输出概率，标签给出真实情况。损失函数拿标签给预测打分，它的梯度决定模型如何调整。本页"
        "说明为什么这个分数是交叉熵。损失以奈特（自然对数）为单位，与页末比较的几个库一致；交叉熵的"
        "数值同时给出你选择的单位。"),

    "ls.glossary": ("Every term on this page in English and Chinese, with its formula: {page}",
                    "本页每个术语的中英文名称及公式：{page}"),

    "ls.lsq": ("First, least squares: the quadratic cost", "先看最小二乘：二次代价"),
    "ls.lsq.intro": (
        "The classic cost measures how far the output a is from the target y and squares it: "
        "the quadratic cost C = ½(a − y)², called the mean squared error when averaged over "
        "examples (the ½ only tidies the derivative). Nielsen asks two things of a cost: it is "
        "never negative, and it is near its minimum when the output is right (0 for targets of "
        "0 or 1).",
        "经典的代价函数度量输出 a 离目标值 y 有多远，再取平方：二次代价 C = ½(a − y)²，对样本取平均"
        "就是均方误差（½ 只是让导数更整洁）。Nielsen 对代价函数提出两个要求：永远不为负；输出正确时"
        "接近其最小值（目标值为 0 或 1 时即为 0）。"),
    "ls.lsq.why": (
        "Why the square and not |a − y|? Both meet the two conditions, but |a − y| has no "
        "derivative at a = y, and its slope stays ±1 however small the error, so the steps do "
        "not shrink near the target; the square's derivative, a − y, shrinks smoothly with the "
        "error. The square is also the regression loss for a deeper "
        "reason: if the target is the output plus Gaussian noise, the negative log-likelihood "
        "is the squared error up to constants, so least squares is maximum likelihood for "
        "Gaussian errors:",
        "为什么用平方而不用 |a − y|？两者都满足这两个条件，但 |a − y| 在 a = y 处不可导，而且无论"
        "误差多小斜率都是 ±1，接近目标值时步长不会变小；平方的导数 a − y 随误差平滑地变小。平方成为回归的损失函数还有更深的原因：如果"
        "目标值等于输出加上高斯噪声，负对数似然除常数外就是平方误差，所以最小二乘就是高斯误差下的"
        "极大似然："),
    "ls.lsq.next": (
        "A class label is not a number plus Gaussian noise, though. The sections below take the "
        "likelihood that fits labels and find cross-entropy.",
        "但类别标签并不是一个数加上高斯噪声。下面几节采用适合标签的似然，得到的是交叉熵。"),

    "ls.bin": ("One sigmoid output: two costs", "一个 sigmoid 输出：两种代价"),
    "ls.bin.intro": (
        "A neuron with input x, weight w and bias b computes z = w x + b and outputs "
        "a = σ(z) = 1/(1 + e⁻ᶻ), the predicted probability that the label y is 1. Move the "
        "prediction and compare the two costs and, more importantly, their gradients with "
        "respect to z, which is what learning uses. The shaded band is the confidently wrong "
        "end.",
        "一个输入为 x、权重为 w、偏置为 b 的神经元先算出 z = w x + b，再输出 a = σ(z) = "
        "1/(1 + e⁻ᶻ)，即预测标签 y 为 1 的概率。移动预测值，比较两种代价，更重要的是比较它们对 z "
        "的梯度，因为学习用的正是梯度。阴影带是“自信地犯错”的一端。"),
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
        "Its gradient is as simple as it gets, prediction minus label, provided the labels add "
        "up to 1 (Σⱼ yⱼ = 1, true of a one-hot label and of any distribution); in general it "
        "is aⱼ Σₖ yₖ − yⱼ.",
        "在多个类别中只有一个是真实类别时，网络输出 logits z，softmax 把它们变成概率，损失就是真实"
        "类别所得概率的 −ln。它的梯度简单到极致：预测减去标签，前提是标签之和为 1（Σⱼ yⱼ = 1，独热"
        "标签和任何分布都满足）；一般情况下梯度是 aⱼ Σₖ yₖ − yⱼ。"),
    "ls.sm.jac": ("Where a − y comes from, step by step", "a − y 从哪里来：逐步推导"),
    "ls.sm.jac.quotient": (
        "Write S = Σᵢ exp(zᵢ), so aₖ = exp(zₖ)/S, and differentiate aₖ by zⱼ with the quotient "
        "rule. There are two cases. When k = j, zⱼ appears on top and in S:",
        "记 S = Σᵢ exp(zᵢ)，于是 aₖ = exp(zₖ)/S，用商的求导法则对 zⱼ 求 aₖ 的导数。分两种情况。"
        "k = j 时，zⱼ 既在分子里也在 S 里："),
    "ls.sm.jac.other": ("When k ≠ j, zⱼ appears only in S:", "k ≠ j 时，zⱼ 只出现在 S 里："),
    "ls.sm.jac.both": ("Both cases in one line, with δₖⱼ = 1 when k = j and 0 otherwise:",
                       "两种情况合成一行，其中 k = j 时 δₖⱼ = 1，否则为 0："),
    "ls.sm.jac.chain": (
        "The loss C = −Σₖ yₖ ln aₖ has ∂C/∂aₖ = −yₖ/aₖ. The chain rule sums over every output, "
        "since each zⱼ moves all of them:",
        "损失 C = −Σₖ yₖ ln aₖ 满足 ∂C/∂aₖ = −yₖ/aₖ。每个 zⱼ 都会牵动所有输出，所以链式法则要对"
        "全部输出求和："),
    "ls.sm.jac.end": (
        "With Σₖ yₖ = 1 the last line is aⱼ − yⱼ. The aₖ in the denominator cancelled against the "
        "aₖ of the Jacobian, just as σ′(z) cancels for one sigmoid output.",
        "当 Σₖ yₖ = 1 时最后一行就是 aⱼ − yⱼ。分母里的 aₖ 与雅可比矩阵里的 aₖ 抵消了，正如单个 "
        "sigmoid 输出时 σ′(z) 被抵消一样。"),
    "ls.sm.logit": ("Logit z for {c}", "{c}的 logit z"),
    "ls.sm.true": ("True class", "真实类别"),
    "ls.sm.reset": ("Reset logits", "重置 logits"),
    "ls.sm.loss": ("Loss −ln a(true class)", "损失 −ln a（真实类别）"),
    "ls.sm.p_true": ("Probability given to {c}", "给 {c}的概率"),
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
    "ls.ml.y": ("Label y", "标签 y"),
    "ls.ml.y.help": ("Ticked: the class is in the photo (y = 1).",
                     "勾选：照片中有这个类别（y = 1）。"),
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
    "ls.ml.table_name": ("The multi-label table", "多标签表格"),
    "ls.ml.a.help": (
        "The predicted probability that the class is in the photo, from 0 to 1 (0.8, 4/5 and "
        "80% all work).",
        "预测这个类别出现在照片中的概率，介于 0 和 1 之间（0.8、4/5 和 80% 都可以）。"),
    "ls.ml.download": ("Download the table (CSV)", "下载表格（CSV）"),
    "ls.ml.download_results": ("Download the results (CSV)", "下载结果（CSV）"),

    "ls.ml2": ("Where it comes from: maximum likelihood", "它从哪里来：极大似然"),
    "ls.ml2.intro": (
        "Toss a coin n times and count h heads and t tails. The likelihood of a "
        "heads-probability θ is θʰ(1 − θ)ᵗ. Maximising it is the same as minimising the mean "
        "negative log-likelihood, and that is exactly the cross-entropy between the observed "
        "frequencies and the model (θ, 1 − θ).",
        "抛硬币 n 次，数出 h 次正面和 t 次反面。正面概率 θ 的似然是 θʰ(1 − θ)ᵗ。最大化似然等价于"
        "最小化平均负对数似然，而它恰好就是观测频率与模型 (θ, 1 − θ) 之间的交叉熵。"),
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
    "ls.clf": ("From a coin to a classifier", "从硬币到分类器"),
    "ls.clf.bernoulli": (
        "A classifier tosses one coin per example. Example i has label yᵢ, 0 or 1, and the "
        "model gives it probability aᵢ = σ(zᵢ) of label 1. The probability of the label that "
        "was observed is aᵢ when yᵢ = 1 and 1 − aᵢ when yᵢ = 0; the exponents below pick the "
        "right one. The likelihood of m labelled examples is their product, and its mean "
        "negative log is the mean of the examples' binary cross-entropies:",
        "分类器给每个样本抛一枚硬币。样本 i 的标签 yᵢ 为 0 或 1，模型给出标签为 1 的概率 "
        "aᵢ = σ(zᵢ)。观测到的标签的概率在 yᵢ = 1 时是 aᵢ，在 yᵢ = 0 时是 1 − aᵢ；下式中的指数正好"
        "选出其中一个。m 个带标签样本的似然是它们的乘积，它的平均负对数就是这些样本的二元交叉熵的"
        "平均值："),
    "ls.clf.batch": (
        "That 1/m Σ is the batch mean that training minimises: over a mini-batch, or over the "
        "whole training set. The coin above is the case where every example gets the same "
        "prediction θ.",
        "这个 1/m Σ 就是训练所最小化的批均值：对一个小批量或整个训练集求平均。上面的硬币就是每个"
        "样本都得到同一个预测 θ 的情形。"),
    "ls.clf.many": (
        "Each term is a cross-entropy H(Pₓ, Qₓ) between two distributions for one example x: "
        "Pₓ, the label (one-hot over the classes: (yᵢ, 1 − yᵢ) for two), and Qₓ, the "
        "prediction (the softmax output; (aᵢ, 1 − aᵢ) for two). The loss averages it over the "
        "examples:",
        "每一项都是某个样本 x 的两个分布之间的交叉熵 H(Pₓ, Qₓ)：Pₓ 是标签（各类别上的独热分布；两类"
        "时为 (yᵢ, 1 − yᵢ)），Qₓ 是预测（softmax 输出；两类时为 (aᵢ, 1 − aᵢ)）。损失对各样本求"
        "平均："),
    "ls.clf.kl": (
        "Write KL(P‖Q) = Σ p ln(p/q) for the KL divergence (relative entropy) of Q from P; this "
        "page uses only this notation. Since H(P, Q) = H(P) + KL(P‖Q) and a one-hot Pₓ has "
        "H(Pₓ) = 0, each term is also KL(Pₓ‖Qₓ): minimising the loss pulls every prediction "
        "toward its own label.",
        "记 KL(P‖Q) = Σ p ln(p/q)，即 Q 相对于 P 的 KL 散度（相对熵）；本页只用这一种记法。因为 "
        "H(P, Q) = H(P) + KL(P‖Q)，而独热的 Pₓ 有 H(Pₓ) = 0，所以每一项也等于 KL(Pₓ‖Qₓ)：最小化"
        "损失就是把每个预测拉向它自己的标签。"),

    "ls.der": ("Deriving cross-entropy from a wish", "从一个愿望推出交叉熵"),
    "ls.der.intro": (
        "Suppose we did not know cross-entropy and only asked for a cost whose bias gradient is "
        "the error itself, with no σ′(z) factor to slow learning down. The chain rule then "
        "forces the cost, step by step:",
        "假设我们不知道交叉熵，只想要一个偏置梯度就等于误差本身、没有会拖慢学习的 σ′(z) 因子的"
        "代价函数。链式法则会一步步地把这个代价确定下来："),
    "ls.der.next": ("See it train: {page}", "看它训练：{page}"),
    "ls.der.next_intro": (
        "The next page trains one such neuron with both costs, from a start where it is badly "
        "wrong, and shows the difference the missing σ′(z) makes.",
        "下一页用两种代价分别训练这样一个神经元，从错得离谱的起点出发，展示少了 σ′(z) 这个因子带来的"
        "差别。"),
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
        "The numbers above as scipy, PyTorch and TensorFlow compute them, for the softmax "
        "example (true class {c}) and the multi-label table. Every call below runs exactly as "
        "printed after these lines, which define z, target, y and a from the softmax section's "
        "current settings:",
        "用 scipy、PyTorch 和 TensorFlow 来计算上面的数字：softmax 例子（真实类别 {c}）和多标签"
        "表格。下面每个调用在执行以下几行之后都能按原样运行；这几行按 softmax 部分的当前设置定义 "
        "z、target、y 和 a："),
    "ls.lib.setup_note": (
        "`torch.set_default_dtype(torch.float64)` makes PyTorch compute in float64, as NumPy "
        "does; with its default float32 the last digits can differ. Only the TensorFlow row "
        "needs `import tensorflow`. scipy is called for real. PyTorch and TensorFlow are not "
        "installed with this app: their values come from this app's own NumPy versions of their "
        "formulas, checked by running every printed call under PyTorch 2.13 (and under "
        "TensorFlow 2.21 where it is installed; tests/test_library_calls.py).",
        "`torch.set_default_dtype(torch.float64)` 让 PyTorch 像 NumPy 一样用 float64 计算；用它默认"
        "的 float32 时最后几位可能不同。只有 TensorFlow 那一行需要 `import tensorflow`。scipy 是真实"
        "调用的。本应用不安装 PyTorch 和 TensorFlow：它们的值由本应用按各自公式用 NumPy 重新实现"
        "算出，并在 PyTorch 2.13 下（以及安装了 TensorFlow 2.21 的环境中）逐个运行印出的调用核对过"
        "（tests/test_library_calls.py）。"),
    "ls.lib.softmax": ("The softmax example", "softmax 例子"),
    "ls.lib.multi": ("The multi-label table", "多标签表格"),
    "ls.lib.multi_intro": (
        "These calls write the table's numbers in directly: predictions a as probabilities "
        "(`.logit()` turns them into logits z) and labels y as 0 or 1.",
        "这些调用直接写入表格中的数字：预测值 a 是概率（`.logit()` 把它们变成 logits z），标签 y "
        "为 0 或 1。"),
    "ls.lib.multi_wait": ("Fix the multi-label table above to see these calls.",
                          "先修正上面的多标签表格，才能看到这些调用。"),
    "ls.lib.row": ("Returns **{value}** nats. {text}", "返回 **{value}** 奈特。{text}"),
    "ls.lib.scipy_kl": (
        "KL(y‖a). A one-hot y has H(y) = 0, so this equals the loss above. scipy has "
        "no cross-entropy function; this is the nearest.",
        "KL(y‖a)。独热的 y 有 H(y) = 0，所以它等于上面的损失。scipy 没有交叉熵函数，"
        "这是最接近的。"),
    "ls.lib.scipy_renorm": (
        "Silently rescales the input to (¼, ¼, ¼, ¼) and returns ln 4. The “{page}” page does "
        "not rescale silently: with probabilities it says “{quote}”",
        "把输入悄悄缩放成 (¼, ¼, ¼, ¼) 并返回 ln 4。“{page}”页面不会悄悄缩放：填概率时它会"
        "提示“{quote}”"),
    "ls.lib.scipy_renorm2": (
        "Both arguments are rescaled first, (.3, .3) becomes (.5, .5), so the divergence is 0.",
        "两个参数都先被缩放，(.3, .3) 变成 (.5, .5)，所以散度是 0。"),
    "ls.lib.rel_entr": (
        "`rel_entr` is the KL summand p ln(p/q), with no rescaling: here ln(5/3).",
        "`rel_entr` 就是 KL 的求和项 p ln(p/q)，不做缩放：这里是 ln(5/3)。"),
    "ls.lib.kl_div": (
        "Not the KL: each term is p ln(p/q) − p + q. The extra terms add up to Σq − Σp, so they "
        "cancel exactly when both arguments have the same total (as y and a do); here they add "
        "−0.4.",
        "这不是 KL：每一项是 p ln(p/q) − p + q。多出的项之和为 Σq − Σp，只要两个参数的总和相等就会"
        "抵消（y 和 a 正是如此）；这里多出 −0.4。"),
    "ls.lib.torch_ce": (
        "Takes the raw logits z and the class index, and applies log-softmax itself. Equals the "
        "loss above.",
        "接收原始 logits z 和类别索引，自己做 log-softmax。等于上面的损失。"),
    "ls.lib.torch_bug": (
        "A classic bug: passing probabilities a where logits belong applies softmax a second "
        "time. The loss above is {ce}; this one can never go below ln(1 + {k}/e) = {floor}, "
        "even for a perfect prediction.",
        "经典错误：在该传 logits 的地方传入概率 a，softmax 就被用了第二次。上面的损失是 {ce}；这个"
        "值即使预测完全正确也不会低于 ln(1 + {k}/e) = {floor}。"),
    "ls.lib.torch_kl_batchmean": (
        "`kl_div` takes the model's log-probabilities first and the target second, and computes "
        "KL(target‖model). `'batchmean'` divides by `input.size(0)`: a 1-D tensor has no batch "
        "dimension, so that is the {n} classes, and the result is KL / {n}.",
        "`kl_div` 的第一个参数是模型的对数概率，第二个是目标值，计算 KL(目标值‖模型)。`'batchmean'` "
        "除以 `input.size(0)`：一维张量没有批维度，这个数就是 {n} 个类别，结果是 KL / {n}。"),
    "ls.lib.torch_kl_batch": (
        "With a batch dimension (one example of {n} classes) `'batchmean'` divides by 1: the true "
        "KL(y‖a), equal to the loss.",
        "加上批维度（一个含 {n} 个类别的样本）后，`'batchmean'` 除以 1：得到真正的 KL(y‖a)，等于"
        "损失。"),
    "ls.lib.torch_kl_mean": (
        "`'mean'` averages over every element, classes included: KL / {n}, not a KL divergence. "
        "PyTorch warns about this.",
        "`'mean'` 对所有元素（包括各个类别）求平均：KL / {n}，并不是 KL 散度。PyTorch 会对此给出"
        "警告。"),
    "ls.lib.bce_mean": (
        "`BCELoss` averages over every element by default (`reduction='mean'`), classes included: "
        "its sum divided by {n}.",
        "`BCELoss` 默认对所有元素求平均（`reduction='mean'`），包括各个类别：它的和除以 {n}。"),
    "ls.lib.bce_sum": (
        "`reduction='sum'` adds the classes up: this app's loss, {app}.",
        "`reduction='sum'` 把各类加起来：就是本应用的损失 {app}。"),
    "ls.lib.bce_sum_clamped": (
        "`reduction='sum'` adds the classes up, but with each log clamped at −100: this app's "
        "loss is {app}.",
        "`reduction='sum'` 把各类加起来，但每个对数都被截断在 −100：本应用的损失是 {app}。"),
    "ls.lib.bce_logits_mean": (
        "The logits form computes binary cross-entropy from z, stably; it too averages over "
        "the classes.",
        "logits 形式从 z 出发稳定地计算二元交叉熵；它同样对各类求平均。"),
    "ls.lib.bce_logits_sum": (
        "The logits form with `reduction='sum'`: this app's loss, {app}.",
        "logits 形式加上 `reduction='sum'`：就是本应用的损失 {app}。"),
    "ls.lib.tf_sum": (
        "TensorFlow returns one value per class; `tf.reduce_sum` adds them up: this app's loss, "
        "{app}.",
        "TensorFlow 对每个类别返回一个值；`tf.reduce_sum` 把它们加起来：就是本应用的损失 {app}。"),
    "ls.lib.logits_nan": (
        "A prediction of exactly 0 or 1 has an infinite logit, and ∞ − ∞ or 0 · ∞ gives nan: "
        "this app's loss is {app}.",
        "恰好为 0 或 1 的预测值，其 logit 是无穷大，∞ − ∞ 或 0 · ∞ 得到 nan：本应用的损失是 "
        "{app}。"),
    "ls.lib.bce_clamp": (
        "`BCELoss` clamps each log at −100, so a certain wrong prediction costs 100 instead of ∞ "
        "(this app gives ∞).",
        "`BCELoss` 把每个对数截断在 −100，所以十足把握的错误预测代价是 100 而不是 ∞（本应用给出 "
        "∞）。"),
}

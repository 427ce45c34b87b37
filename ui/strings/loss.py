"""Strings of the cross-entropy-as-a-loss page."""

STRINGS = {
    # ---- One sigmoid output: two costs (the page's opening experiment) ----------------------
    "ls.bin": ("One sigmoid output: two costs", "一个 sigmoid 输出：两种代价"),
    "ls.bin.lead": (
        "A sigmoid neuron outputs a = σ(z), its predicted probability that the label y is 1. "
        "Move a and compare the two costs' gradients with respect to z: learning follows them. "
        "Losses are in nats (natural log), as in the libraries.",
        "sigmoid 神经元输出 a = σ(z)，即它预测标签 y 为 1 的概率。移动 a，比较两种代价对 z 的梯度："
        "学习就沿着梯度进行。损失以奈特（自然对数）为单位，与各个库一致。"),
    "ls.bin.a": ("Prediction a", "预测值 a"),
    "ls.bin.y": ("True label", "真实标签"),
    "ls.bin.target": ("y = {y}", "y = {y}"),
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
        "Confidently wrong, cross-entropy's gradient stays near ±1, while the quadratic one "
        "falls toward 0 through the factor a(1 − a): that neuron barely learns.",
        "自信地犯错时，交叉熵的梯度保持在 ±1 附近，而二次代价的梯度因为因子 a(1 − a) 趋向 0："
        "这样的神经元几乎学不动。"),
    "ls.bin.more": ("The costs themselves, and why least squares came first",
                    "代价本身的曲线与公式，以及为什么先有最小二乘"),
    "ls.bin.intro": (
        "A neuron with input x, weight w and bias b computes z = w x + b and outputs "
        "a = σ(z) = 1/(1 + e⁻ᶻ). The two costs of one output:",
        "一个输入为 x、权重为 w、偏置为 b 的神经元先算出 z = w x + b，再输出 "
        "a = σ(z) = 1/(1 + e⁻ᶻ)。一个输出的两种代价："),
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
        "error. The square is also the regression loss for a deeper reason: if the target is "
        "the output plus Gaussian noise, the negative log-likelihood is the squared error up to "
        "constants, so least squares is maximum likelihood for Gaussian errors:",
        "为什么用平方而不用 |a − y|？两者都满足这两个条件，但 |a − y| 在 a = y 处不可导，而且无论"
        "误差多小斜率都是 ±1，接近目标值时步长不会变小；平方的导数 a − y 随误差平滑地变小。平方成为"
        "回归的损失函数还有更深的原因：如果目标值等于输出加上高斯噪声，负对数似然除常数外就是平方"
        "误差，所以最小二乘就是高斯误差下的极大似然："),
    "ls.lsq.next": (
        "A class label is not a number plus Gaussian noise, though. The likelihood that fits "
        "labels gives cross-entropy (the maximum-likelihood section below).",
        "但类别标签并不是一个数加上高斯噪声。适合标签的似然给出的是交叉熵（见下面的极大似然一节）。"),
    "ls.bin.vanishing": (
        "Cross-entropy removes only the output's own σ′(z) factor. In a hidden layer σ′(z) "
        "still multiplies the gradient that flows back, so gradients can still vanish there "
        "(the vanishing-gradient problem).",
        "交叉熵只消去了输出层自己的 σ′(z) 因子。在隐藏层里，σ′(z) 仍然乘在反向传回的梯度上，所以"
        "那里的梯度仍可能消失（梯度消失问题）。"),

    # ---- Several labels at once --------------------------------------------------------------
    "ls.ml": ("Several labels at once: a sigmoid per class", "同时有多个标签：每类一个 sigmoid"),
    "ls.ml.lead": (
        "A photo of a dish can show rice and pumpkin at once. Each class gets its own sigmoid "
        "and binary cross-entropy; the loss is their sum. Tick the true labels and type each "
        "predicted probability (double-click a cell; add or delete rows for more or fewer "
        "classes).",
        "一张菜肴照片可以同时有米饭和南瓜。每个类别各有一个 sigmoid 和一个二元交叉熵，损失是它们"
        "的和。勾选为真的标签，并填入每个预测概率（双击单元格编辑；增删行可以增减类别）。"),
    "ls.ml.class": ("Class", "类别"),
    "ls.ml.y": ("Label y", "标签 y"),
    "ls.ml.y.help": ("Ticked: the class is in the photo (y = 1).",
                     "勾选：照片中有这个类别（y = 1）。"),
    "ls.ml.a": ("Predicted a", "预测值 a"),
    "ls.ml.term": ("−[y ln a + (1−y) ln(1−a)] (nats)", "−[y ln a + (1−y) ln(1−a)]（奈特）"),
    "ls.ml.total": ("Loss: sum over classes", "损失：各类之和"),
    "ls.ml.sum_a": ("Sum of the predictions", "预测值之和"),
    "ls.ml.sum_a.help": (
        "Not a distribution: each class is a separate yes/no question, so a dish can be 80% "
        "likely rice and 90% likely pumpkin at once.",
        "这不是一个分布：每个类别是一个独立的是/否问题，所以一道菜可以同时有 80% 可能是米饭、"
        "90% 可能是南瓜。"),
    "ls.ml.table_name": ("The multi-label table", "多标签表格"),
    "ls.ml.a.help": (
        "The predicted probability that the class is in the photo, from 0 to 1 (0.8, 4/5 and "
        "80% all work).",
        "预测这个类别出现在照片中的概率，介于 0 和 1 之间（0.8、4/5 和 80% 都可以）。"),
    "ls.ml.download": ("Download the table (CSV)", "下载表格（CSV）"),
    "ls.ml.takeaway": ("Several labels: one binary cross-entropy per class, added up.",
                       "多个标签：每个类别一个二元交叉熵，再相加。"),
    # Only once the checkpoint on what PyTorch returns is answered: it is that answer.
    "ls.ml.takeaway.libraries": ("Libraries often average instead: check the `reduction` argument.",
                                 "各个库常常改为取平均：要看清 `reduction` 参数。"),

    # ---- Maximum likelihood ------------------------------------------------------------------
    "ls.ml2": ("Where it comes from: maximum likelihood", "它从哪里来：极大似然"),
    "ls.ml2.lead": (
        "Toss a coin n times: h heads, t tails. The likelihood of a heads-probability θ is "
        "θʰ(1 − θ)ᵗ; its mean negative log is the cross-entropy between the observed "
        "frequencies and (θ, 1 − θ).",
        "抛硬币 n 次：h 次正面，t 次反面。正面概率 θ 的似然是 θʰ(1 − θ)ᵗ；它的平均负对数就是观测频率"
        "与 (θ, 1 − θ) 之间的交叉熵。"),
    "ls.ml2.heads": ("Heads h", "正面次数 h"),
    "ls.ml2.tails": ("Tails t", "反面次数 t"),
    "ls.held": ("Predict above to see the result that answers it.",
                "先在上面作出预测，再看回答它的结果。"),
    "ls.ml2.none": ("Toss the coin at least once: heads + tails must be at least 1.",
                    "至少要抛一次：正面与反面次数之和至少为 1。"),
    "ls.ml2.nll_now": ("Mean negative log-likelihood at θ", "θ 处的平均负对数似然"),
    "ls.ml2.ce_now": ("Cross-entropy H((h/n, t/n), (θ, 1−θ))", "交叉熵 H((h/n, t/n), (θ, 1−θ))"),
    "ls.ml2.best": ("Best θ = {h}/{n}", "最优 θ = {h}/{n}"),
    "ls.ml2.best.help": ("The observed frequency of heads maximises the likelihood.",
                         "观测到的正面频率使似然最大。"),
    "ls.ml2.identity": (
        "The mean negative log-likelihood is a cross-entropy:",
        "平均负对数似然就是一个交叉熵："),
    "ls.ml2.min": (
        "Both curves peak or dip at θ = {theta}, the observed frequency; the lowest mean "
        "negative log-likelihood is the entropy of the observed frequencies, {h}.",
        "两条曲线的峰和谷都在 θ = {theta}，即观测频率处；平均负对数似然的最小值是观测频率的熵，"
        "{h}。"),
    "ls.ml2.lik": ("Likelihood (relative to its peak)", "似然（相对于峰值）"),
    "ls.ml2.nll": ("Mean negative log-likelihood", "平均负对数似然"),
    "ls.ml2.nll_axis": ("Mean NLL (nats)", "平均负对数似然（奈特）"),
    "ls.ml2.lik_axis": ("Relative likelihood", "相对似然"),
    "ls.ml2.takeaway": (
        "Minimising cross-entropy on the data is maximising the likelihood.",
        "在数据上最小化交叉熵，就是最大化似然。"),
    "ls.clf": ("From a coin to a classifier: the training loss is a mean of cross-entropies",
               "从硬币到分类器：训练损失是交叉熵的平均"),
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
        "whole training set. The coin is the case where every example gets the same "
        "prediction θ.",
        "这个 1/m Σ 就是训练所最小化的批均值：对一个小批量或整个训练集求平均。硬币就是每个样本"
        "都得到同一个预测 θ 的情形。"),
    "ls.clf.many": (
        "Each term is a cross-entropy H(Pₓ, Qₓ) between two distributions for one example x: "
        "Pₓ, the label (one-hot over the classes: (yᵢ, 1 − yᵢ) for two), and Qₓ, the "
        "prediction (the softmax output of the next section; (aᵢ, 1 − aᵢ) for two). The loss "
        "averages it over the examples:",
        "每一项都是某个样本 x 的两个分布之间的交叉熵 H(Pₓ, Qₓ)：Pₓ 是标签（各类别上的独热分布；两类"
        "时为 (yᵢ, 1 − yᵢ)），Qₓ 是预测（下一节的 softmax 输出；两类时为 (aᵢ, 1 − aᵢ)）。损失对"
        "各样本求平均："),
    "ls.clf.kl": (
        "Write KL(P‖Q) = Σ p ln(p/q) for the KL divergence (relative entropy) of Q from P; this "
        "page uses only this notation. Since H(P, Q) = H(P) + KL(P‖Q) and a one-hot Pₓ has "
        "H(Pₓ) = 0, each term is also KL(Pₓ‖Qₓ): minimising the loss pulls every prediction "
        "toward its own label.",
        "记 KL(P‖Q) = Σ p ln(p/q)，即 Q 相对于 P 的 KL 散度（相对熵）；本页只用这一种记法。因为 "
        "H(P, Q) = H(P) + KL(P‖Q)，而独热的 Pₓ 有 H(Pₓ) = 0，所以每一项也等于 KL(Pₓ‖Qₓ)：最小化"
        "损失就是把每个预测拉向它自己的标签。"),

    # ---- Softmax -----------------------------------------------------------------------------
    "ls.sm": ("Several classes: softmax and categorical cross-entropy",
              "多个类别：softmax 与多分类交叉熵"),
    "ls.sm.lead": (
        "With one true class among several, softmax turns the logits z into probabilities a, "
        "and the loss is −ln of the probability given to the true class.",
        "在多个类别中只有一个是真实类别时，softmax 把 logits z 变成概率 a，损失就是真实类别所得"
        "概率的 −ln。"),
    "ls.sm.logit": ("Logit z for {c}", "{c}的 logit z"),
    "ls.sm.true": ("True class", "真实类别"),
    "ls.sm.reset": ("Reset logits", "重置 logits"),
    "ls.sm.loss": ("Loss −ln a(true class)", "损失 −ln a（真实类别）"),
    "ls.sm.p_true": ("Probability given to {c}", "给{c}的概率"),
    # The classes are named, not lettered: "C" is the cost in ∂C/∂z.
    "ls.sm.class.0": ("cat", "猫"),
    "ls.sm.class.1": ("dog", "狗"),
    "ls.sm.class.2": ("bird", "鸟"),
    "ls.sm.class.3": ("fish", "鱼"),
    "ls.sm.class": ("Class", "类别"),
    "ls.sm.a": ("softmax output a", "softmax 输出 a"),
    "ls.sm.y": ("label y", "标签 y"),
    "ls.sm.grad": ("gradient a − y", "梯度 a − y"),
    "ls.sm.caption": (
        "The gradient a − y for the class “{c}” is {grad}: it pushes the true logit up by 1 − a and "
        "every other logit down by its own probability; the pushes add up to zero.",
        "类别“{c}”的梯度 a − y 为 {grad}：它把真实类别的 logit 往上推 1 − a，把其余每个 logit 按"
        "各自的概率往下推；这些推力之和为零。"),
    "ls.sm.data": ("The bars' numbers", "柱状图的数值"),
    "ls.sm.takeaway": (
        "∂C/∂z = a − y: each logit moves by its prediction minus its label.",
        "∂C/∂z = a − y：每个 logit 按“预测减标签”移动。"),
    # The title must not answer the checkpoint above it (∂C/∂z for the true class).
    "ls.sm.jac": ("The gradient through the softmax, step by step", "穿过 softmax 的梯度：逐步推导"),
    "ls.sm.formulas": (
        "The softmax output, the loss and its gradient. The gradient is prediction minus label "
        "provided the labels add up to 1 (Σⱼ yⱼ = 1, true of a one-hot label and of any "
        "distribution); in general it is aⱼ Σₖ yₖ − yⱼ.",
        "softmax 输出、损失及其梯度。只要标签之和为 1（Σⱼ yⱼ = 1，独热标签和任何分布都满足），"
        "梯度就是预测减去标签；一般情况下梯度是 aⱼ Σₖ yₖ − yⱼ。"),
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
    "ls.sm.example": (
        "**Worked example.** Label (0, 1, 0), prediction (0.2, 0.7, 0.1): only the true class "
        "counts, so the loss is −ln 0.7.",
        "**算例。** 标签 (0, 1, 0)，预测 (0.2, 0.7, 0.1)：只有真实类别起作用，所以损失是 −ln 0.7。"),

    # ---- Deriving cross-entropy from a wish --------------------------------------------------
    "ls.der": ("Deriving cross-entropy from a wish: a bias gradient of exactly a − y",
               "从一个愿望推出交叉熵：偏置梯度恰好是 a − y"),
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
    "ls.der.next_intro": (
        "The next lesson trains one such neuron with both costs, from a start where it is badly "
        "wrong, and shows the difference the missing σ′(z) makes:",
        "下一课用两种代价分别训练这样一个神经元，从错得离谱的起点出发，展示少了 σ′(z) 这个因子带来"
        "的差别："),

    # ---- What the libraries return -----------------------------------------------------------
    "ls.lib.softmax": ("What scipy and PyTorch return for these logits (runnable code)",
                       "scipy 和 PyTorch 对这组 logits 返回什么（可运行的代码）"),
    "ls.lib.multi": ("What PyTorch and TensorFlow return for this table (runnable code)",
                     "PyTorch 和 TensorFlow 对这张表返回什么（可运行的代码）"),
    "ls.lib.intro": (
        "Each card below runs exactly as printed, on its own, in a Python with that card's "
        "library installed; the comment after each call is what it returns, in nats. The cards "
        "use this section's logits and true class “{c}” (index {i} in the code).",
        "下面每张卡片都能按原样单独运行，只需装好该卡片所用的库；每个调用后的注释是它的返回值，"
        "单位为奈特。卡片使用本节的 logits 和真实类别“{c}”（代码中的索引为 {i}）。"),
    "ls.lib.multi_intro": (
        "Each card below runs exactly as printed, on its own, in a Python with that card's "
        "library installed; the comment after each call is what it returns, in nats. The "
        "cards write the table's predictions a (probabilities; `.logit()` turns them into "
        "logits z) and labels y (0 or 1).",
        "下面每张卡片都能按原样单独运行，只需装好该卡片所用的库；每个调用后的注释是它的返回值，"
        "单位为奈特。卡片写入表格中的预测值 a（概率；`.logit()` 把它们变成 logits z）和标签 y"
        "（0 或 1）。"),
    "ls.lib.setup_note": (
        "`torch.set_default_dtype(torch.float64)` makes PyTorch compute in float64, as NumPy "
        "does; with its default float32 the last digits can differ. scipy is called for real. "
        "PyTorch and TensorFlow are not installed with this app: the values in their cards come "
        "from this app's own NumPy versions of their formulas. The project's tests run every "
        "PyTorch card as printed under PyTorch 2.13 and compare; a TensorFlow card is run the "
        "same way only where TensorFlow is installed, which the project's own tests do not do.",
        "`torch.set_default_dtype(torch.float64)` 让 PyTorch 像 NumPy 一样用 float64 计算；用它默认"
        "的 float32 时最后几位可能不同。scipy 是真实调用的。本应用不安装 PyTorch 和 TensorFlow："
        "它们卡片中的值由本应用按各自公式用 NumPy 重新实现算出。本项目的测试会在 PyTorch 2.13 下"
        "按原样运行每张 PyTorch 卡片并比对；TensorFlow 卡片只有在装有 TensorFlow 的环境里才会这样"
        "运行，而本项目自己的测试环境没有安装它。"),
    "ls.lib.multi_wait": ("Fix the multi-label table above to see these calls.",
                          "先修正上面的多标签表格，才能看到这些调用。"),
    "ls.lib.scipy_kl": (
        "KL(y‖a). A one-hot y has H(y) = 0, so this equals the loss. scipy has no "
        "cross-entropy function; this is the nearest.",
        "KL(y‖a)。独热的 y 有 H(y) = 0，所以它等于损失。scipy 没有交叉熵函数，这是最接近的。"),
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
        "loss.",
        "接收原始 logits z 和类别索引，自己做 log-softmax。等于损失。"),
    "ls.lib.torch_bug": (
        "A classic bug: passing probabilities a where logits belong applies softmax a second "
        "time. The loss is {ce}; this one can never go below ln(1 + {k}/e) = {floor}, even for "
        "a perfect prediction.",
        "经典错误：在该传 logits 的地方传入概率 a，softmax 就被用了第二次。损失是 {ce}；这个值即使"
        "预测完全正确也不会低于 ln(1 + {k}/e) = {floor}。"),
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

    # ---- For teachers and the glossary -------------------------------------------------------
    "ls.link.calibration": (
        "With a one-hot target the loss keeps falling as the true logit grows; a target that is "
        "not one-hot (label smoothing, a teacher's soft output) has its minimum at finite "
        "logits, and the log loss rewards honest probabilities:",
        "目标分布是独热时，真实类别的 logit 越大损失越小；不是独热的目标分布（标签平滑、教师模型的软"
        "输出）在有限的 logit 处取得最小值，而对数损失奖励如实的概率："),
    "ls.teach": ("For teachers", "给教师"),
    "ls.teach.body": (
        "**The misconception:** “any cost that is small when the prediction is right will do”. "
        "The first chart shows why not: the quadratic cost's gradient vanishes exactly where "
        "the neuron is most wrong. **Pause on** the checkpoint “what the library returns” "
        "(`nn.BCELoss()`): "
        "the page's own loss sums over the classes, PyTorch's default averages. **Ask next:** with one true "
        "class among several, why is softmax with cross-entropy the pair to use, and what goes "
        "wrong if the network applies softmax before `F.cross_entropy`? The page follows "
        "Nielsen, [*Neural Networks and Deep Learning*, chapter 3]"
        "(http://neuralnetworksanddeeplearning.com/chap3.html) (the cost's two conditions, the "
        "derivation from ∂C/∂b = a − y, the learning slowdown).",
        "**针对的误解：**“只要预测正确时代价小，什么代价函数都行”。第一张图说明了为什么不行：二次"
        "代价的梯度恰好在神经元错得最厉害的地方消失。**可以停下来讨论**检查点“库函数返回什么”"
        "（`nn.BCELoss()`）：本页的损失对各类求和，而 PyTorch 默认取平均。**接着可以问：**在多个类别中只有一个真实"
        "类别时，为什么要用 softmax 加交叉熵？如果网络在 `F.cross_entropy` 之前先做了 softmax，"
        "会出什么问题？本页参照 Nielsen 的 [《Neural Networks and Deep Learning》第 3 章]"
        "(http://neuralnetworksanddeeplearning.com/chap3.html)（代价函数的两个条件、从 "
        "∂C/∂b = a − y 的推导、学习缓慢）。"),
    "ls.glossary": ("Every term on this page in English and Chinese, with its formula.",
                    "本页每个术语的中英文名称及公式。"),
}

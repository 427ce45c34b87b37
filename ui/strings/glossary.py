"""Strings of the glossary page (pages/glossary.py), and the glossary itself.

Every entry has a stable id (its anchor on the page and the ``?term=`` value other pages link
with, through ``ui.glossary.link``). An entry is:

- ``gl.<id>.name``: the term, (English, 中文); the page shows both names whatever the language;
- ``gl.<id>.meaning``: its meaning in one line, (English, 中文);
- its formula: ``FORMULAS[id]``, lines of LaTeX without words, the same in both languages (the words
  belong in the meaning, which is translated).

``SECTIONS`` gives the order: (section id, entry ids); ``gl.sec.<section id>`` is its heading.
"""

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("info", ("distribution", "normalise", "information", "conditional", "units", "entropy",
              "binary-entropy", "uniform", "cross-entropy", "kl", "gibbs")),
    ("codes", ("prefix-code", "kraft", "huffman", "shannon-code", "sample-average",
               "standard-error", "plug-in", "miller-madow")),
    ("models", ("weighted-input", "logit", "sigmoid", "softmax", "softmax-jacobian",
                "log-softmax", "target", "one-hot", "quadratic", "least-squares", "bce", "cce",
                "multi-label", "likelihood")),
    ("training", ("gradient", "chain-rule", "gradient-descent", "learning-rate",
                  "gradient-norm", "epoch", "mini-batch", "backprop", "hidden-layer",
                  "initialisation", "saturation", "slowdown", "goal", "scale", "accuracy")),
)

#: Formulas, one tuple of lines per entry (stacked on the page so they fit a phone). LaTeX
#: without words, the same in both languages: words belong in the translated meaning.
FORMULAS: dict[str, tuple[str, ...]] = {
    "distribution": (r"p_i \ge 0, \qquad \sum_i p_i = 1",),
    "normalise": (r"p_i = \frac{w_i}{\sum_j w_j}",),
    "information": (r"I(x) = -\log p(x)",),
    "entropy": (r"H(P) = -\sum_i p_i \log p_i",),
    "binary-entropy": (r"H(p) = -p \log p - (1 - p) \log (1 - p)",),
    "uniform": (r"p_i = \frac{1}{n}, \qquad H = \log n",),
    "cross-entropy": (r"H(P, Q) = -\sum_i p_i \log q_i",),
    "kl": (r"\mathrm{KL}(P \,\|\, Q) = \sum_i p_i \log \frac{p_i}{q_i}", "= H(P, Q) - H(P)"),
    "gibbs": (r"\mathrm{KL}(P \,\|\, Q) \ge 0", r"H(P, Q) \ge H(P)"),
    "prefix-code": (r"L = \sum_i p_i \, \ell_i",),
    "kraft": (r"\sum_i 2^{-\ell_i} \le 1",),
    "huffman": (r"H(P) \le L < H(P) + 1",),
    "shannon-code": (
        r"\ell_i = \bigl\lceil -\log_2 q_i \bigr\rceil",
        r"H(P, Q) \le L < H(P, Q) + 1",
    ),
    "sample-average": (r"\frac{1}{n} \sum_{t=1}^{n} -\log q(x_t) \;\longrightarrow\; H(P, Q)",),
    "plug-in": (r"\hat H = -\sum_i \hat p_i \log \hat p_i", r"\hat p_i = \frac{n_i}{n}"),
    "weighted-input": (r"z = w x + b, \qquad a = \sigma(z)",),
    "logit": (r"z = \ln \frac{a}{1 - a} \quad \Longleftrightarrow \quad a = \sigma(z)",),
    "sigmoid": (
        r"\sigma(z) = \frac{1}{1 + e^{-z}}",
        r"\sigma'(z) = \sigma(z)\bigl(1 - \sigma(z)\bigr)",
    ),
    "softmax": (r"a_j = \frac{e^{z_j}}{\sum_k e^{z_k}}",),
    "softmax-jacobian": (r"\frac{\partial a_j}{\partial z_k} = a_j \, (\delta_{jk} - a_k)",),
    "log-softmax": (r"\ln a_j = z_j - \ln \sum_k e^{z_k}",),
    "one-hot": (r"y = (0, \dots, 0, 1, 0, \dots, 0)",),
    "quadratic": (
        r"C = \tfrac{1}{2} (a - y)^2",
        r"\frac{\partial C}{\partial z} = (a - y) \, \sigma'(z)",
    ),
    "bce": (
        r"C = -\bigl[y \ln a + (1 - y) \ln (1 - a)\bigr]",
        r"\frac{\partial C}{\partial z} = a - y",
    ),
    "cce": (r"C = -\sum_j y_j \ln a_j = -\ln a_c", r"\frac{\partial C}{\partial z_j} = a_j - y_j"),
    "multi-label": (r"C = -\sum_j \bigl[y_j \ln a_j + (1 - y_j) \ln (1 - a_j)\bigr]",),
    "likelihood": (
        r"L = \prod_{i=1}^{m} a_i^{\,y_i} (1 - a_i)^{1 - y_i}",
        r"-\frac{1}{m} \ln L",
        r"= -\frac{1}{m} \sum_{i=1}^{m} \bigl[y_i \ln a_i + (1 - y_i) \ln (1 - a_i)\bigr]",
    ),
    "gradient": (
        r"\nabla C = \Bigl(\frac{\partial C}{\partial w}, \frac{\partial C}{\partial b}\Bigr)",
    ),
    "gradient-descent": (
        r"w \leftarrow w - \eta \, \frac{\partial C}{\partial w}",
        r"b \leftarrow b - \eta \, \frac{\partial C}{\partial b}",
    ),
    "learning-rate": (r"\Delta w = -\eta \, \frac{\partial C}{\partial w}, \qquad \eta > 0",),
    "gradient-norm": (
        r"\lVert \nabla_b C \rVert = \sqrt{\textstyle\sum_j (\partial C / \partial b_j)^2}",
    ),
    "mini-batch": (
        r"w \leftarrow w - \frac{\eta}{m} \sum_{x \in B} \frac{\partial C_x}{\partial w}",
        "|B| = m",
    ),
    "backprop": (
        r"\delta^{l} = \bigl((W^{l+1})^{\mathsf T} \delta^{l+1}\bigr) \odot \sigma'(z^{l})",
    ),
    "hidden-layer": (r"a^{l} = \sigma\bigl(W^{l} a^{l-1} + b^{l}\bigr)",),
    "initialisation": (
        r"w \sim \mathcal{N}\bigl(0, \, 1/n_{\mathrm{in}}\bigr)",
        r"w \sim \mathcal{N}(0, \, 1)",
    ),
    "saturation": (r"|z| \gg 1 \;\Longrightarrow\; \sigma'(z) = a (1 - a) \approx 0",),
    "slowdown": (r"\frac{\partial C}{\partial b} = (a - y) \, \sigma'(z)",),
    "goal": (r"|a - y| < \varepsilon",),
    "conditional": (r"p(a, b) = p(a) \, p(b \mid a)", r"I(a, b) = I(a) + I(b \mid a)"),
    "standard-error": (r"\mathrm{SE} = \frac{s}{\sqrt{n}}",),
    "least-squares": (
        r"-\ln \mathcal{N}(y \mid a, \sigma^2) = \frac{(y - a)^2}{2 \sigma^2} "
        r"+ \ln \bigl(\sigma \sqrt{2 \pi}\bigr)",
    ),
    "chain-rule": (
        r"\frac{\partial C}{\partial w} = \frac{\partial C}{\partial a} \, "
        r"\frac{\partial a}{\partial z} \, \frac{\partial z}{\partial w}",
    ),
    "accuracy": (
        r"\frac{1}{n} \sum_{i=1}^{n} \mathbf{1}\bigl[\arg\max_j a_{ij} = c_i\bigr]",
    ),
    "units": (
        r"\log_2 x = \frac{\ln x}{\ln 2} \approx 1.4427 \, \ln x",
        r"\log_{10} x = \frac{\ln x}{\ln 10}",
    ),
    "miller-madow": (r"\hat H_{\mathrm{MM}} = \hat H + \frac{k - 1}{2n}",),
    "target": (r"y \in [0, 1]",),
    "epoch": (r"\lceil n / m \rceil",),
    "scale": (
        r"0 \le \tfrac{1}{2} (a - y)^2 \le \tfrac{1}{2}",
        r"0 \le -\bigl[y \ln a + (1 - y) \ln (1 - a)\bigr] \le \infty",
    ),
}

STRINGS = {
    "page.glossary": ("Glossary", "术语表"),
    "page.glossary.blurb": (
        "Every term in English and Chinese, with its formula.",
        "每个术语的中英文名称及公式。"),

    # The page.
    "gl.intro": (
        "Every term these pages use, in English and in Chinese, with its formula and its "
        "meaning in one line. log is the logarithm in the unit you chose (log₂ for bits, ln for "
        "nats, log₁₀ for hartleys); ln is always the natural log.",
        "本应用用到的每个术语，附中英文名称、公式和一句话释义。log 是你所选单位的对数（比特为 "
        "log₂，奈特为 ln，哈特莱为 log₁₀）；ln 始终是自然对数。"),
    "gl.filter": ("Find a term", "查找术语"),
    "gl.filter.placeholder": ("English or Chinese, e.g. entropy or 熵",
                              "中文或英文，例如 熵 或 entropy"),
    "gl.filter.count": ("{n} of {total} terms match “{query}”.",
                        "{total} 个术语中有 {n} 个与“{query}”匹配。"),
    "gl.filter.none": ("No term matches “{query}”.", "没有与“{query}”匹配的术语。"),
    "gl.looked_up": ("You looked up", "你查找的术语"),
    "gl.close": ("Close", "关闭"),
    "gl.link": ("Glossary: {term}", "术语表：{term}"),
    "gl.sec.info": ("Information and entropy", "信息与熵"),
    "gl.sec.codes": ("Codes and samples", "编码与采样"),
    "gl.sec.models": ("Models and losses", "模型与损失"),
    "gl.sec.training": ("Training", "训练"),

    # Information and entropy.
    "gl.distribution.name": ("Probability distribution P, Q", "概率分布 P、Q"),
    "gl.distribution.meaning": (
        "Probabilities for a set of events, none negative and adding up to 1. On these pages P "
        "is what really happens and Q is the model's belief about it.",
        "一组事件的概率，都不为负，总和为 1。本应用中 P 是真实发生的情况，Q 是模型对它的估计。"),
    "gl.normalise.name": ("Normalise", "归一化"),
    "gl.normalise.meaning": (
        "Divide non-negative weights or counts by their total so that they become a "
        "distribution.",
        "把非负的权重或计数除以它们的总和，使之成为一个分布。"),
    "gl.information.name": ("Information content, self-information, surprisal",
                            "信息量、自信息（惊讶度）"),
    "gl.information.meaning": (
        "How surprising an outcome is: the rarer, the more information, and 0 for a certain "
        "outcome. The information of independent outcomes adds up: I(p₁p₂) = I(p₁) + I(p₂).",
        "一个结果有多出人意料：越罕见信息越多，必然发生的结果为 0。相互独立的结果的信息量可以"
        "相加：I(p₁p₂) = I(p₁) + I(p₂)。"),
    "gl.conditional.name": ("Conditional probability, independence", "条件概率、独立"),
    "gl.conditional.meaning": (
        "p(b | a) is the probability of b once a is known. Information adds up step by step, "
        "each step scored with its conditional probability; the steps are independent when "
        "p(b | a) = p(b).",
        "p(b | a) 是已知 a 后 b 的概率。信息量一步步相加，每一步用它的条件概率计算；当 "
        "p(b | a) = p(b) 时这两步相互独立。"),
    "gl.units.name": ("Bit, nat, hartley", "比特、奈特、哈特莱"),
    "gl.units.meaning": (
        "Units of information, set by the base of the logarithm: bits use log₂, nats ln, "
        "hartleys log₁₀. 1 nat ≈ 1.4427 bits; a fair coin flip carries 1 bit.",
        "信息的单位，由对数的底决定：比特用 log₂，奈特用 ln，哈特莱用 log₁₀。1 奈特 ≈ 1.4427 比特；"
        "抛一次公平硬币携带 1 比特信息。"),
    "gl.entropy.name": ("Entropy", "熵"),
    "gl.entropy.meaning": (
        "The average information content of outcomes drawn from P, i.e. how uncertain P is: "
        "between 0 and log n for n events, the maximum only for the uniform distribution "
        "(by convention 0 · log 0 = 0).",
        "从 P 中抽取的结果的平均信息量，即 P 有多不确定：n 个事件时介于 0 和 log n 之间，只有均匀"
        "分布取到最大值（约定 0 · log 0 = 0）。"),
    "gl.binary-entropy.name": ("Binary entropy", "二元熵"),
    "gl.binary-entropy.meaning": (
        "The entropy of a coin that lands heads with probability p: 1 bit at p = 0.5, and 0 for "
        "a coin that always lands the same way.",
        "正面概率为 p 的硬币的熵：p = 0.5 时为 1 比特，总是同一面朝上的硬币为 0。"),
    "gl.uniform.name": ("Uniform distribution", "均匀分布"),
    "gl.uniform.meaning": (
        "All n events equally likely: the most uncertain distribution over n events.",
        "n 个事件等可能：n 个事件上最不确定的分布。"),
    "gl.cross-entropy.name": ("Cross-entropy", "交叉熵"),
    "gl.cross-entropy.meaning": (
        "The average information when outcomes follow P but are scored with Q; ∞ if Q gives "
        "probability 0 to an outcome P allows. As a loss, P is the label and Q the prediction.",
        "结果服从 P、却用 Q 打分时的平均信息量；如果 Q 给 P 认为可能的结果概率 0，它就是 ∞。"
        "作为损失函数时，P 是标签，Q 是预测。"),
    "gl.kl.name": ("KL divergence, relative entropy", "KL 散度（相对熵）"),
    "gl.kl.meaning": (
        "The extra information paid on average for scoring outcomes of P with Q instead of P "
        "itself: never negative, 0 only when Q = P, and in general not symmetric. These pages "
        "write it KL(P‖Q); books also write D(P‖Q).",
        "用 Q 而不是 P 本身给 P 的结果打分时平均多付出的信息量：永不为负，只有 Q = P 时为 0，"
        "一般不对称。本应用记作 KL(P‖Q)，教材中也写作 D(P‖Q)。"),
    "gl.gibbs.name": ("Gibbs' inequality", "吉布斯不等式"),
    "gl.gibbs.meaning": (
        "No distribution scores P's outcomes better on average than P itself; equality holds "
        "only when Q = P.",
        "平均而言，没有哪个分布给 P 的结果打分能比 P 本身更好；只有 Q = P 时取等号。"),

    # Codes and samples.
    "gl.prefix-code.name": ("Prefix code", "前缀码"),
    "gl.prefix-code.meaning": (
        "A code in which no codeword is the beginning of another, so codewords written one "
        "after another decode without separators. ℓᵢ is the length of symbol i's codeword and "
        "L the expected length per symbol.",
        "任何码字都不是另一个码字开头的编码，因此码字首尾相连也能无歧义地解码。ℓᵢ 是符号 i 的码字"
        "长度，L 是每个符号的期望码长。"),
    "gl.kraft.name": ("Kraft inequality", "克拉夫特不等式"),
    "gl.kraft.meaning": (
        "A binary prefix code with codeword lengths ℓᵢ exists exactly when the lengths satisfy "
        "this inequality.",
        "当且仅当码长 ℓᵢ 满足这个不等式时，存在具有这些码长的二进制前缀码。"),
    "gl.huffman.name": ("Huffman code", "哈夫曼编码"),
    "gl.huffman.meaning": (
        "The prefix code with the shortest expected length for known probabilities, built by "
        "repeatedly merging the two least likely symbols; its expected length L is less than "
        "1 bit above the entropy (in bits; a single certain event still needs 1 bit).",
        "已知概率时期望码长最短的前缀码，通过反复合并概率最小的两个符号构造；它的期望码长 L 比熵"
        "多不到 1 比特（以比特计；只有一个必然事件时仍需 1 比特）。"),
    "gl.shannon-code.name": ("Shannon code lengths", "香农码长"),
    "gl.shannon-code.meaning": (
        "Codeword lengths chosen for a distribution Q. Used on symbols drawn from P they cost "
        "H(P,Q) bits per symbol, up to less than 1 bit of rounding (a single certain event "
        "still needs 1 bit): about KL(P‖Q) more than a code made for P.",
        "按分布 Q 选定的码长。用于服从 P 的符号时，每个符号花费 H(P,Q) 比特（舍入误差不到 1 比特；"
        "只有一个必然事件时仍需 1 比特），"
        "比为 P 设计的编码大约多出 KL(P‖Q)。"),
    "gl.sample-average.name": ("Sample average", "样本平均值"),
    "gl.sample-average.meaning": (
        "The mean of a quantity over n samples. For samples drawn from P, the average of "
        "−log q(x) settles on H(P,Q) as n grows (the law of large numbers).",
        "一个量在 n 个样本上的平均值。样本服从 P 时，−log q(x) 的平均值随 n 增大而趋近 H(P,Q)"
        "（大数定律）。"),
    "gl.standard-error.name": ("Standard error", "标准误"),
    "gl.standard-error.meaning": (
        "How far a sample average typically lies from the value it estimates: the samples' "
        "standard deviation s divided by √n, so it shrinks as n grows.",
        "样本平均值通常偏离它所估计的值多远：样本标准差 s 除以 √n，所以随 n 增大而变小。"),
    "gl.plug-in.name": ("Plug-in estimate", "代入估计（plug-in 估计）"),
    "gl.plug-in.meaning": (
        "The entropy of the observed frequencies of n samples, used as an estimate of the true "
        "entropy; on average it comes out too low.",
        "把 n 个样本的观测频率的熵当作真实熵的估计；平均而言它偏低。"),
    "gl.miller-madow.name": ("Miller–Madow correction", "Miller–Madow 校正"),
    "gl.miller-madow.meaning": (
        "Adds back the plug-in estimate's approximate bias (entropies in nats): with n samples "
        "over k events, n much larger than k, the plug-in entropy is low by about (k − 1)/(2n) "
        "nats.",
        "把代入估计的近似偏差加回去（熵以奈特计）：n 个样本、k 个事件且 n 远大于 k 时，代入估计的熵"
        "大约偏低 (k − 1)/(2n) 奈特。"),

    # Models and losses.
    "gl.weighted-input.name": ("Weight, bias, weighted input z", "权重、偏置与带权输入 z"),
    "gl.weighted-input.meaning": (
        "A neuron multiplies its input x by a weight w and adds a bias b; the result z goes "
        "through the activation function (here the sigmoid) to give the output a.",
        "神经元把输入 x 乘以权重 w 再加上偏置 b；得到的 z 经过激活函数（这里是 sigmoid）给出"
        "输出 a。"),
    "gl.logit.name": ("Logit", "logit（对数几率）"),
    "gl.logit.meaning": (
        "A raw score before the sigmoid or softmax. For a sigmoid output it is the log-odds of "
        "the predicted probability a.",
        "sigmoid 或 softmax 之前的原始分数。对 sigmoid 输出而言，它是预测概率 a 的对数几率。"),
    "gl.sigmoid.name": ("Sigmoid (logistic function)", "sigmoid 函数（logistic 函数）"),
    "gl.sigmoid.meaning": (
        "Squashes any z into a probability between 0 and 1. Its slope σ′(z) is at most 1/4, "
        "and nearly 0 when the output is near 0 or 1.",
        "把任意 z 压缩成 0 到 1 之间的概率。它的斜率 σ′(z) 最大为 1/4，输出接近 0 或 1 时几乎为 0。"),
    "gl.softmax.name": ("Softmax", "softmax 函数"),
    "gl.softmax.meaning": (
        "Turns a vector of logits into probabilities: all positive and adding up to 1.",
        "把一组 logit 变成概率：都为正，总和为 1。"),
    "gl.softmax-jacobian.name": ("Softmax Jacobian", "softmax 的雅可比矩阵"),
    "gl.softmax-jacobian.meaning": (
        "How each softmax output moves with each logit: aⱼ(1 − aⱼ) on the diagonal, −aⱼaₖ off "
        "it (δⱼₖ is 1 when j = k, else 0). With categorical cross-entropy it collapses to a − y.",
        "每个 softmax 输出如何随每个 logit 变化：对角线上是 aⱼ(1 − aⱼ)，其余是 −aⱼaₖ（j = k 时 "
        "δⱼₖ 为 1，否则为 0）。与分类交叉熵结合后化简为 a − y。"),
    "gl.log-softmax.name": ("Log-softmax (log-sum-exp)", "对数 softmax（log-softmax、log-sum-exp）"),
    "gl.log-softmax.meaning": (
        "The log of the softmax computed straight from the logits, with no overflow and no log "
        "of 0: why library losses such as PyTorch's cross_entropy take logits.",
        "直接由 logit 计算 softmax 的对数，不会溢出，也不会对 0 取对数：这就是 PyTorch 的 "
        "cross_entropy 等库函数接收 logit 的原因。"),
    "gl.target.name": ("Target value y, label", "目标值 y（标签）"),
    "gl.target.meaning": (
        "The output the model should give for an example: its label (0 or 1, or a one-hot "
        "vector), or any value in [0, 1] on the neuron page. a − y is the error.",
        "模型对一个样本应当给出的输出：它的标签（0 或 1，或独热向量），在神经元页面上也可以是 "
        "[0, 1] 中的任意值。a − y 是误差。"),
    "gl.one-hot.name": ("One-hot label", "独热标签（one-hot）"),
    "gl.one-hot.meaning": (
        "A label written as a distribution: 1 for the true class, 0 for the others. Its entropy "
        "is 0, so its cross-entropy with a prediction equals the KL divergence.",
        "写成分布形式的标签：真实类别为 1，其余为 0。它的熵为 0，所以它与预测的交叉熵等于 KL 散度"
        "（相对熵）。"),
    "gl.quadratic.name": ("Quadratic cost, mean squared error",
                          "二次代价（均方误差）"),
    "gl.quadratic.meaning": (
        "Half the squared error; averaged over examples it is the mean squared error (up to the "
        "factor ½). Its gradient carries σ′(z), the cause of the learning slowdown.",
        "误差平方的一半；对样本求平均就是均方误差（相差一个因子 ½）。它的梯度带有 σ′(z)，"
        "这正是学习缓慢的原因。"),
    "gl.least-squares.name": ("Least squares, Gaussian likelihood", "最小二乘（高斯似然）"),
    "gl.least-squares.meaning": (
        "Fitting by minimising squared errors, the usual regression loss. It is the negative "
        "log-likelihood of a Gaussian centred on the output a, so least squares is maximum "
        "likelihood under Gaussian noise; unlike |a − y|, the square is differentiable "
        "everywhere.",
        "通过最小化误差平方来拟合，是回归常用的损失。它是以输出 a 为中心的高斯分布的负对数似然，"
        "所以最小二乘就是高斯噪声下的极大似然；与 |a − y| 不同，平方处处可导。"),
    "gl.bce.name": ("Binary cross-entropy", "二元交叉熵"),
    "gl.bce.meaning": (
        "The cross-entropy between the label (y, 1 − y) and one sigmoid output's prediction "
        "(a, 1 − a); σ′(z) cancels, so the gradient is the error itself.",
        "标签 (y, 1 − y) 与单个 sigmoid 输出的预测 (a, 1 − a) 之间的交叉熵；σ′(z) 被消掉，"
        "所以梯度就是误差本身。"),
    "gl.cce.name": ("Categorical cross-entropy", "分类交叉熵"),
    "gl.cce.meaning": (
        "The loss for one true class c among several: −ln of the softmax probability given to "
        "c. The gradient a − y needs the label to add up to 1.",
        "多个类别中只有一个真实类别 c 时的损失：softmax 给 c 的概率取 −ln。梯度 a − y 要求标签之和"
        "为 1。"),
    "gl.multi-label.name": ("Multi-label classification", "多标签分类"),
    "gl.multi-label.meaning": (
        "Several classes can be true at once (a dish with rice and pumpkin): one sigmoid and "
        "one binary cross-entropy per class, summed here; the outputs need not add up to 1.",
        "多个类别可以同时为真（一道菜里既有米饭又有南瓜）：每个类别一个 sigmoid 和一个二元交叉熵，"
        "这里把它们相加；各输出之和不必为 1。"),
    "gl.likelihood.name": ("Likelihood, maximum likelihood, negative log-likelihood",
                           "似然、极大似然、负对数似然"),
    "gl.likelihood.meaning": (
        "How probable the observed labels are under the model. Maximum likelihood picks the "
        "model that makes them most probable, the same as minimising the mean negative "
        "log-likelihood: the binary cross-entropy.",
        "在模型下观测到这些标签的概率。极大似然选出使它们最可能出现的模型，这等价于最小化平均负对数"
        "似然，也就是二元交叉熵。"),

    # Training.
    "gl.gradient.name": ("Gradient", "梯度"),
    "gl.gradient.meaning": (
        "The slopes of the cost with respect to each parameter. It points where the cost rises "
        "fastest, so training steps the other way.",
        "代价对每个参数的斜率。它指向代价上升最快的方向，所以训练朝相反的方向走。"),
    "gl.chain-rule.name": ("Chain rule", "链式法则"),
    "gl.chain-rule.meaning": (
        "The derivative of a chain of steps is the product of the steps' derivatives; "
        "backpropagation applies it layer by layer.",
        "一串步骤复合后的导数等于各步导数的乘积；反向传播就是逐层应用它。"),
    "gl.gradient-descent.name": ("Gradient descent", "梯度下降"),
    "gl.gradient-descent.meaning": (
        "Training by repeated small steps against the gradient.",
        "沿梯度的反方向反复迈出小步来训练。"),
    "gl.learning-rate.name": ("Learning rate η", "学习率 η"),
    "gl.learning-rate.meaning": (
        "The step size of gradient descent. Rates are not comparable across costs: each cost "
        "needs its own.",
        "梯度下降的步长。不同代价的学习率不能直接比较：每种代价需要各自的学习率。"),
    "gl.gradient-norm.name": ("Gradient norm", "梯度范数"),
    "gl.gradient-norm.meaning": (
        "The length of a gradient vector; the norm of a layer's bias gradient shows how fast "
        "that layer learns.",
        "梯度向量的长度；一层偏置梯度的范数反映这一层学得多快。"),
    "gl.epoch.name": ("Epoch", "轮（epoch）"),
    "gl.epoch.meaning": (
        "One pass over all n training examples: ⌈n/m⌉ updates with mini-batches of m. The "
        "single neuron has one example, so there one epoch is one update.",
        "把 n 个训练样本全部过一遍：小批量大小为 m 时是 ⌈n/m⌉ 次更新。单个神经元只有一个样本，"
        "所以那里一轮就是一次更新。"),
    "gl.mini-batch.name": ("Mini-batch", "小批量"),
    "gl.mini-batch.meaning": (
        "A small random group B of m training examples; each update uses the average of their "
        "gradients.",
        "由 m 个训练样本随机组成的小组 B；每次更新使用它们梯度的平均值。"),
    "gl.backprop.name": ("Backpropagation", "反向传播"),
    "gl.backprop.meaning": (
        "The chain rule applied layer by layer from the output back: a hidden layer's error is "
        "the next layer's error sent back through the weights, times its own σ′(z).",
        "从输出层往回逐层应用链式法则：隐藏层的误差等于下一层的误差经权重传回，再乘以本层的 σ′(z)。"),
    "gl.hidden-layer.name": ("Hidden layer", "隐藏层"),
    "gl.hidden-layer.meaning": (
        "A layer between the input and the output. It never sees the labels, only the error "
        "sent back to it.",
        "位于输入和输出之间的层。它看不到标签，只能得到传回给它的误差。"),
    "gl.initialisation.name": ("Weight initialisation", "权重初始化"),
    "gl.initialisation.meaning": (
        "How the starting weights are drawn. With variance 1/nᵢₙ (nᵢₙ inputs per neuron) most "
        "neurons start unsaturated; N(0, 1), the start of the book's network.py, saturates "
        "many of them.",
        "初始权重的抽取方式。方差为 1/nᵢₙ（nᵢₙ 为每个神经元的输入数）时，大多数神经元一开始不"
        "饱和；N(0, 1)（书中 network.py 的初始化）会让许多神经元饱和。"),
    "gl.saturation.name": ("Saturation", "饱和"),
    "gl.saturation.meaning": (
        "A sigmoid neuron whose z is far from 0: its output sits near 0 or 1, and a small "
        "change of its weights barely moves it.",
        "z 远离 0 的 sigmoid 神经元：输出贴近 0 或 1，权重的微小变化几乎改变不了它。"),
    "gl.slowdown.name": ("Learning slowdown", "学习缓慢"),
    "gl.slowdown.meaning": (
        "With the quadratic cost, a saturated neuron that is badly wrong learns slowly, "
        "because its gradient is multiplied by the tiny σ′(z); cross-entropy cancels that "
        "factor at the output layer.",
        "使用二次代价时，饱和且错得离谱的神经元学得很慢，因为它的梯度乘上了很小的 σ′(z)；"
        "交叉熵在输出层消掉了这个因子。"),
    "gl.goal.name": ("Goal threshold", "达标线"),
    "gl.goal.meaning": (
        "How close to the target value the output must come for training to count as done; "
        "the neuron page counts the epochs until it is reached.",
        "输出与目标值相差多少以内才算训练完成；神经元页面统计达到达标线所需的轮数。"),
    "gl.accuracy.name": ("Test accuracy; training, validation and test sets",
                         "测试准确率；训练集、验证集与测试集"),
    "gl.accuracy.meaning": (
        "The share of test examples whose most probable class is the true class c. The test "
        "set is never used for training; a validation set, held out from the training data, "
        "is for choosing settings such as the epoch to keep.",
        "最可能的类别恰为真实类别 c 的测试样本所占的比例。测试集从不用于训练；验证集从训练数据中"
        "留出，用来选择设置，例如保留哪一轮的结果。"),
    "gl.scale.name": ("Scale", "取值尺度"),
    "gl.scale.meaning": (
        "The range of values a quantity takes. For a and y in [0, 1] the quadratic cost stays "
        "within [0, ½] while cross-entropy can reach ∞: costs on different scales cannot be "
        "compared by height, only by how fast each falls.",
        "一个量的取值范围。a 和 y 在 [0, 1] 中时，二次代价不超出 [0, ½]，交叉熵却可以到 ∞："
        "取值尺度不同的代价不能比高低，只能比各自下降得多快。"),
}

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
    ("text", ("n-gram", "arithmetic-coding", "bits-per-character", "perplexity")),
    ("continuous", ("differential-entropy", "kl-directions", "variational")),
    ("models", ("weighted-input", "logit", "sigmoid", "softmax", "softmax-jacobian",
                "log-softmax", "target", "one-hot", "cost", "quadratic", "least-squares", "bce",
                "cce", "multi-label", "likelihood")),
    ("training", ("gradient", "chain-rule", "gradient-descent", "learning-rate",
                  "gradient-norm", "epoch", "mini-batch", "backprop", "hidden-layer",
                  "initialisation", "saturation", "slowdown", "vanishing-gradient", "goal",
                  "scale", "accuracy")),
    ("calibration", ("proper-scoring-rule", "calibration", "temperature-scaling",
                     "label-smoothing", "distillation")),
)

#: The lesson page that teaches each term (its key in ui.layout.PAGES), linked from its card
#: with the page's menu title.
PAGES: dict[str, str] = {
    **dict.fromkeys(("information", "conditional", "units", "entropy", "binary-entropy",
                     "uniform"), "information"),
    **dict.fromkeys(("distribution", "normalise", "cross-entropy", "kl", "gibbs"), "explorer"),
    **dict.fromkeys(("prefix-code", "huffman", "shannon-code", "sample-average",
                     "standard-error", "plug-in", "miller-madow"), "codes"),
    **dict.fromkeys(("n-gram", "arithmetic-coding", "bits-per-character", "perplexity"),
                    "compression"),
    **dict.fromkeys(("differential-entropy", "kl-directions", "variational"), "continuous"),
    **dict.fromkeys(("logit", "softmax", "softmax-jacobian", "log-softmax", "one-hot", "cost",
                     "least-squares", "bce", "cce", "multi-label", "likelihood"), "loss"),
    **dict.fromkeys(("weighted-input", "sigmoid", "target", "quadratic", "gradient",
                     "chain-rule", "gradient-descent", "learning-rate", "epoch", "saturation",
                     "slowdown", "vanishing-gradient", "goal", "scale"), "neuron"),
    **dict.fromkeys(("gradient-norm", "mini-batch", "backprop", "hidden-layer",
                     "initialisation", "accuracy"), "network"),
    **dict.fromkeys(("proper-scoring-rule", "calibration", "temperature-scaling",
                     "label-smoothing", "distillation"), "calibration"),
}

#: Other names a reader may type into the search (not shown): (English, Chinese) per entry.
#: Common names the cards do not use, e.g. 最大似然 for 极大似然 and 香农编码 for 香农码长.
SEARCH: dict[str, tuple[str, str]] = {
    "information": ("surprise", "惊讶度 信息含量"),
    "entropy": ("Shannon entropy", "信息熵 香农熵"),
    "cross-entropy": ("CE loss", "交叉熵损失"),
    "kl": ("KLD Kullback–Leibler Kullback-Leibler", "KL 距离"),
    "huffman": ("Huffman coding Huffman tree", "霍夫曼编码 哈夫曼树 霍夫曼树"),
    "shannon-code": ("Shannon coding", "香农编码 香农码"),
    "arithmetic-coding": ("arithmetic coder range coding", "算术编码器 区间编码"),
    "n-gram": ("ngram Markov model Laplace smoothing additive smoothing",
               "N 元模型 n-gram 马尔可夫 拉普拉斯平滑 加一平滑"),
    "bits-per-character": ("bpc", "比特每字符"),
    "perplexity": ("PPL", "PPL"),
    "differential-entropy": ("continuous entropy", "连续熵"),
    "kl-directions": ("forward KL reverse KL inclusive exclusive zero-forcing moment matching",
                      "正向 KL 逆向 KL 矩匹配"),
    "variational": ("ELBO evidence lower bound variational autoencoder",
                    "证据下界 ELBO 变分自编码器"),
    "sigmoid": ("logistic", "逻辑函数 S 型函数"),
    "softmax": ("normalized exponential", "归一化指数函数"),
    "cost": ("objective function", "目标函数 损失"),
    "quadratic": ("MSE L2 loss squared error", "平方损失 平方误差 L2 损失"),
    "bce": ("log loss logistic loss BCELoss", "对数损失 逻辑损失"),
    "cce": ("softmax loss CrossEntropyLoss sparse categorical", "softmax 损失 多类交叉熵"),
    "likelihood": ("MLE NLL log loss", "最大似然 最大似然估计 极大似然估计 对数损失"),
    "gradient-descent": ("SGD stochastic gradient descent", "随机梯度下降"),
    "learning-rate": ("step size lr", "步长"),
    "vanishing-gradient": ("vanishing gradient problem", "梯度弥散"),
    "calibration": ("ECE reliability", "校准误差"),
    "temperature-scaling": ("temperature calibration", "温度标定"),
    "distillation": ("teacher student soft targets", "教师 学生 软目标"),
    "proper-scoring-rule": ("strictly proper log score Brier", "严格恰当 对数评分 布里尔评分"),
}

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
        r"y = a + \varepsilon, \qquad \varepsilon \sim \mathcal{N}(0, s^2)",
        r"-\ln p(y \mid a) = \frac{(y - a)^2}{2 s^2} + \ln \bigl(s \sqrt{2 \pi}\bigr)",
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
    "differential-entropy": (
        r"h(p) = -\int p(x) \log p(x) \, dx",
        r"h\bigl(\mathcal{N}(\mu, s^2)\bigr) = \tfrac{1}{2} \log \bigl(2 \pi e \, s^2\bigr)",
    ),
    "kl-directions": (
        r"\arg\min_Q \mathrm{KL}(P \,\|\, Q)",
        r"\arg\min_Q \mathrm{KL}(Q \,\|\, P)",
    ),
    "variational": (
        r"\ln p(x) \ge \mathbb{E}_{q(z \mid x)} \bigl[\ln p(x \mid z)\bigr]",
        r"- \mathrm{KL}\bigl(q(z \mid x) \,\|\, p(z)\bigr)",
        r"\mathrm{KL}\bigl(\mathcal{N}(\mu, s^2) \,\|\, \mathcal{N}(0, 1)\bigr)",
        r"= \tfrac{1}{2} \bigl(\mu^2 + s^2 - 1 - \ln s^2\bigr)",
    ),
    "n-gram": (
        r"q(x \mid c) = \frac{N(c, x) + \alpha}{N(c) + \alpha V}",
    ),
    "arithmetic-coding": (
        r"L < -\sum_{t=1}^{n} \log_2 q(x_t \mid x_{<t}) + 2",
    ),
    "bits-per-character": (
        r"\mathrm{bpc} = -\frac{1}{n} \sum_{t=1}^{n} \log_2 q(x_t \mid x_{<t})",
    ),
    "perplexity": (r"\mathrm{PP} = 2^{\mathrm{bpc}} = e^{H_{\mathrm{nats}}}",),
    "cost": (r"C = \frac{1}{n} \sum_{x} C_x",),
    "vanishing-gradient": (
        r"\delta^{l} = \bigl((W^{l+1})^{\mathsf T} \delta^{l+1}\bigr) \odot \sigma'(z^{l})",
        r"\sigma'(z) \le \tfrac{1}{4}",
    ),
    "proper-scoring-rule": (
        r"\mathbb{E}_{y \sim p} \bigl[-\log q_y\bigr] = H(p, q)",
        r"= H(p) + \mathrm{KL}(p \,\|\, q)",
        r"\arg\min_q H(p, q) = p",
    ),
    "calibration": (
        r"\mathrm{ECE} = \sum_{b} \frac{n_b}{n} \, \bigl|\mathrm{acc}_b - \mathrm{conf}_b\bigr|",
    ),
    "temperature-scaling": (
        r"q = \mathrm{softmax}(z / T), \qquad T > 0",
        r"T = \arg\min_T \; -\sum_{i \in \mathrm{val}} \ln q_{c_i}",
    ),
    "label-smoothing": (r"y^{\mathrm{LS}} = (1 - \varepsilon) \, y + \frac{\varepsilon}{K}",),
    "distillation": (
        r"p_i^{(T)} = \frac{e^{z_i / T}}{\sum_j e^{z_j / T}}",
        r"C = T^2 \, H\bigl(p_{\mathrm{teacher}}^{(T)}, \, p_{\mathrm{student}}^{(T)}\bigr)",
    ),
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
    "gl.filter.placeholder": ("English or Chinese, e.g. entropy, MSE or 熵",
                              "中文或英文，例如：熵、均方误差或 entropy"),
    "gl.filter.count": ("{n} of {total} terms match “{query}” (all groups searched).",
                        "{total} 个术语中有 {n} 个与“{query}”匹配（已查找全部分组）。"),
    "gl.filter.none": ("No term matches “{query}”.", "没有与“{query}”匹配的术语。"),
    "gl.looked_up": ("You looked up", "你查找的术语"),
    "gl.close": ("Close", "关闭"),
    "gl.link": ("Glossary: {term}", "术语表：{term}"),
    "gl.sec.info": ("Information and entropy", "信息与熵"),
    "gl.sec.codes": ("Codes and samples", "编码与采样"),
    "gl.sec.text": ("Text models and compression", "文本模型与压缩"),
    "gl.sec.continuous": ("Densities and fitting", "概率密度与拟合"),
    "gl.sec.models": ("Models and losses", "模型与损失"),
    "gl.sec.training": ("Training", "训练"),
    "gl.sec.calibration": ("Soft targets and calibration", "软目标与校准"),
    "gl.section": ("Show", "显示"),
    "gl.section.all": ("All terms", "全部术语"),
    "gl.section.help": (
        "One group of terms at a time keeps the page light; the search looks through all of them.",
        "一次显示一组术语，页面更轻快；搜索会查找全部术语。"),

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
        "repeatedly merging the two least likely groups (tree nodes), starting from the single "
        "symbols, each merge adding one bit to every symbol in the two groups; its expected "
        "length L is less than 1 bit above the entropy (in bits; a single certain event still "
        "gets 1 bit by the convention that every codeword has at least one bit).",
        "已知概率时期望码长最短的前缀码：从单个符号出发，反复合并概率最小的两组（树的两个结点），"
        "每合并一次，这两组中每个符号的码字就多 1 比特；它的期望码长 L 比熵多不到 1 比特（以比特计；"
        "只有一个必然事件时，按每个码字至少 1 比特的约定，仍记 1 比特）。"),
    "gl.shannon-code.name": ("Shannon code lengths", "香农码长"),
    "gl.shannon-code.meaning": (
        "Codeword lengths chosen for a distribution Q, each −log₂ qᵢ rounded up. Used on symbols "
        "drawn from P they cost H(P,Q) bits per symbol, up to less than 1 bit of rounding (a "
        "single certain event still gets 1 bit by convention): about KL(P‖Q) more than a code "
        "made for P.",
        "按分布 Q 选定的码长，每个都是 −log₂ qᵢ 向上取整。用于服从 P 的符号时，每个符号花费 "
        "H(P,Q) 比特（舍入误差不到 1 比特；只有一个必然事件时，按约定仍记 1 比特），比为 P 设计的"
        "编码大约多出 KL(P‖Q)。"),
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
        "over k events, the plug-in entropy is low by about (k − 1)/(2n) nats when every "
        "expected count n·pᵢ is large. An event so rare that it is almost never seen adds "
        "almost nothing to the bias, so then the correction overshoots.",
        "把代入估计的近似偏差加回去（熵以奈特计）：n 个样本、k 个事件，当每个期望计数 n·pᵢ 都很大时，"
        "代入估计的熵大约偏低 (k − 1)/(2n) 奈特。一个罕见到几乎从不出现的事件对偏差几乎没有贡献，"
        "这时校正会过头。"),

    # Text models and compression.
    "gl.n-gram.name": ("n-gram model, add-α smoothing", "n 元语法模型（n-gram）、加 α 平滑"),
    "gl.n-gram.meaning": (
        "Predicts the next symbol from the n − 1 symbols before it (the context c) by counting "
        "how often each symbol followed that context in a training text; V is the number of "
        "possible symbols. Add-α smoothing adds α to every count, so that no symbol gets "
        "probability 0 (which would cost infinitely many bits); α = 1 is Laplace smoothing.",
        "根据前面的 n − 1 个符号（上下文 c）预测下一个符号：统计训练文本中每个符号跟在这个上下文后面的"
        "次数；V 是可能的符号个数。加 α 平滑给每个计数都加上 α，使没有符号的概率为 0（否则要花无穷多"
        "比特）；α = 1 即拉普拉斯平滑。"),
    "gl.arithmetic-coding.name": ("Arithmetic coding", "算术编码"),
    "gl.arithmetic-coding.meaning": (
        "Codes a whole message as one number: each symbol narrows an interval by its model "
        "probability q. An ideal coder spends fewer than 2 bits more than −Σ log₂ q for the "
        "whole message (coders with finite-precision integers, a little more), where a Huffman "
        "code gives every symbol a whole number of bits.",
        "把整条消息编码成一个数：每个符号按模型概率 q 缩小一个区间。理想的算术编码器对整条消息只比 "
        "−Σ log₂ q 多花不到 2 比特（用有限精度整数实现的编码器会稍多一点），而哈夫曼编码给每个符号"
        "整数个比特。"),
    "gl.bits-per-character.name": ("Bits per character (bpc)", "每字符比特数（bpc）"),
    "gl.bits-per-character.meaning": (
        "A character model's cross-entropy on a text, in bits: the average code length per "
        "character that a code built from the model approaches. Lower means the model "
        "predicts the text better.",
        "字符模型在一段文本上的交叉熵（以比特计）：按该模型构造的编码每个字符平均码长所趋近的值。"
        "越低说明模型对这段文本预测得越好。"),
    "gl.perplexity.name": ("Perplexity", "困惑度"),
    "gl.perplexity.meaning": (
        "The exponential of a model's cross-entropy per symbol, in the matching base (2 to the "
        "bits per character, e to the nats): a perplexity of k means the model is, on average, "
        "as uncertain as a uniform choice among k symbols. Lower is better.",
        "模型每个符号交叉熵的指数，底数与单位对应（2 的“每字符比特数”次方，e 的“奈特数”次方）："
        "困惑度为 k 表示模型平均而言与在 k 个符号中均匀地选一个一样不确定。越低越好。"),

    # Densities and fitting.
    "gl.differential-entropy.name": ("Differential entropy", "微分熵"),
    "gl.differential-entropy.meaning": (
        "The entropy formula applied to a density p(x). Unlike the entropy of a discrete "
        "distribution it can be negative (a Gaussian's is below 0 when its standard deviation "
        "s < 1/√(2πe) ≈ 0.242) and it changes with the unit of x. Binned at width Δ, the "
        "discrete entropy is about h − log Δ. The KL divergence between two densities stays "
        "≥ 0 and does not depend on the unit.",
        "把熵的公式用在概率密度 p(x) 上。与离散分布的熵不同，它可以为负（标准差 s < 1/√(2πe) ≈ 0.242 "
        "的高斯分布的微分熵小于 0），并且随 x 的单位而变。按宽度 Δ 分箱后，离散熵约为 h − log Δ。"
        "两个密度之间的 KL 散度仍然 ≥ 0，且与单位无关。"),
    "gl.kl-directions.name": ("Forward and reverse KL: mode-covering and mode-seeking",
                              "前向与反向 KL：覆盖众数与寻找众数"),
    "gl.kl-directions.meaning": (
        "Fitting a simple Q to P (first line: forward, second: reverse). Forward KL(P‖Q) is ∞ "
        "wherever P has mass and Q has none, so its best Q covers every mode (for a Gaussian Q: "
        "P's mean and variance, moment matching). Reverse KL(Q‖P) is ∞ wherever Q has mass and "
        "P has none, so its best Q may sit on one mode: for ½N(−3, 1) + ½N(3, 1) a Gaussian on "
        "one mode beats the one in the middle, while for ½N(−2, 1) + ½N(2, 1) it too lands in "
        "the middle.",
        "用简单的 Q 去拟合 P（第一行为前向，第二行为反向）。前向 KL(P‖Q) 在 P 有概率而 Q 没有的地方"
        "为 ∞，所以最优的 Q 会覆盖每个峰（Q 为高斯分布时取 P 的均值和方差，即矩匹配）。反向 KL(Q‖P) "
        "在 Q 有概率而 P 没有的地方为 ∞，所以最优的 Q 可能只落在一个峰上：对 ½N(−3, 1) + ½N(3, 1)，"
        "落在一个峰上的高斯分布比居中的更好；而对 ½N(−2, 1) + ½N(2, 1)，它也落在中间。"),
    "gl.variational.name": ("Variational inference, the VAE's KL term",
                            "变分推断、VAE 的 KL 项"),
    "gl.variational.meaning": (
        "Variational inference replaces an intractable posterior p(z | x) by a simpler q(z | x) "
        "chosen to minimise the reverse KL(q‖p(z | x)), which is the same as maximising the "
        "lower bound on ln p(x) in the first two lines (the ELBO). A variational autoencoder "
        "(VAE) trains on −ELBO: a reconstruction loss plus KL(q(z | x)‖p(z)); for a Gaussian "
        "encoder and a N(0, 1) prior that KL has the closed form of the last two lines (per "
        "latent dimension, in nats).",
        "变分推断用较简单的 q(z | x) 代替难以计算的后验 p(z | x)，选择 q 使反向 KL(q‖p(z | x)) 最小，"
        "这等价于最大化前两行中 ln p(x) 的下界（证据下界，ELBO）。变分自编码器（VAE）以 −ELBO 为损失："
        "重构损失加上 KL(q(z | x)‖p(z))；编码器为高斯分布、先验为 N(0, 1) 时，这个 KL 有后两行的闭式"
        "（每个潜变量维度，以奈特计）。"),

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
        "δⱼₖ 为 1，否则为 0）。与多分类交叉熵结合后化简为 a − y。"),
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
        "写成分布形式的标签：真实类别为 1，其余为 0。它的熵为 0，所以它与预测的交叉熵等于 KL 散度。"),
    "gl.cost.name": ("Cost function, loss function", "代价函数、损失函数"),
    "gl.cost.meaning": (
        "The number training makes small: how far the model's outputs are from the targets, "
        "averaged over the n training examples x. These pages use cost and loss for the same "
        "thing (the quadratic cost, the cross-entropies).",
        "训练要减小的那个数：模型输出与目标值相差多远，对 n 个训练样本 x 求平均。本应用中“代价”和"
        "“损失”指同一件事（二次代价、各种交叉熵）。"),
    "gl.quadratic.name": ("Quadratic cost, mean squared error (MSE)",
                          "二次代价、均方误差（MSE）"),
    "gl.quadratic.meaning": (
        "Half the squared error. For one output, averaged over examples, it is the mean squared "
        "error up to the factor ½; for K outputs, ½Σⱼ(aⱼ − yⱼ)² is K/2 times the mean over "
        "elements that PyTorch's nn.MSELoss and Keras's MeanSquaredError compute by default, and "
        "a learning rate is tied to that scale. Its gradient carries σ′(z), the cause of the "
        "learning slowdown.",
        "误差平方的一半。对单个输出、对样本求平均，它就是均方误差乘以 ½；对 K 个输出，"
        "½Σⱼ(aⱼ − yⱼ)² 是 PyTorch 的 nn.MSELoss 和 Keras 的 MeanSquaredError 默认计算的逐元素平均"
        "值的 K/2 倍，学习率也跟着这个尺度走。它的梯度带有 σ′(z)，这正是学习缓慢的原因。"),
    "gl.least-squares.name": ("Least squares, Gaussian likelihood", "最小二乘（高斯似然）"),
    "gl.least-squares.meaning": (
        "Fitting by minimising squared errors, the usual regression loss. If the target is the "
        "output a plus Gaussian noise ε with standard deviation s (the letter σ is the sigmoid "
        "here), the negative log-likelihood is the squared error over 2s² plus a constant, so "
        "least squares is maximum likelihood under Gaussian noise; unlike |a − y|, the square "
        "is differentiable everywhere.",
        "通过最小化误差平方来拟合，是回归常用的损失。如果目标值等于输出 a 加上标准差为 s 的高斯噪声 ε"
        "（这里 σ 表示 sigmoid），负对数似然就是误差平方除以 2s² 再加一个常数，所以最小二乘就是高斯"
        "噪声下的极大似然；与 |a − y| 不同，平方处处可导。"),
    "gl.bce.name": ("Binary cross-entropy", "二元交叉熵"),
    "gl.bce.meaning": (
        "The cross-entropy between the label (y, 1 − y) and one sigmoid output's prediction "
        "(a, 1 − a); σ′(z) cancels, so the gradient is the error itself.",
        "标签 (y, 1 − y) 与单个 sigmoid 输出的预测 (a, 1 − a) 之间的交叉熵；σ′(z) 被消掉，"
        "所以梯度就是误差本身。"),
    "gl.cce.name": ("Categorical cross-entropy", "多分类交叉熵"),
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
        "factor at the output layer only (hidden layers keep theirs: see vanishing gradient).",
        "使用二次代价时，饱和且错得离谱的神经元学得很慢，因为它的梯度乘上了很小的 σ′(z)；"
        "交叉熵只在输出层消掉这个因子（隐藏层仍保留各自的因子：见“梯度消失”）。"),
    "gl.vanishing-gradient.name": ("Vanishing gradient", "梯度消失"),
    "gl.vanishing-gradient.meaning": (
        "In a deep network the error sent back to the early layers is multiplied, layer after "
        "layer, by the weights and by each layer's σ′(z), at most 1/4 for a sigmoid, so it can "
        "shrink towards 0 and those layers barely learn. Cross-entropy removes σ′(z) at the "
        "output layer only (the cause of the learning slowdown); the hidden layers keep their "
        "factors, so cross-entropy does not solve the vanishing gradient.",
        "在深层网络中，传回前面各层的误差要一层接一层地乘上权重和各层的 σ′(z)（sigmoid 的 σ′ 最大为 "
        "1/4），所以它可能缩小到接近 0，这些层几乎学不动。交叉熵只在输出层消掉 σ′(z)（学习缓慢的原因）；"
        "隐藏层的因子依然存在，所以交叉熵并不能解决梯度消失。"),
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

    # Soft targets and calibration.
    "gl.proper-scoring-rule.name": ("Proper scoring rule", "恰当评分规则"),
    "gl.proper-scoring-rule.meaning": (
        "A loss on a probabilistic prediction q whose expected value, when outcomes follow p, "
        "is smallest for the honest prediction q = p; strictly proper if only there. The log "
        "loss (cross-entropy) is strictly proper, as the formula shows (the KL divergence is 0 "
        "only at q = p), and so is the Brier score; accuracy is not strictly proper: every q "
        "with the same top class scores the same.",
        "对概率预测 q 的一种损失：当结果服从 p 时，它的期望在如实的预测 q = p 处最小；只在该处最小则为"
        "严格恰当。对数损失（交叉熵）是严格恰当的（见公式：KL 散度只在 q = p 时为 0），Brier 分数也是；"
        "准确率不是严格恰当的："
        "最可能类别相同的所有 q 得分都一样。"),
    "gl.calibration.name": ("Calibration, reliability diagram, expected calibration error (ECE)",
                            "校准、可靠性图、期望校准误差（ECE）"),
    "gl.calibration.meaning": (
        "A model is calibrated when, of the predictions it makes with confidence c, a fraction "
        "c is right. A reliability diagram sorts predictions into confidence bins and plots "
        "each bin's accuracy against its mean confidence (the diagonal is perfect "
        "calibration); ECE is the bins' average gap, weighted by the share $n_b/n$ of "
        "predictions in each (Guo et al. 2017 use 15 equal-width bins), so it depends on the "
        "binning.",
        "如果模型以置信度 c 作出的预测中恰有比例 c 是对的，模型就是校准的。可靠性图把预测按置信度分箱，"
        "画出每个分箱的准确率与平均置信度（对角线表示完美校准）；ECE 是各分箱差距的平均，按每个分箱中"
        "预测所占的比例 $n_b/n$ 加权（Guo 等人 2017 年用 15 个等宽分箱），所以它依赖于分箱方式。"),
    "gl.temperature-scaling.name": ("Temperature scaling", "温度缩放"),
    "gl.temperature-scaling.meaning": (
        "Calibrates a trained classifier by dividing all its logits z by one number T > 0, "
        "fitted on a validation set by minimising the negative log-likelihood: T > 1 softens "
        "over-confident predictions. The top class, and so the accuracy, does not change "
        "(Guo et al. 2017).",
        "把训练好的分类器的所有 logit z 都除以同一个数 T > 0 来校准，T 在验证集上通过最小化负对数似然"
        "拟合：T > 1 会让过于自信的预测变得温和。最可能的类别不变，因此准确率也不变（Guo 等人 2017）。"),
    "gl.label-smoothing.name": ("Label smoothing", "标签平滑"),
    "gl.label-smoothing.meaning": (
        "Trains on a softened target: the one-hot label mixed with the uniform distribution over "
        "the K classes (Szegedy et al. 2016). The cross-entropy with this target is smallest when "
        "q equals it, so the logits no longer grow without bound; averaged over the data, the best "
        "prediction is the true distribution mixed with the uniform one, not the true "
        "distribution itself (Müller, Kornblith & Hinton 2019).",
        "用软化后的目标分布训练：独热标签与 K 个类别上的均匀分布混合（Szegedy 等人 2016）。与这个目标"
        "分布的交叉熵在 q 等于它时最小，所以 logit 不再无限增大；对数据平均后，最优预测是真实分布与均匀分布"
        "的混合，而不是真实分布本身（Müller、Kornblith 与 Hinton 2019）。"),
    "gl.distillation.name": ("Knowledge distillation, temperature T", "知识蒸馏、温度 T"),
    "gl.distillation.meaning": (
        "A student model learns from a teacher's soft targets: both softmaxes are taken at a "
        "temperature T > 1, which spreads probability over the wrong classes and shows which "
        "ones the teacher finds alike. The soft loss's gradients scale as 1/T², so it is "
        "multiplied by T², usually beside the ordinary loss on the true labels (Hinton, Vinyals "
        "& Dean 2015).",
        "学生模型从教师模型的软目标中学习：两者的 softmax 都在温度 T > 1 下计算，这会把概率分散到错误"
        "类别上，显示出教师认为哪些类别相似。软目标损失的梯度按 1/T² 缩放，所以要乘以 T²，通常与真实"
        "标签上的普通损失一起使用（Hinton、Vinyals 与 Dean 2015）。"),
}

"""Strings of the checkpoints (lib.lesson, ui.checkpoint): question, options, explanation.

No answer is written here: every number comes from the rule in lib.lesson, computed from the
page's inputs, and the right option is chosen there."""

STRINGS = {
    # ---- information ----------------------------------------------------------------------
    "cp.information.rarer.title": ("which outcome tells you more?", "哪个结果信息更多？"),
    "cp.information.rarer.q": (
        "A happens with probability p₁ = {p1}; B, given A, with probability p₂ = {p2}. "
        "Which carries more information when it happens?",
        "A 发生的概率为 p₁ = {p1}；在 A 发生的条件下，B 发生的概率为 p₂ = {p2}。"
        "哪一个发生时携带的信息更多？"),
    "cp.information.rarer.first": ("A (p₁ = {p1})", "A（p₁ = {p1}）"),
    "cp.information.rarer.second": ("B (p₂ = {p2})", "B（p₂ = {p2}）"),
    "cp.information.rarer.same": ("Both the same", "一样多"),
    "cp.information.rarer.why": (
        "Information content is −log p, which grows as p shrinks: A carries {i1} {unit}, "
        "B carries {i2} {unit}.",
        "信息量是 −log p，p 越小它越大：A 携带 {i1} {unit}，B 携带 {i2} {unit}。"),
    "cp.information.together.title": ("two steps together", "两步合在一起"),
    "cp.information.together.q": (
        "How many {unit} of information does the outcome “A, then B” carry, with the p₁ and p₂ "
        "set above?",
        "按上面设定的 p₁ 和 p₂，结果“先 A 后 B”携带多少{unit}的信息？"),
    "cp.information.together.why": (
        "Its probability is p₁·p₂ = {joint}, so it carries −log {joint} = {both} {unit}: "
        "A's {i1} {unit} plus B's {i2} {unit}. Information adds up where probabilities multiply.",
        "它的概率是 p₁·p₂ = {joint}，所以携带 −log {joint} = {both} {unit}：即 A 的 {i1} {unit}"
        "加上 B 的 {i2} {unit}。概率相乘之处，信息相加。"),
    "cp.information.most_uncertain.title": ("the most uncertain distribution",
                                            "最不确定的分布"),
    "cp.information.most_uncertain.q": (
        "Your table has {k} events. What is the largest entropy, in {unit}, that any "
        "distribution over {k} events can have?",
        "你的表格有 {k} 个事件。{k} 个事件上的任何分布，熵最大能达到多少{unit}？"),
    "cp.information.most_uncertain.why": (
        "The uniform distribution, 1/{k} for every event, is the most uncertain: its entropy "
        "is log {k} = {top} {unit}, and every other distribution over {k} events has less. "
        "Your table's entropy is {h} {unit}.",
        "均匀分布（每个事件概率都是 1/{k}）最不确定：它的熵是 log {k} = {top} {unit}，"
        "{k} 个事件上的其他任何分布都更小。你的表格的熵是 {h} {unit}。"),

    # ---- codes ------------------------------------------------------------------------------
    "cp.codes.code_length.title": ("the cost of whole bits", "整数比特的代价"),
    "cp.codes.code_length.q": (
        "Huffman's code for P gives every event a whole number of bits. About how many bits "
        "per symbol will it spend on average when events follow P? (Within 0.25 bits counts.)",
        "P 的哈夫曼编码给每个事件分配整数个比特。当事件服从 P 时，它平均每个符号大约花多少比特？"
        "（误差在 0.25 比特以内算对。）"),
    "cp.codes.code_length.why": (
        "It spends L = {length} bits per symbol against H(P) = {h} bits, {gap} bits more. "
        "No code with whole-bit lengths beats H(P) on average, and Huffman's code stays less "
        "than one bit above it.",
        "它平均每个符号花 L = {length} 比特，而 H(P) = {h} 比特，多出 {gap} 比特。"
        "码长为整数比特的编码，平均不可能低于 H(P)；哈夫曼编码比它多出不到 1 比特。"),
    "cp.codes.code_length.why.one_event": (
        "It spends L = {length} bits per symbol although H(P) = {h}: with one possible event "
        "there is nothing to tell, yet this page gives every codeword at least one bit (a "
        "convention: a message of known length could be sent with no bits at all).",
        "它平均每个符号花 L = {length} 比特，而 H(P) = {h}：只有一个可能事件时没有任何信息需要传递，"
        "但本页约定每个码字至少 1 比特（这是一种约定：如果消息长度已知，完全可以一个比特也不发）。"),
    "cp.codes.wrong_code.title": ("someone else's code", "用别人的编码"),
    "cp.codes.wrong_code.q": (
        "Now encode events that follow P with the Huffman code built for Q. On average, will "
        "it spend more bits per symbol than P's own code, the same, or fewer?",
        "现在用为 Q 构造的哈夫曼编码来编码服从 P 的事件。平均每个符号花的比特数，比 P 自己的编码"
        "多、一样，还是少？"),
    "cp.codes.wrong_code.more": ("More", "更多"),
    "cp.codes.wrong_code.same": ("The same", "一样"),
    "cp.codes.wrong_code.fewer": ("Fewer", "更少"),
    "cp.codes.wrong_code.why": (
        "P's own code spends {own} bits per symbol, Q's code {other}: {extra} bits more. No "
        "prefix code beats Huffman's code for P on average, so another distribution's code can "
        "only tie or lose; its ideal extra cost is KL(P‖Q) = {kl} bits, and whole-bit "
        "rounding moves that by up to about a bit either way.",
        "P 自己的编码平均每个符号花 {own} 比特，Q 的编码花 {other} 比特：多出 {extra} 比特。平均而言，"
        "没有任何前缀码能胜过 P 的哈夫曼编码，所以别的分布的编码只能持平或更差；它的理想额外代价是 "
        "KL(P‖Q) = {kl} 比特，取整到整数比特会使这个数上下变动最多约 1 比特。"),
    "cp.codes.wrong_code.why.missing": (
        "Q gives probability 0 to an event that P can produce, so Q's code has no codeword for "
        "it and cannot encode P's messages at all: the cost is ∞, and so is KL(P‖Q).",
        "Q 给 P 可能产生的某个事件分配了概率 0，所以 Q 的编码没有它的码字，根本无法编码 P 的消息："
        "代价是 ∞，KL(P‖Q) 也是 ∞。"),

    # ---- explorer ---------------------------------------------------------------------------
    "cp.explorer.kl_direction.title": ("is KL a distance?", "KL 是距离吗？"),
    "cp.explorer.kl_direction.q": (
        "For the P and Q in the table, which is larger: KL(P‖Q) or KL(Q‖P)?",
        "对表格中的 P 和 Q，哪个更大：KL(P‖Q) 还是 KL(Q‖P)？"),
    "cp.explorer.kl_direction.pq": ("KL(P‖Q)", "KL(P‖Q)"),
    "cp.explorer.kl_direction.qp": ("KL(Q‖P)", "KL(Q‖P)"),
    "cp.explorer.kl_direction.same": ("They are equal", "两者相等"),
    "cp.explorer.kl_direction.why": (
        "KL(P‖Q) = {pq} {unit} and KL(Q‖P) = {qp} {unit}. KL weighs each event's log ratio by "
        "the first distribution's probabilities, so swapping P and Q changes the weights: the "
        "two directions differ in general, which is why KL is not a distance.",
        "KL(P‖Q) = {pq} {unit}，KL(Q‖P) = {qp} {unit}。KL 用第一个分布的概率给每个事件的对数比"
        "加权，交换 P 和 Q 就换了权重：两个方向一般不相等，所以 KL 不是距离。"),
    "cp.explorer.kl_direction.if.same": (
        "They are equal only in special cases, such as Q = P, or two events whose probabilities "
        "P and Q swap.",
        "只有在特殊情况下两者才相等，例如 Q = P，或两个事件的概率在 P 和 Q 之间互换。"),
    "cp.explorer.bits_per_symbol.title": ("the price of the wrong code", "用错编码的代价"),
    "cp.explorer.bits_per_symbol.q": (
        "Give each event a codeword of −log₂ q bits, as if Q were right, while events actually "
        "follow P. About how many bits per symbol does that code spend on average? (Within 0.25 "
        "bits counts.)",
        "按 Q 正确的假设给每个事件分配 −log₂ q 比特的码字，而事件实际服从 P。这样的编码平均每个符号"
        "大约花多少比特？（误差在 0.25 比特以内算对。）"),
    "cp.explorer.bits_per_symbol.why": (
        # Not H(P) or KL(P‖Q): how H(P,Q) compares with H(P) is the next checkpoint's question.
        "It spends H(P,Q) = −Σ p log₂ q = {cross} bits per symbol: each event's codeword "
        "length −log₂ q, averaged with the weights P gives the events.",
        "它平均每个符号花 H(P,Q) = −Σ p log₂ q = {cross} 比特：每个事件的码长 −log₂ q，"
        "按 P 给各事件的概率加权平均。"),
    "cp.explorer.bits_per_symbol.why.infinite": (
        "No finite number: Q gives probability 0 to an event that P can produce, and "
        "−log₂ 0 = ∞. A code built for Q has no codeword for that event, so it cannot send "
        "every message from P at all: H(P,Q) = −Σ p log₂ q = ∞.",
        "没有有限的数：Q 给 P 可能产生的某个事件的概率是 0，而 −log₂ 0 = ∞。按 Q 建的编码"
        "没有这个事件的码字，根本无法发送 P 产生的所有消息：H(P,Q) = −Σ p log₂ q = ∞。"),
    "cp.explorer.cross_floor.title": ("can the wrong model cost less?", "错误的模型会更省吗？"),
    "cp.explorer.cross_floor.q": (
        "Scoring P's outcomes with Q costs H(P,Q) on average; scoring them with P itself costs "
        "H(P). For the P and Q in the table, is H(P,Q) above, equal to or below H(P)?",
        "用 Q 给 P 的结果打分，平均代价是 H(P,Q)；用 P 自己打分，代价是 H(P)。"
        "对表格中的 P 和 Q，H(P,Q) 比 H(P) 大、相等，还是小？"),
    "cp.explorer.cross_floor.above": ("Above", "更大"),
    "cp.explorer.cross_floor.equal": ("Equal", "相等"),
    "cp.explorer.cross_floor.below": ("Below", "更小"),
    "cp.explorer.cross_floor.why": (
        "H(P,Q) = {cross} {unit} and H(P) = {h} {unit}. Their difference is KL(P‖Q) = {kl} "
        "{unit}, which is never negative (Gibbs' inequality) and is zero only when Q = P.",
        "H(P,Q) = {cross} {unit}，H(P) = {h} {unit}。两者之差就是 KL(P‖Q) = {kl} {unit}，"
        "它永不为负（吉布斯不等式），只有 Q = P 时才为零。"),

    # ---- loss -------------------------------------------------------------------------------
    "cp.loss.bce_reduction.title": ("what the library returns", "库函数返回什么"),
    "cp.loss.bce_reduction.q": (
        "Give PyTorch's `nn.BCELoss()`, with its defaults, the {k} predicted probabilities and "
        "labels of the table as one sample. What does it return?",
        "把表格中 {k} 个预测概率和标签作为一个样本交给 PyTorch 的 `nn.BCELoss()`（默认参数）。"
        "它返回什么？"),
    "cp.loss.bce_reduction.sum": ("{sum}, the sum over the {k} classes",
                                  "{sum}，{k} 个类别之和"),
    "cp.loss.bce_reduction.mean": ("{mean}, the mean over the {k} classes",
                                   "{mean}，{k} 个类别的平均"),
    "cp.loss.bce_reduction.why": (
        "`nn.BCELoss()` averages over every element by default (`reduction='mean'`), classes "
        "included: {sum} ÷ {k} = {mean}. This page's multi-label loss sums over the classes, as "
        "Nielsen's book does; multiply PyTorch's value by {k} to compare.",
        "`nn.BCELoss()` 默认对所有元素取平均（`reduction='mean'`），类别也算在内：{sum} ÷ {k} = "
        "{mean}。本页的多标签损失像 Nielsen 的书一样对类别求和；要比较，就把 PyTorch 的值乘以 {k}。"),
    "cp.loss.mle.title": ("the most likely coin", "最可能的硬币"),
    "cp.loss.mle.q": (
        "A coin shows {heads} heads in {n} tosses. Which probability of heads θ makes this data "
        "most likely? (Within 0.02 counts.)",
        "一枚硬币抛 {n} 次出现 {heads} 次正面。正面概率 θ 取多少时，这组数据的可能性最大？"
        "（误差在 0.02 以内算对。）"),
    "cp.loss.mle.why": (
        "The mean negative log-likelihood, −[{heads} ln θ + {tails} ln(1 − θ)] ÷ {n}, is "
        "smallest at θ = heads ÷ tosses = {theta}: minimising cross-entropy on the data is "
        "maximum likelihood.",
        "平均负对数似然 −[{heads} ln θ + {tails} ln(1 − θ)] ÷ {n} 在 θ = 正面数 ÷ 抛掷数 = {theta} "
        "处最小：在数据上最小化交叉熵，就是极大似然估计。"),
    "cp.loss.mle.pending": (
        "With no tosses there is no data to fit: set some heads or tails.",
        "没有任何抛掷就没有可拟合的数据：请设定正面或反面的次数。"),
    "cp.loss.logit_gradient.title": ("the gradient at the logit", "对 logit 的梯度"),
    "cp.loss.logit_gradient.q": (
        "With the logits and the true class set above, and C the softmax cross-entropy, what "
        "is ∂C/∂z for the true class's logit? (Within 0.03 counts.)",
        "按上面设定的 logits 和真实类别，C 为 softmax 交叉熵，真实类别的 logit 的 ∂C/∂z 是多少？"
        "（误差在 0.03 以内算对。）"),
    "cp.loss.logit_gradient.why": (
        "For softmax with cross-entropy, ∂C/∂zⱼ = aⱼ − yⱼ. The true class has a = {a} and "
        "y = 1, so ∂C/∂z = {a} − 1 = {grad}: negative, so a gradient-descent step raises that "
        "logit.",
        "对 softmax 加交叉熵，∂C/∂zⱼ = aⱼ − yⱼ。真实类别的 a = {a}，y = 1，所以 ∂C/∂z = {a} − 1 "
        "= {grad}：为负，因此梯度下降的一步会增大这个 logit。"),

    # ---- neuron -----------------------------------------------------------------------------
    "cp.neuron.first_step.title": ("does a bigger error mean a bigger step?",
                                   "误差越大，步子越大吗？"),
    "cp.neuron.first_step.q": (
        "With the quadratic cost, is the first gradient step of the bias from your start "
        "(output a = {a_here}) larger or smaller than from the good start w = 0.6, b = 0.9 "
        "(a = {a_good}), at the same learning rate?",
        "用二次代价时，从你的起点（输出 a = {a_here}）出发，偏置的第一步梯度更新，比从良好起点 "
        "w = 0.6、b = 0.9（a = {a_good}）出发时更大还是更小（学习率相同）？"),
    "cp.neuron.first_step.larger": ("Larger", "更大"),
    "cp.neuron.first_step.same": ("The same", "一样"),
    "cp.neuron.first_step.smaller": ("Smaller", "更小"),
    "cp.neuron.first_step.why": (
        "The step is η·|a − y|·σ′(z). From your start σ′(z) = {sp_here} and the step is "
        "{here}; from the good start σ′(z) = {sp_good} and the step is {good}.",
        "这一步的大小是 η·|a − y|·σ′(z)。从你的起点出发，σ′(z) = {sp_here}，步长 {here}；"
        "从良好起点出发，σ′(z) = {sp_good}，步长 {good}。"),
    "cp.neuron.first_step.if.larger": (
        "A larger error does not make a larger step when the neuron is saturated: "
        "σ′(z) = a(1 − a) shrinks towards 0 as a nears 0 or 1.",
        "神经元饱和时，更大的误差并不带来更大的步子：a 接近 0 或 1 时，σ′(z) = a(1 − a) 趋近于 0。"),
    "cp.neuron.first_to_target.title": ("the race", "比赛"),
    "cp.neuron.first_to_target.q": (
        "From the start and learning rates set above, which cost first brings the output "
        "within {threshold} of the target (|a − y| < {threshold})? Predict, then press Play.",
        "按上面设定的起点和学习率，哪种代价先让输出与目标值相差不到 {threshold}"
        "（|a − y| < {threshold}）？先预测，再按“播放”。"),
    "cp.neuron.first_to_target.quadratic": ("The quadratic cost", "二次代价"),
    "cp.neuron.first_to_target.cross_entropy": ("Cross-entropy", "交叉熵"),
    "cp.neuron.first_to_target.tie": ("Both in the same epoch", "在同一轮达到"),
    "cp.neuron.first_to_target.neither": ("Neither within {epochs} epochs",
                                          "{epochs} 轮内都达不到"),
    "cp.neuron.first_to_target.why": (
        "Epochs to reach |a − y| < {threshold}: quadratic cost {quadratic}, cross-entropy "
        "{cross_entropy} (∞: not within {epochs} epochs).",
        "达到 |a − y| < {threshold} 所需轮数：二次代价 {quadratic}，交叉熵 {cross_entropy}"
        "（∞ 表示 {epochs} 轮内未达到）。"),

    # ---- network ----------------------------------------------------------------------------
    "cp.network.after_one.title": ("who is ahead after one epoch?", "第一轮后谁领先？"),
    "cp.network.after_one.q": (
        "After one epoch, which network has the higher test accuracy: the one trained with the "
        "quadratic cost or the one trained with cross-entropy?",
        "训练一轮后，哪个网络的测试准确率更高：用二次代价训练的，还是用交叉熵训练的？"),
    "cp.network.after_one.quadratic": ("The quadratic cost's", "二次代价的"),
    "cp.network.after_one.cross_entropy": ("Cross-entropy's", "交叉熵的"),
    "cp.network.after_one.tie": ("Neither: a tie", "打平"),
    "cp.network.after_one.pending": (
        "Your prediction is kept: train the networks below to see the answer.",
        "你的预测已保存：在下方训练网络后即可看到答案。"),
    "cp.network.after_one.why": (
        "After epoch {epoch}: the quadratic cost's network gets {quadratic}% of the test digits "
        "right, cross-entropy's {cross_entropy}%.",
        "第 {epoch} 轮后：二次代价的网络在测试数字上的准确率为 {quadratic}%，交叉熵的为 "
        "{cross_entropy}%。"),
    "cp.network.at_the_end.title": ("who ends ahead?", "最后谁领先？"),
    "cp.network.at_the_end.q": (
        "And after the last epoch, which network ends with the higher test accuracy?",
        "那么最后一轮之后，哪个网络的测试准确率更高？"),
    "cp.network.at_the_end.quadratic": ("The quadratic cost's", "二次代价的"),
    "cp.network.at_the_end.cross_entropy": ("Cross-entropy's", "交叉熵的"),
    "cp.network.at_the_end.tie": ("Neither: a tie", "打平"),
    "cp.network.at_the_end.pending": (
        "Your prediction is kept: train the networks below to see the answer.",
        "你的预测已保存：在下方训练网络后即可看到答案。"),
    "cp.network.at_the_end.why": (
        "After the last epoch ({epoch}): quadratic cost {quadratic}%, cross-entropy "
        "{cross_entropy}%. Which cost ends ahead depends on the settings and the seed.",
        "最后一轮（第 {epoch} 轮）后：二次代价 {quadratic}%，交叉熵 {cross_entropy}%。最后谁领先"
        "取决于设置和随机种子。"),

    # ---- continuous -------------------------------------------------------------------------
    "cp.continuous.reverse_fit.title": ("where will the KL(Q‖P) fit sit?",
                                        "KL(Q‖P) 的拟合会落在哪里？"),
    "cp.continuous.reverse_fit.q": (
        "The KL(P‖Q) fit spreads across all of P. For the P you shaped, where will the "
        "Gaussian that minimises KL(Q‖P) sit?",
        "KL(P‖Q) 的拟合铺满整个 P。对你设定的 P，最小化 KL(Q‖P) 的高斯分布会落在哪里？"),
    "cp.continuous.reverse_fit.between": ("Across the peaks, like the KL(P‖Q) fit",
                                          "横跨各个峰，和 KL(P‖Q) 的拟合一样"),
    "cp.continuous.reverse_fit.one_peak": ("On one peak of P", "落在 P 的一个峰上"),
    "cp.continuous.reverse_fit.why": (
        "The best KL(Q‖P) fit is N({mu}, {sd}²), with {share}% of its probability in one "
        "peak's basin (P has {peaks} peak(s)); the KL(P‖Q) fit is N({forward_mu}, "
        "{forward_sd}²). KL(Q‖P) averages log(q/p) over Q, so Q is punished wherever it puts "
        "probability that P lacks: with peaks far apart it settles on one of them; with peaks "
        "close together the valley between them is shallow and Q can stay across them.",
        "最优的 KL(Q‖P) 拟合是 N({mu}, {sd}²)，它有 {share}% 的概率落在一个峰的区域内（P 有 "
        "{peaks} 个峰）；KL(P‖Q) 的拟合是 N({forward_mu}, {forward_sd}²)。KL(Q‖P) 是在 Q 下对 "
        "log(q/p) 取平均，所以 Q 在 P 缺少概率的地方放概率就会受罚：峰相距较远时，它会停在其中一个峰上；"
        "峰相距较近时，峰间的谷很浅，Q 可以横跨它们。"),
    "cp.continuous.reverse_fit.pending": (
        "P has a single peak, so both fits sit on it and either answer would be right. Your "
        "prediction is kept: choose an experiment with two or three peaks to have it checked.",
        "P 只有一个峰，两个拟合都落在它上面，两个答案都对。你的预测已保存：选一个有两个或三个峰的实验，"
        "就会检查它。"),
    "cp.continuous.entropy_sign.title": ("can entropy be negative?", "熵可以是负的吗？"),
    "cp.continuous.entropy_sign.q": (
        "Is the differential entropy h of a Gaussian with σ = {sd} (set above) positive, zero "
        "or negative?",
        "对上面设定的标准差 σ = {sd}的高斯分布，它的微分熵 h 是正、零还是负？"),
    "cp.continuous.entropy_sign.positive": ("Positive", "正"),
    "cp.continuous.entropy_sign.zero": ("Zero", "零"),
    "cp.continuous.entropy_sign.negative": ("Negative", "负"),
    "cp.continuous.entropy_sign.why": (
        "h = ½ log(2πe σ²) = {h} {unit}. It is below zero exactly when σ < 1/√(2πe) ≈ {edge}: "
        "a density can exceed 1, so −log p can be negative. Discrete entropy never is.",
        "h = ½ log(2πe σ²) = {h} {unit}。当且仅当 σ < 1/√(2πe) ≈ {edge} 时它小于零：概率密度可以"
        "大于 1，所以 −log p 可以是负数。离散熵则永远不会是负的。"),

    # ---- compression ------------------------------------------------------------------------
    "cp.compression.held_out_turn.title": ("does a bigger model always compress better?",
                                           "模型越大压缩得越好吗？"),
    "cp.compression.held_out_turn.q": (
        "As the order grows from 0 to {top}, the model remembers longer contexts of the "
        "training text. On the held-out text, will its bits per character keep falling, or "
        "turn up before order {top}?",
        "阶数从 0 增加到 {top} 时，模型记住训练文本中更长的上下文。在留出文本上，它的每字符比特数会"
        "一直下降，还是在 {top} 阶之前就回升？"),
    "cp.compression.held_out_turn.keeps_falling": ("Keep falling", "一直下降"),
    "cp.compression.held_out_turn.turns_up": ("Turn up", "回升"),
    "cp.compression.held_out_turn.why": (
        "The held-out text's lowest is {low} bits per character at order {best}; at order "
        "{top} it is {last}. A longer context can describe the training text more closely, but "
        "on new text more of the contexts are rare or unseen: a guess learned from one or two "
        "examples is often wrong, and for an unseen context the model can only spread "
        "probability evenly over all V characters. Only the held-out cross-entropy shows "
        "whether the longer context pays.",
        "留出文本的最低值是 {best} 阶时的每字符 {low} 比特；{top} 阶时为 {last}。上下文越长，越能细致地"
        "描述训练文本；但在新文本上，更多的上下文罕见或从未出现：从一两个例子学到的猜测常常出错，而对从未见过的"
        "上下文，模型只能把概率平均分给全部 V 个字符。只有留出文本上的交叉熵才能说明更长的上下文是否值得。"),
    "cp.compression.huffman_vs_arithmetic.title": ("rounding to whole bits", "取整到整数比特"),
    "cp.compression.huffman_vs_arithmetic.q": (
        "The arithmetic coder spends about the model's −Σ log₂ q bits on the held-out text. A "
        "Huffman code built for each context rounds every symbol to whole bits. On this text, "
        "will it spend more bits, the same, or fewer?",
        "算术编码在留出文本上大约花费模型的 −Σ log₂ q 比特。为每个上下文构造的哈夫曼编码把每个符号"
        "取整到整数比特。在这段文本上，它花的比特更多、一样，还是更少？"),
    "cp.compression.huffman_vs_arithmetic.more": ("More", "更多"),
    "cp.compression.huffman_vs_arithmetic.same": ("The same", "一样"),
    "cp.compression.huffman_vs_arithmetic.fewer": ("Fewer", "更少"),
    "cp.compression.huffman_vs_arithmetic.why": (
        "Huffman per context: {huffman} bits; arithmetic code: {coded} bits, a difference of "
        "{diff}. Averaged over texts that follow the model, whole-bit lengths cost at least "
        "−log₂ q (more, unless every q is a power of ½); on one particular text they can cost less, when the text's characters are "
        "not the ones the model expected.",
        "每个上下文的哈夫曼编码：{huffman} 比特；算术编码：{coded} 比特，相差 {diff}。对服从模型的"
        "文本取平均，整数比特码长至少要花 −log₂ q（除非每个 q 都是 ½ 的幂，否则更多）；但在某一段具体文本上，如果出现的字符不是模型所"
        "预期的，它也可能花得更少。"),

    # ---- calibration ------------------------------------------------------------------------
    "cp.calibration.absolute_report.title": ("does every score reward honesty?",
                                             "每种评分都奖励诚实吗？"),
    "cp.calibration.absolute_report.q": (
        "Scored by the absolute error |q − y| instead, which report q costs least on average "
        "at p = {p}?",
        "如果改用绝对误差 |q − y| 打分，在 p = {p} 时报告哪个 q 的平均代价最低？"),
    "cp.calibration.absolute_report.q_is_p": ("q = p, the true probability", "q = p，真实的概率"),
    "cp.calibration.absolute_report.q_extreme": ("q = 0 or 1, whichever side p is on",
                                                 "q = 0 或 1，取决于 p 在哪一边"),
    "cp.calibration.absolute_report.any": ("Every q costs the same", "任何 q 的代价都一样"),
    "cp.calibration.absolute_report.why": (
        "The expected absolute error p(1 − q) + (1 − p)q is a straight line in q, so it is "
        "lowest at an end, here q = {m}. The log loss and the quadratic (Brier) score are both "
        "lowest at q = p = {log}: they are proper scoring rules, the absolute error is not.",
        "期望绝对误差 p(1 − q) + (1 − p)q 是 q 的一次函数，所以最小值在端点，这里是 q = {m}。"
        "对数损失和二次（Brier）评分都在 q = p = {log} 处最小：它们是恰当评分规则，绝对误差不是。"),
    "cp.calibration.absolute_report.why.tie": (
        "At p = 0.5 the expected absolute error p(1 − q) + (1 − p)q is 0.5 for every q: it cannot "
        "tell an honest report from any other. The log loss and the quadratic (Brier) score are "
        "both lowest at q = p = {log}: they are proper scoring rules, the absolute error is not.",
        "p = 0.5 时，期望绝对误差 p(1 − q) + (1 − p)q 对每个 q 都等于 0.5：它分不出诚实的报告和"
        "其他报告。对数损失和二次（Brier）评分都在 q = p = {log} 处最小：它们是恰当评分规则，"
        "绝对误差不是。"),
    "cp.calibration.smoothing_gap.title": ("how confident at the minimum?", "最优时有多自信？"),
    "cp.calibration.smoothing_gap.q": (
        "At the lowest loss for ε = {eps} and K = {k}, how far above the others does the true "
        "class's logit sit? (Within 2%, or 0.05 if that is more, counts.)",
        "在 ε = {eps}、K = {k} 时，损失最小处真实类别的 logit 比其他类别高出多少？（误差在 2% 以内，"
        "或在 0.05 以内（取较大者），都算对。）"),
    "cp.calibration.smoothing_gap.why": (
        "At g = ln((1 − ε + ε/K) ÷ (ε/K)) = {gap} the softmax equals the smoothed target, so "
        "KL(P‖Q) = 0 and the cross-entropy reaches its floor H(P). A larger gap costs more.",
        "当 g = ln((1 − ε + ε/K) ÷ (ε/K)) = {gap} 时，softmax 正好等于平滑后的目标分布，于是 "
        "KL(P‖Q) = 0，交叉熵降到下限 H(P)。差距再大，损失反而更高。"),
    "cp.calibration.smoothing_gap.pending": (
        "At ε = 0 the target is one-hot and there is no finite answer: the loss keeps falling "
        "as g grows. Set ε above 0 to ask again.",
        "ε = 0 时目标分布是独热的，没有有限的答案：g 越大损失越小。把 ε 调到大于 0 再试。"),
    "cp.calibration.confidence.title": ("is the network honest?", "网络诚实吗？"),
    "cp.calibration.confidence.q": (
        "On the images T is fitted on, is the chosen network over-confident (right less often "
        "than it claims), about right, or under-confident?",
        "在用来拟合 T 的图像上，所选网络是过度自信（答对的频率低于它声称的把握）、大致准确，还是自信不足？"),
    "cp.calibration.confidence.over": ("Over-confident", "过度自信"),
    "cp.calibration.confidence.level": ("About right", "大致准确"),
    "cp.calibration.confidence.under": ("Under-confident", "自信不足"),
    "cp.calibration.confidence.why": (
        "On those images temperature scaling chose T = {t}: T > 1 softens the probabilities "
        "(over-confident there), T < 1 sharpens them (under-confident); within {level} of 1 "
        "counts as about right. The reliability diagram below uses other images and can "
        "disagree: compare its mean confidence with its accuracy.",
        "在这些图像上，温度缩放选出 T = {t}：T > 1 让概率变平缓（在那里过度自信），T < 1 让概率变尖锐"
        "（自信不足）；与 1 相差不到 {level} 算大致准确。下面的可靠性图用的是另一批图像，可能与此不一致："
        "请对比那里的平均置信度与准确率。"),
    "cp.calibration.confidence.pending": (
        "Your prediction is kept: train the networks on the digits page to see the answer.",
        "你的预测已保存：在手写数字网络页面训练网络后即可看到答案。"),
}

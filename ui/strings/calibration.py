"""Strings of the soft-targets and calibration page (pages/lessons/calibration.py)."""

STRINGS = {
    "page.calibration": ("Soft targets and calibration", "软目标与校准"),
    "page.calibration.question": ("When a model says 90%, is it right 90% of the time?", "模型说有 90% 的把握时，它真的有九成是对的吗？"),
    "cal.net.detail": ("Before and after scaling, on the test images",
                       "缩放前后对比（测试图像）"),
    "page.calibration.blurb": (
        "The log loss as a proper scoring rule, label smoothing and distillation as targets "
        "that are not one-hot, and whether the digits network's confidence is honest.",
        "对数损失作为恰当评分规则；标签平滑与知识蒸馏：不是独热的目标分布；以及手写数字网络的置信度是否可信。"),

    # ---- 1. Proper scoring rules ---------------------------------------------------------------
    "cal.score": ("Which report scores best?", "报告哪个概率得分最好？"),
    "cal.score.intro": (
        "A coin lands heads (y = 1) with probability p; you report q and are scored on the "
        "outcome. Where is each expected score lowest?",
        "一枚硬币正面朝上（y = 1）的概率为 p；你报告概率 q，按实际结果计分。每种评分的期望值在哪里最低？"),
    "cal.score.p": ("True probability of heads p", "正面朝上的真实概率 p"),
    "cal.rule.log": ("Log loss", "对数损失"),
    "cal.rule.brier": ("Quadratic (Brier)", "二次（Brier）评分"),
    "cal.rule.absolute": ("Absolute error", "绝对误差"),
    "cal.score.best": ("{rule}: lowest at q =", "{rule}：最低点 q ="),
    "cal.score.tie": ("every q ties", "每个 q 都一样"),
    "cal.hold": ("Answer the checkpoint above to see this result.",
                 "先回答上面的检查点，再看这个结果。"),
    "cal.score.axis_q": ("Reported probability q", "报告的概率 q"),
    "cal.score.axis_value": ("Expected score", "期望得分"),
    "cal.score.series": ("Score", "评分"),
    "cal.score.best_q": ("Lowest at q", "最低点 q"),
    "cal.score.caption": (
        "Expected score of each report q at p = {p} (log loss in {unit}; lower is better). "
        "Lowest: {list}.",
        "p = {p} 时每个报告 q 的期望得分（对数损失以{unit}为单位；越低越好）。最低点：{list}。"),
    "cal.score.at": (
        "{rule} q = {q} ({value})",
        "{rule} q = {q}（{value}）"),
    "cal.score.at_any": (
        "{rule} every q ({value})",
        "{rule}任意 q（{value}）"),
    "cal.score.take.exaggerate": (
        "Log loss and quadratic score are lowest at the honest report q = p: they are proper "
        "scoring rules. The absolute error is lowest at q = {q}: exaggerating pays.",
        "对数损失和二次分数都在如实报告 q = p 处最低：它们是恰当评分规则。绝对误差在 q = {q} 处最低：夸大反而划算。"),
    "cal.score.take.flat": (
        "Log loss and quadratic score are lowest at the honest report q = p: they are proper "
        "scoring rules. At p = 0.5 the absolute error is the same for every q.",
        "对数损失和二次分数都在如实报告 q = p 处最低：它们是恰当评分规则。p = 0.5 时，绝对误差对任何 q 都一样。"),
    "cal.score.take.certain": (
        "With p = {p} the outcome is certain, so all three scores are lowest at q = p. Move p "
        "between 0 and 1 to see them part.",
        "p = {p} 时结果是确定的，三种评分都在 q = p 处最低。把 p 移到 0 与 1 之间，看它们如何分开。"),
    "cal.score.why": ("Why q = p: the expected log loss is H(p) + KL(p‖q)",
                      "为什么是 q = p：期望对数损失等于 H(p) + KL(p‖q)"),
    "cal.score.why.text": (
        "The expected log loss is the cross-entropy of the coin's distribution (p, 1 − p) and "
        "the report (q, 1 − q), so it splits into the coin's entropy, which no report changes, "
        "and a KL divergence, which is 0 only at q = p (Gibbs' inequality). The quadratic score "
        "has derivative 2(q − p), zero at q = p. The absolute error is a straight line in q "
        "with slope 1 − 2p: it falls all the way to q = 1 when p > 0.5 and to q = 0 when "
        "p < 0.5. A rule minimised by the truth is called proper. For a coin, both the log loss "
        "$-\\log q_y$ and the quadratic score $(1 - q_y)^2$ depend only on the probability the report "
        "gave to what happened; with three or more outcomes the log loss is the only proper "
        "rule that does (up to scale and shift).",
        "期望对数损失就是硬币分布 (p, 1 − p) 与报告 (q, 1 − q) 的交叉熵，因此可拆成硬币的熵（任何"
        "报告都改变不了）加上一个 KL 散度，而 KL 散度只在 q = p 时为 0（吉布斯不等式）。二次分数的导数是 "
        "2(q − p)，在 q = p 处为零。绝对误差是 q 的一条直线，斜率为 1 − 2p：p > 0.5 时一路降到 "
        "q = 1，p < 0.5 时降到 q = 0。以真实概率为最小点的评分规则称为恰当的。对硬币来说，"
        "对数损失 $-\\log q_y$ 和二次分数 $(1 - q_y)^2$ 都只取决于报告给实际发生结果的概率；当可能的结果有三个或更多时，"
        "对数损失是唯一这样做的恰当评分规则（相差缩放和平移）。"),

    # ---- 2. Label smoothing --------------------------------------------------------------------
    "cal.smooth": ("Label smoothing: a target that is not one-hot",
                   "标签平滑：不是独热的目标分布"),
    "cal.smooth.intro": (
        "Mix the one-hot label y with the uniform distribution over K classes, and train a "
        "softmax whose true-class logit is g above the other K − 1:",
        "把独热标签 y 与 K 个类别上的均匀分布混合，再训练一个 softmax，其真实类别的 logit 比其余 "
        "K − 1 个高出 g："),
    "cal.smooth.eps": ("Smoothing ε", "平滑系数 ε"),
    "cal.smooth.k": ("Classes K", "类别数 K"),
    "cal.smooth.gap": ("Logit gap g", "logit 差 g"),
    "cal.smooth.gap.help": ("The true class's logit minus each other class's logit (they are "
                            "all equal here).",
                            "真实类别的 logit 减去其他每个类别的 logit（这里其他类别的 logit 都相等）。"),
    "cal.smooth.m.best": ("Best gap g*", "最佳差值 g*"),
    "cal.smooth.m.ce": ("H(P, Q) at g", "g 处的 H(P, Q)"),
    "cal.smooth.m.h": ("H(P): the lowest loss", "H(P)：最低损失"),
    "cal.smooth.m.kl": ("KL(P‖Q) at g", "g 处的 KL(P‖Q)"),
    "cal.smooth.one_hot": ("One-hot target (ε = 0)", "独热目标分布（ε = 0）"),
    "cal.smooth.smoothed": (
        "Smoothed target (ε = {eps})",
        "平滑目标分布（ε = {eps}）"),
    "cal.smooth.floor": ("H(P)", "H(P)"),
    "cal.smooth.mark": ("Marked", "标记"),
    "cal.smooth.best": ("Minimum, Q = P", "最小值：Q = P"),
    "cal.smooth.now": ("Your g", "你的 g"),
    "cal.smooth.axis_gap": ("Logit gap g (natural log, whatever the units setting)",
                            "logit 差 g（自然对数，与单位设置无关）"),
    "cal.smooth.axis_value": ("Cross-entropy H(P, Q) ({unit})", "交叉熵 H(P, Q)（{unit}）"),
    "cal.smooth.series": ("Target", "目标分布"),
    "cal.smooth.take": (
        "The loss is lowest at Q = P, where KL(P‖Q) = 0: the true logit needs to be only g\\* = "
        "{gap} above the others. Smoothing keeps the logits finite.",
        "损失在 Q = P 处最低，此时 KL(P‖Q) = 0：真实类别的 logit 只需比其他类别高 g\\* = {gap}。平滑让 logit 保持有限。"),
    "cal.smooth.take.zero": (
        "With ε = 0 the target is one-hot: the loss keeps falling as g grows, so training "
        "pushes the logits apart without end.",
        "ε = 0 时目标分布是独热的：g 越大损失越小，训练会无休止地把 logit 推开。"),
    "cal.smooth.caption": (
        "Cross-entropy against the logit gap for K = {k}. One-hot target: {one_hot_0} at "
        "g = 0, {one_hot_end} at g = {end}, never a minimum. {smoothed}",
        "K = {k} 时交叉熵随 logit 差的变化。独热目标分布：g = 0 时为 {one_hot_0}，g = {end} 时为 "
        "{one_hot_end}，没有最小值。{smoothed}"),
    "cal.smooth.caption.smoothed": (
        "Smoothed target: lowest, {h}, at g* = {gap}.",
        "平滑目标分布：在 g* = {gap} 处最低，为 {h}。"),
    "cal.smooth.caption.far": (
        "Smoothed target: lowest, {h}, at g* = {gap}, beyond the axis.",
        "平滑目标分布：在 g* = {gap} 处最低，为 {h}，超出了横轴范围。"),
    "cal.smooth.link": ("One-hot targets, softmax and its gradient: Cross-entropy as a loss",
                        "独热目标分布、softmax 及其梯度：交叉熵作为损失函数"),
    "cal.smooth.why": ("Why the minimum is at Q = P, and where g* comes from",
                       "为什么最小值在 Q = P，g* 从何而来"),
    "cal.smooth.why.text": (
        "H(P, Q) = H(P) + KL(P‖Q) holds for any target P, one-hot or not. H(P) does not depend "
        "on the network, and KL(P‖Q) ≥ 0 with equality only at Q = P. The softmax output with "
        "gap g gives the true class eᵍ / (eᵍ + K − 1) and each other class 1 / (eᵍ + K − 1); "
        "setting their ratio eᵍ equal to the target's ratio gives g*. A one-hot target has "
        "H(P) = 0 and can be reached only as g → ∞. Label smoothing was introduced by Szegedy "
        "et al. (2016); Müller, Kornblith and Hinton (2019) studied when it helps.",
        "H(P, Q) = H(P) + KL(P‖Q) 对任何目标分布 P 都成立，无论是否独热。H(P) 与网络无关，而 "
        "KL(P‖Q) ≥ 0，且只在 Q = P 时取等号。差值为 g 的 softmax 输出给真实类别 eᵍ / (eᵍ + K − 1)，"
        "给其他每个类别 1 / (eᵍ + K − 1)；令二者之比 eᵍ 等于目标分布中的比值，就得到 g*。独热目标分布的 "
        "H(P) = 0，只有当 g → ∞ 时才能达到。标签平滑由 Szegedy 等人（2016）提出；Müller、Kornblith "
        "和 Hinton（2019）研究了它何时有用。"),

    # ---- 3. Distillation -----------------------------------------------------------------------
    "cal.distil": ("Distillation: the teacher's softened output as the target",
                   "知识蒸馏：以教师模型软化后的输出为目标分布"),
    "cal.distil.intro": (
        "A trained teacher's logits z for one image of a 7 (illustrative numbers). The student "
        "is trained toward softmax(z / T):",
        "一个训练好的教师模型对一张数字 7 图像给出的 logit z（示意数字）。学生模型以 softmax(z / T) "
        "为目标分布进行训练："),
    "cal.distil.t": ("Temperature T", "温度 T"),
    "cal.distil.m.wrong": ("Target on the other digits", "目标分布分给其他数字的概率"),
    "cal.distil.m.wrong.delta": ("{value} at T = 1", "T = 1 时为 {value}"),
    "cal.distil.m.entropy": ("Entropy of the target", "目标分布的熵"),
    "cal.distil.m.grad": ("Soft-loss gradient, × T²", "软损失梯度 × T²"),
    "cal.distil.m.grad.help": (
        "Length of the soft loss's gradient with respect to an untrained student's logits "
        "(all equal), times T²; without the factor it is {raw}.",
        "软损失对一个未训练学生模型（logit 全部相等）的 logit 的梯度长度，乘以 T²；不乘这个因子时为 {raw}。"),
    "cal.distil.digit": ("Digit", "数字"),
    "cal.distil.series": ("Target", "目标分布"),
    "cal.distil.at1": ("Target at T = 1", "T = 1 时的目标分布"),
    "cal.distil.atT": ("Target at your T", "你选的 T 下的目标分布"),
    "cal.distil.take": (
        "At T = {t} the target gives {wrong} to digits other than 7, most to {first} and "
        "{second}: the student is rewarded for ranking the wrong answers as the teacher does.",
        "T = {t} 时，目标分布把 {wrong} 分给 7 以外的数字，其中最多的是 {first} 和 {second}：学生模型"
        "因像教师一样给错误答案排序而得到奖励。"),
    "cal.distil.take.one": (
        "At T = 1 the target gives only {wrong} to digits other than 7 (most to {first} and "
        "{second}): too little for the student to learn much from how the teacher ranks the "
        "wrong answers. Raise T.",
        "T = 1 时，目标分布只把 {wrong} 分给 7 以外的数字（其中最多的是 {first} 和 {second}）：太少了，"
        "学生模型几乎学不到教师如何给错误答案排序。把 T 调大试试。"),
    "cal.distil.caption.one": (
        "At T = 1 the hollow and the filled bars are the same target. Largest: 7 ({top1}).",
        "T = 1 时空心柱和实心柱是同一个目标分布。最大的是 7（{top1}）。"),
    "cal.distil.caption": (
        "Hollow bars: the target at T = 1; filled bars: at T = {t}. Largest: 7 ({top1} at "
        "T = 1, {top} at T = {t}).",
        "空心柱：T = 1 时的目标分布；实心柱：T = {t} 时的目标分布。最大的是 7（T = 1 时 {top1}，T = {t} 时 {top}）。"),
    "cal.distil.why": ("What the soft loss rewards, and why it is multiplied by T²",
                       "软损失奖励什么，以及为什么要乘以 T²"),
    "cal.distil.why.text": (
        "The student's soft loss is H(softmax(z/T), softmax(v/T)) for its logits v. It is "
        "lowest when v = z + c for any constant c: matching the teacher's logits, not only its "
        "top class. Its gradient with respect to v is (softmax(v/T) − softmax(z/T)) / T: "
        "for large T both probabilities are near uniform and, for logits of mean 0, differ by "
        "about (v − z) / (K T), so the gradient shrinks like 1/T². "
        "Hinton, Vinyals and Dean (2015) therefore multiply the soft loss by T², so that its "
        "share of the gradient stays about the same when T changes; the usual total is "
        "$\\alpha \\cdot T^2 \\cdot H(p_T, q_T) + (1 - \\alpha) \\cdot H(y, q_1)$.",
        "学生模型的软损失是 H(softmax(z/T), softmax(v/T))，v 为学生的 logit。当 v = z + c（c 为任意"
        "常数）时它最小：要匹配教师的全部 logit，而不仅是最高的类别。它对 v 的梯度为 "
        "(softmax(v/T) − softmax(z/T)) / T：T 很大时两个概率都接近均匀；若 logit 的均值为 0，二者相差约 "
        "(v − z) / (K T)，"
        "所以梯度按 1/T² 缩小。"
        "因此 Hinton、Vinyals 和 Dean（2015）把软损失乘以 T²，使它在梯度中的占比在 T 改变时大致不变；"
        "常用的总损失为 $\\alpha \\cdot T^2 \\cdot H(p_T, q_T) + (1 - \\alpha) \\cdot H(y, q_1)$。"),
    "cal.distil.grad.axis": ("Gradient length", "梯度长度"),
    "cal.distil.grad.raw": ("Gradient", "梯度"),
    "cal.distil.grad.scaled": ("T² × gradient", "T² × 梯度"),
    "cal.distil.grad.caption": (
        "For an untrained student (all logits equal): the gradient's length is {g1} at T = 1, "
        "{g10} at T = 10 and {g100} at T = 100; times T², {s1}, {s10} and {s100}.",
        "对一个未训练的学生模型（logit 全部相等）：梯度长度在 T = 1 时为 {g1}，T = 10 时为 {g10}，"
        "T = 100 时为 {g100}；乘以 T² 后分别为 {s1}、{s10} 和 {s100}。"),

    # ---- 4. Calibration of the digits network ----------------------------------------------------
    "cal.net": ("Is the digits network's confidence honest?", "手写数字网络的置信度可信吗？"),
    "cal.net.intro": (
        "Calibrated: of the images given confidence c, a fraction c is right. Below: the "
        "digits network page's two networks at its current settings.",
        "校准：在被给出置信度 c 的图像中，恰好有比例 c 被分对。下面是手写数字网络页面当前设置下的两个网络。"),
    "cal.run.none": (
        "The digits network page has no finished run for its current settings yet.",
        "手写数字网络页面在当前设置下还没有训练完成的结果。"),
    "cal.run.stopped": (
        "The digits network page's run for its current settings was stopped after {done} of "
        "{epochs} epochs: finish it there.",
        "手写数字网络页面当前设置下的训练在第 {done} 轮（共 {epochs} 轮）时停止了：请在那里完成训练。"),
    "cal.run.failed": (
        "The digits network page's training of its current settings failed after {done} of "
        "{epochs} epochs: train it again there.",
        "手写数字网络页面当前设置下的训练在第 {done} 轮（共 {epochs} 轮）后失败了：请在那里重新训练。"),
    "cal.run.training": (
        "The digits network page is training its current settings ({done} of {epochs} epochs "
        "done): the calibration appears here once it has finished.",
        "手写数字网络页面正在训练当前设置（已完成 {done} 轮，共 {epochs} 轮）：训练完成后这里会显示校准结果。"),
    "cal.run.no_outputs": (
        "The digits network page's run for its current settings kept no output-layer values "
        "to read. Train it again there.",
        "手写数字网络页面当前设置下的训练结果没有保存输出层的数值。请在那里重新训练。"),
    "cal.net.link": ("Train it on the digits network page", "到手写数字网络页面训练"),
    "cal.net.link.back": ("The digits network page", "手写数字网络页面"),
    "cal.net.which": ("Network", "网络"),
    "cal.net.name.cross_entropy": ("cross-entropy", "交叉熵"),
    "cal.net.name.quadratic": ("quadratic-cost", "二次代价"),
    "cal.net.bins": ("Confidence bins", "置信度分箱数"),
    "cal.net.m.t": ("Fitted temperature T", "拟合的温度 T"),
    "cal.net.m.ece": ("Test ECE, T = 1 → T", "测试集 ECE：T = 1 → T"),
    "cal.net.m.nll": (
        "Test NLL ({unit}), T = 1 → T",
        "测试集 NLL（{unit}）：T = 1 → T"),
    "cal.net.m.acc": ("Test accuracy", "测试准确率"),
    "cal.net.m.acc.help": ("Dividing every logit by T > 0 keeps the largest one largest, so "
                           "accuracy does not change.",
                           "把 logit 都除以 T > 0 不会改变哪个 logit 最大，所以准确率前后相同。"),
    "cal.net.before": ("T = 1", "T = 1"),
    "cal.net.after": ("Fitted T", "拟合的 T"),
    "cal.net.axis_conf": ("Mean confidence in the bin", "分箱内的平均置信度"),
    "cal.net.axis_acc": ("Accuracy in the bin", "分箱内的准确率"),
    "cal.net.series": ("Logits divided by", "logit 除以"),
    "cal.net.count": ("Images", "图像数"),
    "cal.net.perfect": ("Perfect calibration", "完美校准"),
    "cal.net.over": (
        "T = {t} > 1: the {net} network was over-confident on the images T was fitted on, so "
        "its logits are softened.",
        "T = {t} > 1：在用来拟合 T 的图像上，{net}网络过度自信，因此把它的 logit 调软。"),
    "cal.net.under": (
        "T = {t} < 1: the {net} network was under-confident on the images T was fitted on, so "
        "its logits are sharpened.",
        "T = {t} < 1：在用来拟合 T 的图像上，{net}网络自信不足，因此把它的 logit 调尖锐。"),
    "cal.net.level": (
        "T = {t}: the {net} network's confidence needs almost no rescaling.",
        "T = {t}：{net}网络的置信度几乎不需要调整。"),
    "cal.net.change": (
        "On the test images the ECE {ece} and the NLL {nll}; accuracy stays {acc}.",
        "在测试图像上，ECE {ece}，NLL {nll}；准确率保持 {acc}。"),
    "cal.change.fell": ("fell from {a} to {b}", "从 {a} 降到 {b}"),
    "cal.change.rose": ("rose from {a} to {b}", "从 {a} 升到 {b}"),
    "cal.change.same": ("stayed at {a}", "保持在 {a}"),
    "cal.net.mean_conf": (
        "Mean confidence at T = 1: {conf}.",
        "T = 1 时的平均置信度：{conf}。"),
    "cal.net.split.valid": (
        "T is fitted on the {n_fit} validation images; every number here is measured on the "
        "{n_test} test images.",
        "T 在 {n_fit} 张验证图像上拟合；这里的每个数字都在 {n_test} 张测试图像上测得。"),
    "cal.net.split.halves": (
        "The bundled digits have no validation split: T is fitted on the first {n_fit} test "
        "images, every number here measured on the other {n_test}.",
        "自带数字没有验证集：T 在前 {n_fit} 张测试图像上拟合，这里的每个数字都在其余 {n_test} 张上测得。"),
    "cal.net.caption": (
        "Reliability diagram, {net} network, {bins} bins; point size: number of images. Dotted "
        "diagonal: perfect calibration (points below it are over-confident). T = 1's open "
        "circles are drawn over the fitted T's squares.",
        "可靠性图：{net}网络，{bins} 个分箱；点的大小表示图像数。虚线对角线：完美校准（在它下方的点"
        "过度自信）。T = 1 的空心圆画在拟合的 T 的方块之上。"),
    "cal.net.compare": ("Both networks", "两个网络对比"),
    "cal.net.compare.text": ("Fitted T: {parts}.", "拟合的 T：{parts}。"),
    "cal.net.compare.part": ("{net} {t} ({verdict})", "{net} {t}（{verdict}）"),
    "cal.verdict.over": ("over-confident", "过度自信"),
    "cal.verdict.under": ("under-confident", "自信不足"),
    "cal.verdict.level": ("about right", "基本合适"),
    "cal.net.noisy": (
        "With this few images, a T fitted on one half need not help on the other.",
        "图像这么少时，在一半图像上拟合的 T 不一定对另一半有帮助。"),
    "cal.net.noisy.valid": (
        "Scaled by the T fitted on the validation images, the test images' ECE or NLL rose "
        "(details below): the two sets of images need not agree.",
        "用验证图像拟合的 T 缩放后，测试图像的 ECE 或 NLL 反而升高了（详见下方）：两组图像的结果不一定一致。"),
    "cal.net.col.net": ("Network", "网络"),
    "cal.net.col.acc": ("Accuracy", "准确率"),
    "cal.net.col.t": ("Fitted T", "拟合的 T"),
    "cal.net.col.ece0": ("ECE, T = 1", "ECE（T = 1）"),
    "cal.net.col.ece1": ("ECE, fitted T", "ECE（拟合的 T）"),
    "cal.net.col.nll0": ("NLL, T = 1 ({unit})", "NLL（T = 1，{unit}）"),
    "cal.net.col.nll1": ("NLL, fitted T ({unit})", "NLL（拟合的 T，{unit}）"),
    "cal.net.failed": ("The {net} network: {problem}", "{net}网络：{problem}"),
    "cal.net.bins.table": ("Every bin of the reliability diagram", "可靠性图的每个分箱"),
    "cal.net.col.bin": ("Confidence bin", "置信度区间"),
    "cal.net.col.count": ("Images", "图像数"),
    "cal.net.col.conf": ("Mean confidence", "平均置信度"),
    "cal.net.col.accuracy": ("Accuracy", "准确率"),
    "cal.net.col.series": ("Logits divided by", "logit 除以"),
    "cal.net.how": ("How confidence is read here (a choice)", "这里如何读取置信度（一种选择）"),
    "cal.net.how.text": (
        "The network was trained with one sigmoid per class (Nielsen's network), not with a "
        "softmax, so its ten outputs need not add up to 1. This page reads the output layer's "
        "weighted inputs z as logits: an image's confidence is the largest entry of "
        "softmax(z / T). That is a choice. It gives one temperature a meaning, as in Guo et "
        "al. (2017), and keeps each image's predicted class (the largest z). Normalising the "
        "sigmoid outputs instead, $\\sigma(z_j) / \\sum_k \\sigma(z_k)$, would give this network a test ECE of "
        "{sigmoid} at T = 1, against {softmax} with softmax.",
        "这个网络训练时每个类别用一个 sigmoid（Nielsen 的网络），而不是 softmax，所以它的十个输出"
        "加起来不一定等于 1。本页把输出层的带权输入 z 当作 logit：一张图像的置信度是 softmax(z / T) "
        "中最大的一项。这是一种选择：它让一个温度有了意义（与 Guo 等人 2017 年的做法一致），并保持"
        "每张图像的预测类别不变（最大的 z）。若改为把 sigmoid 输出归一化，$\\sigma(z_j) / \\sum_k \\sigma(z_k)$，"
        "这个网络在 T = 1 时的测试集 ECE 为 {sigmoid}，而用 softmax 时为 {softmax}。"),
    "cal.net.formulas": ("ECE, NLL and temperature scaling: the formulas",
                         "ECE、NLL 与温度缩放：公式"),
    "cal.net.formulas.text": (
        "Bins $B_b$ split the top-class confidence into equal-width intervals; $n_b$ images fall "
        "in bin b, a fraction $\\mathrm{acc}_b$ of them are right and $\\mathrm{conf}_b$ is their mean confidence. The NLL is the "
        "mean of $-\\log \\mathrm{softmax}(z/T)_y$ over the images, y being each image's label: the "
        "cross-entropy with one-hot targets. Temperature scaling (Guo, Pleiss, Sun and "
        "Weinberger, 2017) picks the T > 0 with the lowest NLL on held-out images; dividing "
        "every logit by T keeps their order, so accuracy does not change. The ECE depends on "
        "the number of bins and, on a few hundred images, moves with a handful of them.",
        "分箱 $B_b$ 把最高类别置信度分成等宽区间；$n_b$ 张图像落在分箱 b，其中被分对的比例为 $\\mathrm{acc}_b$，"
        "它们的平均置信度为 $\\mathrm{conf}_b$。NLL 是所有图像上 $-\\log \\mathrm{softmax}(z/T)_y$ 的平均值（y 为每张图像的"
        "标签），即独热目标分布下的交叉熵。温度缩放（Guo、Pleiss、Sun 和 Weinberger，2017）在留出的图像"
        "上选取 NLL 最低的 T > 0；把每个 logit 除以 T 不改变它们的顺序，所以准确率不变。ECE 取决于"
        "分箱数；只有几百张图像时，几张图像就能让它变化。"),

    # ---- Problems with the network's outputs (lib.calibration codes) ----------------------------
    "problem.cal_shape": ("The outputs are not one row of at least two numbers per image.",
                          "输出不是每张图像一行、每行至少两个数。"),
    "problem.cal_labels": ("The labels are not one class number per image.",
                           "标签不是每张图像一个类别编号。"),
    "problem.cal_not_finite": (
        "Image {row}'s outputs are not finite (the training diverged): try a smaller η on "
        "the digits network page.",
        "第 {row} 张图像的输出不是有限的数（训练发散了）：请在手写数字网络页面尝试更小的 η。"),
    "problem.cal_probs": ("The probabilities of image {row} do not add up to 1.",
                          "第 {row} 张图像的概率加起来不等于 1。"),
    "cal.teachers": ("For teachers", "给教师"),
    "cal.teachers.body": (
        '**What students often believe:** that a network which says 95% is right 95% of the time, and that a loss which rewards confidence also rewards honest confidence. **Pause on** the checkpoint “does every score reward honesty?” and then “is the network honest?”. **Ask next:** why does dividing the logits by T leave the accuracy unchanged? Calibration and temperature scaling follow Guo, Pleiss, Sun and Weinberger, “On Calibration of Modern Neural Networks” (ICML 2017, [arXiv:1706.04599](https://arxiv.org/abs/1706.04599)).',
        '**学生常有的误解**：网络说有 95% 的把握时，就有 95% 的时候是对的；奖励自信的损失也一定奖励如实的自信。**在这里停下**：先回答检查点“每种评分都奖励诚实吗？”，再回答“网络诚实吗？”。**接着可以问**：为什么把 logit 除以 T 不改变准确率？校准与温度缩放依照 Guo、Pleiss、Sun 和 Weinberger 的《On Calibration of Modern Neural Networks》（ICML 2017，[arXiv:1706.04599](https://arxiv.org/abs/1706.04599)）。'),
}

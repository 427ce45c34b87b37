"""Strings of the P vs Q explorer page."""

STRINGS = {
    "ex.intro": (
        "P is what really happens; Q is the model's belief about it. Edit either column in the "
        "table and every number and chart below updates at once.",
        "P 是真实发生的情况，Q 是模型对它的估计。编辑表格中的任意一列，下面所有的数字和图表都会"
        "立即更新。"),
    "ex.presets": ("Start from an example", "从一个例子开始"),
    "ex.preset.animals": ("Dog, cat, fish, bird", "狗、猫、鱼、鸟"),
    "ex.preset.cat_dog_bird": ("One-hot label: cat", "独热标签：猫"),
    "ex.preset.classifier": ("Classifier vs label", "分类器输出与标签"),
    "ex.preset.ruled_out": ("Q rules out an event", "Q 排除了一个事件"),
    "ex.preset.die": ("Fair vs loaded die", "公平骰子与灌铅骰子"),
    "ex.preset.coin": ("Fair vs biased coin", "公平硬币与偏心硬币"),
    "ex.mode": ("The P and Q columns hold", "P 列和 Q 列填写的是"),
    "ex.mode.prob": ("probabilities", "概率"),
    "ex.mode.counts": ("counts or weights", "计数或权重"),
    "ex.mode.help": (
        "Probabilities must each be at least 0 and add up to 1 in each column. Counts or "
        "weights can be any non-negative numbers; each column is divided by its own total.",
        "概率必须都不小于 0，且每一列之和为 1。计数或权重可以是任意非负数，每列会除以该列的总和。"),
    "ex.col.P": ("The true distribution: how often each event really happens.",
                 "真实分布：每个事件实际发生的频率。"),
    "ex.col.Q": ("The model's distribution: the probability it assigns to each event.",
                 "模型的分布：模型给每个事件分配的概率。"),
    "ex.editor.help": (
        "Double-click a cell to edit it; numbers may be typed as 0.125, 1/8, 12.5% or 1e-5. Add "
        "an event with the + row at the bottom; select rows on the left and press Delete to "
        "remove them. Between 1 and {max} events.",
        "双击单元格进行编辑；数字可以写成 0.125、1/8、12.5% 或 1e-5。点底部的 + 行添加事件；选中"
        "左侧的行后按 Delete 删除。事件数须在 1 到 {max} 之间。"),
    "ex.normalise": ("Normalise P and Q so each sums to 1", "归一化 P 和 Q，使每列之和为 1"),
    "ex.normalise.or_counts": (
        "Or switch the columns to “counts or weights” above to keep your numbers as they are.",
        "或者在上方把列类型切换为“计数或权重”，保留你输入的数字。"),
    "ex.waiting": ("The results appear as soon as the table describes two distributions.",
                   "表格描述的是两个有效分布后，结果就会显示出来。"),
    "ex.from_counts": (
        "Normalised from counts: P divided by its total {p_total}, Q by its total {q_total}.",
        "已由计数归一化：P 除以其总和 {p_total}，Q 除以其总和 {q_total}。"),
    "ex.single_event": (
        "With a single event both P and Q give it probability 1: nothing is uncertain, so "
        "every quantity below is 0.",
        "只有一个事件时，P 和 Q 都给它概率 1：没有任何不确定性，所以下面每个量都是 0。"),

    "ex.table_name": ("the P and Q table", "P 和 Q 的表格"),
    "ex.files": ("CSV file: download or load", "CSV 文件：下载或载入"),

    # Results.
    "ex.results": ("Results", "结果"),
    "ex.m.h_p": ("Entropy H(P)", "熵 H(P)"),
    "ex.m.h_p.help": ("Average surprise of events drawn from P, scored with P itself.",
                      "从 P 中抽取事件、并用 P 本身打分时的平均惊讶度。"),
    "ex.m.h_q": ("Entropy H(Q)", "熵 H(Q)"),
    "ex.m.h_q.help": ("Average surprise of events drawn from Q, scored with Q itself.",
                      "从 Q 中抽取事件、并用 Q 本身打分时的平均惊讶度。"),
    "ex.m.ce_pq": ("Cross-entropy H(P, Q)", "交叉熵 H(P, Q)"),
    "ex.m.ce_pq.help": (
        "Average surprise when events follow P but are scored with Q: the classification loss.",
        "事件服从 P、却用 Q 打分时的平均惊讶度：也就是分类损失。"),
    "ex.m.ce_qp": ("Cross-entropy H(Q, P)", "交叉熵 H(Q, P)"),
    "ex.m.ce_qp.help": ("The same with the roles swapped: events follow Q, scored with P.",
                        "角色互换：事件服从 Q，用 P 打分。"),
    "ex.m.kl_pq": ("KL divergence KL(P‖Q)", "KL 散度 KL(P‖Q)"),
    "ex.m.kl_pq.help": ("The extra surprise caused by using Q instead of P: H(P, Q) − H(P).",
                        "KL 散度又称相对熵：用 Q 代替 P 所带来的额外惊讶度，H(P, Q) − H(P)。"),
    "ex.m.kl_qp": ("KL divergence KL(Q‖P)", "KL 散度 KL(Q‖P)"),
    "ex.m.kl_qp.help": ("The extra surprise the other way round: H(Q, P) − H(Q).",
                        "反过来的额外惊讶度：H(Q, P) − H(Q)。"),
    "ex.inf.pq": (
        "H(P, Q) and KL(P‖Q) are ∞ because Q gives probability 0 to {events}, which P says can "
        "happen. Scoring a possible event as impossible costs infinitely much.",
        "H(P, Q) 和 KL(P‖Q) 为 ∞，因为 Q 给 {events}的概率是 0，而 P 认为它们可能发生。把可能"
        "发生的事件判为不可能，代价是无穷大。"),
    "ex.inf.qp": (
        "H(Q, P) and KL(Q‖P) are ∞ because P gives probability 0 to {events}, which Q says can "
        "happen.",
        "H(Q, P) 和 KL(Q‖P) 为 ∞，因为 P 给 {events}的概率是 0，而 Q 认为它们可能发生。"),
    "ex.identity": ("Cross-entropy = entropy + KL divergence", "交叉熵 = 熵 + KL 散度（相对熵）"),
    "ex.residual": (
        "Both sides agree: the residual H(P, Q) − H(P) − KL(P‖Q) is {residual} {unit}, "
        "nothing but floating-point rounding.",
        "两边相等：残差 H(P, Q) − H(P) − KL(P‖Q) 为 {residual} {unit}，只是浮点舍入误差。"),
    "ex.residual.inf": (
        "Both sides are ∞, so the identity holds; a residual ∞ − ∞ has no value.",
        "两边都是 ∞，恒等式成立；∞ − ∞ 的残差没有意义。"),
    "ex.gibbs": (
        "**Gibbs' inequality:** KL(P‖Q) = {kl} is never negative. No model scores P's events "
        "better on average than P itself, and KL is 0 only when Q equals P. That is why "
        "H(P, Q) ≥ H(P).",
        "**吉布斯不等式：** KL(P‖Q) = {kl}，永远不为负。平均而言，没有哪个模型对 P 的事件打分能比 "
        "P 本身更好；只有 Q 等于 P 时 KL 才为 0。所以 H(P, Q) ≥ H(P)。"),
    "ex.asym": (
        "**Not symmetric:** KL(P‖Q) = {pq} but KL(Q‖P) = {qp}. Swapping the roles of truth and "
        "model changes the answer, so KL divergence is not a distance.",
        "**不对称：** KL(P‖Q) = {pq}，而 KL(Q‖P) = {qp}。交换真实分布和模型的角色会改变结果，"
        "所以 KL 散度不是距离。"),
    "ex.asym.equal": (
        "**Not symmetric in general:** here KL(P‖Q) = {pq} and KL(Q‖P) = {qp} happen to agree, "
        "but try another example: swapping truth and model usually changes the answer.",
        "**一般不对称：** 这里 KL(P‖Q) = {pq} 与 KL(Q‖P) = {qp} 恰好相等，但换个例子试试："
        "交换真实分布和模型通常会改变结果。"),
    "ex.formulas": ("Formulas and conventions", "公式与约定"),
    "ex.formulas.conventions": (
        "The log base sets the unit (2 for bits, e for nats, 10 for hartleys). By convention "
        "0 · log 0 = 0, so an event P calls impossible adds nothing. If P gives an event "
        "probability above 0 and Q gives it 0, then −p log q = ∞.",
        "对数的底决定单位（2 为比特，e 为奈特，10 为哈特莱）。约定 0 · log 0 = 0，因此 P 认为不可能"
        "的事件不贡献任何量。如果 P 给某事件的概率大于 0 而 Q 给它 0，则 −p log q = ∞。"),

    # Per event.
    "ex.per_event": ("Event by event", "逐个事件"),
    "ex.per_event.intro": (
        "The information content −log p says how surprising each event is under P and under Q. "
        "Each cross-entropy term −p log q splits into an entropy term −p log p and a KL term "
        "p log(p/q); summing each column gives H(P), H(P, Q) and KL(P‖Q).",
        "自信息 −log p 表示每个事件在 P 和 Q 下有多出人意料。每个交叉熵项 −p log q 都可以拆成熵项 "
        "−p log p 与 KL 项 p log(p/q)；各列求和分别得到 H(P)、H(P, Q) 和 KL(P‖Q)。"),
    "ex.col.info_p": ("−log p ({unit})", "−log p（{unit}）"),
    "ex.col.info_q": ("−log q ({unit})", "−log q（{unit}）"),
    "ex.col.entropy_term": ("−p log p ({unit})", "−p log p（{unit}）"),
    "ex.col.ce_term": ("−p log q ({unit})", "−p log q（{unit}）"),
    "ex.col.kl_term": ("p log(p/q) ({unit})", "p log(p/q)（{unit}）"),
    "ex.chart.stack": ("Cross-entropy, event by event", "逐个事件的交叉熵"),
    "ex.chart.stack.caption": (
        "The wide bar is the entropy part −p log p. The narrow bar on top of it is the KL part "
        "p log(p/q): red and pointing up where Q gives the event less probability than P, green "
        "and pointing down where it gives more. The dark tick marks where they end: the total "
        "−p log q. Summed over events, the green parts never outweigh the red (Gibbs).",
        "宽柱是熵的部分 −p log p。叠在上面的窄柱是 KL 部分 p log(p/q)：当 Q 给该事件的概率比 P "
        "小时为红色、向上；比 P 大时为绿色、向下。深色短线标出两者相加的终点，即总和 −p log q。"
        "对所有事件求和，绿色部分永远抵不过红色部分（吉布斯不等式）。"),
    "ex.chart.value": ("Value ({unit})", "数值（{unit}）"),
    "ex.chart.entropy_part": ("−p log p (entropy part)", "−p log p（熵部分）"),
    "ex.chart.kl_adds": ("p log(p/q) > 0: Q under-weights", "p log(p/q) > 0：Q 低估"),
    "ex.chart.kl_subtracts": ("p log(p/q) < 0: Q over-weights", "p log(p/q) < 0：Q 高估"),
    "ex.chart.total": ("−p log q (total)", "−p log q（总和）"),
    "ex.chart.part": ("Part", "组成"),
    "ex.chart.infinite": ("∞: Q gives this event probability 0", "∞：Q 给这个事件的概率为 0"),
    "ex.chart.floor": ("H(P), the lowest possible cross-entropy", "H(P)，交叉熵可能的最小值"),

    # Blend.
    "ex.blend": ("Move Q toward P", "让 Q 向 P 靠近"),
    "ex.blend.intro": (
        "Training moves the model's Q toward the truth P. Slide t from 0 (Q as entered) to 1 "
        "(Q = P): the cross-entropy falls to H(P) and the KL divergence to 0, while H(P) itself "
        "never moves.",
        "训练会把模型的 Q 推向真实的 P。把 t 从 0（输入的 Q）滑到 1（Q = P）：交叉熵下降到 "
        "H(P)，KL 散度下降到 0，而 H(P) 本身始终不变。"),
    "ex.blend.t": ("Blend t", "混合系数 t"),
    "ex.blend.ce": ("Cross-entropy H(P, Qₜ)", "交叉熵 H(P, Qₜ)"),
    "ex.blend.kl": ("KL divergence KL(P‖Qₜ)", "KL 散度 KL(P‖Qₜ)"),
    "ex.blend.caption": (
        "The gap between the two curves is always H(P), the dashed line. A point where the "
        "cross-entropy is ∞ (Q gives a possible event probability 0 at t = 0) is left out.",
        "两条曲线之间的差始终是 H(P)，即虚线。交叉熵为 ∞ 的点（t = 0 时 Q 给可能事件的概率为 0）"
        "不画出。"),
    "ex.blend.table": ("Show Qₜ", "显示 Qₜ"),

    "ex.download.terms": ("Download this table (CSV)", "下载此表（CSV）"),
    "ex.download.blend": ("Download Qₜ (CSV)", "下载 Qₜ（CSV）"),

    # CSV files in and out (used by this page and the information page).
    "file.download": ("Download the table (CSV)", "下载表格（CSV）"),
    "file.upload": ("Load a table from a CSV file", "从 CSV 文件载入表格"),
    "file.upload.help": (
        "Columns by name in the first line: {columns} (the label column may be missing). "
        "UTF-8, commas or semicolons; with semicolons, 0,5 is read as 0.5. At most {rows} rows "
        "and {kb} KB. A file with a problem leaves your table as it is.",
        "第一行写列名：{columns}（标签列可以省略）。UTF-8 编码，用逗号或分号分隔；用分号时 0,5 "
        "读作 0.5。最多 {rows} 行、{kb} KB。文件有问题时，你的表格保持不变。"),
    "file.loaded": ("Loaded {n} rows from “{file}”.", "已从“{file}”载入 {n} 行。"),
    "file.decimal_comma": (
        "Its numbers use decimal commas (0,5), read as decimal points (0.5).",
        "文件中的数字使用小数逗号（0,5），已按小数点（0.5）读取。"),
    "file.rejected": ("“{file}” was not loaded; your table is unchanged.",
                      "未载入“{file}”，你的表格保持不变。"),
    "file.more": ("… and {n} more.", "……还有 {n} 处。"),
    "ex.link.codes": ("Count these bits: codes and samples for this P and Q", "数一数这些比特：这组 P 和 Q 的编码与采样"),
}

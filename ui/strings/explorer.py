"""Strings of the P vs Q explorer page."""

STRINGS = {
    "ex.intro": (
        "P is what really happens; Q is the model's belief about it. Edit either column.",
        "P 是真实发生的情况，Q 是模型对它的估计。编辑任意一列试试。"),
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
        "Double-click a cell to edit (0.125, 1/8, 12.5% and 1e-5 all work). The + row adds an "
        "event, Delete removes selected rows (1 to {max}).",
        "双击单元格编辑（0.125、1/8、12.5% 和 1e-5 都可以）。+ 行添加事件，Delete 删除选中的行"
        "（1 到 {max} 个）。"),
    "ex.normalise": ("Normalise P and Q so each sums to 1", "归一化 P 和 Q，使每列之和为 1"),
    "ex.normalise.or_counts": (
        "Or switch the columns to “counts or weights” above to keep your numbers as they are.",
        "或者在上方把列类型切换为“计数或权重”，保留你输入的数字。"),
    "ex.waiting": ("The results appear as soon as the table describes two distributions.",
                   "表格描述的是两个有效分布后，结果就会显示出来。"),
    "ex.stale": (
        "Below: the results for the last table that described two distributions, not for the "
        "table above. They update as soon as it does again.",
        "下面是上一个有效表格（描述两个分布）的结果，不是上面这张表的结果。表格重新有效后，结果"
        "会立即更新。"),
    "ex.stale.badge": ("last valid table", "上一个有效表格"),
    "ex.held": ("Predict above to see these numbers.",
                "先在上面作出预测，再看这些数字。"),
    "ex.held.stale": (
        "These numbers wait for a prediction. The checkpoints that ask for it appear above once "
        "the table has no problem.",
        "这些数字要等你作出预测后才显示。表格没有问题后，提问的检查点会出现在上面。"),
    "ex.held.both": ("Make predictions 1 and 2 above (cross-entropy, and its floor) to see this.",
                     "先完成上面的预测 1 和 2（交叉熵及其下限），再看这里。"),
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
    "ex.m.kl_pq.help": ("The KL divergence, also called relative entropy: the extra surprise "
                        "caused by using Q instead of P, H(P, Q) − H(P).",
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
    "ex.residual": (
        "Both sides agree: the residual H(P, Q) − H(P) − KL(P‖Q) is {residual} {unit}, "
        "nothing but floating-point rounding.",
        "两边相等：残差 H(P, Q) − H(P) − KL(P‖Q) 为 {residual} {unit}，只是浮点舍入误差。"),
    "ex.residual.inf": (
        "Both sides are ∞, so the identity holds; a residual ∞ − ∞ has no value.",
        "两边都是 ∞，恒等式成立；∞ − ∞ 的残差没有意义。"),
    "ex.gibbs": (
        "**Gibbs' inequality:** KL(P‖Q) = {kl} is never negative, and 0 only when Q = P; so "
        "H(P, Q) ≥ H(P).",
        "**吉布斯不等式**：KL(P‖Q) = {kl}，永远不为负，只有 Q = P 时才为 0；所以 "
        "H(P, Q) ≥ H(P)。"),
    "ex.asym": (
        "**Not symmetric:** KL(P‖Q) = {pq} but KL(Q‖P) = {qp}. Swapping the roles of truth and "
        "model changes the answer, so KL divergence is not a distance.",
        "**不对称**：KL(P‖Q) = {pq}，而 KL(Q‖P) = {qp}。交换真实分布和模型的角色会改变结果，"
        "所以 KL 散度不是距离。"),
    "ex.asym.equal": (
        "**Not symmetric in general:** here KL(P‖Q) = {pq} and KL(Q‖P) = {qp} happen to agree, "
        "but try another example: swapping truth and model usually changes the answer.",
        "**一般不对称**：这里 KL(P‖Q) = {pq} 与 KL(Q‖P) = {qp} 恰好相等，但换个例子试试："
        "交换真实分布和模型通常会改变结果。"),
    "ex.formulas": ("Formulas and conventions", "公式与约定"),
    "ex.formulas.conventions": (
        "The log base sets the unit (2 for bits, e for nats, 10 for hartleys). By convention "
        "0 · log 0 = 0, so an event P calls impossible adds nothing. If P gives an event "
        "probability above 0 and Q gives it 0, then −p log q = ∞.",
        "对数的底决定单位（2 为比特，e 为奈特，10 为哈特莱）。约定 0 · log 0 = 0，因此 P 认为不可能"
        "的事件不贡献任何量。如果 P 给某事件的概率大于 0 而 Q 给它 0，则 −p log q = ∞。"),

    # Per event.
    "ex.per_event.intro": (
        "The information content −log p says how surprising each event is under P and under Q. "
        "Each cross-entropy term −p log q splits into an entropy term −p log p and a KL term "
        "p log(p/q); summing each column gives H(P), H(P, Q) and KL(P‖Q).",
        "自信息 −log p 表示每个事件在 P 和 Q 下有多出人意料。每个交叉熵项 −p log q 都可以拆成熵项 "
        "−p log p 与 KL 项 p log(p/q)；各列求和分别得到 H(P)、H(P, Q) 和 KL(P‖Q)。"),
    "ex.col.info_p": ("−log p ({unit})", "−log p（{unit}）"),
    "ex.col.info_q": ("−log q ({unit})", "−log q（{unit}）"),
    "ex.col.entropy_term": ("−p log p ({unit})", "−p log p（{unit}）"),
    "ex.col.cross_entropy_term": ("−p log q ({unit})", "−p log q（{unit}）"),
    "ex.col.kl_term": ("p log(p/q) ({unit})", "p log(p/q)（{unit}）"),
    "ex.chart.stack": ("Cross-entropy, event by event", "逐个事件的交叉熵"),
    "ex.chart.stack.caption": (
        "Grey: the entropy part −p log p. On it, the KL part p log(p/q): vermillion, up, where "
        "Q gives the event less probability than P; blue, down, where it gives more. The dark "
        "tick is the total −p log q. Summed over events, blue never outweighs vermillion.",
        "灰色：熵的部分 −p log p。叠在上面的是 KL 部分 p log(p/q)：Q 给该事件的概率比 P 小时为朱红色、"
        "向上；比 P 大时为蓝色、向下。深色短线是总和 −p log q。对所有事件求和，蓝色永远抵不过朱红色"
        "。"),
    "ex.chart.stack.alt": ("Largest term: “{event}”, {value}. Q under-weights {under}.",
                           "最大的一项：“{event}”，{value}。Q 低估了{under}。"),
    "ex.chart.stack.alt.none": ("Largest term: “{event}”, {value}. Q under-weights no event.",
                                "最大的一项：“{event}”，{value}。Q 没有低估任何事件。"),
    "ex.chart.bars.alt": ("P / Q for each event: {pairs}.", "每个事件的 P / Q：{pairs}。"),
    "ex.chart.bars.pair": ("{event} {p} / {q}", "{event} {p} / {q}"),
    "ex.per_event.table": ("Event by event: every term, exact (table and CSV)",
                           "逐个事件：每一项的精确值（表格与 CSV）"),
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
        "Slide t from 0 (Q as entered) to 1 (Q = P): the cross-entropy falls to H(P) and the "
        "KL divergence to 0, while H(P) itself never moves.",
        "把 t 从 0（输入的 Q）滑到 1（Q = P）：交叉熵下降到 H(P)，KL 散度下降到 0，而 H(P) 本身"
        "始终不变。"),
    "ex.blend.t": ("Blend t", "混合系数 t"),
    "ex.blend.ce": ("Cross-entropy H(P, Qₜ)", "交叉熵 H(P, Qₜ)"),
    "ex.blend.kl": ("KL divergence KL(P‖Qₜ)", "KL 散度 KL(P‖Qₜ)"),
    "ex.blend.caption": (
        "The gap between the solid and the dashed curve is always H(P), the dotted line. "
        "Points where the cross-entropy is ∞ are left out.",
        "实线与虚线之间的差始终是 H(P)，即点线。交叉熵为 ∞ 的点不画出。"),
    "ex.blend.takeaway": (
        "Training moves the model's Q toward P: the cross-entropy falls to H(P), never below.",
        "训练把模型的 Q 推向 P：交叉熵降到 H(P)，但不会更低。"),
    "ex.blend.table": ("Show Qₜ", "显示 Qₜ"),

    "ex.download.terms": ("Download this table (CSV)", "下载此表（CSV）"),
    "ex.download.blend": ("Download Qₜ (CSV)", "下载 Qₜ（CSV）"),

    # CSV files in and out (used by this page and the information page).
    "file.download": ("Download the table (CSV)", "下载表格（CSV）"),
    "file.upload": ("Load a table from a CSV file (at most {rows} rows and {mb} MB)",
                    "从 CSV 文件载入表格（最多 {rows} 行、{mb} MB）"),
    "file.upload.help": (
        "Columns by name in the first line: {columns} (the label column may be missing). "
        "UTF-8, commas or semicolons; with semicolons, 0,5 is read as 0.5. At most {rows} rows "
        "and {mb} MB. A file with a problem leaves your table as it is.",
        "第一行写列名：{columns}（标签列可以省略）。UTF-8 编码，用逗号或分号分隔；用分号时 0,5 "
        "读作 0.5。最多 {rows} 行、{mb} MB。文件有问题时，你的表格保持不变。"),
    "file.loaded": ("Loaded {n} rows from “{file}”.", "已从“{file}”载入 {n} 行。"),
    "file.decimal_comma": (
        "Its numbers use decimal commas (0,5), read as decimal points (0.5).",
        "文件中的数字使用小数逗号（0,5），已按小数点（0.5）读取。"),
    "file.rejected": ("“{file}” was not loaded; your table is unchanged.",
                      "未载入“{file}”，你的表格保持不变。"),
    "file.more": ("… and {n} more.", "……还有 {n} 处。"),
    "ex.link.continuous": (
        "For densities instead of tables, and which direction of KL a VAE minimises:",
        "换成概率密度，以及 VAE 最小化的是哪个方向的 KL："),
    "ex.link.codes": ("The codes page builds codes for this P and Q and counts their bits:",
                      "编码页面为这组 P 和 Q 构造编码并数出它们的比特数："),

    # Sections (after the experiment), their leads and takeaways.
    "ex.h.cross": ("Cross-entropy: P's events, Q's code", "交叉熵：P 的事件，Q 的编码"),
    "ex.cross.lead": (
        "Score each event P produces with Q's surprise −log q: the average is the "
        "cross-entropy H(P, Q). In bits, it is what a code with lengths −log₂ q spends per "
        "symbol on P's events.",
        "用 Q 的惊讶度 −log q 给 P 产生的每个事件打分，平均值就是交叉熵 H(P, Q)。以比特为单位时，"
        "它就是码长为 −log₂ q 的编码在 P 的事件上平均每个符号花费的比特数。"),
    "ex.cross.takeaway": (
        "H(P, Q) is what a model Q pays per event, on average, when the world follows P.",
        "H(P, Q) 是世界服从 P 时，模型 Q 平均每个事件付出的代价。"),
    "ex.h.floor": ("The floor H(P), and the gap KL(P‖Q)", "下限 H(P) 与差距 KL(P‖Q)"),
    "ex.floor.takeaway": (
        "H(P, Q) = H(P) + KL(P‖Q): no model scores P's events better than P itself.",
        "H(P, Q) = H(P) + KL(P‖Q)：没有哪个模型给 P 的事件打分能比 P 自己更好。"),
    "ex.h.direction": ("KL has a direction", "KL 有方向"),
    "ex.direction.takeaway": (
        "Swap truth and model and KL usually changes: it is not a distance.",
        "交换真实分布和模型，KL 通常会变：它不是距离。"),
    "ex.teach": ("For teachers", "给教师"),
    "ex.teach.body": (
        "**The misconception:** “KL divergence is a distance between distributions”, and its "
        "twin, “a good enough model can score the data better than the truth”. **Pause on** "
        "the checkpoint “can the wrong model cost less?”: then edit Q toward P and watch the "
        "gap close. **Ask next:** which direction, KL(P‖Q) or KL(Q‖P), does training a "
        "classifier with cross-entropy minimise, and which of the two is ∞ when Q rules out an "
        "event that P allows (try the preset)? The page follows Olah, [“Visual Information Theory”]"
        "(https://colah.github.io/posts/2015-09-Visual-Information/) (cross-entropy as the cost "
        "of the wrong code, KL as its extra), and the loss page later on the path follows Nielsen, "
        "[*Neural Networks and Deep Learning*, chapter 3]"
        "(http://neuralnetworksanddeeplearning.com/chap3.html).",
        "**针对的误解：**“KL 散度是两个分布之间的距离”，以及与之相伴的“足够好的模型给数据打分能比"
        "真实分布更好”。**可以停下来讨论**检查点“错误的模型会更省吗？”：然后把 Q 改得更接近 P，"
        "看差距缩小。**接着可以问：**用交叉熵训练分类器，最小化的是 KL(P‖Q) 还是 KL(Q‖P)？当 Q "
        "排除了 P 认为可能的事件时，两者中哪一个是 ∞（试试那个例子）？本页参照 Olah 的 [“Visual Information "
        "Theory”](https://colah.github.io/posts/2015-09-Visual-Information/)（交叉熵是用错编码的"
        "代价，KL 是多出的部分）；路径上稍后的损失函数页参照 Nielsen 的 [《Neural Networks and Deep "
        "Learning》第 3 章](http://neuralnetworksanddeeplearning.com/chap3.html)。"),
}

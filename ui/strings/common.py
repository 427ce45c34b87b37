"""Strings used on every page: app name, menu, settings, units, shared words."""

STRINGS = {
    "app.name": ("From bits to losses", "从比特到损失"),

    # Menu labels and the home page's one-line map of each page.
    "page.home": ("Home", "首页"),
    "page.information": ("Information & entropy", "信息量与熵"),
    "page.information.question": ("How much does one outcome tell you, and how uncertain is a whole distribution?", "一个结果能告诉你多少信息？整个分布有多不确定？"),
    "page.information.blurb": (
        "Why rare events carry more information, why information adds up, and entropy as the "
        "average surprise.",
        "为什么罕见事件携带更多信息、信息为何可以相加，以及熵作为平均惊讶度。"),
    "page.explorer": ("P vs Q explorer", "P 与 Q 对比"),
    "page.explorer.question": ("What do cross-entropy and KL divergence measure for two distributions you choose?", "对你自己选的两个分布，交叉熵和 KL 散度衡量的是什么？"),
    "page.explorer.blurb": (
        "Edit two distributions and watch −log p, entropy, cross-entropy and KL divergence "
        "change live, with H(P,Q) = H(P) + KL(P‖Q) checked on every edit.",
        "编辑两个分布，实时观察 −log p、熵、交叉熵和 KL 散度的变化，每次编辑都验证 "
        "H(P,Q) = H(P) + KL(P‖Q)。"),
    "page.loss": ("Cross-entropy as a loss", "交叉熵作为损失函数"),
    "page.loss.question": ("Why is cross-entropy the loss of a classifier, and what do the libraries compute?", "为什么交叉熵是分类器的损失？各个库实际计算的是什么？"),
    "page.loss.blurb": (
        "Binary, softmax and multi-label losses, maximum likelihood, and what common libraries "
        "actually compute.",
        "二分类、softmax 与多标签损失，极大似然，以及常用库实际计算的是什么。"),
    "page.neuron": ("The learning slowdown", "学习缓慢"),
    "page.neuron.question": ("Why does a confidently wrong neuron learn slowly with the quadratic cost?", "为什么用二次代价时，错得很自信的神经元学得很慢？"),
    "page.neuron.blurb": (
        "Train one sigmoid neuron with the quadratic cost (mean squared error) and with "
        "cross-entropy, and see which one crawls when the neuron starts out confidently wrong.",
        "分别用二次代价（均方误差）和交叉熵训练一个 sigmoid 神经元，看看起点错得离谱时哪一个学得慢。"),
    "page.network": ("Digits network", "手写数字网络"),
    "page.network.question": ("Does cross-entropy also train a real network faster?", "交叉熵训练真实的网络也更快吗？"),
    "page.network.blurb": (
        "Train a small network on handwritten digits with both costs and compare them epoch by "
        "epoch.",
        "用两种代价在手写数字上训练一个小网络，逐轮比较。"),

    # The lesson path and its checkpoints (ui.layout.intro, ui.checkpoint).
    "path.meta": ("About {minutes} minutes · checkpoints answered: {done} of {total}",
                  "约 {minutes} 分钟 · 已回答检查点：{done} / {total}"),
    "path.back": ("Back: {title}", "上一步：{title}"),
    "path.next": ("Next: {title}", "下一步：{title}"),
    "cp.heading": ("Predict first ({n}): {title}", "先预测（{n}）：{title}"),
    "cp.yours": ("Your prediction", "你的预测"),
    "cp.number.placeholder": ("Type a number", "输入一个数"),
    "cp.number.infinite": ("∞: no finite number", "∞：没有有限的数"),
    "cp.number.infinite.help": (
        "Tick this if you predict that no finite number is the answer.",
        "如果你预测答案不是任何有限的数，请勾选这里。"),
    "cp.check": ("Check my prediction", "核对我的预测"),
    "cp.again": ("Try again", "再试一次"),
    "cp.right": ("Right.", "答对了。"),
    "cp.wrong": ("Not quite: you said {yours}.", "不太对，你的答案是：{yours}。"),
    "cp.answer": ("For the inputs on screen the answer is {right}.",
                  "对当前屏幕上的输入，答案是：{right}。"),
    "cp.pending": ("Your prediction is kept. The answer appears once the result it needs exists.",
                   "你的预测已保存。所需的结果出现后，答案就会显示。"),
    "cp.changed": ("The inputs changed since your last prediction: predict again for these.",
                   "自你上次预测以来输入已改变：请针对当前输入重新预测。"),
    "cp.teach.reveal": ("Reveal the answer", "揭晓答案"),
    "cp.teach.later": ("The next checkpoint appears when the one before it is revealed.",
                       "上一个检查点揭晓后，这个检查点才会出现。"),

    # Sidebar settings.
    "settings.language": ("Language", "语言"),
    "settings.units": ("Units of information", "信息的单位"),
    "settings.teach": ("Presentation view", "演示模式"),
    "settings.teach.help": (
        "For a projector: larger type, the sidebar closed, and each checkpoint's answer shown "
        "only when you reveal it. It is kept in the link.",
        "用于投影：字号更大、侧边栏收起，每个检查点的答案只在你揭晓时显示。此设置会保存在链接中。"),
    "settings.units.help": (
        "Bits use log base 2, nats the natural log, hartleys log base 10. 1 nat ≈ 1.4427 bits.",
        "比特以 2 为对数底，奈特用自然对数，哈特莱以 10 为底。1 奈特 ≈ 1.4427 比特。"),
    "unit.bits": ("bits", "比特"),
    "unit.nats": ("nats", "奈特"),
    "unit.hartleys": ("hartleys", "哈特莱"),
    "unit.bits.long": ("bits (log₂)", "比特（log₂）"),
    "unit.nats.long": ("nats (ln)", "奈特（ln）"),
    "unit.hartleys.long": ("hartleys (log₁₀)", "哈特莱（log₁₀）"),

    # Event names used by presets (other names are shown as typed).
    "event.default": ("event {n}", "事件 {n}"),
    "event.cat": ("cat", "猫"),
    "event.dog": ("dog", "狗"),
    "event.bird": ("bird", "鸟"),
    "event.fish": ("fish", "鱼"),
    "event.heads": ("heads", "正面"),
    "event.tails": ("tails", "反面"),
    "event.rice": ("rice", "米饭"),
    "event.pumpkin": ("pumpkin", "南瓜"),
    "event.green": ("greens", "青菜"),

    # Shared words.
    "word.event": ("Event", "事件"),
    "word.probability": ("Probability", "概率"),
    "word.distribution": ("Distribution", "分布"),
    "word.quantity": ("Quantity", "量"),
    "word.value": ("Value", "数值"),
    "list.sep": (", ", "、"),

    # Page frame: reset, errors, links.
    "settings.reset": ("Reset this page", "重置本页"),
    "settings.reset.help": (
        "Put every control and table on this page back to its starting value. Other pages and "
        "the sidebar settings are kept.",
        "把本页的所有控件和表格恢复为初始值。其他页面和侧边栏设置保持不变。"),
    "settings.link": ("Share this view", "分享当前视图"),
    "settings.link.help": (
        "The address bar always holds this page's full state (inputs, tables, language, units): "
        "copy it and anyone who opens it sees the same numbers and charts. On the digits page "
        "they may have to press the train button to recompute the same run.",
        "地址栏始终保存本页的完整状态（输入、表格、语言和单位）：复制它，任何人打开后都会看到同样的数字和图表。"
        "在手写数字页面，对方可能需要点击训练按钮来重新算出同一次运行。"),
    "app.error": (
        "Something went wrong while drawing this part of the page. Your inputs are kept: change "
        "one of them, or press “Reset this page” in the sidebar. The details were logged on the "
        "server.",
        "绘制页面这一部分时出错了。你的输入都已保留：可以修改某个输入，或在侧边栏点击“重置本页”。"
        "详细信息已记录在服务器日志中。"),

    # Problems with input (lib.problems codes), worded once for every page.
    "problem.this_table": ("the table", "表格"),
    "problem.unknown": ("This input cannot be used.", "无法使用这个输入。"),
    "problem.no_rows": ("{table} is empty. Add at least one row.",
                        "{table}是空的。请至少添加一行。"),
    "problem.too_many_rows": (
        "{table} has {n} rows; at most {limit} are allowed. Delete {extra} of them.",
        "{table}有 {n} 行，最多允许 {limit} 行。请删除其中 {extra} 行。"),
    "problem.empty": ("{col} is empty for “{label}” (row {row}). Enter a number.",
                      "“{label}”（第 {row} 行）的 {col} 是空的。请填入一个数字。"),
    "problem.not_number": (
        "{col} for “{label}” (row {row}) reads “{text}”, which is not a number. Numbers like "
        "0.125, 1/8, 12.5% and 1e-5 work.",
        "“{label}”（第 {row} 行）的 {col} 是“{text}”，不是数字。可以写成 0.125、1/8、12.5% 或 "
        "1e-5 这样的形式。"),
    "problem.decimal_comma": (
        "{col} for “{label}” (row {row}) reads “{text}”: write the decimal point as a dot "
        "(0.5, not 0,5).",
        "“{label}”（第 {row} 行）的 {col} 是“{text}”：小数点请用英文句点（0.5，而不是 0,5）。"),
    "problem.zero_denominator": (
        "{col} for “{label}” (row {row}) reads “{text}”: a fraction cannot divide by 0.",
        "“{label}”（第 {row} 行）的 {col} 是“{text}”：分数的分母不能为 0。"),
    "problem.too_long": ("{col} for “{label}” (row {row}) is longer than {limit} characters.",
                         "“{label}”（第 {row} 行）的 {col} 超过了 {limit} 个字符。"),
    "problem.not_finite": (
        "{col} for “{label}” (row {row}) is not a finite number. Only finite numbers can be "
        "probabilities or counts.",
        "“{label}”（第 {row} 行）的 {col} 不是有限的数。只有有限的数才能作为概率或计数。"),
    "problem.negative": (
        "{col} for “{label}” (row {row}) is negative ({value}). Probabilities, counts and "
        "weights are never below 0.",
        "“{label}”（第 {row} 行）的 {col} 是负数（{value}）。概率、计数和权重都不可能小于 0。"),
    "problem.above_one": (
        "{col} for “{label}” (row {row}) is {value}; a probability is at most 1.",
        "“{label}”（第 {row} 行）的 {col} 是 {value}；概率最大为 1。"),
    "problem.all_zero": (
        "Every value in {col} is 0. A distribution has to put its probability somewhere.",
        "{col}的所有值都是 0。一个分布必须把概率分配到某些事件上。"),
    "problem.sum": ("{col} adds up to {value}, not 1.", "{col}的总和是 {value}，而不是 1。"),
    "problem.out_of_range": ("{value} is outside the allowed range {lo} to {hi}.",
                             "{value} 超出了允许的范围 {lo} 到 {hi}。"),
    "problem.not_1d": ("{col} must be a list of numbers, one per event.",
                       "{col} 必须是一列数字，每个事件一个。"),
    "problem.length": ("{col} does not have one value per event of the other list.",
                       "{col}的取值个数与另一列的事件数不一致。"),
    "problem.bad_choice": ("“{text}” is not one of the choices.", "“{text}”不是可选的值。"),
    "problem.bad_table": ("The table could not be read.", "无法读取这个表格。"),
    "problem.bad_link": ("The address could not be read.", "无法读取这个地址。"),
    # Problems with an uploaded file (lib.csvfile codes).
    "problem.file.empty": ("The file is empty, or has a header but no rows.",
                   "文件是空的，或者只有表头没有数据行。"),
    "problem.file.too_big": (
        "The file has {size} bytes; at most {mb} MB ({limit} bytes) can be loaded.",
        "文件有 {size} 字节，最多只能载入 {mb} MB（{limit} 字节）。"),
    "problem.file.binary": (
        "This is not a text file (a spreadsheet, an image?). Save the table as CSV first.",
        "这不是文本文件（也许是电子表格或图片？）。请先把表格另存为 CSV。"),
    "problem.file.encoding": ("The file is not UTF-8 text. Save it as “CSV UTF-8”.",
                      "文件不是 UTF-8 文本。请另存为“CSV UTF-8”格式。"),
    "problem.file.encoding.utf16": ("The file is UTF-16 text. Save it as “CSV UTF-8”.",
                            "文件是 UTF-16 文本。请另存为“CSV UTF-8”格式。"),
    "problem.file.encoding.gbk": (
        "The file looks like GBK/GB18030 text, not UTF-8. Save it as “CSV UTF-8”.",
        "文件看起来是 GBK/GB18030 编码，而不是 UTF-8。请另存为“CSV UTF-8”格式。"),
    "problem.file.columns.missing": (
        "The file has no column “{col}”. Its first line reads: {header}. Needed: {wanted}.",
        "文件中没有“{col}”列。它的第一行是：{header}。需要的列：{wanted}。"),
    "problem.file.columns.twice": ("The file has more than one column named “{col}”.",
                           "文件中有不止一列名为“{col}”。"),
    "problem.file.parse.cell": (
        "Row {row} of the file, column {col} (“{label}”), reads “{text}”, which is not a "
        "number. Numbers like 0.125, 1/8, 12.5% and 1e-5 work.",
        "文件第 {row} 行 {col} 列（“{label}”）是“{text}”，不是数字。可以写成 0.125、1/8、12.5% "
        "或 1e-5 这样的形式。"),
    "problem.file.parse.cell.nolabel": (
        "Row {row} of the file, column {col}, reads “{text}”, which is not a number. Numbers "
        "like 0.125, 1/8, 12.5% and 1e-5 work.",
        "文件第 {row} 行 {col} 列是“{text}”，不是数字。可以写成 0.125、1/8、12.5% 或 1e-5 这样的"
        "形式。"),
    "problem.file.parse.empty.nolabel": ("Row {row} of the file, column {col}, is empty.",
                                 "文件第 {row} 行 {col} 列是空的。"),
    "problem.file.parse.empty": ("Row {row} of the file, column {col} (“{label}”), is empty.",
                         "文件第 {row} 行 {col} 列（“{label}”）是空的。"),
    "problem.file.parse.wide": ("Row {row} of the file has {value} cells, but the header names only "
                        "{limit} columns.",
                        "文件第 {row} 行有 {value} 个单元格，但表头只有 {limit} 列。"),
    "problem.file.parse.quotes": ("Row {row} of the file cannot be read: check its quotation marks.",
                          "无法读取文件第 {row} 行：请检查其中的引号。"),
    "problem.file.too_many_rows": ("The file has {value} rows; at most {limit} can be loaded.",
                           "文件有 {value} 行，最多只能载入 {limit} 行。"),
    "problem.link.intro": (
        "Part of the link that opened this page could not be used; those settings keep their "
        "starting values:",
        "打开本页的链接中有部分内容无法使用，相应设置保持初始值："),
    "problem.link.unknown_key": ("“{field}” is not a setting of this page.",
                                 "“{field}”不是本页的设置。"),
    "problem.link.too_long": ("The link is longer than {limit} characters.",
                              "链接超过了 {limit} 个字符。"),
    "problem.link.out_of_range": ("{field} = {value} is outside the allowed range {lo} to {hi}.",
                                  "{field} = {value} 超出了允许的范围 {lo} 到 {hi}。"),
    "problem.link.bad_choice": ("{field} = “{text}” is not one of the choices.",
                                "{field} = “{text}”不是可选的值。"),
    "problem.link.not_number": ("{field} = “{text}” is not a number this page can use.",
                                "{field} = “{text}”不是本页可用的数字。"),
    "problem.link.bad_table": ("The table in {field} could not be read.",
                               "{field} 中的表格无法读取。"),
    "problem.link.too_many_rows": ("The table in {field} has {n} rows; at most {limit} are "
                                   "allowed.",
                                   "{field} 中的表格有 {n} 行，最多允许 {limit} 行。"),
    "problem.link.empty": ("{field} is empty.", "{field} 是空的。"),
    "problem.link.bad_letters": ("{field} = “{text}” holds characters this setting never has.",
                                 "{field} = “{text}”含有这个设置不会有的字符。"),
    "problem.link.decimal_comma": ("{field} = “{text}” uses a decimal comma; write a dot.",
                                   "{field} = “{text}”使用了小数逗号，请改用句点。"),
    "problem.link.not_finite": ("{field} = “{text}” is not a finite number.",
                                "{field} = “{text}”不是有限的数。"),
    "problem.link.zero_denominator": ("{field} = “{text}” divides by 0.",
                                      "{field} = “{text}”的分母为 0。"),
}

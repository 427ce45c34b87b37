"""Strings of the digits-network page."""

STRINGS = {
    "nw.intro": (
        "Nielsen's experiment at full size: a sigmoid network with one hidden layer learns to "
        "read handwritten digits, trained twice from the same initial weights on the same "
        "mini-batches, once with the quadratic cost and once with cross-entropy. The defaults "
        "use the 1,797 small 8×8 digits that ship with scikit-learn and finish in seconds; the "
        "book's full MNIST run is one click away.",
        "完整规模的 Nielsen 实验：一个只有一层隐藏层的 sigmoid 网络学习识别手写数字，从相同的初始"
        "权重出发、用相同的小批量训练两次：一次用二次代价，一次用交叉熵。默认使用 scikit-learn 自带"
        "的 1,797 张 8×8 小图，几秒内完成；书中完整的 MNIST 实验只需点一下。"),
    "nw.preset.quick": ("Quick: bundled 8×8 digits", "快速：自带的 8×8 数字"),
    "nw.preset.quick.help": ("1,500 training and 297 test images, 30 epochs: a few seconds.",
                             "1,500 张训练图和 297 张测试图，30 轮：几秒钟。"),
    "nw.preset.book": ("Book configuration: MNIST, 30 epochs", "书中配置：MNIST，30 轮"),
    "nw.preset.book.help": (
        "784-30-10, 60,000 training images, mini-batches of 10, η 3.0 and 0.5. Downloads MNIST "
        "(about 11 MB) once; each epoch of both networks takes about a second here.",
        "784-30-10，60,000 张训练图，小批量 10，η 为 3.0 和 0.5。首次会下载 MNIST（约 11 MB）；"
        "在这里两个网络每轮约需一秒。"),
    "nw.source": ("Digits", "数字数据"),
    "nw.source.bundled": ("bundled 8×8 (offline)", "自带 8×8（离线）"),
    "nw.source.mnist": ("MNIST 28×28 (download)", "MNIST 28×28（需下载）"),
    "nw.init": ("Starting weights", "初始权重"),
    "nw.init.normal": ("normal start", "正常起点"),
    "nw.init.large": ("badly wrong start", "错得离谱的起点"),
    "nw.init.help": (
        "Normal: weights drawn with spread 1/√(inputs), so neurons start unsaturated. Badly "
        "wrong: spread 1 (the book's old initialiser), so many outputs start saturated at 0 "
        "or 1.",
        "正常：权重的标准差为 1/√(输入数)，神经元一开始不饱和。错得离谱：标准差为 1（书中旧的初始化"
        "方法），许多输出一开始就饱和在 0 或 1。"),
    "nw.hidden": ("Hidden neurons", "隐藏层神经元数"),
    "nw.epochs": ("Epochs", "训练轮数"),
    "nw.batch": ("Mini-batch size", "小批量大小"),
    "nw.seed": ("Random seed", "随机种子"),
    "nw.seed.help": ("Same seed, same initial weights and batch order: runs are repeatable.",
                     "相同的种子给出相同的初始权重和批次顺序：结果可复现。"),
    "nw.train": ("Train both networks", "训练两个网络"),
    "nw.stop": ("Stop", "停止"),
    "nw.starting": ("Preparing the data…", "正在准备数据……"),
    "nw.progress": ("Epoch {epoch} of {epochs} · about {left} s left",
                    "第 {epoch}/{epochs} 轮 · 约剩 {left} 秒"),
    "nw.not_trained": (
        "Nothing trained with these settings yet. Press “Train both networks”.",
        "这些设置下还没有训练结果。请点击“训练两个网络”。"),
    "nw.stopped": (
        "Stopped after {done} of {epochs} epochs. The results below are what was trained; "
        "press “Train both networks” to carry on from there.",
        "在第 {done}/{epochs} 轮后停止。下面是已训练部分的结果；点击“训练两个网络”可从这里继续。"),
    "nw.mnist_failed.network": (
        "MNIST could not be downloaded ({detail}). Trained on the bundled 8×8 digits instead.",
        "无法下载 MNIST（{detail}）。已改用自带的 8×8 数字训练。"),
    "nw.mnist_failed.checksum": (
        "The downloaded MNIST file did not match its published checksum, so it was discarded "
        "({detail}). Trained on the bundled 8×8 digits instead.",
        "下载的 MNIST 文件与公布的校验和不符，已丢弃（{detail}）。已改用自带的 8×8 数字训练。"),
    "nw.mnist_failed.format": (
        "The MNIST files could not be read ({detail}). Trained on the bundled 8×8 digits "
        "instead.",
        "无法读取 MNIST 文件（{detail}）。已改用自带的 8×8 数字训练。"),
    "nw.results": ("Results", "结果"),
    "nw.m.final": ("{run}: test accuracy", "{run}：测试准确率"),
    "nw.m.best": ("Best {best}% at epoch {epoch}", "最佳 {best}%，在第 {epoch} 轮"),
    "nw.book.same": (
        "The book reports {quad}% (quadratic, η 3.0) and {ce}% (cross-entropy, η 0.5) for "
        "784-{hidden}-10 on MNIST: the best epoch of the best of three runs, 30 epochs, "
        "mini-batches of 10. One run here can land a few tenths of a percent either side.",
        "书中报告 MNIST 上 784-{hidden}-10 网络的结果为 {quad}%（二次代价，η 3.0）和 {ce}%（交叉熵，"
        "η 0.5）：取三次运行中最好的一次的最佳轮，30 轮，小批量 10。这里单次运行的结果可能上下相差"
        "零点几个百分点。"),
    "nw.book.other": (
        "For comparison, the book reports {quad}% (quadratic) and {ce}% (cross-entropy) on "
        "MNIST with 784-{hidden}-10 (best epoch of the best of three runs). The small 8×8 "
        "digits are an easier task, so accuracies here are not comparable to those.",
        "作为对照，书中报告 MNIST 上 784-{hidden}-10 的结果为 {quad}%（二次代价）和 {ce}%（交叉熵）"
        "（三次运行中最好一次的最佳轮）。8×8 小图的任务更简单，这里的准确率不能与之直接比较。"),
    "nw.q.accuracy": ("Test accuracy (%)", "测试准确率（%）"),
    "nw.q.cost": ("Training cost (each run's own cost)", "训练代价（各自的代价函数）"),
    "nw.cost_scales": (
        "The two training costs are different functions on different scales: compare how fast "
        "each falls, not their heights.",
        "两种训练代价是不同的函数、量纲不同：比较各自下降得多快，而不是高低。"),
    "nw.limits": ("What cross-entropy does not fix", "交叉熵解决不了的问题"),
    "nw.limit1": ("1. Hidden layers still carry σ′(z)", "1. 隐藏层仍然带着 σ′(z)"),
    "nw.limit1.text": (
        "How fast each layer learns: the mean length of its bias gradient per mini-batch. "
        "Cross-entropy removes σ′(z) only from the output layer's error; the hidden layer's "
        "error is still multiplied by its own σ′(z), so its gradient stays smaller under both "
        "costs.",
        "各层学得多快：每个小批量偏置梯度的平均长度。交叉熵只从输出层的误差里去掉了 σ′(z)；隐藏层"
        "的误差仍要乘上自己的 σ′(z)，所以在两种代价下它的梯度都更小。"),
    "nw.q.grad": ("Bias gradient length (log scale)", "偏置梯度长度（对数刻度）"),
    "nw.grad.series": ("{run}, {layer}", "{run}，{layer}"),
    "nw.layer.hidden": ("hidden layer", "隐藏层"),
    "nw.layer.output": ("output layer", "输出层"),
    "nw.limit2": ("2. It matters most when the start is badly wrong",
                  "2. 起点错得离谱时它才最重要"),
    "nw.limit2.text": (
        "Cross-entropy's advantage is the biggest when outputs start saturated and wrong. "
        "Train both starts with otherwise identical settings and compare the first epoch.",
        "当输出一开始就饱和且错误时，交叉熵的优势最大。用其余完全相同的设置训练两种起点，比较第一轮"
        "的结果。"),
    "nw.limit2.train": ("Also train the {other}", "再训练{other}"),
    "nw.start.col": ("Start", "起点"),
    "nw.start.first": ("After epoch 1", "第 1 轮后"),
    "nw.start.final": ("At the end", "最终"),
    "nw.limit3": ("3. Neurons still saturate", "3. 神经元仍然会饱和"),
    "nw.limit3.text": (
        "The share of test-set outputs that are saturated (a below 0.01 or above 0.99). "
        "Cross-entropy does not keep outputs away from 0 and 1, it drives them there with "
        "confidence; it only stops saturation from slowing the output layer's learning.",
        "测试集输出中处于饱和状态（a 小于 0.01 或大于 0.99）的比例。交叉熵并不会让输出远离 0 和 1，"
        "反而会自信地把它们推过去；它只是让饱和不再拖慢输出层的学习。"),
    "nw.q.saturated": ("Saturated outputs (%)", "饱和输出（%）"),
}

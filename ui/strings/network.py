"""Strings of the digits-network page."""

STRINGS = {
    "nw.intro": (
        "Nielsen's experiment at full size: one sigmoid network learns to read handwritten "
        "digits, trained twice from the same weights on the same mini-batches, once with the "
        "quadratic cost ½Σ(a − y)² (five times what PyTorch's nn.MSELoss computes: see below) "
        "and once with cross-entropy.",
        "完整规模的 Nielsen 实验：一个 sigmoid 网络学习识别手写数字，从相同的权重出发、用相同的小批量"
        "训练两次：一次用二次代价 ½Σ(a − y)²（是 PyTorch 的 nn.MSELoss 所算值的五倍，见下文），一次用"
        "交叉熵。"),
    "nw.costs": ("The two costs exactly: ½Σ(a − y)² is not nn.MSELoss, and which cross-entropy",
                 "两种代价的确切形式：½Σ(a − y)² 不是 nn.MSELoss，以及用的是哪种交叉熵"),
    "nw.costs.body": (
        "**Quadratic cost.** For one image the ten outputs give "
        "$C = \\tfrac12\\sum_{{j=1}}^{{10}} (a_j - y_j)^2$, averaged over the images of a "
        "mini-batch: Nielsen's quadratic cost. It is often called the mean squared error, but "
        "PyTorch's `nn.MSELoss()` and Keras's `MeanSquaredError()` take the mean over every "
        "element, $\\tfrac1{{10}}\\sum_j (a_j - y_j)^2$ for one image, so this $C$ and its "
        "gradient are five times theirs. The book's η = 3.0 is tied to this scale: with "
        "`nn.MSELoss` the same steps need η = 15.\n\n"
        "**Cross-entropy.** The network's cross-entropy is Nielsen's: each of the ten sigmoid "
        "outputs is scored as its own yes-or-no question, "
        "$C = -\\sum_j [y_j \\ln a_j + (1 - y_j) \\ln(1 - a_j)]$, the sum of ten binary "
        "cross-entropies (the multi-label form: `nn.BCELoss(reduction='sum')` on one image). "
        "For one class among several, the lesson “{loss}” recommends softmax with categorical "
        "cross-entropy instead. This page keeps the book's form on purpose: both networks keep "
        "the same sigmoid outputs, so the two runs differ in the cost alone, and cross-entropy's "
        "output error is $a - y$, without the factor σ′(z) that the quadratic cost's carries.",
        "**二次代价。** 一张图的十个输出给出 $C = \\tfrac12\\sum_{{j=1}}^{{10}} (a_j - y_j)^2$，"
        "再对小批量中的图取平均：这就是 Nielsen 的二次代价。它常被称为均方误差，但 PyTorch 的 "
        "`nn.MSELoss()` 和 Keras 的 `MeanSquaredError()` 对每个元素取平均，一张图是 "
        "$\\tfrac1{{10}}\\sum_j (a_j - y_j)^2$，所以这里的 $C$ 及其梯度是它们的五倍。书中的 "
        "η = 3.0 与这个尺度绑定：用 `nn.MSELoss` 时，同样的步长需要 η = 15。\n\n"
        "**交叉熵。** 这个网络的交叉熵是 Nielsen 的形式：十个 sigmoid 输出各自当作一个是非题来打分，"
        "$C = -\\sum_j [y_j \\ln a_j + (1 - y_j) \\ln(1 - a_j)]$，即十个二元交叉熵之和（多标签"
        "形式：对一张图用 `nn.BCELoss(reduction='sum')`）。对于多个类别中只有一个正确的情形，"
        "“{loss}”一课推荐的是 softmax 加多分类交叉熵。本页特意保留书中的形式：两个网络的 sigmoid 输出"
        "相同，两次运行只差在代价上；交叉熵的输出误差是 $a - y$，没有二次代价所带的 σ′(z) 因子。"),
    "nw.preset.quick": ("Quick: bundled 8×8 digits", "快速：自带的 8×8 数字"),
    "nw.preset.quick.help": (
        "The book's network settings on the bundled digits: 1,500 training and 297 test images, "
        "N(0, 1) weights, 30 hidden neurons, 30 epochs, mini-batches of 10, η 3.0 and 0.5, "
        "seed 1. Trains in seconds.",
        "在自带数字上使用书中的网络设置：1,500 张训练图和 297 张测试图，N(0, 1) 权重，30 个隐藏"
        "神经元，30 轮，小批量 10，η 为 3.0 和 0.5，种子 1。几秒内训练完。"),
    "nw.preset.book": ("Book configuration: MNIST, 30 epochs", "书中配置：MNIST，30 轮"),
    "nw.preset.book.help": (
        "As in the book: 784-30-10, N(0, 1) weights, 50,000 training images (the other 10,000 "
        "held out for validation), accuracy on the 10,000 test images, mini-batches of 10, "
        "30 epochs, η 3.0 and 0.5. Downloads MNIST (about 11.6 MB) once for everyone; the "
        "progress bar shows the time left while it trains.",
        "与书中相同：784-30-10，N(0, 1) 权重，50,000 张训练图（另外 10,000 张留作验证集），在 "
        "10,000 张测试图上计算准确率，小批量 10，30 轮，η 为 3.0 和 0.5。MNIST（约 11.6 MB）只为"
        "所有访问者下载一次；训练时进度条会显示剩余时间。"),
    "nw.source": ("Digits", "数字数据"),
    "nw.source.bundled": ("bundled 8×8 (offline)", "自带 8×8（离线）"),
    "nw.source.mnist": ("MNIST 28×28 (download)", "MNIST 28×28（需下载）"),
    "nw.init": ("Starting weights", "初始权重"),
    "nw.init.large": ("N(0, 1) weights, saturating", "N(0, 1) 权重（易饱和）"),
    "nw.init.normal": ("N(0, 1/n_in) weights", "N(0, 1/n_in) 权重"),
    "nw.init.help": (
        "N(0, 1): every weight drawn with standard deviation 1, the book's initialiser for these "
        "runs; the weighted inputs z start large, so part of the neurons start saturated "
        "(σ′(z) near 0). N(0, 1/n_in): standard deviation 1/√n_in, n_in being the layer's "
        "number of inputs, so z starts small and almost no neuron starts saturated. Biases are N(0, 1) "
        "in both.",
        "N(0, 1)：每个权重的标准差为 1，即书中这些实验所用的初始化；带权输入 z 一开始就很大，部分"
        "神经元一开始就饱和（σ′(z) 接近 0）。N(0, 1/n_in)：标准差为 1/√n_in（n_in 为该层的输入"
        "数），z 一开始较小，几乎没有神经元一开始就饱和。两者的偏置都取 N(0, 1)。"),
    "nw.hidden": ("Hidden neurons", "隐藏层神经元数"),
    "nw.epochs": ("Epochs", "训练轮数"),
    "nw.batch": ("Mini-batch size", "小批量大小"),
    "nw.seed": ("Random seed", "随机种子"),
    "nw.seed.help": ("Same seed, same initial weights and batch order: runs are repeatable.",
                     "相同的种子给出相同的初始权重和批次顺序：结果可复现。"),
    "nw.eta.quadratic": ("η, quadratic cost", "η（二次代价）"),
    "nw.eta.cross_entropy": ("η, cross-entropy", "η（交叉熵）"),
    "nw.run.quadratic": ("Quadratic cost", "二次代价"),
    "nw.run.cross_entropy": ("Cross-entropy", "交叉熵"),
    # The neuron page's third run (its costs' names are these too).
    "nw.run.book_demo": ("Book demo's rule", "书中演示的规则"),
    "nw.epoch": ("Epoch", "轮次"),
    "nw.cost": ("Cost", "代价"),
    "nw.train": ("Train both networks", "训练两个网络"),
    "nw.stop": ("Stop", "停止"),
    "nw.progress": ("Epoch {epoch} of {epochs} · about {left} s left",
                    "第 {epoch}/{epochs} 轮 · 约剩 {left} 秒"),
    "nw.not_trained": (
        "Nothing trained with these settings yet. Press “Train both networks”.",
        "这些设置下还没有训练结果。请点击“训练两个网络”。"),
    "nw.held.predict": (
        "The results appear here once you have predicted at both checkpoints above, or show "
        "them without predicting.",
        "在上方两个检查点都做出预测后，结果会显示在这里；也可以不预测，直接查看。"),
    "nw.held.reveal": (
        "The results appear here once both checkpoints above are revealed.",
        "上方两个检查点都揭晓后，结果会显示在这里。"),
    "nw.skip": ("Show the results without predicting", "不预测，直接查看结果"),
    "nw.stopped": (
        "Stopped after {done} of {epochs} epochs. The results below are what was trained; "
        "press “Train both networks” to carry on from there.",
        "在第 {done}/{epochs} 轮后停止。下面是已训练部分的结果；点击“训练两个网络”可从这里继续。"),
    "nw.download.progress": ("MNIST: {done} of {total} MB · {seconds} s",
                             "MNIST：{done}/{total} MB · {seconds} 秒"),
    "nw.download.shared": (
        "One download serves every visitor: whoever asks while it is under way watches the same "
        "progress, and training starts when it is done.",
        "一次下载供所有访问者使用：下载期间任何人请求都会看到同一个进度，下载完成后开始训练。"),
    "nw.try_again": ("Try the download again", "重新尝试下载"),
    "nw.mnist_failed.network": (
        "MNIST could not be downloaded: no mirror could be reached or none had the files.",
        "无法下载 MNIST：连不上任何镜像，或镜像上没有这些文件。"),
    "nw.mnist_failed.timeout": (
        "MNIST could not be downloaded: the mirrors were too slow (each file has {seconds} "
        "seconds).",
        "无法下载 MNIST：镜像太慢（每个文件限时 {seconds} 秒）。"),
    "nw.mnist_failed.too_big": (
        "MNIST could not be downloaded: a mirror sent far more than the published file size, "
        "so the download was stopped.",
        "无法下载 MNIST：镜像发送的数据远超公布的文件大小，下载已中止。"),
    "nw.mnist_failed.checksum": (
        "The downloaded MNIST files did not match their published checksums, so they were "
        "discarded.",
        "下载的 MNIST 文件与公布的校验和不符，已丢弃。"),
    "nw.mnist_failed.format": (
        "The MNIST files could not be read.",
        "无法读取 MNIST 文件。"),
    "nw.mnist_failed.filesystem": (
        "MNIST could not be stored: the server's cache folder cannot be written (no permission, "
        "no space, or something else in its place).",
        "无法保存 MNIST：服务器的缓存文件夹不可写（没有权限、空间不足或被其他文件占用）。"),
    "nw.mnist_failed.unexpected": (
        "MNIST could not be loaded because of an unexpected error (it is in the server's log).",
        "由于意外错误无法加载 MNIST（详情已记入服务器日志）。"),
    "nw.mnist_failed.fallback": (
        "Shown instead: the bundled 8×8 digits with the same settings.",
        "改为显示：相同设置下自带的 8×8 数字的结果。"),
    "nw.mnist_failed.remembered": (
        "This is remembered for about {minutes} min, so nobody waits for it again; “Try the "
        "download again” tries at once.",
        "该结果会保留约 {minutes} 分钟，以免大家重复等待；点击“重新尝试下载”可立即再试。"),
    "nw.results": ("Results", "结果"),
    "nw.m.final": ("{run}: test accuracy", "{run}：测试准确率"),
    "nw.m.best": ("Best {best}% at epoch {epoch}", "最佳 {best}%，在第 {epoch} 轮"),
    "nw.m.help": ("After the last epoch, {exact}% of the test digits were read right.",
                  "最后一轮后，测试数字中有 {exact}% 认对。"),
    # ---- The lesson of the run shown (the results' first line) ----
    "nw.lesson": ("{first}; {final}, so {carrier}", "{first}；{final}，所以{carrier}"),
    "nw.lesson.one": (
        "{first}: one epoch shows only the start; train more epochs to see whether the lead "
        "lasts.",
        "{first}：一轮只能看到起步；多训练几轮，看看领先能否保持。"),
    "nw.lesson.first.cross_entropy": (
        "After the first epoch cross-entropy is {points} points ahead ({ce}% against {quad}%)",
        "第一轮后交叉熵领先 {points} 个百分点（{ce}% 对 {quad}%）"),
    "nw.lesson.first.quadratic": (
        "After the first epoch the quadratic cost is {points} points ahead ({quad}% against "
        "{ce}%)",
        "第一轮后二次代价领先 {points} 个百分点（{quad}% 对 {ce}%）"),
    "nw.lesson.first.level": ("After the first epoch the two are level ({quad}% each)",
                              "第一轮后两者持平（都是 {quad}%）"),
    "nw.lesson.final.cross_entropy": (
        "after epoch {epoch} cross-entropy is {points} points ahead ({ce}% against {quad}%)",
        "第 {epoch} 轮后交叉熵领先 {points} 个百分点（{ce}% 对 {quad}%）"),
    "nw.lesson.final.quadratic": (
        "after epoch {epoch} the quadratic cost is {points} points ahead ({quad}% against "
        "{ce}%)",
        "第 {epoch} 轮后二次代价领先 {points} 个百分点（{quad}% 对 {ce}%）"),
    "nw.lesson.final.level": ("after epoch {epoch} they are level ({quad}% each)",
                              "第 {epoch} 轮后两者持平（都是 {quad}%）"),
    "nw.lesson.carrier.first.quadratic": (
        "the first epoch carries the lesson: cross-entropy learns faster, not better.",
        "要看的是第一轮：交叉熵学得更快，而不是学得更好。"),
    "nw.lesson.carrier.first.level": (
        "the first epoch carries the lesson: cross-entropy learns faster, and the quadratic "
        "cost catches up.",
        "要看的是第一轮：交叉熵学得更快，而二次代价随后追平。"),
    "nw.lesson.carrier.first.cross_entropy": (
        "the first epoch carries the lesson: cross-entropy learns faster, and its lead shrinks "
        "as the quadratic cost catches up.",
        "要看的是第一轮：交叉熵学得更快，随着二次代价追上来，它的领先缩小了。"),
    "nw.lesson.carrier.both": (
        "the first and the last epoch both carry the lesson: cross-entropy learns faster and "
        "keeps its lead.",
        "第一轮和最后一轮都体现了要点：交叉熵学得更快，并一直保持领先。"),
    "nw.lesson.carrier.neither": (
        "this run does not show cross-entropy's faster start.",
        "这次运行没有显示出交叉熵起步更快。"),
    # ---- What the network sees, and what it gets wrong ----
    "nw.sees": ("What the network sees", "网络看到的是什么"),
    "nw.grid.caption": (
        "Two training images of each digit, 0 to 9 from left to right, {side}×{side} pixels "
        "each. The networks train on {train} such images and are tested on {test} others.",
        "每个数字各两张训练图，从左到右依次是 0 到 9，每张 {side}×{side} 像素。网络在 {train} 张"
        "这样的图上训练，在另外 {test} 张上测试。"),
    "nw.grid.alt": (
        "Twenty handwritten digits in two rows of ten, dark ink on white; each column shows two "
        "examples of one digit, 0 in the first column up to 9 in the last.",
        "两行、每行十个的手写数字，白底黑字；每一列是同一个数字的两个样例，第一列是 0，最后一列是 9。"),
    "nw.grid.wait": (
        "MNIST's 28×28 digits show here once they are downloaded (press “Train both "
        "networks”).",
        "下载完成后，这里会显示 MNIST 的 28×28 数字（点击“训练两个网络”）。"),
    "nw.wrong": ("The digits each cost gets wrong", "每种代价认错的数字"),
    "nw.wrong.count": ("{run}: {wrong} of {images} test digits wrong",
                       "{run}：{images} 张测试数字中认错 {wrong} 张"),
    "nw.wrong.none": ("{run}: every one of the {images} test digits right",
                      "{run}：{images} 张测试数字全部认对"),
    "nw.wrong.rows1": ("True → predicted, left to right: {top}",
                       "真实 → 预测，从左到右：{top}"),
    "nw.wrong.rows2": ("True → predicted, top row: {top}; bottom row: {bottom}",
                       "真实 → 预测，上一行：{top}；下一行：{bottom}"),
    "nw.wrong.first": ("The first {shown} shown.", "只显示前 {shown} 张。"),
    "nw.wrong.alt": ("{shown} handwritten test digits that this network reads wrong",
                     "这个网络认错的 {shown} 张手写测试数字"),
    "nw.wrong.both": ("{both} test digits are wrong under both costs.",
                      "有 {both} 张测试数字在两种代价下都认错了。"),
    "nw.book.how30": (
        "The book reports {quad}% (quadratic cost, η 3.0; chapter 1: the best epoch of the best "
        "of three runs) and {ce}% (cross-entropy, η 0.5; chapter 3: the best epoch of one run) "
        "for 784-{hidden}-10 on MNIST, with N(0, 1) weights, trained on 50,000 images (10,000 "
        "more held out for validation) for 30 epochs in mini-batches of 10, accuracy measured on "
        "the 10,000 test images.",
        "书中报告 MNIST 上 784-{hidden}-10 网络的结果为 {quad}%（二次代价，η 3.0；第 1 章：三次"
        "运行中最好一次的最佳轮）和 {ce}%（交叉熵，η 0.5；第 3 章：一次运行的最佳轮），使用 "
        "N(0, 1) 权重，在 50,000 张图上训练（另有 10,000 张留作验证集），30 轮，小批量 10，准确率"
        "在 10,000 张测试图上计算。"),
    "nw.book.how100": (
        "The book reports {quad}% (quadratic cost, η 3.0; chapter 1: the best epoch of the best "
        "of three runs) and {ce}% (cross-entropy, η 0.5; chapter 3) for 784-{hidden}-10 on "
        "MNIST, the best epoch, with N(0, 1) weights, trained on 50,000 images (10,000 more held "
        "out for validation) for 30 epochs in mini-batches of 10, accuracy measured on the "
        "10,000 test images.",
        "书中报告 MNIST 上 784-{hidden}-10 网络的结果为 {quad}%（二次代价，η 3.0；第 1 章：三次"
        "运行中最好一次的最佳轮）和 {ce}%（交叉熵，η 0.5；第 3 章），取最佳轮，使用 N(0, 1) 权重，"
        "在 50,000 张图上训练（另有 10,000 张留作验证集），30 轮，小批量 10，准确率在 10,000 张"
        "测试图上计算。"),
    "nw.book.bundled": (
        "The bundled 8×8 digits (1,500 training and 297 test images) are a different, easier "
        "task, so the accuracies here are not comparable with those.",
        "自带的 8×8 小图（1,500 张训练图、297 张测试图）是另一个更简单的任务，这里的准确率不能与之"
        "直接比较。"),
    "nw.book.here": (
        "This page trains on the same 50,000 images, measures on the same 10,000 test images and "
        "reports the best epoch too.",
        "本页同样在这 50,000 张图上训练、在同样的 10,000 张测试图上测量，也报告最佳轮。"),
    "nw.book.diffs": ("Unlike the book here: {diffs}.", "与书中不同之处：{diffs}。"),
    "nw.list.sep": ("; ", "；"),
    "nw.book.always": (
        "Always different: one run per cost, from this page's own random start and mini-batch "
        "order (set by the seed), while the book's quadratic figure is its best of three runs.",
        "始终不同的是：这里每种代价只运行一次，用的是本页自己的随机起点和小批量顺序（由种子决定），而书中"
        "二次代价的数字取自三次运行中最好的一次。"),
    "nw.one_run": ("How much one run tells: the book's figures and ten seeds",
                   "一次运行能说明多少：书中的数字与十个种子"),
    "nw.seeds": (
        "One run is one draw: the seed sets the initial weights and the order of the "
        "mini-batches, and the same seed gives the same run again. With the default settings "
        "on the bundled digits, seeds {lo} to {hi} ended between {q_lo}% and {q_hi}% with the "
        "quadratic cost and between {ce_lo}% and {ce_hi}% with cross-entropy; at the end the "
        "quadratic cost was ahead in {q_n} runs, cross-entropy in {ce_n} and neither in "
        "{level_n}, while after the first epoch cross-entropy was ahead in {first_n} of {runs}, "
        "by {lead_lo} to {lead_hi} points. Nielsen notes that some runs end quite a bit worse "
        "(chapter 1).",
        "一次运行只是一次抽样：种子决定初始权重和小批量的顺序，相同的种子会再次给出相同的运行。在自带数字上"
        "用默认设置、种子 {lo} 到 {hi} 各训练一次：最终准确率二次代价在 {q_lo}% 到 {q_hi}% 之间，交叉熵在 "
        "{ce_lo}% 到 {ce_hi}% 之间；最后二次代价领先的有 {q_n} 次，交叉熵领先的有 {ce_n} 次，持平的有 "
        "{level_n} 次；而第一轮后交叉熵在 {runs} 次中有 {first_n} 次领先，领先 {lead_lo} 到 "
        "{lead_hi} 个百分点。Nielsen 提到，有些运行的结果会差很多（第 1 章）。"),
    "nw.diff.hidden": ("{hidden} hidden neurons (the book reports 30 and 100)",
                       "{hidden} 个隐藏神经元（书中报告的是 30 和 100 个）"),
    "nw.diff.init": ("{start} (the book: N(0, 1) weights)", "{start}（书中：N(0, 1) 权重）"),
    "nw.diff.eta": ("{run}: η {eta} (the book: {book})", "{run}：η 为 {eta}（书中：{book}）"),
    "nw.diff.batch": ("mini-batches of {batch} (the book: 10)", "小批量 {batch}（书中：10）"),
    "nw.diff.epochs": ("{epochs} epochs (the book: 30)", "{epochs} 轮（书中：30 轮）"),
    "nw.chart.accuracy": ("Test accuracy by epoch", "各轮的测试准确率"),
    "nw.chart.cost": ("Training cost by epoch", "各轮的训练代价"),
    "nw.chart.grad": ("Bias gradient norm by epoch", "各轮的偏置梯度范数"),
    "nw.chart.saturated": ("Saturated test outputs by epoch", "各轮测试输出中饱和的比例"),
    "nw.chart.live": ("Test accuracy so far", "目前的测试准确率"),
    "nw.q.accuracy": ("Test accuracy (%)", "测试准确率（%）"),
    "nw.q.cost": ("Training cost", "训练代价"),
    "nw.cost.alt": (
        "Training cost, first → last epoch: quadratic {q0} → {q1}, cross-entropy {c0} → {c1}. "
        "Each cost has its own scale: compare how fast each falls, not the heights.",
        "训练代价，第一轮 → 最后一轮：二次代价 {q0} → {q1}，交叉熵 {c0} → {c1}。两种代价尺度不同："
        "比较各自下降得多快，而不是高低。"),
    "nw.limits": ("What cross-entropy does not fix", "交叉熵解决不了的问题"),
    "nw.limit1": ("1. Hidden layers still carry σ′(z)", "1. 隐藏层仍然带着 σ′(z)"),
    "nw.limit1.intro": (
        "How fast each layer learns: the length of its bias gradient ∂C/∂b, averaged over "
        "each epoch's mini-batches.",
        "各层学得多快：偏置梯度 ∂C/∂b 的长度，对每轮的各个小批量取平均。"),
    "nw.limit1.more": ("Why the hidden layer keeps its σ′(z), in this run's numbers",
                       "为什么隐藏层保留了 σ′(z)：用这次运行的数字说明"),
    "nw.limit1.count": (
        "In this run the hidden layer's gradient was larger than the output layer's in {ce} of "
        "{epochs} epochs with cross-entropy and in {quad} of {epochs} with the quadratic cost.",
        "在这次运行中，隐藏层的梯度在交叉熵下有 {ce}/{epochs} 轮大于输出层，在二次代价下有 "
        "{quad}/{epochs} 轮。"),
    "nw.limit1.larger": (
        "Cross-entropy made the hidden layer's gradient {ratio} times as large as the quadratic "
        "cost did (the median over the epochs).",
        "交叉熵下隐藏层的梯度是二次代价下的 {ratio} 倍（各轮的中位数）。"),
    "nw.limit1.smaller": (
        "Here cross-entropy made the hidden layer's gradient smaller than the quadratic cost "
        "did: {ratio} times as large (the median over the epochs).",
        "在这里，交叉熵下隐藏层的梯度反而比二次代价下小：只有其 {ratio} 倍（各轮的中位数）。"),
    "nw.limit1.why": (
        "The hidden layer's error is the output error sent back through the weights and "
        "multiplied by the hidden σ′(z): $\\delta_h = (\\delta_o W) \\odot \\sigma'(z_h)$ "
        "(h for the hidden layer, o for the output layer). Cross-entropy "
        "drops σ′(z) from the output error only (for the same outputs, at least 4 times larger, "
        "since σ′ ≤ 1/4), so more error is sent back; the hidden σ′(z) factor remains, and it "
        "is small wherever a hidden neuron saturates.",
        "隐藏层的误差是输出误差经权重反传、再乘上隐藏层的 σ′(z)："
        "$\\delta_h = (\\delta_o W) \\odot \\sigma'(z_h)$（h 表示隐藏层，o 表示输出层）。"
        "交叉熵只从输出误差中去掉了 σ′(z)（输出相同时至少大 "
        "4 倍，因为 σ′ ≤ 1/4），所以反传的误差更大；但隐藏层的 σ′(z) 因子仍在，隐藏神经元饱和时它就"
        "很小。"),
    "nw.limit1.slope": (
        "At the end of this run the hidden σ′(z), averaged over the hidden neurons and the test "
        "images, was {ce} with cross-entropy and {quad} with the quadratic cost (at most 0.25).",
        "在这次运行结束时，隐藏层的 σ′(z)（对隐藏神经元和测试图取平均）在交叉熵下为 {ce}，在二次"
        "代价下为 {quad}（最大为 0.25）。"),
    "nw.q.grad": ("Bias gradient norm (log scale)", "偏置梯度范数（对数刻度）"),
    "nw.grad.series": ("{run}, {layer}", "{run}，{layer}"),
    "nw.layer.hidden": ("hidden layer", "隐藏层"),
    "nw.layer.output": ("output layer", "输出层"),
    "nw.limit2": ("2. It matters most when the start is badly wrong",
                  "2. 起点错得离谱时它最重要"),
    "nw.limit2.text": (
        "Cross-entropy cancels the output's σ′(z), which matters when that factor is small: when "
        "outputs are saturated and wrong, as they can be from the N(0, 1) start. From a start "
        "where outputs are not saturated, σ′(z) is near its maximum 1/4 and the two costs differ "
        "less.",
        "交叉熵消去了输出层的 σ′(z)，这在该因子很小时最为要紧：也就是输出饱和且错误时，例如从 "
        "N(0, 1) 起点出发。若起点处输出不饱和，σ′(z) 接近其最大值 1/4，两种代价的差别就小一些。"),
    "nw.limit2.bigger": (
        "This run bears it out: after the first epoch cross-entropy's lead was {large} points "
        "from N(0, 1) weights against {normal} from N(0, 1/n_in) weights.",
        "这次运行印证了这一点：第一轮后，交叉熵的领先幅度在 N(0, 1) 权重下为 {large} 个百分点，在 "
        "N(0, 1/n_in) 权重下为 {normal} 个百分点。"),
    "nw.limit2.not_bigger": (
        "This run does not bear it out: after the first epoch cross-entropy's lead was {large} "
        "points from N(0, 1) weights against {normal} from N(0, 1/n_in) weights. One run is "
        "one draw: try another seed.",
        "这次运行没有印证这一点：第一轮后，交叉熵的领先幅度在 N(0, 1) 权重下为 {large} 个百分点，在 "
        "N(0, 1/n_in) 权重下为 {normal} 个百分点。一次运行只是一次抽样：换个种子试试。"),
    "nw.starts.missing": (
        "The same settings from the other starting weights have not been trained yet.",
        "相同设置、另一种初始权重的结果还没有训练。"),
    "nw.limit2.train": ("Train the other start too ({other})", "也训练另一种起点（{other}）"),
    "nw.start.col": ("Start", "起点"),
    "nw.start.first": ("After epoch 1", "第 1 轮后"),
    "nw.start.final": ("At the end", "最终"),
    "nw.limit3": ("3. Neurons still saturate", "3. 神经元仍然会饱和"),
    "nw.limit3.intro": (
        "Saturated: σ′(z) = a(1 − a) ≤ 0.01, that is a below about 0.0101 or above 0.9899. "
        "Cross-entropy stops saturation from slowing the output layer; it does not keep the "
        "outputs away from 0 and 1.",
        "饱和：σ′(z) = a(1 − a) ≤ 0.01，即 a 小于约 0.0101 或大于 0.9899。交叉熵让饱和不再拖慢输出层"
        "的学习，但并不让输出远离 0 和 1。"),
    "nw.limit3.more": (
        "At the end of this run {ce}% of the outputs were saturated with cross-entropy against "
        "{quad}% with the quadratic cost: it drives confident outputs all the way to 0 and 1.",
        "在这次运行结束时，交叉熵下有 {ce}% 的输出饱和，二次代价下为 {quad}%：它会把有把握的输出一路"
        "推到 0 和 1。"),
    "nw.limit3.not_more": (
        "At the end of this run {ce}% of the outputs were saturated with cross-entropy and "
        "{quad}% with the quadratic cost.",
        "在这次运行结束时，交叉熵下有 {ce}% 的输出饱和，二次代价下为 {quad}%。"),
    "nw.q.saturated": ("Saturated outputs (%)", "饱和输出（%）"),
    # ---- Trainings shared by the server: the line, the cost bound, stopping (issue 23) ----
    "nw.queue.place": (
        "Waiting for the server: number {place} in line. This server runs at most {slots} at "
        "a time for all its visitors; yours starts when those ahead of it are done.",
        "等待服务器：排在第 {place} 位。本服务器同时最多为所有访问者进行 {slots} 个训练；前面的训练"
        "完成后就轮到你的。"),
    "nw.live.alt": (
        "After epoch {epoch}: test accuracy {quad}% with the quadratic cost, {ce}% with "
        "cross-entropy.",
        "第 {epoch} 轮后：测试准确率二次代价为 {quad}%，交叉熵为 {ce}%。"),
    "nw.first_epoch": ("Training the first epoch…", "正在训练第一轮……"),
    "nw.stopping": ("Stopping after this epoch ({epoch} of {epochs} done)…",
                    "本轮结束后停止（已完成 {epoch}/{epochs} 轮）……"),
    "nw.training.others": (
        "Another visitor asked for these settings too: this training serves you both, and its "
        "result will show here.",
        "另一位访问者也请求了这些设置：这次训练同时为你们服务，结果会显示在这里。"),
    "nw.training.other_start": (
        "Training the same networks from another start, {start}, for the comparison of the two "
        "starts further down: epoch {epoch} of {epochs}.",
        "正在从另一种起点（{start}）训练同样的网络，供下文比较两种起点：第 {epoch}/{epochs} 轮。"),
    "nw.training.other_start.queued": (
        "The same networks from another start, {start}, for the comparison of the two starts "
        "further down, wait for the server: number {place} in line.",
        "从另一种起点（{start}）训练的同样网络（供下文比较两种起点）正在等待服务器，排在第 "
        "{place} 位。"),
    "nw.already": (
        "These settings were already trained on this server: the results below are that run.",
        "这些设置已在本服务器上训练过：下面就是那次运行的结果。"),
    "problem.too_costly": (
        "These settings would take {steps} mini-batch updates per network: {epochs} epochs of "
        "{per_epoch} mini-batches ({images} training images, {batch} per mini-batch). This "
        "server trains at most {limit} per network (the book's MNIST run takes 150,000): "
        "choose fewer epochs or a larger mini-batch.",
        "这些设置每个网络需要 {steps} 次小批量更新：{epochs} 轮，每轮 {per_epoch} 个小批量（{images} 张"
        "训练图，每个小批量 {batch} 张）。本服务器每个网络最多训练 {limit} 次（书中的 MNIST 实验需要 "
        "150,000 次）：请减少训练轮数或增大小批量。"),
    "problem.queue_full": (
        "The server's training line is full ({waiting} waiting). Try again in a minute.",
        "服务器的训练队列已满（{waiting} 个在等待）。请过一分钟再试。"),
    "nw.failed": (
        "This training failed on the server (its log has the details). Press “Train both "
        "networks” to try again.",
        "这次训练在服务器上失败了（详情见服务器日志）。请点击“训练两个网络”重试。"),
    "nw.link.calibration": (
        "How sure is each network, and is it right that often? The calibration lesson reads "
        "this run's outputs.",
        "每个网络有多大把握？它真的有那么常答对吗？校准这一课读取这次训练的输出。"),
    "nw.teachers": ("For teachers", "给教师"),
    "nw.teachers.body": (
        "**What students often believe:** that cross-entropy gives a better final accuracy, or "
        "fixes slow learning everywhere in the network. **Pause on** the checkpoint “who is ahead "
        "after one epoch?” before pressing Train, then read the results' first line: it says, "
        "from the run shown, whether the first or the last epoch carries the lesson (change the "
        "seed and watch the final order flip while the first-epoch lead stays). **Ask next:** "
        "the output layer loses its σ′ factor under cross-entropy; does the hidden layer? Which "
        "digits does each network misread, and would a person misread them too? The experiment "
        "follows Nielsen, *Neural Networks and Deep Learning*, chapters 1 and 3 "
        "([chapter 3](http://neuralnetworksanddeeplearning.com/chap3.html)).",
        "**学生常有的误解**：交叉熵能得到更高的最终准确率，或者能消除网络中所有地方的学习缓慢。"
        "**在这里停下**：按“训练”之前，先回答检查点“第一轮后谁领先？”，然后读结果的第一行：它根据所显示"
        "的运行说明，是第一轮还是最后一轮体现了要点（换一个种子，看最终的先后顺序翻转，而第一轮的领先依旧）。"
        "**接着可以问**：用交叉熵时输出层没有了 σ′ 因子，隐藏层也是这样吗？每个网络认错了哪些数字？"
        "人也会认错它们吗？本实验依照 Nielsen《神经网络与深度学习》第 1 章和第 3 章"
        "（[第 3 章](http://neuralnetworksanddeeplearning.com/chap3.html)）。"),
}

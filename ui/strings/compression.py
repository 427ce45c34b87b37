"""Strings of the text-compression page (pages/lessons/compression.py)."""

STRINGS = {
    "page.compression": ("Cross-entropy is compression", "交叉熵即压缩"),
    "page.compression.question": ("How many bits per character does a model spend on real text, and when does it overfit?", "一个模型在真实文本上每个字符花多少比特？什么时候会过拟合？"),
    "page.compression.blurb": (
        "Train a character model on one text, compress another with an arithmetic coder, and "
        "read bits per character and perplexity as a cross-entropy.",
        "在一段文本上训练字符模型，用算术编码压缩另一段文本，把每字符比特数和困惑度读作交叉熵。"),

    # ---- controls ---------------------------------------------------------------------------
    "tx.text": ("Text", "文本"),
    "tx.text.en": ("This app's English prose", "本应用的英文文字"),
    "tx.text.zh": ("This app's Chinese prose", "本应用的中文文字"),
    "tx.text.paste": ("Your own text", "你自己的文本"),
    "tx.text.help": (
        "This app's prose is every string it shows, as plain text: the values it fills in as it "
        "runs and its formulas appear as “…”, Markdown marks are removed, and strings made "
        "mostly of such gaps are left out. Your own text is used as it is.",
        "“本应用的文字”是它显示的所有字符串，整理成纯文本：运行时填入的数值和公式显示为“…”，Markdown 标记被去掉，"
        "主要由这类空缺组成的字符串不计入。你自己的文本则原样使用。"),
    "tx.paste": ("Paste a text (at most {max} characters)", "粘贴一段文本（最多 {max} 个字符）"),
    "tx.paste.help": (
        "Any language, any Unicode. It is sent to this app's server only to compute this page, "
        "kept for this browser session, and never put in the page's link or saved.",
        "任何语言、任何 Unicode 字符都可以。它只会发送到本应用的服务器用于计算本页，只在这个浏览器会话期间保留，"
        "不会写进页面链接，也不会被保存。"),
    "tx.paste.placeholder": ("Paste or type at least {min} characters…",
                             "粘贴或输入至少 {min} 个字符……"),
    "tx.split": (
        "{n} characters: the first 80% ({train}) train the model, the last 20% ({held}) are "
        "held out.",
        "共 {n} 个字符：前 80%（{train} 个）训练模型，后 20%（{held} 个）留作测试。"),
    "tx.split.prose": (
        "This app's strings as plain text: {n} characters. The first 80% ({train}) train the "
        "model, the last 20% ({held}) are held out.",
        "本应用的字符串，整理成纯文本：共 {n} 个字符。前 80%（{train} 个）训练模型，后 20%（{held} 个）留作测试。"),
    "tx.order": ("Order: characters of context", "阶数：上下文的字符数"),
    "tx.order.help": (
        "The model predicts each character from the k characters just before it (order k is "
        "a (k+1)-gram model). The curve shows every order; this one drives the coder below.",
        "模型根据紧挨在前面的 k 个字符预测下一个字符（k 阶即 (k+1) 元语法模型）。曲线画出所有阶数；这里选的阶数用于下面的编码器。"),
    "tx.alpha": ("Smoothing α (added to every count)", "平滑系数 α（加到每个计数上）"),
    "tx.alpha.help": (
        "Add-α smoothing: every character, seen or not, gets α extra counts in every context, "
        "so nothing has probability 0.",
        "加 α 平滑：在每个上下文里，每个字符（无论见没见过）都多加 α 次计数，所以没有概率为 0 的字符。"),
    "tx.controls": ("**{n} control characters** in your text (first: {first}): each is coded "
                    "like any other character.",
                    "你的文本里有 **{n} 个控制字符**（第一个：{first}）：它们和其他字符一样被编码。"),
    "tx.controls.one": ("**1 control character** in your text ({first}): it is coded like any "
                        "other character.",
                        "你的文本里有 **1 个控制字符**（{first}）：它和其他字符一样被编码。"),

    # ---- the curve ----------------------------------------------------------------------------
    "tx.curve": ("Bits per character as the order grows", "阶数增加时的每字符比特数"),
    "tx.series.train": ("training text", "训练文本"),
    "tx.series.held": ("held-out text", "留出文本"),
    "tx.chart.x": ("order (characters of context)", "阶数（上下文字符数）"),
    "tx.chart.y": ("bits per character", "每字符比特数"),
    "tx.chart.series": ("text", "文本"),
    "tx.chart.chosen": ("the coder's order", "编码器使用的阶数"),
    "tx.perplexity": ("perplexity", "困惑度"),
    "tx.col.order": ("order", "阶数"),
    "tx.col.train_bits": ("training: bits per character", "训练：每字符比特"),
    "tx.col.train_ppl": ("training: perplexity", "训练：困惑度"),
    "tx.col.held_bits": ("held-out: bits per character", "留出：每字符比特"),
    "tx.col.held_ppl": ("held-out: perplexity", "留出：困惑度"),
    "tx.table": ("The curve's numbers (perplexity: 2 to the power of the bits per character)",
                 "曲线上的数值（困惑度：2 的“每字符比特数”次方）"),
    "tx.train.falls": ("The training text's bits per character fall at every order: {first} → "
                       "{last}.",
                       "训练文本的每字符比特数在每一阶都下降：{first} → {last}。"),
    "tx.train.wiggles": ("The training text's bits per character are lowest at order 5 "
                         "({last}), though they do not fall at every order.",
                         "训练文本的每字符比特数在 5 阶最低（{last}），但并非每一阶都下降。"),
    "tx.train.turns": (
        "The training text's own bits per character are lowest at order {k} ({low}) and rise "
        "to {last} at order 5: the α·V = {av} extra counts that smoothing adds to every context "
        "weigh more as longer contexts are seen fewer times. Try a smaller α.",
        "训练文本自身的每字符比特数在 {k} 阶最低（{low}），到 5 阶升到 {last}：平滑给每个上下文额外加的 α·V = {av} 次计数，"
        "在更长、出现次数更少的上下文里分量更重。试试更小的 α。"),
    "tx.held.falls": ("The held-out text's bits per character keep falling, to {last} at "
                      "order 5: no overfitting up to order 5 here.",
                      "留出文本的每字符比特数一直下降，到 5 阶为 {last}：这里到 5 阶为止没有过拟合。"),
    "tx.held.low5": ("The held-out text's bits per character are lowest at order 5 ({last}), "
                     "though not falling at every order.",
                     "留出文本的每字符比特数在 5 阶最低（{last}），但并非每一阶都下降。"),
    "tx.held.turns": ("The held-out text's bits per character are lowest at order {k} "
                      "({low}), then rise to {last} at order 5.",
                      "留出文本的每字符比特数在 {k} 阶最低（{low}），之后升到 5 阶的 {last}。"),
    "tx.overfit": (
        "Past order {k} the model predicts its training text better and new text worse: "
        "overfitting, seen as cross-entropy.",
        "超过 {k} 阶后，模型对训练文本预测得更好，对新文本却更差：这就是用交叉熵看到的过拟合。"),
    "tx.chart.alt": (
        "Chart: bits per character at orders 0 to 5. Training text: {train}. Held-out text: "
        "{held}. The grey band marks order {k}, used below.",
        "图：0 到 5 阶的每字符比特数。训练文本：{train}。留出文本：{held}。灰色带标出下面使用的 {k} 阶。"),

    "tx.chart.alt.train": (
        "Chart: bits per character at orders 0 to 5. Training text: {train}. The held-out "
        "text's curve appears once the checkpoint above is answered. The grey band marks order "
        "{k}, used below.",
        "图：0 到 5 阶的每字符比特数。训练文本：{train}。回答上面的检查点后会显示留出文本的曲线。"
        "灰色带标出下面使用的 {k} 阶。"),
    "tx.huffman.x": ("Where the Huffman code's bits differ", "哈夫曼编码的比特差在哪里"),
    "tx.lm.x": ("Why a language model's loss is this number", "为什么语言模型的损失就是这个数"),
    "tx.hold": ("Answer the checkpoint above to see this result.",
                "先回答上面的检查点，再看这个结果。"),

    # ---- at the chosen order ------------------------------------------------------------------
    "tx.at": ("At order {k}", "{k} 阶时"),
    "tx.m.held_bits": ("Held-out: bits per character", "留出：每字符比特"),
    "tx.m.held_ppl": ("Held-out: perplexity", "留出：困惑度"),
    "tx.m.train_bits": ("Training: bits per character", "训练：每字符比特"),
    "tx.m.train_ppl": ("Training: perplexity", "训练：困惑度"),
    "tx.m.bits.help": (
        "The cross-entropy −(1/n) Σ log₂ q(xᵢ | context) of the text under the model.",
        "文本在模型下的交叉熵 −(1/n) Σ log₂ q(xᵢ | 上下文)。"),
    "tx.m.ppl.help": (
        "2 to the power of the bits per character: the model is as unsure as a fair choice "
        "among this many characters.",
        "2 的“每字符比特数”次方：模型的不确定程度相当于在这么多个字符中均匀地选一个。"),
    "tx.unit": ("This page counts in bits, since a coder writes bits. In {unit}: {value} per "
                "character for the held-out text; perplexity is the same in any unit.",
                "本页用比特计数，因为编码器写出的是比特。换成{unit}：留出文本每字符 {value}；困惑度在任何单位下都一样。"),
    "tx.escaped.one": (
        "1 of the {n} held-out characters never occurs in the training text: it costs its "
        "escape plus 21 bits for its code point.",
        "{n} 个留出字符中有 1 个从未在训练文本中出现：它要付出转义符的代价，再加 21 比特写出它的码位。"),
    "tx.escaped": (
        "{count} of the {n} held-out characters never occur in the training text: each costs "
        "its escape plus 21 bits for its code point.",
        "{n} 个留出字符中有 {count} 个从未在训练文本中出现：每个都要付出转义符的代价，再加 21 比特写出它的码位。"),

    # ---- the coder ----------------------------------------------------------------------------
    "tx.coder": ("The held-out text, compressed", "压缩留出文本"),
    "tx.m.ideal": ("n × bits per character (bits)", "n × 每字符比特（比特）"),
    "tx.m.ideal.help": ("−Σ log₂ q(xᵢ | context) over the {n} held-out characters.",
                        "对 {n} 个留出字符求 −Σ log₂ q(xᵢ | 上下文)。"),
    "tx.m.coded": ("Arithmetic code (bits)", "算术编码（比特）"),
    "tx.m.huffman": ("Huffman code per context (bits)", "上下文哈夫曼码（比特）"),
    "tx.m.utf8": ("As stored, UTF-8 (bits)", "原样存储，UTF-8（比特）"),
    "tx.n_bits": ("{n} bits", "{n} 比特"),
    "tx.one_bit": ("1 bit", "1 比特"),
    "tx.m.vs_ideal": ("vs n × bits/char", "相对 n × 每字符比特"),
    "tx.coded": (
        "The arithmetic coder spends {coded} bits, {diff} more than n × bits per character "
        "({ideal}): no rounding per character, at most about one bit at the end.",
        "算术编码用了 {coded} 比特，比 n × 每字符比特数（{ideal}）多 {diff} 比特：不按字符取整，只在结尾多出至多约一比特。"),
    "tx.coded.fewer": (
        "The arithmetic coder spends {coded} bits, {diff} fewer than n × bits per character "
        "({ideal}): no rounding per character, and no bits spent marking where the code ends.",
        "算术编码用了 {coded} 比特，比 n × 每字符比特数（{ideal}）少 {diff} 比特：不按字符取整，"
        "也不花比特标明编码在哪里结束。"),
    "tx.huffman.more": (
        "A Huffman code per context spends {extra} more than the arithmetic code ({pct}): "
        "every character costs whole bits, at least 1 even when the model is nearly sure (the "
        "rounding of the codes page).",
        "每个上下文一个哈夫曼编码比算术编码多用 {extra}（{pct}）：每个字符都要花整数个比特，模型几乎确定时也至少 1 比特（即编码页上的取整）。"),
    "tx.huffman.fewer": (
        "Here a Huffman code per context spends {fewer} fewer than the arithmetic code: its "
        "whole-bit lengths are not −log₂ q. Among characters the model finds equally likely "
        "(for example every character, in a context it never saw), it gives some codewords a "
        "bit shorter than others, and on this text the characters that occur happen to get "
        "them. Averaged over texts drawn from the model itself it never beats −Σ log₂ q.",
        "这里每个上下文一个哈夫曼编码反而比算术编码少用 {fewer}：它的整数码长不是 −log₂ q。对模型认为同样可能的字符"
        "（例如在从未见过的上下文里，所有字符都同样可能），它给其中一些字符的码字短一比特，而这段文本里出现的字符恰好拿到了这些短码字。"
        "若对从模型本身抽取的文本取平均，它从不会少于 −Σ log₂ q。"),
    "tx.decoded": ("Decoded back: all {n} characters identical to the held-out text.",
                   "解码回来：{n} 个字符与留出文本完全一致。"),
    "tx.decoded.wrong": ("Decoding did not give the held-out text back.",
                         "解码结果与留出文本不一致。"),
    "tx.preview": ("The first {shown} of the {total} bits", "{total} 比特中的前 {shown} 个"),
    "tx.preview.all": ("All {total} bits", "全部 {total} 比特"),
    "tx.surprise": ("Where the model is surprised", "模型在哪里感到意外"),
    "tx.surprise.caption": (
        "The first {shown} held-out characters, each shaded by its cost −log₂ q at order {k}: "
        "the darker, the costlier, from white at 0 bits to the darkest at {top} bits or more. "
        "Hover over one for its bits.",
        "前 {shown} 个留出字符，按它在 {k} 阶下的代价 −log₂ q 着色：越深代价越高，从 0 比特的白色到 {top} 比特及以上的最深色。"
        "鼠标悬停可看具体比特数。"),

    # ---- language models ------------------------------------------------------------------------
    "tx.lm": ("The same number in a language model", "语言模型里的同一个数"),
    "tx.lm.body": (
        "A language model's training loss is this number: the average of −log q(next token | "
        "context), a cross-entropy, per token instead of per character. Libraries take natural "
        "logs, so it is in nats per token, and perplexity is e to the power of the nats per "
        "token, or 2 to the power of the bits per token. Tokenizers differ, so models are also "
        "compared in bits per byte: total bits ÷ "
        "UTF-8 bytes of the text.",
        "语言模型的训练损失就是这个数：−log q(下一个词元 | 上下文) 的平均值，即交叉熵，只是按词元（token）而不是按字符计。"
        "深度学习库用自然对数，所以单位是奈特/词元，困惑度是 e 的“奈特/词元”次方，也就是 2 的“比特/词元”次方。"
        "不同模型的分词器不同，所以也常按每字节比特数比较：总比特数 ÷ 文本的 UTF-8 字节数。"),
    "tx.lm.here": (
        "Here, at order {k}: {bits} bits = {nats} nats per character (perplexity {ppl}), and "
        "{bpb} bits per byte ({bytes} bytes for {n} characters).",
        "这里在 {k} 阶：每字符 {bits} 比特 = {nats} 奈特（困惑度 {ppl}），每字节 {bpb} 比特（{n} 个字符共 {bytes} 字节）。"),
    "tx.lm.lower": (
        "A lower number means the model gave more probability to what actually came next, and a "
        "coder driven by it stores the text in fewer bits.",
        "数值越低，说明模型给真正出现的下一个字符（或词元）的概率越大，用它驱动的编码器存下这段文本所需的比特也越少。"),

    # ---- expanders ------------------------------------------------------------------------------
    "tx.x.model": ("The model, exactly", "模型的精确定义"),
    "tx.x.model.body": (
        "The alphabet is the training text's distinct characters plus one escape symbol: V "
        "symbols ({v} here). The context c of a character is the k characters before it "
        "(fewer at the start). With n(c x) the times c is followed by x in the training text "
        "and n(c) the times c is followed by anything:",
        "字母表是训练文本中出现过的所有不同字符，再加一个转义符：共 V 个符号（这里 {v} 个）。一个字符的上下文 c 是它前面的 k 个字符"
        "（文本开头处更少）。记 n(c x) 为训练文本中 c 后面紧跟 x 的次数，n(c) 为 c 后面跟任意字符的次数："),
    "tx.x.model.escape": (
        "A character the training text never contains costs its escape, −log₂ (α / (n(c) + α V)), "
        "plus 21 bits for its Unicode code point. Characters are code points: a simple emoji "
        "such as 😀 is one, a flag is two, an emoji with a skin tone or a joiner is several. Bits per character is the cross-entropy of the text under q; "
        "perplexity is 2 to that power.",
        "训练文本里从未出现的字符，代价是转义符的 −log₂ (α / (n(c) + α V))，再加 21 比特写出它的 Unicode 码位。"
        "字符按码位计：😀 这样的简单表情符号是一个字符，一面旗帜是两个，带肤色或连接符的表情符号是多个。每字符比特数就是文本在 q 下的交叉熵；困惑度是 2 的这个次方。"),
    "tx.x.coder": ("How the arithmetic coder stays within one bit",
                   "算术编码为什么与 −Σ log₂ q 相差不到一比特"),
    "tx.x.coder.body": (
        "The coder keeps an interval of [0, 1), starting with all of it. Each character shrinks "
        "it to the slice that q(· | c) gives that character, so after the whole text its width "
        "is the product of the q(xᵢ | cᵢ). Naming a point inside an interval of width w takes "
        "about −log₂ w bits: −Σ log₂ q(xᵢ | cᵢ), with no rounding per character. This coder "
        "counts in whole numbers (α = a/b, every count multiplied by b), so the decoder follows "
        "exactly the same steps; it writes each bit as soon as it is settled and ends with one "
        "more, so it spends between 1 bit less and 1 bit more than −Σ log₂ q. It can spend "
        "less because its bits only have to name one point of the final interval: the decoder "
        "is told how many characters there are and reads past the last bit as zeros. Bits that "
        "had to mark their own end, so that any bits after them decode the same, would need "
        "every number that begins with them, a slice of width 2⁻ᴸ for L bits, to lie inside the "
        "final interval: then L is at least −Σ log₂ q.",
        "编码器维护 [0, 1) 中的一个区间，开始时是整个区间。每个字符把区间缩小到 q(· | c) 分给这个字符的那一段，"
        "所以编完整段文本后区间宽度就是各个 q(xᵢ | cᵢ) 的乘积。要指出宽度为 w 的区间里的一个点，大约需要 −log₂ w 比特："
        "即 −Σ log₂ q(xᵢ | cᵢ)，不按字符取整。这个编码器只用整数计算（α = a/b，所有计数乘以 b），"
        "所以解码器能一步不差地重复同样的步骤；它在每一位确定后立即写出，最后再多写一位，"
        "因此所用比特数与 −Σ log₂ q 相差不超过 1 比特（可多可少）。它可能更少，是因为它的比特只需指出最终区间里的一个点："
        "解码器知道共有多少个字符，并把最后一位之后都读作 0。如果这些比特必须自己标明在哪里结束，让后面接上任何比特都解码出同样的结果，"
        "那么以这 L 个比特开头的所有数（一段宽度为 2⁻ᴸ 的区间）都必须落在最终区间内：这时 L 至少是 −Σ log₂ q。"),
    "tx.x.overfit": ("When the held-out curve turns up: overfitting (or too much smoothing)",
                     "留出曲线何时上翘：过拟合（或平滑过度）"),
    "tx.x.overfit.body": (
        "A longer context predicts better only if the training text holds that context often "
        "enough. At order 5 far more contexts of new text were seen once or never than at "
        "orders 2 or 3, so their counts say little; for a context never seen, smoothing "
        "spreads probability evenly over all V characters. When the training curve keeps "
        "falling while the held-out curve turns up, the model fits its training text and not "
        "new text: overfitting, the same picture as a language model's validation loss rising "
        "while its training loss still falls. When both curves rise at high orders, α is too "
        "large for such rarely seen contexts: try a smaller α.",
        "更长的上下文只有在训练文本中出现得足够多时才预测得更好。到了 5 阶，新文本中只见过一次或从未见过的上下文比 2、3 阶时多得多，"
        "它们的计数几乎说明不了什么；对从未见过的上下文，平滑把概率平均分给全部 V 个字符。如果训练曲线继续下降而留出曲线上翘，"
        "说明模型拟合的是训练文本而不是新文本：这就是过拟合，与语言模型的训练损失还在下降而验证损失开始上升是同一幅图景。"
        "如果高阶处两条曲线都上升，说明对这些很少见到的上下文而言 α 太大了：试试更小的 α。"),

    # ---- links ------------------------------------------------------------------------------------
    "tx.links": ("Related pages", "相关页面"),
    "tx.link.codes": ("Codes & samples: Huffman codes round to whole bits",
                      "编码与抽样：哈夫曼编码取整到整数比特"),
    "tx.link.explorer": ("P vs Q explorer: the cross-entropy of two distributions",
                         "P 与 Q 对比：两个分布的交叉熵"),

    # ---- problems ---------------------------------------------------------------------------------
    "problem.text_empty": ("Paste a text first: the box is empty.",
                           "请先粘贴一段文本：输入框是空的。"),
    "problem.text_too_short": (
        "Your text has {value} characters; paste at least {limit}, so that 20% of it can be "
        "held out.",
        "你的文本只有 {value} 个字符；请至少粘贴 {limit} 个，这样才能留出其中的 20%。"),
    "problem.text_too_long": (
        "Your text has {value} characters; at most {limit} can be used. Shorten it.",
        "你的文本有 {value} 个字符；最多只能使用 {limit} 个。请删短一些。"),
    "problem.not_text": ("This input is not text.", "这个输入不是文本。"),
    "problem.not_integer": ("{field} must be a whole number.", "{field} 必须是整数。"),
    "problem.not_positive": ("{field} must be a number above 0.", "{field} 必须是大于 0 的数。"),
    "problem.not_binary": ("The bits may hold only 0 and 1.", "比特串只能包含 0 和 1。"),
    "problem.bad_bits": ("These bits decode to no character.", "这些比特解码不出字符。"),
    "tx.teachers": ("For teachers", "给教师"),
    "tx.teachers.body": (
        '**What students often believe:** that a bigger model (a longer context) always predicts better, and that perplexity is a different kind of number from cross-entropy. **Pause on** the checkpoint “does a bigger model always compress better?” before showing the curve. **Ask next:** why does α matter most for contexts the training text has seen only once or twice, and not at all for contexts it has never seen (there q = 1/V whatever α is)? What would change with words instead of characters? Arithmetic coding as this page builds it follows MacKay, *Information Theory, Inference, and Learning Algorithms*, chapter 6 ([book](http://www.inference.org.uk/itila/book.html)).',
        '**学生常有的误解**：模型越大（上下文越长）预测得越好；困惑度与交叉熵是不同种类的数。**在这里停下**：先让学生回答检查点“模型越大压缩得越好吗？”，再展示曲线。**接着可以问**：为什么 α 对训练文本中只出现过一两次的上下文影响最大，而对从未出现过的上下文毫无影响（那里无论 α 取多少，q 都是 1/V）？如果按词而不是按字符建模，会有什么变化？本页的算术编码依照 MacKay《信息论、推断与学习算法》第 6 章（[书](http://www.inference.org.uk/itila/book.html)）。'),
}

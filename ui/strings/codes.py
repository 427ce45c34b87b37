"""Strings of the codes-and-samples page (pages/codes.py)."""

STRINGS = {
    "page.codes": ("Codes & samples", "编码与采样"),
    "page.codes.question": ("Why do codes whose lengths follow −log p spend H(P) bits, and what does the wrong code cost?",
                            "为什么码长按 −log p 分配的编码平均花 H(P) 比特？用错编码要付出多少？"),
    "cd.link.compression": (
        "Without rounding, on real text: an arithmetic coder spends the model's cross-entropy "
        "(Cross-entropy is compression)",
        "不取整、用在真实文本上：算术编码恰好花费模型的交叉熵（交叉熵即压缩）"),
    "page.codes.blurb": (
        "Codes built for P and for Q, the extra bits Q's code costs, and sample averages that "
        "settle on H(P), H(P,Q) and KL(P‖Q).",
        "为 P 和 Q 构造的编码、Q 的编码多花的比特，以及收敛到 H(P)、H(P,Q) 和 KL(P‖Q) 的样本平均值。"),

    # Introduction and units.
    "cd.lead": (
        "P and Q are two distributions over the same events: how often each happens (P) and "
        "what a model expects (Q). Pick an example, or set your own P and Q on the next page, "
        "the P vs Q explorer.",
        "P 和 Q 是同一组事件上的两个分布：每个事件实际发生的频率（P）和模型的预期（Q）。选一个例子，"
        "或在下一页“P 与 Q 对比”中设定你自己的 P 和 Q。"),
    "cd.why_bits.title": ("Why this page counts in bits", "为什么本页以比特计数"),
    "cd.why_bits": (
        "This page counts in bits whatever unit the sidebar is set to: a codeword is a string of "
        "binary digits, and each binary digit is one bit, so a codeword's length is a number of "
        "bits and log base 2 is the logarithm that matches it.",
        "无论侧边栏选的是什么单位，本页都以比特计数：码字是一串二进制数字，每个二进制数字就是 1 "
        "比特，所以码字的长度就是比特数，与之对应的是以 2 为底的对数。"),
    "cd.why_bits.unit": (
        "This page counts in bits, the length of codewords: 1 bit = {value}. Point at a "
        "number to see it in {unit}.",
        "本页以比特计数，即码字的长度：1 比特 = {value}。把指针移到数值上可以看到它换算成{unit}"
        "后的值。"),
    "cd.in_unit.help": ("= {other}", "= {other}"),

    # Source of P and Q.
    "cd.source": ("P and Q", "P 和 Q"),
    "cd.preset.animals": ("Animals", "动物"),
    "cd.preset.skewed": ("Skewed", "偏斜"),
    "cd.preset.ties": ("Ties", "概率相同"),
    "cd.preset.ruled_out": ("Q = 0", "Q = 0"),
    "cd.preset.tiny": ("Tiny p", "极小概率"),
    "cd.preset.one": ("One event", "单个事件"),
    "cd.preset.fifty": ("50 events", "50 个事件"),
    "cd.preset.help.explorer": (
        "P and Q as set on the next page, the P vs Q explorer (until you change them there: "
        "dog, cat, fish and bird, as in “Animals”).",
        "使用下一页“P 与 Q 对比”中设定的 P 和 Q（在那里改动之前：狗、猫、鱼、鸟，与“动物”相同）。"),
    "cd.preset.help.animals": ("Dog, cat, fish, bird: every probability a power of ½.",
                               "狗、猫、鱼、鸟：每个概率都是 ½ 的幂。"),
    "cd.preset.help.skewed": ("Five events, P skewed and not powers of ½, Q uniform.",
                              "五个事件，P 偏斜且不是 ½ 的幂，Q 是均匀分布。"),
    "cd.preset.help.ties": ("Three equally likely events: someone has to get the longer codeword.",
                            "三个等可能的事件：总得有一个事件分到较长的码字。"),
    "cd.preset.help.ruled_out": ("Q gives “bird” probability 0, though P says it happens.",
                                 "Q 给“鸟”的概率为 0，而 P 认为它会发生。"),
    "cd.preset.help.tiny": ("One event almost certain, five others with probability 1e−12.",
                            "一个事件几乎必然发生，另外五个事件的概率都是 1e−12。"),
    "cd.preset.help.one": ("A single event with probability 1.", "只有一个概率为 1 的事件。"),
    "cd.preset.help.fifty": ("50 events, P falling like 1/k, Q uniform.",
                             "50 个事件，P 按 1/k 递减，Q 是均匀分布。"),
    "cd.explorer.problem": (
        "The P and Q table of the P vs Q explorer does not describe two distributions yet. Fix "
        "it there, or pick one of the examples above.",
        "“P 与 Q 对比”页面中的 P 和 Q 表格还不是两个有效分布。请在那里修改，或选择上面的一个例子。"),
    "cd.explorer.table": ("the P and Q table of the P vs Q explorer", "“P 与 Q 对比”页面中的 P 和 Q 表格"),
    "cd.preset.explorer": ("Explorer", "对比页"),

    # Code table.
    "cd.codes": ("Codes for P and for Q", "为 P 和 Q 构造的编码"),
    "cd.codes.takeaway": ("Likely events get short codewords: ideally −log₂ p bits long.",
                          "越可能的事件码字越短：理想长度是 −log₂ p 比特。"),
    "cd.codes.how": ("How Huffman's and Shannon's codes are built", "哈夫曼编码和香农编码如何构造"),
    "cd.codes.intro": (
        "Huffman's algorithm builds the shortest prefix code on average: it keeps merging the two "
        "least likely groups of events, and each merge adds one bit to every event in them. "
        "Shannon's code gives event i ⌈−log₂ qᵢ⌉ bits: the ideal length −log₂ qᵢ rounded up to "
        "whole bits. No codeword is the start of another, so a stream of codewords reads back "
        "without separators.",
        "哈夫曼算法构造平均长度最短的前缀码：它不断合并概率最小的两组事件，每合并一次，组内每个事件"
        "的码字就多 1 比特。香农编码给事件 i 分配 ⌈−log₂ qᵢ⌉ 比特：把理想长度 −log₂ qᵢ 向上取整到"
        "整数比特。任何码字都不是另一个码字的开头，所以一串码字不需要分隔符就能读回来。"),
    "cd.col.event": ("event", "事件"),
    "cd.col.p": ("P", "P"),
    "cd.col.q": ("Q", "Q"),
    "cd.col.info_p": ("−log₂ p", "−log₂ p"),
    "cd.col.info_q": ("−log₂ q", "−log₂ q"),
    "cd.col.huff_p": ("P's Huffman code", "P 的哈夫曼码"),
    "cd.col.huff_p_len": ("bits (P's code)", "比特数（P 的编码）"),
    "cd.col.huff_q": ("Q's Huffman code", "Q 的哈夫曼码"),
    "cd.col.huff_q_len": ("bits (Q's code)", "比特数（Q 的编码）"),
    "cd.col.shannon_q": ("Q's Shannon code", "Q 的香农码"),
    "cd.col.shannon_q_len": ("⌈−log₂ q⌉", "⌈−log₂ q⌉"),
    "cd.col.short.huff_p": ("P's Huffman", "P 的哈夫曼码"),
    "cd.col.short.huff_q": ("Q's Huffman", "Q 的哈夫曼码"),
    "cd.col.short.shannon_q": ("Q's Shannon", "Q 的香农码"),
    "cd.col.short.len": ("bits", "比特"),
    "cd.col.help.info_p": ("Self-information under P in bits: the ideal codeword length.",
                           "P 下以比特为单位的自信息：理想的码字长度。"),
    "cd.col.help.info_q": ("Self-information under Q in bits: the ideal codeword length for Q.",
                           "Q 下以比特为单位的自信息：按 Q 的理想码字长度。"),
    "cd.col.help.huff_p": ("Each event's codeword in P's Huffman code.",
                           "每个事件在 P 的哈夫曼码中的码字。"),
    "cd.col.help.huff_q": ("Each event's codeword in Q's Huffman code.",
                           "每个事件在 Q 的哈夫曼码中的码字。"),
    "cd.col.help.shannon_q": ("Each event's codeword in Q's Shannon code.",
                              "每个事件在 Q 的香农码中的码字。"),
    "cd.col.help.huff_p_len": ("Length of the codeword in P's Huffman code, in bits.",
                               "该码字在 P 的哈夫曼码中的长度（比特）。"),
    "cd.col.help.huff_q_len": ("Length of the codeword in Q's Huffman code, in bits.",
                               "该码字在 Q 的哈夫曼码中的长度（比特）。"),
    "cd.col.help.shannon_q_len": (
        "Length of the codeword in Q's Shannon code: ⌈−log₂ q⌉ bits, and at least 1 by this "
        "page's convention.",
        "该码字在 Q 的香农码中的长度：⌈−log₂ q⌉ 比特，按本页约定至少 1 比特。"),
    "cd.no_codeword": ("none", "无"),
    "cd.ties": (
        "Ties are broken the same way every time: among equally likely events, earlier rows get "
        "the shorter codewords.",
        "概率相同的事件每次都按同样的规则处理：在等可能的事件中，靠前的行得到较短的码字。"),
    "cd.one_event": (
        "With a single possible event its codeword here is “0”, although H = 0 bits. That is a "
        "convention of this page: every codeword gets at least one bit, so that the bits alone "
        "tell how many symbols were sent. When the message's length is known, the empty "
        "codeword is a valid prefix code too, and costs 0 bits.",
        "只有一个可能的事件时，这里它的码字是“0”，尽管 H = 0 比特。这是本页的约定：每个码字至少 1 "
        "比特，这样仅凭比特串就能知道发送了多少个符号。如果消息长度已知，空码字也是合法的前缀码，"
        "花费 0 比特。"),
    "cd.one_event_q": (
        "Q gives one event probability 1: Q's codes give it the codeword “0” (one bit, by this "
        "page's convention that every codeword has at least one) and no codeword to any other "
        "event.",
        "Q 给某个事件的概率为 1：Q 的编码给它码字“0”（1 比特，按本页每个码字至少 1 比特的约定），"
        "其他事件都没有码字。"),
    "cd.q_zero": (
        "Q gives probability 0 to {events}, yet P gives it a positive probability: Q's codes "
        "have no codeword for it, so a message from P cannot always be written with Q's code. "
        "That is why H(P,Q) and KL(P‖Q) are ∞ here.",
        "Q 给 {events}的概率为 0，而 P 给的概率大于 0：Q 的编码里没有它的码字，所以来自 P 的消息"
        "不一定能用 Q 的编码写出来。这就是这里 H(P,Q) 和 KL(P‖Q) 为 ∞ 的原因。"),
    "cd.q_zero.many": (
        "Q gives probability 0 to {events}, yet P gives each of them a positive probability: "
        "Q's codes have no codeword for them, so a message from P cannot always be written with "
        "Q's code. That is why H(P,Q) and KL(P‖Q) are ∞ here.",
        "Q 给 {events}的概率为 0，而 P 给它们的概率都大于 0：Q 的编码里没有它们的码字，所以来自 P "
        "的消息不一定能用 Q 的编码写出来。这就是这里 H(P,Q) 和 KL(P‖Q) 为 ∞ 的原因。"),
    "cd.p_zero": (
        "P gives probability 0 to {events}: P's code has no codeword for it, and it never "
        "appears in a message drawn from P.",
        "P 给 {events}的概率为 0：P 的编码里没有它的码字，它也不会出现在从 P 抽取的消息中。"),
    "cd.p_zero.many": (
        "P gives probability 0 to {events}: P's code has no codeword for them, and they never "
        "appear in a message drawn from P.",
        "P 给 {events}的概率为 0：P 的编码里没有它们的码字，它们也不会出现在从 P 抽取的消息中。"),

    # Expected lengths.
    "cd.lengths": ("Bits per symbol when events follow P", "事件服从 P 时每个符号的比特数"),
    "cd.lengths.takeaway": (
        "No code beats the entropy H(P); P's own Huffman code spends less than 1 bit more.",
        "没有编码能低于熵 H(P)；P 自己的哈夫曼码多花不到 1 比特。"),
    "cd.lengths.takeaway_one": (
        "With one possible event H(P) = 0, and this page's one-bit convention makes P's code "
        "spend 1 bit per symbol.",
        "只有一个可能事件时 H(P) = 0，而按本页“至少 1 比特”的约定，P 的编码每个符号花 1 比特。"),
    "cd.hold.own": ("The average length of P's code appears here once the checkpoint above "
                    "is answered.",
                    "上面的检查点作答后，P 的编码的平均码长会显示在这里。"),
    "cd.hold.other": ("What Q's codes cost appears here once the checkpoint above is answered.",
                      "上面的检查点作答后，Q 的编码的代价会显示在这里。"),
    "cd.hold.message": (
        "A message encoded with both codes appears here once both checkpoints above are "
        "answered: its bits per symbol measure their answers.",
        "上面两个检查点都作答后，这里会显示用两种编码编码的一条消息：它每个符号的比特数就是在实测"
        "它们的答案。"),
    "cd.wrong.takeaway": (
        "Q's code spends H(P,Q) = H(P) + KL(P‖Q) bits per symbol on events from P, up to "
        "rounding.",
        "Q 的编码用在来自 P 的事件上，每个符号花 H(P,Q) = H(P) + KL(P‖Q) 比特（不计取整）。"),
    "cd.m.h_p": ("Entropy H(P)", "熵 H(P)"),
    "cd.m.l_p": ("P's Huffman code", "P 的哈夫曼码"),
    "cd.m.ce": ("Cross-entropy H(P,Q)", "交叉熵 H(P,Q)"),
    "cd.m.l_q": ("Q's Huffman code", "Q 的哈夫曼码"),
    "cd.m.l_s": ("Q's Shannon code", "Q 的香农码"),
    "cd.m.kl": ("KL divergence KL(P‖Q)", "KL 散度（相对熵）KL(P‖Q)"),
    "cd.m.extra": ("Extra bits of Q's Huffman code", "Q 的哈夫曼码多花的比特"),
    "cd.m.help.extra": ("L(Q's Huffman code) − L(P's Huffman code), both under P.",
                        "L（Q 的哈夫曼码）− L（P 的哈夫曼码），都在 P 下计算。"),
    "cd.m.help.l_p": ("Σ pᵢ × (length of event i's codeword in P's Huffman code).",
                      "Σ pᵢ ×（事件 i 在 P 的哈夫曼码中的码字长度）。"),
    "cd.m.help.l_q": ("Σ pᵢ × (length in Q's Huffman code): Q's code, used on events from P.",
                      "Σ pᵢ ×（在 Q 的哈夫曼码中的长度）：把 Q 的编码用在来自 P 的事件上。"),
    "cd.m.help.l_s": (
        "Σ pᵢ ⌈−log₂ qᵢ⌉: at least H(P,Q) and below H(P,Q) + 1 (except where Q gives one event "
        "probability 1: this page still gives it 1 bit, by convention).",
        "Σ pᵢ ⌈−log₂ qᵢ⌉：不小于 H(P,Q)，且小于 H(P,Q) + 1（例外：Q 给某个事件概率 1 时，本页按约定"
        "仍给它 1 比特）。"),
    "cd.bounds.own": (
        "P's own code: H(P) = {h} ≤ L = {l} < H(P) + 1 = {h1} bits per symbol.",
        "P 自己的编码：H(P) = {h} ≤ L = {l} < H(P) + 1 = {h1} 比特/符号。"),
    "cd.bounds.own_rounded": (
        "P's own code: H(P) = {h} ≤ L = {l} bits per symbol, and L < H(P) + 1 holds exactly, "
        "but H(P) is so small that H(P) + 1 rounds to {l} in the computer's floating-point "
        "numbers.",
        "P 自己的编码：H(P) = {h} ≤ L = {l} 比特/符号，且严格地 L < H(P) + 1；只是 H(P) 太小，"
        "H(P) + 1 在计算机的浮点数里被舍入成 {l}。"),
    "cd.bounds.own_exact": (
        "L = H(P) = {h} bits per symbol: every probability in P is a power of ½, so every "
        "ideal length −log₂ p is whole.",
        "L = H(P) = {h} 比特/符号：P 的每个概率都是 ½ 的幂，所以每个理想长度 −log₂ p 都是整数。"),
    "cd.bounds.own_one": (
        "With one possible event H(P) = 0, and P's code spends L = {l} bit per symbol: the one "
        "bit this page's convention gives every codeword.",
        "只有一个可能的事件时 H(P) = 0，P 的编码每个符号花 L = {l} 比特：这是本页约定给每个码字的"
        "那 1 比特。"),
    "cd.bounds.shannon_one": (
        "Q gives one event probability 1: its Shannon length ⌈−log₂ 1⌉ = 0 is raised to 1 bit "
        "by the same convention, so here Q's Shannon code spends L = {l} bit per symbol, one "
        "more than H(P,Q) = {ce}.",
        "Q 给某个事件的概率为 1：按同样的约定，它的香农长度 ⌈−log₂ 1⌉ = 0 被提高到 1 比特，所以这里 "
        "Q 的香农码每个符号花 L = {l} 比特，比 H(P,Q) = {ce} 多 1。"),
    "cd.bounds.shannon": (
        "Q's Shannon code used on P: H(P,Q) = {ce} ≤ L = {l} < H(P,Q) + 1 = {ce1} bits per symbol.",
        "把 Q 的香农码用在 P 上：H(P,Q) = {ce} ≤ L = {l} < H(P,Q) + 1 = {ce1} 比特/符号。"),
    "cd.extra.exact": (
        "Q's code costs {extra} extra bits per symbol, exactly KL(P‖Q) = {kl} bits: both codes "
        "reach their ideal lengths (L = H(P) and L = H(P,Q)), so nothing is lost to rounding.",
        "Q 的编码每个符号多花 {extra} 比特，恰好等于 KL(P‖Q) = {kl} 比特：两种编码都达到各自的"
        "理想长度（L = H(P) 和 L = H(P,Q)），取整没有损失。"),
    "cd.extra.exact_by_chance": (
        "Q's code costs {extra} extra bits per symbol over P's code, exactly KL(P‖Q) = {kl} "
        "bits: here rounding to whole bits adds the same to both codes.",
        "Q 的编码比 P 的编码每个符号多花 {extra} 比特，恰好等于 KL(P‖Q) = {kl} 比特：这里取整到整数"
        "比特给两种编码增加的开销相同。"),
    "cd.extra.rounded": (
        "Q's Huffman code costs {extra} extra bits per symbol over P's code; KL(P‖Q) = {kl} bits. "
        "The difference, {diff} bits, comes from rounding both codes to whole bits: a real "
        "codeword cannot be −log₂ q bits long when that is not a whole number (coding long "
        "blocks of symbols together shrinks it).",
        "Q 的哈夫曼码比 P 的编码每个符号多花 {extra} 比特；KL(P‖Q) = {kl} 比特。两者之差 {diff} "
        "比特来自两种编码取整到整数比特：当 −log₂ q 不是整数时，真实的码字不可能恰好是这么长（把许多"
        "符号合成长块一起编码可以缩小这个差）。"),
    "cd.extra.infinite": (
        "Q's code cannot encode every event P allows, so its expected length under P is ∞, like "
        "H(P,Q) and KL(P‖Q).",
        "Q 的编码无法为 P 允许的每个事件编码，所以它在 P 下的期望长度是 ∞，与 H(P,Q) 和 KL(P‖Q) "
        "一样。"),
    "cd.chart.title": ("H(P,Q) = H(P) + KL(P‖Q), in bits per symbol",
                       "H(P,Q) = H(P) + KL(P‖Q)，单位：比特/符号"),
    "cd.chart.numbers": ("The chart's numbers, and Shannon's bound", "图中的数值与香农界"),
    "cd.chart.col.ideal": ("ideal", "理想值"),
    "cd.chart.part.h": ("H(P)", "H(P)"),
    "cd.chart.part.kl": ("KL(P‖Q)", "KL(P‖Q)"),
    "cd.chart.part.round": ("rounding to whole bits", "取整到整数比特"),
    "cd.chart.row.ideal_p": ("ideal lengths −log₂ p", "理想长度 −log₂ p"),
    "cd.chart.row.ideal_q": ("ideal lengths −log₂ q", "理想长度 −log₂ q"),
    "cd.chart.row.huff_p": ("P's Huffman code", "P 的哈夫曼码"),
    "cd.chart.row.huff_q": ("Q's Huffman code", "Q 的哈夫曼码"),
    "cd.chart.row.shannon_q": ("Q's Shannon code", "Q 的香农码"),
    "cd.chart.x": ("bits per symbol (events from P)", "每个符号的比特数（事件来自 P）"),
    "cd.chart.part": ("part", "组成部分"),
    "cd.chart.row": ("code", "编码"),
    "cd.chart.value": ("bits", "比特"),
    "cd.chart.total": ("total", "合计"),
    "cd.chart.infinite": ("The chart needs a finite H(P,Q); here it is ∞.",
                          "这张图需要有限的 H(P,Q)；这里它是 ∞。"),
    "cd.round.negative": (
        "A negative rounding means Q's Huffman code happens to suit P better than the ideal "
        "lengths −log₂ q would: Huffman lengths are not each above −log₂ q, only optimal on "
        "average under Q.",
        "取整部分为负，说明 Q 的哈夫曼码恰好比理想长度 −log₂ q 更适合 P：哈夫曼码长并不逐个大于 "
        "−log₂ q，只是在 Q 下平均最优。"),

    # Message.
    "cd.message": ("Encode a message drawn from P", "对一条从 P 抽取的消息编码"),
    "cd.message.length": ("Symbols in the message", "消息中的符号数"),
    "cd.message.seed": ("Random seed", "随机种子"),
    "cd.message.seed.help": ("The same seed draws the same message.",
                             "同一个种子抽出同一条消息。"),
    "cd.message.symbols": ("The message ({n} symbols)", "消息（{n} 个符号）"),
    "cd.message.with_p": ("With P's code: {bits} bits", "用 P 的编码：{bits} 比特"),
    "cd.message.with_q": ("With Q's code: {bits} bits", "用 Q 的编码：{bits} 比特"),
    "cd.message.q_fails": (
        "Q's code has no codeword for “{event}”, which appears at position {pos} of the message: "
        "the message cannot be written with Q's code.",
        "Q 的编码没有“{event}”的码字，而它出现在消息的第 {pos} 个位置：这条消息无法用 Q 的编码写出。"),
    "cd.message.rate": (
        "{per_p} bits per symbol with P's code (H(P) = {h}), {per_q} with Q's code "
        "(H(P,Q) = {ce}).",
        "用 P 的编码每个符号 {per_p} 比特（H(P) = {h}），用 Q 的编码每个符号 {per_q} 比特"
        "（H(P,Q) = {ce}）。"),
    "cd.message.more": ("This message costs {extra} more bits with Q's code.",
                        "这条消息用 Q 的编码多花 {extra} 比特。"),
    "cd.message.fewer": (
        "This message happens to cost {extra} fewer bits with Q's code: on average Q's code "
        "costs more, but the draws in one message can favour it.",
        "这条消息用 Q 的编码反而少花 {extra} 比特：平均而言 Q 的编码更贵，但一条消息里的抽样可能偏向它。"),
    "cd.message.fewer_tie": (
        "This message happens to cost {extra} fewer bits with Q's code. Under P both codes "
        "average the same length here, so either can win on a given message.",
        "这条消息用 Q 的编码恰好少花 {extra} 比特。在 P 下两种编码的平均长度在这里相同，所以任何一条"
        "消息都可能是其中任意一种更省。"),
    "cd.message.same": ("Both codes happen to spend the same number of bits on this message.",
                        "两种编码在这条消息上恰好花了同样多的比特。"),
    "cd.message.rate_p": ("{per_p} bits per symbol with P's code (H(P) = {h}).",
                          "用 P 的编码每个符号 {per_p} 比特（H(P) = {h}）。"),
    "cd.message.decoded": (
        "Decoded back from both bit strings: {n} symbols, identical to the original message.",
        "从两串比特分别解码：{n} 个符号，与原消息完全相同。"),
    "cd.message.decoded_p": (
        "Decoded back from P's bit string: {n} symbols, identical to the original message.",
        "从 P 的比特串解码：{n} 个符号，与原消息完全相同。"),
    "cd.message.mismatch": ("Decoding did not give back the original message.",
                            "解码没有还原出原消息。"),
    "cd.message.shown": ("Showing the first {shown} of {n} symbols.",
                         "只显示 {n} 个符号中的前 {shown} 个。"),
    "cd.message.legend": ("Colours: ", "颜色："),

    # 16-bit example.
    "cd.sixteen": ("Example: a 16-bit number whose digits are biased",
                   "例子：各位取值有偏的 16 位数"),
    "cd.sixteen.intro": (
        "A number made of 16 random binary digits has 2¹⁶ = 65,536 possible values. When they are "
        "equally likely, each has probability 2⁻¹⁶ and carries 16 bits, and no code can average "
        "fewer than 16 bits per number. When each digit is 1 less often than 0, some values are far more "
        "likely than others, and a code built for that source needs fewer bits on average.",
        "由 16 个随机二进制位组成的数有 2¹⁶ = 65,536 种可能的取值。当它们等可能时，每个取值的概率是 "
        "2⁻¹⁶，携带 16 比特信息，任何编码平均都不可能少于 16 比特。当每一位取 1 的可能性小于取 0 "
        "时，有些取值比其他取值可能得多，为这种信源设计的编码平均需要的比特更少。"),
    "cd.sixteen.theta": ("Probability that each binary digit is 1",
                         "每个二进制位为 1 的概率"),
    "cd.sixteen.result": (
        "Entropy {h} bits; the Huffman code for all 65,536 values averages {l} bits per number, "
        "with codewords from {lo} to {hi} bits long.",
        "熵为 {h} 比特；为全部 65,536 个取值构造的哈夫曼码平均每个数 {l} 比特，码字长度从 {lo} 到 "
        "{hi} 比特。"),
    "cd.sixteen.uniform": (
        "Every value gets a {l}-bit codeword: the uniform source needs all 16 bits.",
        "每个取值都得到 {l} 比特的码字：均匀信源需要全部 16 比特。"),
    "cd.sixteen.saving": (
        "That is {saved} bits fewer than 16 per number.",
        "每个数比 16 比特少 {saved} 比特。"),

    # Samples.
    "cd.samples": ("Averages over samples from P", "从 P 抽样的平均值"),
    "cd.samples.takeaway": (
        "Over draws from P, the averages of −log₂ p(x), −log₂ q(x) and log₂(p(x)/q(x)) settle "
        "on H(P), H(P,Q) and KL(P‖Q).",
        "在从 P 抽取的样本上，−log₂ p(x)、−log₂ q(x) 和 log₂(p(x)/q(x)) 的平均值分别收敛到 H(P)、"
        "H(P,Q) 和 KL(P‖Q)。"),
    "cd.samples.how": ("How the averages and their band are computed", "平均值及其阴影带如何计算"),
    "cd.samples.intro": (
        "Draw events from P one after another and keep three running averages: of −log₂ p(x), "
        "of −log₂ q(x) and of log₂(p(x)/q(x)). They settle on H(P), H(P,Q) and KL(P‖Q). The band "
        "is ±2 standard errors, from the spread of the values drawn so far.",
        "从 P 中依次抽取事件，并计算三个累计平均值：−log₂ p(x)、−log₂ q(x) 和 log₂(p(x)/q(x)) 的平均。"
        "它们分别收敛到 H(P)、H(P,Q) 和 KL(P‖Q)。阴影带是 ±2 个标准误，由到目前为止抽到的值的离散"
        "程度算出。"),
    "cd.samples.n": ("Samples drawn", "抽样数"),
    "cd.samples.seed": ("Random seed of the samples", "抽样的随机种子"),
    "cd.q.info_p": ("average of −log₂ p(x) → H(P)", "−log₂ p(x) 的平均 → H(P)"),
    "cd.q.info_q": ("average of −log₂ q(x) → H(P,Q)", "−log₂ q(x) 的平均 → H(P,Q)"),
    "cd.q.log_ratio": ("average of log₂(p(x)/q(x)) → KL(P‖Q)",
                       "log₂(p(x)/q(x)) 的平均 → KL(P‖Q)"),
    "cd.samples.x": ("samples drawn n (log scale)", "抽样数 n（对数刻度）"),
    "cd.samples.y": ("running average, bits", "累计平均值（比特）"),
    "cd.samples.exact": ("exact value", "精确值"),
    "cd.samples.se": ("standard error", "标准误"),
    "cd.samples.mean": ("average", "平均值"),
    "cd.samples.final.head": ("After {n} samples (± two standard errors):",
                              "抽样 {n} 次后（± 两个标准误）："),
    "cd.samples.final": ("{name} = {value} ± {se} bits (exact {exact})",
                         "{name} = {value} ± {se} 比特（精确值 {exact}）"),
    "cd.samples.outside": (
        "The exact value lies outside the band for: {names}. The band is measured from the draws "
        "so far: it misses now and then by chance, and it keeps missing while the draws have not "
        "yet produced an event that P makes very rare (such as one of probability 10⁻¹²), whose "
        "share neither the average nor the band can show until it is drawn.",
        "以下平均值的精确值落在阴影带之外：{names}。阴影带由到目前为止的抽样算出：它偶尔会因偶然而错过精确值；"
        "而当 P 中某个非常罕见的事件（例如概率为 10⁻¹² 的事件）还没被抽到时，它会一直错过：在抽到"
        "之前，平均值和阴影带都体现不出这个事件的贡献。"),
    "cd.samples.final_inf": ("{name} = ∞ (exact {exact})", "{name} = ∞（精确值 {exact}）"),
    "cd.samples.infinite": (
        "Draw {m} is “{event}”, to which Q gives probability 0: −log₂ q(x) is ∞ there, so from "
        "that draw on the averages of −log₂ q(x) and log₂(p(x)/q(x)) are ∞ and their lines stop.",
        "第 {m} 次抽到的是“{event}”，而 Q 给它的概率为 0：此处 −log₂ q(x) 为 ∞，所以从这次抽样起，"
        "−log₂ q(x) 和 log₂(p(x)/q(x)) 的平均值都是 ∞，它们的曲线在此中断。"),

    # Estimation.
    "cd.mle": ("The sample's own distribution", "样本自身的分布"),
    "cd.mle.takeaway": (
        "A sample fits its own frequencies P̂ best, so H(P̂) comes out low on average.",
        "样本最贴合它自己的频率 P̂，所以 H(P̂) 平均偏低。"),
    "cd.mle.takeaway_one": (
        "With one possible event every sample's frequencies are P itself: H(P̂) = H(P) = 0.",
        "只有一个可能事件时，每个样本的频率就是 P 本身：H(P̂) = H(P) = 0。"),
    "cd.mle.how": ("Why the frequencies fit their own sample best", "为什么频率最贴合自己的样本"),
    "cd.mle.intro": (
        "Count how often each event appears in a sample of n draws and divide by n: these "
        "frequencies p̂ are the maximum-likelihood estimate of P. Among all distributions, p̂ "
        "gives "
        "the sample the highest likelihood, which is the smallest average −log₂ r(x) over the "
        "sample; that average is the cross-entropy H(P̂, R), and its minimum is H(P̂).",
        "数一数 n 次抽样中每个事件出现的次数再除以 n：这些频率 p̂ 就是 P 的极大似然估计。在所有分布中，"
        "p̂ 给这个样本的似然最大，也就是样本上 −log₂ r(x) 的平均值最小；这个平均值就是交叉熵 "
        "H(P̂, R)，其最小值是 H(P̂)。"),
    "cd.mle.n": ("Sample size n", "样本量 n"),
    "cd.mle.col.count": ("count", "次数"),
    "cd.mle.col.freq": ("p̂ = count / n", "p̂ = 次数 / n"),
    "cd.mle.m.plug_in": ("H(P̂), plug-in", "H(P̂)，代入估计"),
    "cd.mle.m.mm": ("Miller–Madow", "Miller–Madow 校正"),
    "cd.mle.m.h_p": ("True H(P)", "真实的 H(P)"),
    "cd.mle.m.ce_p": ("H(P̂, P)", "H(P̂, P)"),
    "cd.mle.m.ce_q": ("H(P̂, Q)", "H(P̂, Q)"),
    "cd.mle.m.help.ce_p": ("The sample's average −log₂ p(x).", "样本上 −log₂ p(x) 的平均。"),
    "cd.mle.m.help.ce_q": ("The sample's average −log₂ q(x).", "样本上 −log₂ q(x) 的平均。"),
    "cd.mle.m.help.mm": (
        "H(P̂) + (k − 1)/(2n) nats, with k the number of events seen at least once (the only "
        "count of events a sample gives by itself).",
        "H(P̂) + (k − 1)/(2n) 奈特，其中 k 是至少出现过一次的事件数（这是样本本身唯一能给出的事件数）。"),
    "cd.mle.sentence": (
        "Here H(P̂) = {plug} bits ≤ H(P̂, P) = {ce_p} bits: the frequencies fit this sample at "
        "least as well as the true P, by KL(P̂‖P) = {kl} bits.",
        "这里 H(P̂) = {plug} 比特 ≤ H(P̂, P) = {ce_p} 比特：频率对这个样本的拟合至少和真实的 P 一样好，"
        "好出 KL(P̂‖P) = {kl} 比特。"),
    "cd.mle.high": (
        "This sample came out high: H(P̂) = {plug} bits, above H(P) = {h} bits; the chart below "
        "averages {repeats} samples of each size.",
        "这个样本偏高了：H(P̂) = {plug} 比特，高于 H(P) = {h} 比特；下图对每种样本量各平均了 "
        "{repeats} 个样本。"),
    "cd.mle.unseen": (
        "{k} of the {K} possible events never appeared in this sample, so p̂ gives them "
        "probability 0.",
        "{K} 个可能的事件中有 {k} 个在这个样本中没有出现，所以 p̂ 给它们的概率是 0。"),
    "cd.bias": ("The plug-in entropy is biased low", "代入估计的熵偏低"),
    "cd.bias.how": ("About the bias and Miller–Madow's correction",
                    "关于偏差和 Miller–Madow 校正"),
    "cd.bias.intro": (
        "Because the frequencies always fit their own sample at least as well as P does, the "
        "entropy computed from them, H(P̂), is on average below H(P), and more so for small "
        "samples. When every n·pᵢ is large (each event expected many times), the shortfall is "
        "about (K − 1)/(2n) nats, K the number of possible events; when some n·pᵢ is small it "
        "can be far smaller or larger. Miller and Madow add back (k − 1)/(2n), with k the events "
        "actually seen. The chart averages both estimates over {repeats} samples of each size; "
        "the exact bias is computed from the binomial distribution of each event's count.",
        "由于频率对自己样本的拟合总不差于 P，用它们算出的熵 H(P̂) 平均低于 H(P)，样本越小越明显。"
        "当每个 n·pᵢ 都很大（每个事件都预期出现很多次）时，偏低约 (K − 1)/(2n) 奈特，K 是可能的"
        "事件数；当某个 n·pᵢ 很小时，偏差可能远小于或远大于这个值。Miller 和 Madow 加回 "
        "(k − 1)/(2n)，其中 k 是实际出现过的事件数。图中对每种样本量各取 {repeats} 个样本，把两种"
        "估计分别求平均；精确的偏差由每个事件计数的二项分布算出。"),
    "cd.bias.rule_holds": (
        "The exact bias is {exact} bits; the first-order (K − 1)/(2n) nats = {rule} bits is "
        "within 10% of it here (smallest n·pᵢ: {np}).",
        "精确的偏差是 {exact} 比特；一阶近似 (K − 1)/(2n) 奈特 = {rule} 比特，在这里与之相差不到 "
        "10%（最小的 n·pᵢ：{np}）。"),
    "cd.bias.rule_fails": (
        "The exact bias is {exact} bits. The first-order (K − 1)/(2n) nats = {rule} bits "
        "needs every n·pᵢ large; here the smallest is {np}, and it gives {ratio} times the "
        "exact bias.",
        "精确的偏差是 {exact} 比特。一阶近似 (K − 1)/(2n) 奈特 = {rule} 比特要求每个 n·pᵢ 都很大；"
        "这里最小的是 {np}，它给出的是精确偏差的 {ratio} 倍。"),
    "cd.bias.numbers": ("The chart's numbers", "图中的数值"),
    "cd.bias.x": ("sample size n (log scale)", "样本量 n（对数刻度）"),
    "cd.bias.y": ("average estimate, bits", "估计值的平均（比特）"),
    "cd.bias.plug_in": ("plug-in H(P̂)", "代入估计 H(P̂)"),
    "cd.bias.mm": ("Miller–Madow", "Miller–Madow 校正"),
    "cd.bias.exact": ("true H(P)", "真实的 H(P)"),
    "cd.bias.sentence": (
        "At n = {n}, H(P̂) averages {plug} bits over {repeats} samples, {bias} below "
        "H(P) = {h} (± {se}); Miller–Madow averages {mm}.",
        "n = {n} 时，H(P̂) 在 {repeats} 个样本上平均为 {plug} 比特，比 H(P) = {h} 低 {bias}"
        "（± {se}）；Miller–Madow 校正后平均为 {mm}。"),
    "cd.bias.sentence_above": (
        "At n = {n}, H(P̂) averages {plug} bits over {repeats} samples, {bias} above "
        "H(P) = {h} (± {se}): here the bias is smaller than the noise of the average. "
        "Miller–Madow averages {mm}.",
        "n = {n} 时，H(P̂) 在 {repeats} 个样本上平均为 {plug} 比特，比 H(P) = {h} 高 {bias}"
        "（± {se}）：在这个样本量下，偏差小于平均值本身的波动。Miller–Madow 校正后平均为 {mm}。"),
    "cd.bias.bias": ("bias", "偏差"),
    "cd.bias.none": (
        "P has a single possible event, so every sample has entropy 0 and there is no bias to see.",
        "P 只有一个可能的事件，所以每个样本的熵都是 0，看不到偏差。"),

    # For teachers.
    "cd.teachers": ("For teachers", "给教师"),
    "cd.teachers.body": (
        "**The misconception.** That cross-entropy and KL divergence are abstract formulas. "
        "Here they are counts of bits: the extra length of a code built for the wrong "
        "distribution. A second one: that a code could beat the entropy, or that Q's code "
        "could beat P's own on average (it cannot; a single message can, by luck).\n\n"
        "**Pause on** checkpoint 2 (someone else's code): ask how many extra bits per symbol "
        "Q's code costs before showing it, then compare with KL(P‖Q) and ask where the "
        "difference comes from (rounding to whole bits).\n\n"
        "**Ask next.** Which example makes Q's code impossible to use (“Q = 0”), and what "
        "does that say about a model that gives a real outcome probability 0? Why does the "
        "“Skewed” example lose bits to rounding when “Animals” loses none?\n\n"
        "**Further reading.** Chris Olah, "
        "[“Visual Information Theory”](https://colah.github.io/posts/2015-09-Visual-Information/) "
        "(2015), draws codes, entropy, cross-entropy and KL divergence as code lengths, as this "
        "page counts them.",
        "**针对的误解。** 以为交叉熵和 KL 散度只是抽象的公式。在这里它们是比特的个数：为错误分布"
        "构造的编码多出的长度。另一个误解：以为编码可以低于熵，或以为 Q 的编码平均下来能胜过 P "
        "自己的编码（不可能；某一条消息可能碰巧更短）。\n\n"
        "**停下来讨论。** 检查点 2（用别人的编码）：在显示之前，先问 Q 的编码每个符号多花多少比特，"
        "再与 KL(P‖Q) 比较，并问差额从何而来（取整到整数比特）。\n\n"
        "**接着可以问。** 哪个例子让 Q 的编码根本无法使用（“Q = 0”）？这对一个给真实结果概率 0 的"
        "模型意味着什么？为什么“偏斜”的例子会因取整损失比特，而“动物”的例子没有损失？\n\n"
        "**延伸阅读。** Chris Olah 的"
        "[《Visual Information Theory》](https://colah.github.io/posts/2015-09-Visual-Information/)"
        "（2015）把编码、熵、交叉熵和 KL 散度都画成码长，与本页的计数方式相同。"),
}

"""Strings of the continuous-KL page (pages/lessons/continuous.py)."""

STRINGS = {
    "page.continuous": ("KL on continuous distributions", "连续分布上的 KL 散度"),
    "page.continuous.question": ("Which Gaussian does KL(P‖Q) choose, and which does KL(Q‖P)?", "KL(P‖Q) 会选择哪个高斯分布？KL(Q‖P) 又会选哪个？"),
    "page.continuous.blurb": (
        "Fit one Gaussian to a mixture by minimising KL(P‖Q), then KL(Q‖P): do the two choose "
        "the same Gaussian?",
        "分别最小化 KL(P‖Q) 和 KL(Q‖P)，用一个高斯分布去拟合混合分布：两者选出的高斯分布一样吗？"),

    # ---- the two fits ----------------------------------------------------------------------------
    "ct.intro": (
        "P (blue, shaded) is a mixture of Gaussians; each dashed or dotted curve is a Gaussian "
        "Q fitted to it.",
        "P（蓝色阴影）是若干高斯分布的混合；每条虚线或点线是拟合它的一个高斯分布 Q。"),
    "ct.presets": ("Experiments", "实验"),
    "ct.preset.separated": ("Separated modes", "两个分开的峰"),
    "ct.preset.close": ("Close modes", "两个靠近的峰"),
    "ct.preset.uneven": ("Uneven modes", "大小不同的峰"),
    "ct.preset.three": ("Three modes", "三个峰"),
    "ct.preset.single": ("One Gaussian", "单个高斯"),
    "ct.n": ("Components of P", "P 的分量个数"),
    "ct.component": ("Component {i}", "分量 {i}"),
    "ct.weight": ("Weight", "权重"),
    "ct.mean": ("Mean μ", "均值 μ"),
    "ct.sd": ("Standard deviation σ", "标准差 σ"),
    "ct.normalised": (
        "The weights add up to {total}; P divides them by that: {weights}.",
        "权重之和为 {total}；P 用它们除以这个和：{weights}。"),
    "ct.last_good": ("The picture shows the last valid P.", "图中显示的是上一个有效的 P。"),
    "ct.density": ("density", "概率密度"),
    "ct.curve": ("curve", "曲线"),
    "ct.fit.forward": ("KL(P‖Q) fit", "KL(P‖Q) 拟合"),
    "ct.fit.reverse": ("KL(Q‖P) fit", "KL(Q‖P) 拟合"),
    "ct.fit.other": ("other local minimum", "其他局部极小值"),
    "ct.fit.both": ("both fits", "两个拟合"),
    "ct.fits.alt": (
        "Chart: P has its modes at x = {peaks}. The KL(P‖Q) fit (dashed) has μ = {fm}, "
        "σ = {fs}; the KL(Q‖P) fit (dash-dot) has μ = {rm}, σ = {rs}.",
        "图：P 的峰位于 x = {peaks}。KL(P‖Q) 拟合（虚线）μ = {fm}，σ = {fs}；KL(Q‖P) 拟合"
        "（点划线）μ = {rm}，σ = {rs}。"),
    "ct.take.gaussian": (
        "P is a single Gaussian: both fits are P itself, and every divergence is 0.",
        "P 本身就是一个高斯分布：两个拟合都等于 P，所有散度都是 0。"),
    "ct.take.one_mode": (
        "P has one mode: both fits cover it; {width}.",
        "P 只有一个峰：两个拟合都覆盖它；{width}。"),
    "ct.take.picks": (
        "The KL(P‖Q) fit spreads over all of P; the KL(Q‖P) fit sits on one mode (x ≈ {mu}) "
        "and leaves the others uncovered.",
        "KL(P‖Q) 拟合铺满整个 P；KL(Q‖P) 拟合只落在一个峰上（x ≈ {mu}），其余的峰都不管。"),
    "ct.take.centred": (
        "The KL(P‖Q) fit spreads over all of P; the KL(Q‖P) fit is centred on one mode "
        "(x ≈ {mu}) but puts {rest}% of its probability over the others; {width}.",
        "KL(P‖Q) 拟合铺满整个 P；KL(Q‖P) 拟合以一个峰（x ≈ {mu}）为中心，但仍有 {rest}% 的概率落在其他峰上；"
        "{width}。"),
    "ct.hold": ("Answer the checkpoint above to see this result.",
                "先回答上面的检查点，再看这个结果。"),
    "ct.fits.alt.held": (
        "Chart: P has its modes at x = {peaks}. The KL(P‖Q) fit (dashed) has μ = {fm}, "
        "σ = {fs}; the KL(Q‖P) fit appears once the checkpoint is answered.",
        "图：P 的峰位于 x = {peaks}。KL(P‖Q) 拟合（虚线）μ = {fm}，σ = {fs}；回答检查点后会显示 "
        "KL(Q‖P) 拟合。"),
    "ct.take.spans": (
        "The KL(P‖Q) fit spreads over all of P; here the KL(Q‖P) fit also spans {k} of P's "
        "{n} modes; {width}.",
        "KL(P‖Q) 拟合铺满整个 P；这里 KL(Q‖P) 拟合也横跨了 P 的 {n} 个峰中的 {k} 个；{width}。"),
    "ct.narrower": ("the KL(Q‖P) fit is narrower (σ = {rev} against {fwd})",
                    "KL(Q‖P) 拟合更窄（σ = {rev}，对比 {fwd}）"),
    "ct.wider": ("the KL(Q‖P) fit is wider (σ = {rev} against {fwd})",
                 "KL(Q‖P) 拟合更宽（σ = {rev}，对比 {fwd}）"),
    "ct.same_width": ("their widths differ by less than 1% (σ = {rev} against {fwd})",
                      "两者的宽度相差不到 1%（σ = {rev}，对比 {fwd}）"),
    "ct.fit.heading": ("**{name}** ({style}): μ = {mu}, σ = {sd}",
                       "**{name}**（{style}）：μ = {mu}，σ = {sd}"),
    "ct.style.dashed": ("dashed", "虚线"),
    "ct.style.dashdot": ("dash-dot", "点划线"),

    # ---- the searches -----------------------------------------------------------------------------
    "ct.searches": ("Where each KL(Q‖P) search ends", "每次 KL(Q‖P) 搜索停在哪里"),
    "ct.landscape.caption": (
        "Colour: KL(Q‖P) of each Gaussian Q, dark = small ({lo} to {hi} {unit}; above: "
        "yellow). White lines: Nelder–Mead from each start (circle) to a local minimum "
        "(diamond; red = best).",
        "颜色：每个高斯分布 Q 的 KL(Q‖P)，越暗越小（从 {lo} 到 {hi} {unit}；更大的值都是黄色）。"
        "白线：Nelder–Mead 从每个起点（圆点）走到一个局部极小值（菱形；红色为最优）。"),
    "ct.searches.tie": (
        "{k} of them tie for the lowest KL(Q‖P); the fit drawn is the first.",
        "其中 {k} 个并列取得最小的 KL(Q‖P)；图中画的拟合是第一个。"),
    "ct.searches.one": ("One start, one minimum.", "一个起点，一个极小值。"),
    "ct.searches.same": ("All {n} searches end at the same minimum.",
                         "全部 {n} 次搜索都停在同一个极小值。"),
    "ct.searches.differ": (
        "{n} starts, {k} different local minima: the answer depends on where the search begins.",
        "{n} 个起点，{k} 个不同的局部极小值：结果取决于搜索从哪里开始。"),
    "ct.q_mean": ("mean of Q", "Q 的均值"),
    "ct.q_sd": ("sd of Q", "Q 的标准差"),
    "ct.kl_qp_unit": ("KL(Q‖P) ({unit})", "KL(Q‖P)（{unit}）"),
    "ct.start": ("start", "起点"),
    "ct.end": ("end", "终点"),
    "ct.best": ("best end", "最优终点"),
    "ct.search": ("search", "搜索"),
    "ct.kind": ("point", "点"),
    "ct.steps": ("steps", "步数"),
    "ct.why": ("Why one direction covers and the other picks", "为什么一个方向覆盖、另一个方向挑选"),
    "ct.why.body": (
        "KL(P‖Q) averages log(p/q) over **P**: wherever P has probability and q is tiny, the "
        "log ratio is huge, so Q must cover all of P (*mass-covering*). For a Gaussian Q, "
        "KL(P‖Q) = $-h(P) - E_P[\\log q]$: the first term does not involve Q, and the second "
        "depends on P only through its mean and variance, so the best Q has P's mean and variance (*moment matching*), in closed form:\n\n"
        "$$\\mu = \\sum_i w_i\\mu_i, \\qquad \\sigma^2 = \\sum_i w_i\\left(\\sigma_i^2 + "
        "(\\mu_i-\\mu)^2\\right)$$\n\n"
        "KL(Q‖P) averages log(q/p) over **Q**: Q pays where *it* puts probability and P has "
        "little, and pays nothing for parts of P it leaves out. So it avoids the gaps between "
        "modes and may settle on one (*mode-seeking*). It has no closed form for a mixture and "
        "can have several local minima, hence a numerical search from several starts.",
        "KL(P‖Q) 是在 **P** 下对 log(p/q) 求平均：只要 P 有概率而 q 很小，对数比就很大，所以 Q "
        "必须覆盖整个 P（*覆盖概率质量*，mass-covering）。对于高斯分布 Q，KL(P‖Q) = $-h(P) - E_P[\\log q]$："
        "第一项与 Q 无关，第二项只通过 P 的均值和方差依赖于 P，所以最优的 Q 就取 P 的均值和方差（*矩匹配*），有闭式解：\n\n"
        "$$\\mu = \\sum_i w_i\\mu_i, \\qquad \\sigma^2 = \\sum_i w_i\\left(\\sigma_i^2 + "
        "(\\mu_i-\\mu)^2\\right)$$\n\n"
        "KL(Q‖P) 是在 **Q** 下对 log(q/p) 求平均：Q 在*自己*放了概率而 P 很小的地方付出代价，"
        "而对它没有覆盖的那部分 P 不付任何代价。所以它避开峰之间的低谷，可能停在一个峰上"
        "（*寻找众数*，mode-seeking）。对混合分布它没有闭式解，而且可能有多个局部极小值，"
        "因此要从多个起点做数值搜索。"),
    "ct.how": ("How the numbers are computed", "这些数字是怎么算出来的"),
    "ct.how.body": (
        "Every integral is an expectation under one Gaussian, computed by the trapezoid rule on "
        "4,001 nodes over ±12 standard deviations; against adaptive quadrature "
        "(scipy.integrate.quad) it agrees to about 1e−13 on typical mixtures and within 1e−5 "
        "(relative) at the extremes of this page's ranges. log p of the mixture is a "
        "log-sum-exp of the components' log densities: far from every mode the densities "
        "underflow to 0, and a naive log would give −∞. The KL(Q‖P) searches are Nelder–Mead "
        "over (μ, log σ), started at each component and at the KL(P‖Q) fit; the map uses 401 "
        "nodes. No number in this section is sampled (sampling appears only in the VAE section "
        "below).",
        "每个积分都是某个高斯分布下的期望，用梯形法则在 ±12 个标准差范围内的 4,001 个节点上计算；"
        "与自适应积分（scipy.integrate.quad）相比，在常见的混合分布上误差约为 1e−13，在本页参数范围"
        "的极端情况下相对误差也在 1e−5 以内。混合分布的 log p 用各分量对数密度的 log-sum-exp 计算："
        "远离所有峰时密度会下溢为 0，直接取对数会得到 −∞。KL(Q‖P) 的搜索是在 (μ, log σ) 上的 "
        "Nelder–Mead，分别从每个分量和 KL(P‖Q) 拟合出发；地图用 401 个节点。这一部分的数字"
        "都不是抽样得到的（抽样只出现在下面的 VAE 一节）。"),

    # ---- differential entropy ---------------------------------------------------------------
    "ct.h.header": ("Differential entropy: the entropy of a density", "微分熵：概率密度的熵"),
    "ct.h.sd": ("σ of the Gaussian N(0, σ²)", "高斯分布 N(0, σ²) 的 σ"),
    "ct.h.delta": ("Bin width Δ", "分箱宽度 Δ"),
    "ct.h.m.h": ("Differential entropy h", "微分熵 h"),
    "ct.h.m.h.help": ("h = ½ log(2πeσ²), for a Gaussian.", "高斯分布的 h = ½ log(2πeσ²)。"),
    "ct.h.m.binned": ("Binned entropy $H_\\Delta$", "分箱后的熵 $H_\\Delta$"),
    "ct.h.m.binned.help": (
        "The ordinary (discrete) entropy of X rounded to bins of width Δ, one bin centred on 0.",
        "把 X 按宽度 Δ 分箱（其中一个箱以 0 为中心）后得到的普通（离散）熵。"),
    "ct.h.m.limit": ("h − log Δ", "h − log Δ"),
    "ct.h.negative": (
        "σ = {sd}: h = {h}, below 0. A density can exceed 1 (here it does near the mean), so "
        "−log p(x) can be negative; h < 0 exactly when σ < 1/√(2πe) ≈ {cut}.",
        "σ = {sd}：h = {h}，小于 0。概率密度可以大于 1（这里在均值附近就是如此），所以 −log p(x) "
        "可以是负数；当且仅当 σ < 1/√(2πe) ≈ {cut} 时 h 小于 0。"),
    "ct.h.positive": (
        "σ = {sd}: h = {h}. Move σ below 1/√(2πe) ≈ {cut} and h turns negative; a discrete "
        "entropy never can.",
        "σ = {sd}：h = {h}。把 σ 调到 1/√(2πe) ≈ {cut} 以下，h 就会变成负数；离散熵永远不会。"),
    "ct.h.zero": ("σ = {sd}: h = {h}, exactly the border: below σ = 1/√(2πe) ≈ {cut} it is negative.",
                  "σ = {sd}：h = {h}，正好在边界上：σ 小于 1/√(2πe) ≈ {cut} 时它就是负的。"),
    "ct.h.limit_note": (
        "$H_\\Delta$ is never negative and grows without bound as Δ shrinks, tracking h − log Δ: h is "
        "not the limit of the discrete entropy, only what is left after removing −log Δ.",
        "$H_\\Delta$ 永远不为负，并且随着 Δ 变小而无限增大，紧跟 h − log Δ：h 不是离散熵的极限，只是去掉 "
        "−log Δ 之后剩下的部分。"),
    "ct.delta_axis": ("bin width Δ (log scale)", "分箱宽度 Δ（对数刻度）"),
    "ct.binned": ("H_Δ (binned)", "H_Δ（分箱）"),
    "ct.limit": ("h − log Δ", "h − log Δ"),
    "ct.h.alt": (
        "Chart: at Δ = {delta}, $H_\\Delta$ = {binned} and h − log Δ = {limit} {unit} (difference "
        "{gap}); the two curves meet as Δ shrinks.",
        "图：Δ = {delta} 时，$H_\\Delta$ = {binned}，h − log Δ = {limit} {unit}（相差 {gap}）；随着 Δ "
        "变小，两条曲线重合。"),
    "ct.h.why": ("Where the −log Δ comes from, and why KL survives the limit",
                 "−log Δ 从哪里来，为什么 KL 在极限下依然成立"),
    "ct.h.why.body": (
        "A bin of width Δ around x holds probability $p_k \\approx f(x_k)\\Delta$, so\n\n"
        "$$H_\\Delta = -\\sum_k p_k \\log p_k \\approx -\\sum_k f(x_k)\\Delta\\,\\log f(x_k) "
        "- \\log\\Delta \\;\\to\\; h - \\log\\Delta .$$\n\n"
        "Describing a real number exactly takes infinitely many bits; h is the finite part that "
        "depends on the shape of the density. It changes under a change of units (σ in "
        "millimetres instead of metres adds log 1000), which is why it can be negative.\n\n"
        "KL does not have this problem: binning P and Q with the same bins, the −log Δ terms of "
        "$H(P_\\Delta, Q_\\Delta)$ and $H(P_\\Delta)$ cancel, and $\\mathrm{KL}(P_\\Delta \\| Q_\\Delta) \\to \\mathrm{KL}(P \\| Q) = \\int p \\log(p/q)$, which is "
        "≥ 0 and unchanged by a change of units. That is why the continuous KL is the quantity "
        "losses are built on.",
        "宽度为 Δ、位于 x 附近的箱子所含的概率约为 $p_k \\approx f(x_k)\\Delta$，所以\n\n"
        "$$H_\\Delta = -\\sum_k p_k \\log p_k \\approx -\\sum_k f(x_k)\\Delta\\,\\log f(x_k) "
        "- \\log\\Delta \\;\\to\\; h - \\log\\Delta .$$\n\n"
        "精确描述一个实数需要无穷多比特；h 是其中依赖于密度形状的有限部分。换单位时它会变"
        "（σ 从米换成毫米就加上 log 1000），所以它可以是负数。\n\n"
        "KL 没有这个问题：用同样的箱子给 P 和 Q 分箱，$H(P_\\Delta, Q_\\Delta)$ 和 $H(P_\\Delta)$ 中的 −log Δ 相互抵消，"
        "$\\mathrm{KL}(P_\\Delta \\| Q_\\Delta) \\to \\mathrm{KL}(P \\| Q) = \\int p \\log(p/q)$，它 ≥ 0，并且不随单位改变。这就是损失函数建立在"
        "连续 KL 上的原因。"),

    # ---- the VAE term -------------------------------------------------------------------------
    "ct.vae.header": ("The VAE's KL term, checked by sampling", "VAE 的 KL 项：用抽样来验证"),
    "ct.vae.intro": (
        "A VAE's encoder outputs q = N(μ, σ²); its loss adds KL(q‖N(0, 1)), in closed form (in "
        "nats):",
        "VAE 的编码器输出 q = N(μ, σ²)；它的损失中加上 KL(q‖N(0, 1))，有闭式解（单位为奈特）："),
    "ct.vae.mu": ("μ of q", "q 的 μ"),
    "ct.vae.sd": ("σ of q", "q 的 σ"),
    "ct.vae.samples": ("Samples n", "样本数 n"),
    "ct.vae.seed": ("Seed", "随机种子"),
    "ct.vae.m.exact": ("Closed form", "闭式解"),
    "ct.vae.m.mc": ("Monte Carlo ± 2 SE", "蒙特卡洛 ± 2 倍标准误"),
    "ct.vae.m.mc.help": (
        "The average of log q(x) − log N(x; 0, 1) over n draws x from q, and twice its "
        "standard error.",
        "从 q 抽取 n 个 x，对 log q(x) − log N(x; 0, 1) 取平均，以及两倍的标准误。"),
    "ct.vae.inside": (
        "The formula lies inside the sampling band ({z} standard errors away).",
        "闭式解落在抽样区间之内（相差 {z} 个标准误）。"),
    "ct.vae.outside": (
        "The formula lies outside the band this time ({z} standard errors away). For large n "
        "the band holds the exact value about 95% of the time, so about one seed in 20 misses; "
        "with few draws the standard error is itself uncertain and misses are more frequent. "
        "Try another seed or more samples.",
        "这一次闭式解落在区间之外（相差 {z} 个标准误）。n 较大时，这个区间约 95% 的时候包含精确值，"
        "大约每 20 个种子有一次落在外面；抽样很少时标准误本身也不准，这种情况会更常见。换一个种子或增加样本试试。"),
    "ct.vae.n_axis": ("draws n (log scale)", "抽样数 n（对数刻度）"),
    "ct.vae.estimate": ("Monte Carlo estimate", "蒙特卡洛估计"),
    "ct.vae.exact": ("closed form", "闭式解"),
    "ct.vae.band": ("± 2 standard errors", "± 2 倍标准误"),
    "ct.vae.alt": (
        "Chart: the running estimate settles on the dashed line as n grows; its band narrows "
        "like 1/√n.",
        "图：随着 n 增大，累积估计逐渐落到虚线上；它的区间按 1/√n 变窄。"),

    # ---- support --------------------------------------------------------------------------------
    "ct.support.header": ("Where Q is zero", "Q 为零的地方"),
    "ct.support.cut": ("Cut-off c: Q is P restricted to |x| ≤ c and rescaled to total 1",
                       "截断点 c：Q 是把 P 限制在 |x| ≤ c 上、再放大使总概率为 1 的分布"),
    "ct.support.q": ("Q: P cut to |x| ≤ c", "Q：截断到 |x| ≤ c 的 P"),
    "ct.support.sentence": (
        "P puts {mass} of its probability where Q is 0; there log(p/q) = ∞, so KL(P‖Q) = ∞ "
        "for every c. KL(Q‖P) averages only where Q lives: −log P(|X| ≤ {c}) = {kl}.",
        "P 的概率中有 {mass} 落在 Q 为 0 的地方；那里 log(p/q) = ∞，所以无论 c 取多少，"
        "KL(P‖Q) = ∞。KL(Q‖P) 只在 Q 有概率的地方求平均：−log P(|X| ≤ {c}) = {kl}。"),
    "ct.support.vi": (
        "**Variational inference and VAEs minimise KL(q‖p)**, the reverse direction: it "
        "averages over q, which we choose and can sample, and the posterior's unknown "
        "normaliser drops out (the ELBO). The price: q may leave modes of p out, and must be 0 "
        "wherever p is 0.",
        "**变分推断和 VAE 最小化的是 KL(q‖p)**，即反向 KL：它在 q 下求平均，而 q 是我们自己选的、"
        "可以抽样；后验分布未知的归一化常数也会消掉（即 ELBO）。代价是："
        "q 可能漏掉 p 的一些峰，并且在 p 为 0 的地方 q 也必须为 0。"),
    "ct.support.more": ("Precisely: the ELBO, and where the forward direction appears",
                        "准确地说：ELBO，以及前向 KL 出现在哪里"),
    "ct.support.more.intro": ("For a model p(x, z) with posterior p(z | x),",
                              "对模型 p(x, z) 及其后验 p(z | x)，"),
    "ct.support.more.body": (
        "log p(x) does not depend on q, so maximising the ELBO minimises KL(q‖p(z | x)); the "
        "ELBO needs only the joint p(x, z) and samples from q (in a VAE, z = μ + σε with "
        "ε ~ N(0, 1)). The forward KL(p(z | x)‖q) would need expectations under the posterior, "
        "which is what cannot be computed. A VAE's ELBO splits into a reconstruction term and "
        "KL(q(z | x)‖N(0, 1)), the closed form above.\n\n"
        "The forward direction is there too: maximising the average log-likelihood of data "
        "over the model's parameters (the decoder's, through the ELBO, a lower bound of it) is "
        "minimising KL(data‖model), as with cross-entropy for classifiers.",
        "log p(x) 与 q 无关，所以最大化 ELBO 就是最小化 KL(q‖p(z | x))；ELBO 只需要联合分布 "
        "p(x, z) 和来自 q 的样本（在 VAE 中 z = μ + σε，ε ~ N(0, 1)）。前向的 KL(p(z | x)‖q) "
        "需要在后验下求期望，而这正是算不出来的。VAE 的 ELBO 分成重构项和 KL(q(z | x)‖N(0, 1))，"
        "也就是上面的闭式解。\n\n"
        "前向 KL 也在其中：对模型参数（解码器的参数，通过作为其下界的 ELBO）最大化数据的平均"
        "对数似然，就是最小化 KL(数据‖模型)，和分类器的交叉熵一样。"),
    "ct.link.explorer": ("Discrete KL: the P vs Q explorer",
                         "离散的 KL 散度：P 与 Q 对比"),

    # ---- bad parameters ---------------------------------------------------------------------------
    "ct.col.weight": ("weight", "权重"),
    "ct.col.mean": ("mean", "均值"),
    "ct.col.sd": ("standard deviation", "标准差"),
    "ct.problem.all_zero": (
        "Every weight is 0, so P is not a distribution. Give at least one component a weight "
        "above 0.",
        "所有权重都是 0，P 不是一个分布。请至少给一个分量大于 0 的权重。"),
    "ct.problem.negative": ("The {what} of component {i} is negative ({value}).",
                            "第 {i} 个分量的{what}是负数（{value}）。"),
    "ct.problem.not_positive": (
        "The {what} of component {i} is {value}; it must be above 0.",
        "第 {i} 个分量的{what}是 {value}；它必须大于 0。"),
    "ct.problem.not_finite": ("The {what} of component {i} is not a finite number.",
                              "第 {i} 个分量的{what}不是有限的数。"),
    "ct.teachers": ("For teachers", "给教师"),
    "ct.teachers.body": (
        '**What students often believe:** that KL is symmetric, so minimising either direction gives the same fit. **Pause on** the checkpoint “where will the KL(Q‖P) fit sit?” with two well-separated modes, then with two close ones. **Ask next:** a VAE maximises the ELBO, i.e. minimises KL(q‖p) over q: what does that direction do where p has a mode q cannot cover? The two fits follow Bishop, *Pattern Recognition and Machine Learning*, §10.1.2 and its Figure 10.3.',
        '**学生常有的误解**：KL 是对称的，所以最小化哪个方向都得到同样的拟合。**在这里停下**：先用两个相距很远的峰回答检查点“KL(Q‖P) 的拟合会落在哪里？”，再换成两个相近的峰。**接着可以问**：VAE 最大化 ELBO，也就是对 q 最小化 KL(q‖p)：当 p 有一个 q 覆盖不到的峰时，这个方向会怎样？两种拟合依照 Bishop《模式识别与机器学习》§10.1.2 及图 10.3。'),
}

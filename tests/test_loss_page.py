"""AppTest of the cross-entropy-as-a-loss page: every control moved, each example value shown,
the code cards and what they say, the three checkpoints, what the page shows first and how much
it says outside expanders, and nothing a reader sets ever lost (language, units, other pages,
links)."""

import math
import re

import numpy as np
import pytest

from lib import csvfile, lesson, library_calls, loss_lesson, losses
from tests.conftest import (edit_table, link_of, open_link, open_page, set_language, set_units,
                            widget_key)
from tests.visible_prose import visible_texts, visible_words
from lib import fmt
from ui import loss as ls
from ui.layout import OPENED
from ui.strings import STRINGS

PAGE = "pages/lessons/loss.py"
PICK, CHECK, AGAIN = "_cp.pick.loss.{}", "_cp.check.loss.{}", "_cp.again.loss.{}"
DETAILS = ("costs", "multi_code", "classifier", "softmax_code", "jacobian", "derivation",
           "teachers")


#: The progress of a reader who has answered the page's checkpoints, as a link carries it:
#: the results that answer them show (they wait for a prediction, issue 19).
DONE = lesson.encode_progress({(cp.page, cp.id): "r" for cp in lesson.by_page("loss")})


@pytest.fixture
def loss():
    """The page in nats (the libraries' unit), its checkpoints answered before."""
    return open_link(PAGE, {"units": "nats", "done": DONE})


def card(at, first_lines: str) -> str:
    """The code card shown that starts with ``first_lines``."""
    (text,) = [c.value for c in at.code if c.value.startswith(first_lines)]
    return text


SCIPY = "import numpy as np, scipy\nz ="
TORCH_SOFTMAX = "import torch, torch.nn.functional as F"
TORCH_MULTI = "import torch, torch.nn as nn"
TF = "import numpy as np, scipy, tensorflow as tf"


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def all_text(at) -> str:
    return " ".join(x.value for x in [*at.markdown, *at.caption, *at.latex])


def slider(at, name: str):
    return at.slider(key=widget_key(at, f"loss.{name}"))


def number(at, name: str):
    return at.number_input(key=widget_key(at, f"loss.{name}"))


def true_class(at):
    return at.selectbox(key=widget_key(at, "loss.true"))


def target(at):
    return at.button_group(key=widget_key(at, "loss.y"))


def open_details(at, *names: str):
    """Open the page's lazy expanders (their content runs only while open), as the expander's
    callback records it."""
    opened = set(at.session_state[OPENED]) if OPENED in at.session_state else set()
    at.session_state[OPENED] = frozenset(opened | {f"loss.{n}" for n in names or DETAILS})
    return at.run()


_CALL_END = re.compile(r"^(?P<code>.*)  # (?P<value>\S+)  \((?P<n>\d+)\)$")


def cards(at) -> list[tuple[str, dict[str, tuple[str, str]]]]:
    """Each code card shown: its text, and each call in it -> (the value its comment shows, what
    the numbered list under the card says of it)."""
    lists = [m.value for m in at.markdown if m.value.startswith("1. ")]
    out = []
    for code, items in zip([c.value for c in at.code], lists, strict=True):
        said = dict(re.findall(r"^(\d+)\. (.*)$", items, re.M))
        calls, pending = {}, []
        for line in code.splitlines():
            match = _CALL_END.match(line)
            if match:
                call = "\n".join([*pending, match["code"]])
                calls[call] = (match["value"], said[match["n"]])
                pending = []
            elif calls or "(" in line and not line.startswith(("import", "torch.set")) \
                    and "=" not in line.split("(")[0]:
                pending.append(line)
        out.append((code, calls))
    return out


def library_rows(at) -> dict[str, tuple[str, str]]:
    """Every printed call -> (value shown, what it means)."""
    return {call: row for _, calls in cards(at) for call, row in calls.items()}


def numbers(at) -> list[str]:
    """Every number the page shows: metrics, the results table, the library values."""
    out = [m.value for m in at.metric]
    if len(at.dataframe) > 1:
        out += at.dataframe[1].value.astype(str).values.ravel().tolist()
    out += [v for v, _ in library_rows(at).values()]
    return out


# ---- each section's values -------------------------------------------------------------------

def test_binary_gradients_at_the_wrong_extreme(loss):
    slider(loss, "a").set_value(0.99).run()
    grads = [m.value for m in loss.metric][:2]
    # y = 0: cross-entropy pushes with a - y = 0.99; quadratic with 0.99 * 0.99 * 0.01.
    assert grads == ["0.99", fmt.short(0.99 * 0.99 * 0.01)] == ["0.99", "0.0098"]
    assert f"cross-entropy {fmt.short(-math.log(0.01))} nats" in all_text(loss)
    target(loss).set_value(1).run()
    grads = [m.value for m in loss.metric][:2]
    assert grads == ["−0.01", "−9.9e−5"]  # the quadratic gradient all but vanishes
    assert loss.session_state["loss.y"] == 1 and link_of(loss)["y"] == "1"


def test_binary_charts_follow_the_target(loss):
    """The gradients' chart is the experiment; the costs' chart, in its expander, follows the
    same controls."""
    def points(at):
        return [rows_of(d.data.data)["x"] for c in at.get("vega_lite_chart")
                for d in c.proto.datasets if d.name == "points"][:2]

    assert points(loss) == [[0.9, 0.9]]
    open_details(loss, "costs")
    slider(loss, "a").set_value(0.3).run()
    assert points(loss) == [[0.3, 0.3], [0.3, 0.3]]
    target(loss).set_value(1).run()
    assert metric(loss, "∂C/∂z, cross-entropy") == "−0.7"
    band = [rows_of(d.data.data) for c in loss.get("vega_lite_chart")[:1]
            for d in c.proto.datasets if d.name == "band"]
    assert band[0]["x"] == [0.0] and band[0]["x2"] == [0.2]  # confidently wrong for y = 1


def test_softmax_default_logits(loss):
    probs = losses.softmax([2.5, -1, 3.2, 0.5])
    assert metric(loss, "Probability given to bird") == fmt.short(probs[2]) == "0.633"
    assert metric(loss, "Loss −ln a(true class)") == f"{fmt.short(-math.log(probs[2]))} nats"
    assert "The gradient a − y for the class “bird” is −0.367" in all_text(loss)
    open_details(loss, "jacobian")
    assert r"C = -\ln 0.7 = 0.357" in all_text(loss)


def test_softmax_controls(loss):
    true_class(loss).set_value(1).run()
    probs = losses.softmax([2.5, -1, 3.2, 0.5])
    assert metric(loss, "Loss −ln a(true class)") == f"{fmt.short(-math.log(probs[1]))} nats"
    slider(loss, "z1").set_value(10.0).run()
    probs = losses.softmax([2.5, 10, 3.2, 0.5])
    assert metric(loss, "Probability given to dog") == fmt.short(probs[1])
    loss.button(key="_loss.reset_logits").click().run()
    assert loss.session_state["loss.z1"] == -1.0
    assert slider(loss, "z1").value == -1.0
    assert loss.session_state["loss.true"] == 1  # the reset is for the logits only


def test_multi_label_example_and_edits(loss):
    assert metric(loss, "Loss: sum over classes") == "0.434 nats"
    assert metric(loss, "Sum of the predictions") == "1.8"
    table = loss.dataframe[1].value  # [0] is the editor
    assert list(table.iloc[:, 0]) == ["rice", "pumpkin", "greens"]
    assert list(table.iloc[:, -1]) == ["0.223144", "0.105361", "0.105361"]  # exact in tables
    edit_table(loss, "loss.table", edited={2: {"y": True}})
    expected = losses.binary_cross_entropy([1, 1, 1], [0.8, 0.9, 0.1])
    assert metric(loss, "Loss: sum over classes") == f"{fmt.short(expected)} nats"
    # Rows added (typed as a fraction) and deleted.
    edit_table(loss, "loss.table", added=[{"label": "tofu", "y": True, "a": "1/2"}],
               deleted=[0])
    expected = losses.binary_cross_entropy([1, 0, 1], [0.9, 0.1, 0.5])
    assert metric(loss, "Loss: sum over classes") == f"{fmt.short(expected)} nats"
    assert list(loss.dataframe[1].value.iloc[:, 0]) == ["pumpkin", "greens", "tofu"]


@pytest.mark.parametrize("edit, message", [
    ({0: {"a": "1.5"}},
     "Predicted a for “rice” (row 1) is 1.5; a probability is at most 1."),
    ({1: {"a": "-0.2"}}, "Predicted a for “pumpkin” (row 2) is negative (−0.2)."),
    ({1: {"a": ""}}, "Predicted a is empty for “pumpkin” (row 2). Enter a number."),
    ({1: {"a": "abc"}}, "reads “abc”, which is not a number"),
    ({1: {"label": "**bold** $x$", "a": "2"}}, None),
])
def test_multi_label_bad_inputs(loss, edit, message):
    edit_table(loss, "loss.table", edited=edit)
    assert not loss.exception
    errors = " ".join(e.value for e in loss.error)
    if message:
        assert message in errors
        assert any(i.value == "Fix the multi-label table above to see these calls."
                   for i in loss.info)
        # Its checkpoint reads the table's numbers: not asked while there are none.
        assert PICK.format("bce_reduction") not in loss.session_state
    else:  # a reader's label in a message is shown literally (escaped Markdown and LaTeX)
        assert fmt.text("**bold** $x$") in errors and "“**bold**" not in errors


def test_multi_label_empty_table(loss):
    edit_table(loss, "loss.table", deleted=[0, 1, 2])
    assert "The multi-label table is empty. Add at least one row." in loss.error[0].value


def test_multi_label_certain_wrong_is_infinite(loss):
    edit_table(loss, "loss.table", edited={0: {"a": "0"}})
    assert metric(loss, "Loss: sum over classes") == "∞ nats"
    assert not loss.exception


def test_multi_label_csv_download_reads_back():
    table = ls.DEFAULT_TABLE.assign(a=["0.8", "9/10", "10%"])
    labels = ["rice", "pumpkin", "greens"]
    back = csvfile.read_csv(csvfile.write_csv(loss_lesson.multi_label_file(labels, table)),
                            required=("class", "y", "a"), numeric=("y", "a"))
    assert not back.problems
    assert back.table.values.tolist() == [["rice", "1", "0.8"], ["pumpkin", "1", "9/10"],
                                          ["greens", "0", "10%"]]


def test_downloads_are_written_only_on_click(loss):
    """The CSV button gets a callable (Streamlit runs it when the reader clicks), so a rerun
    builds no file."""
    buttons = loss.get("download_button")
    assert len(buttons) == 1
    assert all(b.proto.deferred_file_id and not b.proto.url for b in buttons)


def rows_of(data: bytes) -> dict:
    import pyarrow as pa
    return pa.ipc.open_stream(data).read_all().to_pydict()


def test_chart_data_and_cards_are_computed_once_per_input(loss):
    """Chart data and code cards are cached by their inputs, shared by every session: the same
    inputs give the same objects, other inputs other numbers."""
    first = ls.binary_view(0.3, 1, "en")
    assert ls.binary_view(0.3, 1, "en") is first
    cost_now, grad_now = first[2], first[3]
    assert cost_now["cross_entropy"] == pytest.approx(-math.log(0.3))
    assert grad_now["cross_entropy"] == pytest.approx(0.3 - 1)
    points = rows_of(first[0]["points"])
    assert points["x"] == [0.3, 0.3] and points["series"] == ["cross-entropy", "quadratic"]
    assert points["value"] == [cost_now["cross_entropy"], cost_now["quadratic"]]
    # The curves are shared between positions of the slider; the points are not.
    other = ls.binary_view(0.6, 1, "en")
    assert other[0]["curves"] is first[0]["curves"]
    assert rows_of(other[0]["points"])["x"] == [0.6, 0.6]
    data, nll_now = ls.likelihood_view(7, 3, 0.7, "en")
    assert nll_now == pytest.approx(-(7 * math.log(0.7) + 3 * math.log(0.3)) / 10)
    assert rows_of(data["right_point"]) == {"x": [0.7], "value": [nll_now],
                                            "series": ["Mean negative log-likelihood"]}
    assert max(rows_of(data["left"])["value"]) == pytest.approx(1.0)
    view = ls.softmax_view((2.5, -1.0, 3.2, 0.5), 2, "en")
    assert view.loss == pytest.approx(-math.log(view.probs[2]))
    assert view.grads[2] == pytest.approx(view.probs[2] - 1)
    assert isinstance(view.probs, tuple)  # shared by every session: not writeable
    assert ls.softmax_view((2.5, -1.0, 3.2, 0.5), 2, "en") is view
    assert len(rows_of(view.bars)["value"]) == 12


def test_text_and_formulas_are_merged_into_one_element():
    """A paragraph and the formula after it are one Markdown element: the formula is the same
    $$ block st.latex would send."""
    assert fmt.math_block(r"a^2") == "$$\na^2\n$$"


def test_maximum_likelihood(loss):
    slider(loss, "theta").set_value(0.7).run()
    assert metric(loss, "Mean negative log-likelihood at θ") == "0.611 nats"
    assert metric(loss, "Cross-entropy H((h/n, t/n), (θ, 1−θ))") == "0.611 nats"
    assert metric(loss, "Best θ = 7/10") == "0.7"
    number(loss, "heads").set_value(3).run()
    number(loss, "tails").set_value(1).run()
    assert metric(loss, "Best θ = 3/4") == "0.75"
    number(loss, "heads").set_value(0).run()
    number(loss, "tails").set_value(0).run()
    assert "at least 1" in loss.error[0].value
    number(loss, "heads").set_value(5).run()
    assert metric(loss, "Best θ = 5/5") == "1" and not loss.exception


def test_derivation_check(loss):
    open_details(loss, "derivation")
    slider(loss, "da").set_value(0.3).run()
    slider(loss, "dy").set_value(1.0).run()
    formula = (0.3 - 1) / (0.3 * 0.7)
    assert f"gives {fmt.num(formula, 6)}" in all_text(loss)
    assert "the same as a − y = −0.700000" in all_text(loss)


def test_bits_conversion_shown_under_metrics():
    at = open_page(PAGE)
    assert any(m.proto.delta == f"= {fmt.short(0.43386 / math.log(2))} bits" for m in at.metric)


# ---- what the libraries return --------------------------------------------------------------

def test_library_cards_show_what_the_libraries_return(loss):
    open_details(loss, "softmax_code", "multi_code")
    assert "z = torch.tensor([2.5, -1.0, 3.2, 0.5])" in card(loss, TORCH_SOFTMAX)
    assert "target = torch.tensor(2)" in card(loss, TORCH_SOFTMAX)
    assert card(loss, SCIPY).startswith("import numpy as np, scipy\nz = np.array([2.5, -1.0, "
                                        "3.2, 0.5])")
    rows = library_rows(loss)
    probs = losses.softmax([2.5, -1, 3.2, 0.5])
    assert rows["scipy.stats.entropy([1, 1, 1, 1])"][0] == "1.3863"
    assert rows["F.cross_entropy(z, target)"][0] == f"{-math.log(probs[2]):.5g}"
    assert rows["F.kl_div(a.log(), y, reduction='batchmean')"][0] == "0.11416"
    assert rows["F.kl_div(a.log().unsqueeze(0), y.unsqueeze(0),\n"
                "         reduction='batchmean')"][0] == "0.45666"
    double = losses.categorical_cross_entropy(np.eye(4)[2], logits=probs)
    assert rows["F.cross_entropy(a, target)"][0] == f"{double:.5g}"
    # The app's own message, quoted exactly.
    quote = STRINGS["problem.sum"][0].format(col="P", value="4")
    assert quote == "P adds up to 4, not 1."
    assert f"“{quote}”" in rows["scipy.stats.entropy([1, 1, 1, 1])"][1]
    assert "a = torch.tensor([0.8, 0.9, 0.1])" in card(loss, TORCH_MULTI)
    assert "y = torch.tensor([1.0, 1.0, 0.0])" in card(loss, TORCH_MULTI)
    assert rows["nn.BCELoss()(a, y)"][0] == "0.14462"
    assert rows["nn.BCELoss(reduction='sum')(a, y)"] == (
        "0.43386", "`reduction='sum'` adds the classes up: this app's loss, 0.43386.")
    assert rows["nn.BCELoss()(torch.tensor([0.]), torch.tensor([1.]))"][0] == "100"


def test_every_card_runs_on_its_own_and_the_page_says_so(loss):
    """Issue 20, item 3: the page claimed every call ran after a setup that imported
    TensorFlow. Now each card holds its own imports (only the TensorFlow card imports it), and
    the sentence says each card runs on its own; tests/test_library_calls.py runs them."""
    open_details(loss, "softmax_code", "multi_code")
    texts = [code for code, _ in cards(loss)]
    assert len(texts) == 4
    for text in texts:
        assert text.startswith("import ")
    assert ["tensorflow" in text for text in texts].count(True) == 1
    assert "tensorflow" in card(loss, TF) and "torch" not in card(loss, SCIPY)
    said = all_text(loss)
    assert "Each card below runs exactly as printed, on its own" in said
    assert "runs exactly as printed after these lines" not in said
    view = ls.softmax_view((2.5, -1.0, 3.2, 0.5), 2, "en")
    assert [card(loss, SCIPY), card(loss, TORCH_SOFTMAX)] == [code for code, _ in view.cards]
    assert card(loss, SCIPY) == library_calls.card_text(library_calls.softmax_cards(
        [2.5, -1.0, 3.2, 0.5], 2)[0])


def test_code_cards_scroll_instead_of_breaking_identifiers(loss):
    """Issue 22: cards wrapped in the middle of identifiers (`torch.tens` / `or(`). They no
    longer wrap at all (a wide one scrolls sideways), and long calls are broken by hand at
    sensible points (after a comma, inside the parentheses)."""
    open_details(loss, "softmax_code", "multi_code")
    for code in loss.code:
        assert not code.proto.wrap_lines
    for text in (card(loss, SCIPY), card(loss, TORCH_SOFTMAX)):
        assert max(len(line) for line in text.splitlines()) <= 64


def test_library_rows_follow_the_controls(loss):
    open_details(loss, "softmax_code", "multi_code")
    true_class(loss).set_value(0).run()
    assert "target = torch.tensor(0)" in card(loss, TORCH_SOFTMAX)
    probs = losses.softmax([2.5, -1, 3.2, 0.5])
    assert library_rows(loss)["F.cross_entropy(z, target)"][0] == f"{-math.log(probs[0]):.5g}"
    edit_table(loss, "loss.table", edited={0: {"a": "0"}})
    rows = library_rows(loss)
    call = "nn.BCELoss(reduction='sum')(a, y)"
    # BCELoss clamps ln 0 at −100, where this app's loss is ∞: the sentence says so.
    assert rows[call][0] == f"{100 - 2 * math.log(0.9):.5g}"
    assert "clamped at −100: this app's loss is ∞" in rows[call][1]
    logits = [v for k, v in rows.items() if k.startswith("F.binary_cross_entropy_with_logits")]
    assert logits[0][0] == "nan" and "infinite logit" in logits[0][1]


# ---- what the page teaches, and how it shows it ---------------------------------------------

def test_taught_content(loss):
    open_details(loss)
    text = all_text(loss)
    assert "z = w x + b" in text                      # defined where z first appears
    assert "Σⱼ yⱼ = 1" in text                         # the condition a − y needs
    assert "never negative" in text and "|a − y|" in text  # least squares
    assert r"\prod_{i=1}^{m} a_i^{\,y_i}(1-a_i)^{1-y_i}" in text
    assert "H(P_x, Q_x)" in text and "KL(P‖Q) = Σ p ln(p/q)" in text
    assert "vanishing-gradient" in text
    assert any("$$\n" + r"\frac{\partial a_k}{\partial z_j} = a_k(\delta_{kj} - a_j)" + "\n$$"
               in x.value for x in loss.markdown)


def test_links_to_pages_say_the_menu_names(loss):
    """Issue 22: a link's label is the page's name in the menu, in both languages."""
    open_details(loss, "derivation")
    for lang in ("en", "zh"):
        set_language(loss, lang)
        labels = {el.proto.page: el.proto.label for el in loss.get("page_link")
                  if not el.proto.label.startswith(("Back", "Next", "上一", "下一"))}
        assert labels["neuron"] == STRINGS["page.neuron"][lang == "zh"]
        assert labels["glossary"] == STRINGS["page.glossary"][lang == "zh"]


def test_chinese(loss):
    set_language(loss, "zh")
    assert loss.title[0].value == "交叉熵作为损失函数"
    assert metric(loss, "损失：各类之和") == "0.434 奈特"
    assert list(loss.dataframe[0].value.iloc[:, 0]) == ["米饭", "南瓜", "青菜"]
    open_details(loss)
    text = all_text(loss)
    assert "极大似然" in text and "最大似然" not in text
    assert "相对熵" in text and "均方误差" in text and "目标值 y" in text
    assert "梯度消失" in text
    assert "多分类交叉熵" in loss.header[3].value
    # The app's own message, as ui.t fills it in ("P 的总和": a space after a Latin field)
    quote = fmt.zh_fields(STRINGS["problem.sum"][1], {"col": "P", "value": "4"})
    assert quote.startswith("P 的总和")
    assert f"“{quote}”" in " ".join(m.value for m in loss.markdown)


def test_visible_prose_fits():
    """Issue 20: at most 500 English words of visible prose outside expanders, at the defaults
    (the page had about 1,500 by this count, plus 14 code cards)."""
    at = open_page(PAGE)
    assert visible_words(at) <= 500, visible_texts(at)
    assert not at.code  # every code card is in an expander


def test_the_experiment_comes_first(loss):
    kinds = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            kinds.append((type(child).__name__, getattr(child, "key", None)))
            walk(child)

    walk(loss.main)
    names = [k for k, _ in kinds]
    first_slider = names.index("Slider")
    first_chart = names.index("UnknownElement")
    first_expander = names.index("Expander")
    assert first_slider < first_chart < first_expander
    assert loss.header[0].value == STRINGS["ls.bin"][0]


def test_expanders_draw_their_content_only_when_open():
    """Issue 18: a closed expander costs one element; the page's whole run stays small."""
    at = open_page(PAGE)
    closed = len(list(_elements(at)))
    assert not at.code and len(at.expander) == len(DETAILS)
    open_details(at)
    # The multi-label cards print PyTorch's answer: they wait for the checkpoint.
    assert len(at.code) == 2 and STRINGS["ls.held"][0] in [c.value for c in at.caption]
    predict(at, "bce_reduction", "sum")
    assert len(at.code) == 4 and len(list(_elements(at))) > closed + 15
    assert closed <= 100


def _elements(at):
    def walk(node):
        for child in getattr(node, "children", {}).values():
            yield child
            yield from walk(child)
    return walk(at.main)


def test_for_teachers_cites_its_source(loss):
    open_details(loss, "teachers")
    body = " ".join(m.value for m in loss.expander[-1].markdown)
    assert "http://neuralnetworksanddeeplearning.com/chap3.html" in body
    assert "misconception" in body


def test_presentation_view_keeps_the_takeaways_and_drops_the_explanations():
    at = open_link(PAGE, {"teach": "1"})
    shown = " ".join(m.value for m in at.markdown)
    assert STRINGS["ls.bin.takeaway"][0] in shown
    assert STRINGS["ls.bin.lead"][0] not in shown
    # The best θ waits for the teacher to reveal the answer of its checkpoint.
    assert "Best θ = 7/10" not in [m.label for m in at.metric]
    for cid in ("bce_reduction", "mle"):
        at.button(key=f"_cp.reveal.loss.{cid}").click().run()
    assert metric(at, "Best θ = 7/10") == "0.7"


# ---- checkpoints ------------------------------------------------------------------------------

def predict(at, cid, choice):
    if isinstance(choice, str):
        at.radio(key=PICK.format(cid)).set_value(choice).run()
    else:
        at.number_input(key=PICK.format(cid)).set_value(choice).run()
    at.button(key=CHECK.format(cid)).click().run()
    assert not at.exception, at.exception
    return at


def feedback(at) -> str:
    return " ".join(e.body for e in (*at.success, *at.warning, *at.info))


CASES = [  # checkpoint, a right prediction, a wrong one, what the explanation quotes
    ("bce_reduction", "mean", "sum", ("0.434 ÷ 3 = 0.145", "0.434 ÷ 3 = 0.145")),
    ("mle", 0.7, 0.5, ("θ = heads ÷ tosses = 0.7", "0.7")),
    ("logit_gradient", -0.37, 0.5, ("∂C/∂z = 0.633 − 1 = −0.367", "0.633 − 1 = −0.367")),
]


def bar_series(at) -> set[str]:
    """The series of the softmax section's bars (its chart is the page's last)."""
    chart = at.get("vega_lite_chart")[-1]
    (bars,) = [d.data.data for d in chart.proto.datasets if d.name == "bars"]
    return set(rows_of(bars)["series"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_answers_wait_for_a_prediction(lang):
    """Issue 19: the best θ and the sentence naming the peak, the gradient bars and the
    sentence giving the true class's gradient, and the cards printing what PyTorch returns are
    not on screen before a prediction; a right or a wrong one shows them."""
    zh = lang == "zh"
    at = open_page(PAGE)
    set_language(at, lang)
    open_details(at, "multi_code")
    held = STRINGS["ls.held"][zh]
    captions = [c.value for c in at.caption]
    assert captions.count(held) == 3  # the cards, the best θ, the gradient
    assert not any("7/10" in m.label for m in at.metric)
    assert not any("0.7" in c and "θ" in c for c in captions)
    assert not any("−0.367" in c for c in captions)
    assert STRINGS["ls.sm.grad"][zh] not in bar_series(at)
    assert STRINGS["ls.sm.takeaway"][zh] not in " ".join(m.value for m in at.markdown)
    assert not at.code
    charts = len(at.get("vega_lite_chart"))  # the likelihood curves (peak at θ = 0.7) wait too
    predict(at, "mle", 0.5)  # wrong
    assert next(m.value for m in at.metric if "7/10" in m.label) == "0.7"
    assert len(at.get("vega_lite_chart")) == charts + 1
    assert any("θ = 0.7" in c.value for c in at.caption)
    predict(at, "logit_gradient", -0.37)  # right
    assert any("−0.367" in c.value for c in at.caption)
    assert STRINGS["ls.sm.grad"][zh] in bar_series(at)
    assert STRINGS["ls.sm.takeaway"][zh] in " ".join(m.value for m in at.markdown)
    predict(at, "bce_reduction", "sum")  # wrong
    assert len(at.code) == 2 and held not in [c.value for c in at.caption]


@pytest.mark.parametrize("cid, right, wrong, quote", CASES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_checkpoint_judges_a_prediction(cid, right, wrong, quote, lang):
    at = open_page(PAGE)
    set_language(at, lang)
    assert at.button(key=CHECK.format(cid)).disabled
    assert "answer is" not in feedback(at) and "答案是" not in feedback(at)
    predict(at, cid, wrong)
    said = " ".join(e.body for e in at.warning)
    assert ("Not quite" if lang == "en" else "不太对") in said
    assert quote[lang == "zh"] in said
    at.button(key=AGAIN.format(cid)).click().run()
    predict(at, cid, right)
    assert any(e.body.startswith("Right." if lang == "en" else "答对了。") for e in at.success)
    slot = lesson.get("loss", cid).slot
    assert link_of(at)["done"][slot] == "t"


def test_checkpoints_follow_the_inputs(loss):
    predict(loss, "logit_gradient", -0.37)
    true_class(loss).set_value(0).run()
    assert any("predict again" in e.body for e in loss.info)
    a = losses.softmax([2.5, -1, 3.2, 0.5])[0]
    predict(loss, "logit_gradient", round(a - 1, 2))
    assert any(e.body.startswith("Right.") for e in loss.success)
    number(loss, "heads").set_value(3).run()
    number(loss, "tails").set_value(1).run()
    predict(loss, "mle", 0.75)
    assert "θ = heads ÷ tosses = 0.75" in feedback(loss)
    edit_table(loss, "loss.table", edited={2: {"y": True}})
    total = losses.binary_cross_entropy([1, 1, 1], [0.8, 0.9, 0.1])
    options = loss.radio(key=PICK.format("bce_reduction")).options
    assert f"{fmt.short(total)}, the sum over the 3 classes" in options
    assert f"{fmt.short(total / 3)}, the mean over the 3 classes" in options


def test_each_checkpoint_comes_before_the_result_that_answers_it(loss):
    order = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            key = getattr(child, "key", None) or ""
            label = getattr(child, "label", None)
            order.append((type(child).__name__, key, label))
            walk(child)

    walk(loss.main)
    where = {key: i for i, (_, key, _) in enumerate(order) if key}
    metrics = {label: i for i, (kind, _, label) in enumerate(order) if kind == "Metric"}
    assert where[PICK.format("bce_reduction")] < where["_loss.open.multi_code"]
    assert where[PICK.format("mle")] < metrics["Best θ = 7/10"]
    charts = [i for i, (kind, _, _) in enumerate(order) if kind == "UnknownElement"]
    assert where[PICK.format("logit_gradient")] < charts[-1]  # the bars show a − y


def test_checkpoint_progress_survives_language_and_a_page_visit():
    loss = open_page(PAGE)
    predict(loss, "mle", 0.7)
    set_language(loss, "zh")
    loss.switch_page("pages/lessons/neuron.py").run()
    loss.switch_page(PAGE).run()
    assert any(e.body.startswith("答对了。") for e in loss.success)
    fresh = open_link(PAGE, {"done": link_of(loss)["done"]})
    assert "About 20 minutes · checkpoints answered: 1 of 3" in [c.value for c in fresh.caption]


# ---- nothing a reader sets is lost ------------------------------------------------------------

def set_everything(at):
    open_details(at, "derivation", "softmax_code", "multi_code")
    slider(at, "a").set_value(0.2).run()
    target(at).set_value(1).run()
    slider(at, "z3").set_value(-4.5).run()
    true_class(at).set_value(3).run()
    edit_table(at, "loss.table", edited={0: {"label": "wolf", "a": "0.6"}, 2: {"y": True}})
    number(at, "heads").set_value(12).run()
    number(at, "tails").set_value(5).run()
    slider(at, "theta").set_value(0.33).run()
    slider(at, "da").set_value(0.45).run()
    slider(at, "dy").set_value(0.65).run()
    return at


EXPECTED = {"loss.a": 0.2, "loss.y": 1, "loss.z3": -4.5, "loss.true": 3, "loss.heads": 12,
            "loss.tails": 5, "loss.theta": 0.33, "loss.da": 0.45, "loss.dy": 0.65}


def assert_everything(at):
    assert not at.exception
    for key, value in EXPECTED.items():
        assert at.session_state[key] == value, key
    table = at.session_state["loss.table"]
    assert table["label"].tolist()[0] == "wolf" and table["a"].tolist() == ["0.6", "0.9", "0.1"]
    assert table["y"].tolist() == [True, True, True]
    assert slider(at, "a").value == 0.2 and slider(at, "z3").value == -4.5
    assert true_class(at).value == 3 and number(at, "heads").value == 12
    assert target(at).value == 1
    labels = at.dataframe[0].value.iloc[:, 0].tolist()
    assert labels[0] == "wolf"  # a reader's own label is never translated


def test_settings_survive_language_units_and_other_pages():
    at = set_everything(open_page(PAGE))
    before = numbers(at)
    set_language(at, "zh")
    assert_everything(at)
    assert at.dataframe[0].value.iloc[:, 0].tolist()[1:] == ["南瓜", "青菜"]  # presets follow
    set_units(at, "hartleys")
    assert_everything(at)
    at.switch_page("pages/lessons/neuron.py").run()
    at.switch_page(PAGE).run()
    assert_everything(at)
    open_details(at, "derivation", "softmax_code", "multi_code")
    assert slider(at, "dy").value == 0.65
    set_language(at, "en")
    set_units(at, "bits")
    assert_everything(at)
    assert numbers(at) == before


def test_link_round_trip():
    at = set_everything(open_page(PAGE))
    link = link_of(at)
    assert link["true"] == "3" and link["heads"] == "12" and "table" in link
    fresh = open_details(open_link(PAGE, link), "derivation", "softmax_code", "multi_code")
    assert_everything(fresh)
    assert numbers(fresh) == numbers(at)
    assert [c.value for c in fresh.code] == [c.value for c in at.code]


def test_default_page_has_a_short_link():
    at = open_page(PAGE)
    assert set(link_of(at)) <= {"lang", "units"}


HOSTILE = [
    {"z0": "nan"}, {"z0": "1e400"}, {"a": "-3"}, {"true": "7"}, {"heads": "2.5"}, {"y": "2"},
    {"table": "x" * 5000}, {"table": "a_b_c_d"}, {"table": "@rice_0.5_2"}, {"nonsense": "1"},
    {"theta": "\u202e"}, {"z0": "1" * 9000},
]


def test_hostile_links_give_defaults_and_a_message():
    for query in HOSTILE:
        at = open_link(PAGE, query)
        assert not at.exception, query
        assert at.warning, f"the reader is told what the link could not set: {query}"
        assert metric(at, "Probability given to bird") == "0.633", query
        assert metric(at, "Loss: sum over classes").startswith("0.434"), query


def test_reader_text_in_a_link_stays_text():
    label = "<img src=x onerror=alert(1)> **b** $x$"
    at = open_link(PAGE, {"table": f"{label}_0.5_1~%FF%FE_2_0"})
    assert not at.exception
    assert at.dataframe[0].value.iloc[:, 0].tolist()[0] == label
    error = at.error[0].value  # a = 2 in row 2 (its label's bad bytes read as U+FFFD)
    assert "(row 2) is 2; a probability is at most 1" in error
    edit = open_link(PAGE, {"table": f"{label}_0.5_1"})
    assert edit.dataframe[1].value.iloc[0, 0] == label  # the results table shows it as typed


def test_reset_this_page():
    at = set_everything(open_page(PAGE))
    at.button(key="_reset.loss").click().run()
    assert at.session_state["loss.a"] == 0.9 and at.session_state["loss.true"] == 2
    assert at.session_state["loss.y"] == 0
    assert at.session_state["loss.table"]["a"].tolist() == ["0.8", "0.9", "0.1"]
    assert slider(at, "a").value == 0.9
    assert metric(at, "Loss: sum over classes") == "0.434 nats"


def test_an_open_expander_stays_open_across_language_and_page():
    """Streamlit ties an expander's state to its label (which a language switch changes) and
    drops it on another page: the page keeps which ones are open itself."""
    at = open_page(PAGE)
    assert not at.expander[-1].children              # closed: nothing drawn in it
    open_details(at, "teachers")                     # the reader opens it ...
    assert at.expander[-1].markdown                  # ... and its content runs
    set_language(at, "zh")
    assert "Nielsen" in " ".join(m.value for m in at.expander[-1].markdown)
    at.switch_page("pages/lessons/neuron.py").run()
    at.switch_page(PAGE).run()
    assert at.expander[-1].markdown
    assert not at.expander[0].children               # the others stay closed and empty

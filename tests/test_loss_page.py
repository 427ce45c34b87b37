"""AppTest of the cross-entropy-as-a-loss page: every control moved, each example value shown,
what the page teaches, and nothing a reader sets ever lost (language, units, other pages, links).
"""

import math

import numpy as np
import pytest

from lib import csvfile, losses
from tests.conftest import (edit_table, link_of, open_link, open_page, set_language, set_units,
                            widget_key)
from ui import fmt
from ui import loss as ls
from ui.strings import STRINGS

PAGE = "pages/lessons/loss.py"


@pytest.fixture
def page():
    return open_link(PAGE, {"units": "nats"})


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


def library_rows(at) -> dict[str, tuple[str, str]]:
    """Every printed call -> (value shown, what it means)."""
    calls = [c.value for c in at.code[1:]]
    prefix = "Returns **" if at.session_state["lang"] == "en" else "返回 **"
    sep = "** nats. " if at.session_state["lang"] == "en" else "** 奈特。"
    texts = [m.value for m in at.markdown if m.value.startswith(prefix)]
    assert len(calls) == len(texts)
    return {call: tuple(text.removeprefix(prefix).split(sep, 1))
            for call, text in zip(calls, texts)}


def numbers(at) -> list[str]:
    """Every number the page shows: metrics, the results table, the library values."""
    out = [m.value for m in at.metric]
    if len(at.dataframe) > 1:
        out += at.dataframe[1].value.astype(str).values.ravel().tolist()
    out += [v for v, _ in library_rows(at).values()]
    return out


# ---- each section's values -------------------------------------------------------------------

def test_binary_gradients_at_the_wrong_extreme(page):
    slider(page, "a").set_value(0.99).run()
    grads = [m.value for m in page.metric][:4]
    # y = 0: cross-entropy pushes with a - y = 0.99; quadratic with 0.99 * 0.99 * 0.01.
    assert grads == ["0.9900", fmt.num(0.99 * 0.99 * 0.01), "−0.0100",
                     fmt.num(-0.01 * 0.99 * 0.01)]
    assert grads[3] == "−9.9e-05"  # the quadratic gradient all but vanishes
    assert f"cross-entropy {-math.log(0.01):.4f} nats" in all_text(page)


def test_softmax_default_logits(page):
    probs = losses.softmax([2.5, -1, 3.2, 0.5])
    assert metric(page, "Probability given to C") == f"{probs[2]:.4f}" == "0.6334"
    assert metric(page, "Loss −ln a(true class)") == f"{-math.log(probs[2]):.4f} nats"
    assert r"C = -\ln 0.7 = 0.35667" in all_text(page)


def test_softmax_controls(page):
    true_class(page).set_value(1).run()
    probs = losses.softmax([2.5, -1, 3.2, 0.5])
    assert metric(page, "Loss −ln a(true class)") == f"{-math.log(probs[1]):.4f} nats"
    slider(page, "z1").set_value(10.0).run()
    probs = losses.softmax([2.5, 10, 3.2, 0.5])
    assert metric(page, "Probability given to B") == f"{probs[1]:.4f}"
    page.button(key="_loss.reset_logits").click().run()
    assert page.session_state["loss.z1"] == -1.0
    assert slider(page, "z1").value == -1.0
    assert page.session_state["loss.true"] == 1  # the reset is for the logits only


def test_multi_label_example_and_edits(page):
    assert metric(page, "Loss: sum over classes") == "0.4339 nats"
    assert metric(page, "Sum of the predictions") == "1.8000"
    table = page.dataframe[1].value  # [0] is the editor
    assert list(table.iloc[:, 0]) == ["rice", "pumpkin", "greens"]
    assert list(table.iloc[:, -1]) == ["0.2231", "0.1054", "0.1054"]
    edit_table(page, "loss.table", edited={2: {"y": True}})
    expected = losses.binary_cross_entropy([1, 1, 1], [0.8, 0.9, 0.1])
    assert metric(page, "Loss: sum over classes") == f"{expected:.4f} nats"
    # Rows added (typed as a fraction) and deleted.
    edit_table(page, "loss.table", added=[{"label": "tofu", "y": True, "a": "1/2"}],
               deleted=[0])
    expected = losses.binary_cross_entropy([1, 0, 1], [0.9, 0.1, 0.5])
    assert metric(page, "Loss: sum over classes") == f"{expected:.4f} nats"
    assert list(page.dataframe[1].value.iloc[:, 0]) == ["pumpkin", "greens", "tofu"]


@pytest.mark.parametrize("edit, message", [
    ({0: {"a": "1.5"}},
     "Predicted a for “rice” (row 1) is 1.5; a probability is at most 1."),
    ({1: {"a": "-0.2"}}, "Predicted a for “pumpkin” (row 2) is negative (−0.2)."),
    ({1: {"a": ""}}, "Predicted a is empty for “pumpkin” (row 2). Enter a number."),
    ({1: {"a": "abc"}}, "reads “abc”, which is not a number"),
    ({1: {"label": "**bold** $x$", "a": "2"}}, None),
])
def test_multi_label_bad_inputs(page, edit, message):
    edit_table(page, "loss.table", edited=edit)
    assert not page.exception
    errors = " ".join(e.value for e in page.error)
    if message:
        assert message in errors
        assert any(i.value == "Fix the multi-label table above to see these calls."
                   for i in page.info)
    else:  # a reader's label in a message is shown literally (escaped Markdown and LaTeX)
        from ui.fmt import text
        assert text("**bold** $x$") in errors and "“**bold**" not in errors


def test_multi_label_empty_table(page):
    edit_table(page, "loss.table", deleted=[0, 1, 2])
    assert "The multi-label table is empty. Add at least one row." in page.error[0].value


def test_multi_label_certain_wrong_is_infinite(page):
    edit_table(page, "loss.table", edited={0: {"a": "0"}})
    assert metric(page, "Loss: sum over classes") == "∞ nats"
    assert not page.exception


def test_multi_label_csv_downloads_read_back():
    table = ls.DEFAULT_TABLE.assign(a=["0.8", "9/10", "10%"])
    labels = ["rice", "pumpkin", "greens"]
    back = csvfile.read_csv(ls.table_csv(table, labels), required=("class", "y", "a"),
                            numeric=("y", "a"))
    assert not back.problems
    assert back.table.values.tolist() == [["rice", "1", "0.8"], ["pumpkin", "1", "9/10"],
                                          ["greens", "0", "10%"]]
    _, y, a, terms, problems = ls.read_multi_label(table)
    results = csvfile.read_csv(ls.results_csv(labels, y, a, terms),
                               required=("class", "y", "a", "term_nats"),
                               numeric=("y", "a", "term_nats"))
    assert [float(v) for v in results.table["term_nats"]] == pytest.approx(terms, rel=1e-15)


def test_downloads_are_written_only_on_click(page):
    """The CSV buttons get a callable (Streamlit runs it when the reader clicks), so a rerun
    builds no file."""
    buttons = page.get("download_button")
    assert len(buttons) == 2
    assert all(b.proto.deferred_file_id and not b.proto.url for b in buttons)


def rows_of(data: bytes) -> dict:
    import pyarrow as pa
    return pa.ipc.open_stream(data).read_all().to_pydict()


def test_chart_data_and_rows_are_computed_once_per_input(page):
    """Chart data and library rows are cached by their inputs, shared by every session: the same
    inputs give the same objects, other inputs other numbers."""
    first = ls.binary_view(0.3, "en")[1]  # target y = 1
    assert ls.binary_view(0.3, "en")[1] is first
    cost_now, grad_now = first[2], first[3]
    assert cost_now["cross_entropy"] == pytest.approx(-math.log(0.3))
    assert grad_now["cross_entropy"] == pytest.approx(0.3 - 1)
    points = rows_of(first[0]["points"])
    assert points["x"] == [0.3, 0.3] and points["series"] == ["cross-entropy", "quadratic"]
    assert points["value"] == [cost_now["cross_entropy"], cost_now["quadratic"]]
    # The curves are shared between positions of the slider; the points are not.
    other = ls.binary_view(0.6, "en")[1]
    assert other[0]["curves"] is first[0]["curves"]
    assert rows_of(other[0]["points"])["x"] == [0.6, 0.6]
    lik, nll, nll_now = ls.likelihood_view(7, 3, 0.7, "en")
    assert nll_now == pytest.approx(-(7 * math.log(0.7) + 3 * math.log(0.3)) / 10)
    assert rows_of(nll["points"]) == {"x": [0.7], "value": [nll_now],
                                      "series": ["Mean negative log-likelihood"]}
    assert max(rows_of(lik["curves"])["value"]) == pytest.approx(1.0)
    view = ls.softmax_view((2.5, -1.0, 3.2, 0.5), 2, "en")
    assert view.loss == pytest.approx(-math.log(view.probs[2]))
    assert isinstance(view.probs, tuple)  # shared by every session: not writeable
    assert ls.softmax_view((2.5, -1.0, 3.2, 0.5), 2, "en") is view
    assert len(rows_of(view.bars)["value"]) == 12


def test_text_and_formulas_are_merged_into_one_element():
    """A paragraph and the formula after it are one Markdown element: the formula is the same
    $$ block st.latex would send."""
    assert fmt.math_block(r"a^2") == "$$\na^2\n$$"


def test_maximum_likelihood(page):
    slider(page, "theta").set_value(0.7).run()
    assert metric(page, "Mean negative log-likelihood at θ") == "0.6109 nats"
    assert metric(page, "Cross-entropy H((h/n, t/n), (θ, 1−θ))") == "0.6109 nats"
    assert metric(page, "Best θ = 7/10") == "0.7"
    number(page, "heads").set_value(3).run()
    number(page, "tails").set_value(1).run()
    assert metric(page, "Best θ = 3/4") == "0.75"
    number(page, "heads").set_value(0).run()
    number(page, "tails").set_value(0).run()
    assert "at least 1" in page.error[0].value
    number(page, "heads").set_value(5).run()
    assert metric(page, "Best θ = 5/5") == "1" and not page.exception


def test_derivation_check(page):
    slider(page, "da").set_value(0.3).run()
    slider(page, "dy").set_value(1.0).run()
    formula = (0.3 - 1) / (0.3 * 0.7)
    assert f"gives {fmt.num(formula, 6)}" in all_text(page)
    assert "the same as a − y = −0.700000" in all_text(page)


def test_bits_conversion_shown_under_metrics():
    at = open_page(PAGE)
    assert any(c.value == f"= {0.43386 / math.log(2):.4f} bits" for c in at.caption)


# ---- what the libraries return --------------------------------------------------------------

def test_library_rows_show_what_the_libraries_return(page):
    code = page.code[0].value
    assert "z = torch.tensor([2.5, -1.0, 3.2, 0.5])" in code and "target = torch.tensor(2)" in code
    rows = library_rows(page)
    probs = losses.softmax([2.5, -1, 3.2, 0.5])
    assert rows["scipy.stats.entropy([1, 1, 1, 1])"][0] == "1.38629"
    assert rows["F.cross_entropy(z, target)"][0] == f"{-math.log(probs[2]):.5f}"
    assert rows["F.kl_div(a.log(), y, reduction='batchmean')"][0] == "0.11416"
    assert rows["F.kl_div(a.log().unsqueeze(0), y.unsqueeze(0), reduction='batchmean')"][0] \
        == "0.45666"
    double = losses.categorical_cross_entropy(np.eye(4)[2], logits=probs)
    assert rows["F.cross_entropy(a, target)"][0] == f"{double:.5f}"
    # The app's own message, quoted exactly.
    quote = STRINGS["problem.sum"][0].format(col="P", value="4")
    assert quote == "P adds up to 4, not 1."
    assert f"“{quote}”" in rows["scipy.stats.entropy([1, 1, 1, 1])"][1]
    t_a, t_y = "torch.tensor([0.8, 0.9, 0.1])", "torch.tensor([1.0, 1.0, 0.0])"
    assert rows[f"nn.BCELoss()({t_a}, {t_y})"][0] == "0.14462"
    assert rows[f"nn.BCELoss(reduction='sum')({t_a}, {t_y})"] == (
        "0.43386", "`reduction='sum'` adds the classes up: this app's loss, 0.43386.")
    assert rows["nn.BCELoss()(torch.tensor([0.]), torch.tensor([1.]))"][0] == "100.00000"


def test_library_rows_follow_the_controls(page):
    true_class(page).set_value(0).run()
    assert "target = torch.tensor(0)" in page.code[0].value
    probs = losses.softmax([2.5, -1, 3.2, 0.5])
    assert library_rows(page)["F.cross_entropy(z, target)"][0] == f"{-math.log(probs[0]):.5f}"
    edit_table(page, "loss.table", edited={0: {"a": "0"}})
    rows = library_rows(page)
    call = ("nn.BCELoss(reduction='sum')(torch.tensor([0.0, 0.9, 0.1]), "
            "torch.tensor([1.0, 1.0, 0.0]))")
    # BCELoss clamps ln 0 at −100, where this app's loss is ∞: the sentence says so.
    assert rows[call][0] == fmt.num(100 - 2 * math.log(0.9), 5)
    assert "clamped at −100: this app's loss is ∞" in rows[call][1]
    logits = [v for k, v in rows.items() if k.startswith("F.binary_cross_entropy_with_logits")]
    assert logits[0][0] == "nan" and "infinite logit" in logits[0][1]


# ---- what the page teaches ------------------------------------------------------------------

def test_taught_content(page):
    text = all_text(page)
    assert "z = w x + b" in text                      # defined where z first appears
    assert "Σⱼ yⱼ = 1" in text                         # the condition a − y needs
    assert "never negative" in text and "|a − y|" in text  # least squares
    assert r"\prod_{i=1}^{m} a_i^{\,y_i}(1-a_i)^{1-y_i}" in text
    assert "H(P_x, Q_x)" in text and "KL(P‖Q) = Σ p ln(p/q)" in text
    jacobian = page.expander[0]
    # The derivation's paragraphs and formulas are one Markdown element (a formula as a
    # $$ block, which is what st.latex sends).
    assert any("$$\n" + r"\frac{\partial a_k}{\partial z_j} = a_k(\delta_{kj} - a_j)" + "\n$$"
               in x.value for x in jacobian.markdown)
    link = next(el.proto for el in page.get("page_link")
                if el.proto.label.startswith("See it train"))
    assert link.page == "neuron" and link.label == "See it train: The learning slowdown" or \
        link.label.startswith("See it train: ")


def test_chinese(page):
    set_language(page, "zh")
    assert page.title[0].value == "交叉熵作为损失函数"
    assert metric(page, "损失：各类之和") == "0.4339 奈特"
    assert list(page.dataframe[0].value.iloc[:, 0]) == ["米饭", "南瓜", "青菜"]
    text = all_text(page)
    assert "极大似然" in text and "最大似然" not in text
    assert "相对熵" in text and "均方误差" in text and "目标值 y" in text
    quote = STRINGS["problem.sum"][1].format(col="P", value="4")  # the app's own message
    assert f"“{quote}”" in " ".join(m.value for m in page.markdown)


# ---- nothing a reader sets is lost ------------------------------------------------------------

def set_everything(at):
    slider(at, "a").set_value(0.2).run()
    slider(at, "z3").set_value(-4.5).run()
    true_class(at).set_value(3).run()
    edit_table(at, "loss.table", edited={0: {"label": "wolf", "a": "0.6"}, 2: {"y": True}})
    number(at, "heads").set_value(12).run()
    number(at, "tails").set_value(5).run()
    slider(at, "theta").set_value(0.33).run()
    slider(at, "da").set_value(0.45).run()
    slider(at, "dy").set_value(0.65).run()
    return at


EXPECTED = {"loss.a": 0.2, "loss.z3": -4.5, "loss.true": 3, "loss.heads": 12, "loss.tails": 5,
            "loss.theta": 0.33, "loss.da": 0.45, "loss.dy": 0.65}


def assert_everything(at):
    assert not at.exception
    for key, value in EXPECTED.items():
        assert at.session_state[key] == value, key
    table = at.session_state["loss.table"]
    assert table["label"].tolist()[0] == "wolf" and table["a"].tolist() == ["0.6", "0.9", "0.1"]
    assert table["y"].tolist() == [True, True, True]
    assert slider(at, "a").value == 0.2 and slider(at, "z3").value == -4.5
    assert true_class(at).value == 3 and number(at, "heads").value == 12
    assert slider(at, "dy").value == 0.65
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
    set_language(at, "en")
    set_units(at, "bits")
    assert_everything(at)
    assert numbers(at) == before


def test_link_round_trip():
    at = set_everything(open_page(PAGE))
    link = link_of(at)
    assert link["true"] == "3" and link["heads"] == "12" and "table" in link
    fresh = open_link(PAGE, link)
    assert_everything(fresh)
    assert numbers(fresh) == numbers(at)
    assert fresh.code[0].value == at.code[0].value


def test_default_page_has_a_short_link():
    at = open_page(PAGE)
    assert set(link_of(at)) <= {"lang", "units"}


HOSTILE = [
    {"z0": "nan"}, {"z0": "1e400"}, {"a": "-3"}, {"true": "7"}, {"heads": "2.5"},
    {"table": "x" * 5000}, {"table": "a_b_c_d"}, {"table": "~".join(["@rice_0.5_1"] * 60)},
    {"table": "@rice_0.5_2"}, {"nonsense": "1"}, {"theta": "\u202e"}, {"z0": "1" * 9000},
]


def test_hostile_links_give_defaults_and_a_message():
    for query in HOSTILE:
        at = open_link(PAGE, query)
        assert not at.exception, query
        assert at.warning, f"the reader is told what the link could not set: {query}"
        assert metric(at, "Probability given to C") == "0.6334", query
        assert metric(at, "Loss: sum over classes").startswith("0.4339"), query


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
    assert at.session_state["loss.table"]["a"].tolist() == ["0.8", "0.9", "0.1"]
    assert slider(at, "a").value == 0.9
    assert metric(at, "Loss: sum over classes") == "0.4339 nats"

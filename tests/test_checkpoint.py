"""The checkpoint mechanism (ui.checkpoint) on a real page: predict, check, explanation, retry,
progress kept across languages, pages and links, and the presentation view's reveal step."""

from lib import lesson
from tests.conftest import edit_table, link_of, open_link, open_page, set_language

PAGE = "pages/lessons/explorer.py"
PICK, CHECK, AGAIN = "_cp.pick.explorer.{}", "_cp.check.explorer.{}", "_cp.again.explorer.{}"


def feedback(at):
    return [e.body for e in (*at.success, *at.warning, *at.info)]


def predict(at, cid, choice):
    at.radio(key=PICK.format(cid)).set_value(choice).run()
    at.button(key=CHECK.format(cid)).click().run()
    assert not at.exception, at.exception
    return at


def test_the_answer_is_not_shown_before_a_prediction():
    at = open_page(PAGE)
    assert at.radio(key=PICK.format("kl_direction")).value is None
    assert at.button(key=CHECK.format("kl_direction")).disabled
    assert not any("answer is" in text for text in feedback(at))


def test_a_wrong_prediction_is_explained_with_the_numbers_and_can_be_tried_again():
    at = predict(open_page(PAGE), "kl_direction", "qp")
    said = " ".join(e.body for e in at.warning)
    assert "Not quite: you said KL(Q‖P)" in said and "the answer is KL(P‖Q)" in said
    assert "KL(P‖Q) = 0.625 bits and KL(Q‖P) = 0.5 bits" in said
    assert link_of(at)["done"] == "-----w"
    at.button(key=AGAIN.format("kl_direction")).click().run()
    predict(at, "kl_direction", "pq")
    assert any(e.body.startswith("Right.") for e in at.success)
    assert link_of(at)["done"] == "-----t"   # right, after trying again


def test_a_right_prediction_in_chinese():
    at = open_page(PAGE)
    set_language(at, "zh")
    predict(at, "kl_direction", "pq")
    said = " ".join(e.body for e in at.success)
    assert said.startswith("答对了。") and "KL(P‖Q) = 0.625 比特" in said
    assert link_of(at)["done"] == "-----r"


def test_the_explanation_follows_the_reader_own_choice():
    at = predict(open_page(PAGE), "kl_direction", "same")
    assert "only in special cases" in " ".join(e.body for e in at.warning)


def test_progress_survives_a_language_switch_a_page_visit_and_a_link():
    at = predict(open_page(PAGE), "kl_direction", "pq")
    set_language(at, "zh")
    at.switch_page("pages/lessons/home.py").run()
    assert "约 15 分钟 · 已回答检查点：1 / 3" in [c.value for c in at.caption]
    at.switch_page(PAGE).run()
    assert any(e.body.startswith("答对了。") for e in at.success)
    fresh = open_link(PAGE, {"done": link_of(at)["done"]})
    assert "About 15 minutes · checkpoints answered: 1 of 3" in [c.value for c in fresh.caption]


def test_changing_the_inputs_asks_for_a_new_prediction():
    at = predict(open_page(PAGE), "kl_direction", "pq")
    edit_table(at, "explorer.table", edited={0: {"Q": "0.5"}, 1: {"Q": "0.125"}})
    assert any("predict again" in e.body for e in at.info)
    assert at.radio(key=PICK.format("kl_direction")).value is None
    assert link_of(at)["done"] == "-----r"   # what was answered stays answered


def test_presentation_view_reveals_one_checkpoint_at_a_time():
    at = open_link(PAGE, {"teach": "1"})
    assert not at.exception
    first = lesson.by_page("explorer")[0].id
    later = [c.id for c in lesson.by_page("explorer")[1:]]
    captions = [c.value for c in at.caption]
    assert captions.count("The next checkpoint appears when the one before it is revealed.") \
        == len(later)
    at.button(key=f"_cp.reveal.explorer.{first}").click().run()
    assert any("the answer is" in text for text in feedback(at))
    assert [c.value for c in at.caption].count(
        "The next checkpoint appears when the one before it is revealed.") == len(later) - 1
    assert link_of(at)["teach"] == "1"


def test_a_link_with_garbage_progress_opens_the_page_without_it():
    """Reported as any bad link value is (review: it was ignored without a word and stayed in
    the address), and left out of the address the page then writes."""
    at = open_link(PAGE, {"done": "zz??!!"})
    assert not at.exception
    assert "About 15 minutes · checkpoints answered: 0 of 3" in [c.value for c in at.caption]
    assert any("done = “zz??" in w.value and "holds characters this setting never has." in
               w.value for w in at.warning)  # the text escaped for Markdown: "zz??\\!\\!"
    assert "done" not in link_of(at)


def test_back_and_next_follow_the_path():
    at = open_page("pages/lessons/information.py")
    labels = [el.proto.label for el in at.get("page_link")]
    assert "Back: Home" in labels and "Next: Codes & samples" in labels


def test_a_prediction_made_before_the_answer_is_known_is_judged_once_it_is():
    """A prediction made while the answer is unknown (the network untrained; here, P with one
    peak, where both choices would be right) is kept, and judged when the inputs give an
    answer: it is never thrown away as "the inputs changed"."""
    at = open_page("pages/lessons/continuous.py")
    at.button(key="_preset.continuous.single").click().run()
    at.radio(key="_cp.pick.continuous.reverse_fit").set_value("between").run()
    at.button(key="_cp.check.continuous.reverse_fit").click().run()
    assert any("Your prediction is kept" in text for text in feedback(at))
    assert ("continuous", "reverse_fit") not in lesson.decode_progress(
        at.session_state["done"])
    at.button(key="_preset.continuous.separated").click().run()   # two peaks far apart
    assert not at.exception
    said = feedback(at)
    assert not any("The inputs changed" in text for text in said), said
    assert any(text.startswith("Not quite: you said across the peaks") and
               "the answer is on one peak of P" in text for text in said), said
    assert lesson.decode_progress(at.session_state["done"])[("continuous", "reverse_fit")] == "w"
    assert at.radio(key="_cp.pick.continuous.reverse_fit").value == "between"


def test_the_presentation_view_holds_answers_a_reader_predicted_before():
    """A prediction made earlier (progress carried in the link) lets a page show its answering
    result for any inputs, but not in the presentation view: there the teacher reveals each
    answer in turn."""
    done = lesson.encode_progress({("compression", c.id): "r"
                                   for c in lesson.by_page("compression")})
    hold = "Answer the checkpoint above to see this result."
    page = "pages/lessons/compression.py"
    at = open_link(page, {"done": done})
    assert not at.exception and hold not in [c.value for c in at.caption]
    at = open_link(page, {"done": done, "teach": "1"})
    assert not at.exception and hold in [c.value for c in at.caption]
    for c in lesson.by_page("compression"):  # one at a time, as the teacher reveals them
        assert [x.value for x in at.caption].count(hold) >= 1
        at.button(key=f"_cp.reveal.compression.{c.id}").click().run()
    assert hold not in [c.value for c in at.caption]

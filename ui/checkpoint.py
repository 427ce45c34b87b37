"""Checkpoints on a page: the reader commits a prediction, then the page checks it against the
answer computed from what is on screen (:mod:`lib.lesson`), explains it, and lets a wrong
answer be tried again. In the presentation view the teacher reveals each answer instead.

Wording: ``cp.<page>.<id>.title`` (a few words), ``.q`` (the question), ``.<choice>`` (each
option), ``.why`` (the explanation, with the answer's numbers) and, optionally, ``.if.<choice>``
(what that choice missed or got right). Fields: the answer's numbers, formatted, plus ``unit``
and ``yours`` (the reader's prediction).
"""

from __future__ import annotations

import math
import re
from typing import Any, Mapping

import streamlit as st

from lib import lesson
from lib.problems import ProblemError
from lib import fmt
from ui.i18n import sentences, t
from ui.layout import APP, PROGRESSED, teaching, unit_label
from ui.strings import STRINGS

#: Session-state key of a checkpoint's last prediction: {"pick": ..., "answer": repr(Answer),
#: "pending": whether the answer was still unknown when it was made}.
_RECORD = "_cp.{}.{}"
_PICK = "_cp.pick.{}.{}"
#: An unbounded number checkpoint's "∞" switch (a number box cannot hold ∞).
_INFINITE = "_cp.inf.{}.{}"
_REVEALED = "_cp.shown.{}.{}"


def marks() -> dict[tuple[str, str], str]:
    """The reader's progress: (page, id) -> a :data:`lib.lesson.PROGRESS_MARKS` key."""
    return lesson.decode_progress(APP.get("done"))


def predicted(page: str, cid: str) -> bool:
    """Whether the reader has committed a prediction at this checkpoint before (for any
    inputs): a page may then show its answering number for other inputs without a new one.
    Never in the presentation view, where the teacher reveals each answer in turn."""
    return (page, cid) in marks() and not teaching()


def _mark(cp: lesson.Checkpoint, right: bool) -> None:
    done = marks()
    before = done.get((cp.page, cp.id))
    done[(cp.page, cp.id)] = ("r" if before is None else "t") if right else "w"
    APP.set("done", lesson.encode_progress(done))


def _number(v: Any) -> str:
    return fmt.short(v) if isinstance(v, float) else str(v)


#: "1 bits" -> "1 bit": a unit field follows several numbers, so the wording writes it plural.
_ONE = re.compile(r"(?<![\d.,])1 (bit|nat|hartley)s\b")


def _say(text: str) -> str:
    return _ONE.sub(r"1 \1", text)


def _fields(answer: lesson.Answer, pick: Any = None) -> dict[str, str]:
    out = {name: _number(v) for name, v in answer.numbers.items() if name != "case"}
    out["unit"] = unit_label()
    if pick is not None:
        out["yours"] = _number(pick)
    return out


def _pick(cp: lesson.Checkpoint) -> Any:
    """The prediction the reader has entered (not yet committed): ∞ when the "∞" switch of an
    unbounded number checkpoint is on, else the widget's value (None while empty)."""
    if cp.unbounded and st.session_state.get(_INFINITE.format(cp.page, cp.id)):
        return math.inf
    return st.session_state.get(_PICK.format(cp.page, cp.id))


def _check(cp: lesson.Checkpoint, answer: lesson.Answer) -> None:
    """Button callback: keep the prediction beside the answer it was made for."""
    pick = _pick(cp)
    if pick is None:
        return
    st.session_state[_RECORD.format(cp.page, cp.id)] = {
        "pick": pick, "answer": repr(answer), "pending": answer.right is None}
    verdict = cp.judge(pick, answer)
    if verdict is not None:
        _mark(cp, verdict)
        st.session_state[PROGRESSED] = True  # the progress line above the section too


def _reveal(cp: lesson.Checkpoint) -> None:
    st.session_state[_REVEALED.format(cp.page, cp.id)] = True


def _again(cp: lesson.Checkpoint) -> None:
    for key in (_RECORD, _PICK, _INFINITE):
        st.session_state.pop(key.format(cp.page, cp.id), None)


@st.cache_resource(max_entries=512, show_spinner=False)
def judge(page: str, cid: str, inputs: dict[str, Any]) -> lesson.Answer:
    """The right answer to ``cid`` of ``page`` for ``inputs`` (an unknown one when the inputs
    cannot be judged), the same for every session, so each set of inputs is judged once. A rule
    that needs a search the page also shows takes its result as an input (the continuous page's
    KL(Q‖P) fit, searched once by ``ui.continuous.fitted``)."""
    try:
        return lesson.get(page, cid).answer(inputs)
    except (ProblemError, ValueError, ZeroDivisionError):
        return lesson.Answer(None)


def show(page: str, cid: str, inputs: Mapping[str, Any], *, where: Any = None) -> bool:
    """The checkpoint ``cid`` of ``page``, in a container keyed ``checkpoint-<page>-<cid>``
    (its heading is the anchor ``#checkpoint-<page>-<cid>``), judged on ``inputs``.

    Returns whether the reader has committed a prediction for these inputs (or the teacher
    revealed the answer): a page may hold back the one number that answers it until then."""
    cp = lesson.get(page, cid)
    name, prefix = f"checkpoint-{page}-{cid}", f"cp.{page}.{cid}"
    box = (where or st).container(border=True, key=name)
    answer = judge(page, cid, dict(inputs))
    number = lesson.by_page(page).index(cp) + 1
    box.subheader(t("cp.heading", n=number, title=t(f"{prefix}.title")), anchor=name)
    if teaching() and not _teacher_turn(cp):
        box.caption(t("cp.teach.later"))
        return False
    fields = _fields(answer)
    box.markdown(_say(t(f"{prefix}.q", **fields)))
    record = st.session_state.get(_RECORD.format(page, cid))
    pick_key = _PICK.format(page, cid)
    if record is not None and record["answer"] != repr(answer):
        if record.get("pending"):
            # Made while the answer was unknown (the network not trained yet): it is kept for
            # the answer, and judged once there is one.
            record = {"pick": record["pick"], "answer": repr(answer),
                      "pending": answer.right is None}
            st.session_state[_RECORD.format(page, cid)] = record
            verdict = cp.judge(record["pick"], answer)
            if verdict is not None:
                _mark(cp, verdict)
        else:
            box.info(t("cp.changed"), icon=":material/published_with_changes:")
            _again(cp)  # before the widget is drawn, so it may be cleared
            record = None
    label, locked = t("cp.yours"), record is not None
    if cp.choices:
        options = {c: t(f"{prefix}.{c}", **fields) for c in cp.choices}
        box.radio(label, list(options), format_func=options.get, index=None, key=pick_key,
                  disabled=locked)
    else:
        box.number_input(label, value=None, step=0.1, format="%.3f", key=pick_key,
                         disabled=locked or _pick(cp) == math.inf,  # the "∞" switch is on
                         placeholder=t("cp.number.placeholder"))
        if cp.unbounded:
            box.checkbox(t("cp.number.infinite"), key=_INFINITE.format(page, cid),
                         disabled=locked, help=t("cp.number.infinite.help"))
    if teaching():
        box.button(t("cp.teach.reveal"), key=f"_cp.reveal.{page}.{cid}",
                   icon=":material/visibility:", on_click=_reveal, args=(cp,))
        if st.session_state.get(_REVEALED.format(page, cid)):
            _feedback(box, cp, answer, _pick(cp), prefix)
            return True
        return False
    if record is None:
        box.button(t("cp.check"), key=f"_cp.check.{page}.{cid}", icon=":material/task_alt:",
                   on_click=_check, args=(cp, answer),
                   disabled=_pick(cp) is None)
        return False
    _feedback(box, cp, answer, record["pick"], prefix)
    if cp.judge(record["pick"], answer) is False:
        box.button(t("cp.again"), key=f"_cp.again.{page}.{cid}", icon=":material/replay:",
                   on_click=_again, args=(cp,))
    return True


def ask(page: str, cid: str, inputs: Mapping[str, Any], *, where: Any = None) -> bool:
    """:func:`show` the checkpoint; return whether the result answering it may show: the reader
    predicted here, for these inputs or earlier for others (:func:`predicted`), or, in the
    presentation view, the teacher revealed it."""
    return show(page, cid, inputs, where=where) or predicted(page, cid)


def _in_sentence(label: str) -> str:
    """A choice's label quoted inside a sentence: "Above" reads "above" ("KL(P‖Q)" and Chinese
    stay as they are)."""
    return label[0].lower() + label[1:] if label[:2].istitle() and label[1:2].isalpha() else label


def _feedback(box: Any, cp: lesson.Checkpoint, answer: lesson.Answer, pick: Any,
              prefix: str) -> None:
    verdict = cp.judge(pick, answer)
    fields = _fields(answer, pick)
    if answer.right is None:
        box.info(t(f"{prefix}.pending") if f"{prefix}.pending" in STRINGS else t("cp.pending"),
                 icon=":material/hourglass_top:")
        return
    right = (_in_sentence(t(f"{prefix}.{answer.right}", **fields)) if cp.choices
             else _number(answer.right))
    said = [t("cp.answer", right=right)]
    if verdict is not None:
        said.insert(0, t("cp.right") if verdict else t("cp.wrong", yours=fields["yours"]
                                                        if not cp.choices else
                                                        _in_sentence(t(f"{prefix}.{pick}",
                                                                       **fields))))
    own = f"{prefix}.if.{pick}"  # what this choice missed or got right, if it has its own words
    case = answer.numbers.get("case")
    why = f"{prefix}.why.{case}" if case and f"{prefix}.why.{case}" in STRINGS else f"{prefix}.why"
    parts = (sentences(*said), t(own, **fields) if cp.choices and own in STRINGS else "",
             t(why, **fields))
    body = _say("\n\n".join(part for part in parts if part))
    if verdict:
        box.success(body, icon=":material/check_circle:")
    elif verdict is False:
        box.warning(body, icon=":material/lightbulb:")
    else:
        box.info(body, icon=":material/visibility:")


def _teacher_turn(cp: lesson.Checkpoint) -> bool:
    """In the presentation view a page's checkpoints come one at a time: a checkpoint shows
    once every earlier one on its page has been revealed."""
    for earlier in lesson.by_page(cp.page):
        if earlier is cp:
            return True
        if not st.session_state.get(_REVEALED.format(earlier.page, earlier.id)):
            return False
    return True

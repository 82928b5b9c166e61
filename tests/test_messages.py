"""The message catalogue: every key translated with the same placeholders, every
key the code asks for exists, and LEARNTOOLS_LANG switches the language."""
import re
import string
from pathlib import Path

import pytest

import learntools_lite
from learntools_lite.core import Status, ValueQuestion, ____, binder
from learntools_lite.core.display import Feedback
from learntools_lite.messages import en, text, zh_CN

PACKAGE = Path(learntools_lite.__file__).parent


def _fields(template):
    return sorted({f for _, f, _, _ in string.Formatter().parse(template) if f})


def test_every_english_key_has_a_chinese_entry_with_the_same_placeholders():
    """Does zh_CN translate every key of en.py, with exactly the same fields?"""
    missing = sorted(set(en.MESSAGES) - set(zh_CN.MESSAGES))
    assert not missing, missing
    assert not set(zh_CN.MESSAGES) - set(en.MESSAGES)
    for key, template in en.MESSAGES.items():
        assert _fields(zh_CN.MESSAGES[key]) == _fields(template), key


def test_every_key_used_in_the_code_is_catalogued():
    """Does every text("key") in the package name a key of en.py?"""
    used = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(re.findall(r'\btext\(\s*"([\w.]+)"', path.read_text(encoding="utf-8")))
    used |= {f"label.{k}" for k in ("correct", "incorrect", "blank", "uncheckable", "hint",
                                    "solution", "discussion")}
    assert used, "no message keys found"
    assert not used - set(en.MESSAGES), sorted(used - set(en.MESSAGES))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_message_formats(lang, monkeypatch):
    """Does every message format with sample values in both languages?"""
    monkeypatch.setenv("LEARNTOOLS_LANG", lang)
    for key, template in en.MESSAGES.items():
        sample = {f: 1.5 if f in ("factor", "offset", "seconds") else "v"
                  for f in _fields(template)}
        assert isinstance(text(key, **sample), str)


def test_chinese_switches_labels_and_core_messages(monkeypatch, capsys):
    """With LEARNTOOLS_LANG=zh_CN, are labels, blanks, not-bound and value messages Chinese?"""
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN")
    monkeypatch.setattr(binder, "_namespace", None)
    q = ValueQuestion(var="x", expected=(2, 3), hints=["看形状"])
    q.check()
    q.check({"x": ____})
    q.check({"x": (3, 2)})
    q.hint(5)
    out = capsys.readouterr().out
    assert "无法检查: 请先在笔记本" in out
    assert "请填空: 请填写空白处" in out
    assert "不正确: `x` 应该是 (2, 3)" in out
    assert "提示: 没有第 5 条提示" in out
    assert str(Feedback("correct")) == "正确"
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN.UTF-8")
    assert q.check_value((2, 3)).status is Status.CORRECT
    assert text("label.incorrect") == "不正确"


def test_unknown_language_and_broken_translation_fall_back_to_english(monkeypatch):
    """Does an unknown language, or a translation with a bad placeholder, fall back?"""
    monkeypatch.setenv("LEARNTOOLS_LANG", "xx_YY")
    assert text("label.correct") == "Correct"
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN")
    monkeypatch.setitem(zh_CN.MESSAGES, "shape", "{nonsense}")
    assert text("shape", name="x", actual=(1,), expected=(2,)).startswith("`x` has shape")


def test_a_msg_is_looked_up_in_the_language_in_force_when_it_is_shown(monkeypatch):
    """Is a Msg formatted at display time, so switching the language after import works?"""
    from learntools_lite.core import ThoughtQuestion
    from learntools_lite.core.questions import Mistake
    from learntools_lite.messages import Msg, catalogue

    hint = catalogue("label")("hint")
    assert isinstance(hint, Msg) and hint.key == "label.hint"
    question = ThoughtQuestion(discussion=Msg("label.discussion"), hints=[hint])
    mistake = Mistake(Msg("undefined"))
    monkeypatch.setenv("LEARNTOOLS_LANG", "en")
    assert question.hint_text(1) == "Hint"
    assert mistake.message("x").startswith("`x` is not defined")
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN")
    assert question.hint_text(1) == zh_CN.MESSAGES["label.hint"]
    assert zh_CN.MESSAGES["label.discussion"] in str(question.feedback())
    assert mistake.message("x") == zh_CN.MESSAGES["undefined"].format(name="x")

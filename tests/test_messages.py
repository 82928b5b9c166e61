"""The message catalogue: every language has every key with the same placeholders,
every key the code asks for exists, and LEARNTOOLS_LANG switches the language.

Nothing falls back silently: the runtime fallback to English (a last resort,
so a check never breaks) is made visible here through missing_keys."""
import ast
import re
from pathlib import Path

import pytest

import learntools_lite
from learntools_lite import messages
from learntools_lite.core import Status, ValueQuestion, ____, binder
from learntools_lite.core.display import Feedback
from learntools_lite.messages import en, text, zh_CN

PACKAGE = Path(learntools_lite.__file__).parent
LANGUAGES = [lang for lang in messages.languages() if lang != "en"]


def test_the_language_folders_are_found():
    """Is every language folder under messages/ a catalogue (en and zh_CN at least)?"""
    folders = sorted(p.name for p in (PACKAGE / "messages").iterdir()
                     if (p / "__init__.py").is_file())
    assert messages.languages() == folders
    assert {"en", "zh_CN"} <= set(folders)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_exactly_the_english_keys(lang):
    """Does every translation have every English key, and no key English lacks?"""
    assert messages.missing_keys(lang) == []
    assert messages.extra_keys(lang) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_translation_has_the_same_placeholders(lang):
    """Does every translated text use exactly the English text's placeholders?"""
    assert messages.placeholder_mismatches(lang) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_translation_is_an_english_copy(lang):
    """Is no text that has letters in it left in English in a translation (code, names
    and numbers excepted)?"""
    table = messages.messages(lang)
    copied = [k for k, v in en.MESSAGES.items()
              if table.get(k) == v and re.search(r"[A-Za-z]{4,}", re.sub(r"`[^`]*`|\{[^}]*\}",
                                                                          "", v))]
    assert copied == []


def test_missing_keys_sees_a_key_a_translation_lacks(monkeypatch):
    """Is a key missing from a translation reported (the fallback is not silent)?"""
    monkeypatch.delitem(zh_CN.MESSAGES, "label.hint")
    assert messages.missing_keys("zh_CN") == ["label.hint"]
    monkeypatch.setitem(zh_CN.MESSAGES, "no.such.key", "x")
    assert messages.extra_keys("zh_CN") == ["no.such.key"]


def _python_files():
    return [p for p in PACKAGE.rglob("*.py") if "messages" not in p.relative_to(PACKAGE).parts]


def _string_calls(tree, names):
    """Literal first arguments of calls to any of `names` (text, plural, Msg, `_` ...)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            first = node.args[0]
            if called in names and isinstance(first, ast.Constant) and isinstance(first.value,
                                                                                  str):
                yield called, first.value
        if "key" in names and isinstance(node, ast.keyword) and node.arg == "key" and isinstance(
                node.value, ast.Constant) and isinstance(node.value.value, str):
            yield "key", node.value.value  # Mistake(key="mistake.axis")


def _catalogue_prefixes(tree):
    """{name: prefix} for `name = catalogue("prefix")` in a module."""
    out = {}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                and getattr(node.value.func, "id", getattr(node.value.func, "attr", None))
                == "catalogue" and node.value.args
                and isinstance(node.value.args[0], ast.Constant)):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value.args[0].value
    return out


def _used_keys():
    used = {}
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        prefixes = _catalogue_prefixes(tree)
        for called, key in _string_calls(tree, {"text", "Msg", "key", *prefixes}):
            if called == "plural":
                continue
            if called in prefixes:
                key = f"{prefixes[called]}.{key}"
            used.setdefault(key, str(path.relative_to(PACKAGE)))
        for called, key in _string_calls(tree, {"plural"}):
            for form in ("one", "other"):
                used.setdefault(f"{key}.{form}", str(path.relative_to(PACKAGE)))
    return used


def test_every_key_used_in_the_code_is_catalogued():
    """Does every text("key"), plural("key", n), Msg("key"), Mistake(key="...") and
    `_("key")` of a module with `_ = catalogue("<prefix>")` name a catalogued key?"""
    used = _used_keys()
    used.update({f"label.{k}": "display.py" for k in ("correct", "incorrect", "blank",
                                                      "uncheckable", "hint", "solution",
                                                      "discussion")})
    assert len(used) > 50, "message keys were not found in the code"
    missing = {k: where for k, where in used.items() if k not in en.MESSAGES}
    assert missing == {}


def test_the_key_scan_sees_catalogue_lookups(tmp_path):
    """Does the scan resolve `_ = catalogue("exN")` so `_("q_1.hint.1")` is exN.q_1.hint.1?"""
    tree = ast.parse('from .messages import catalogue\n_ = catalogue("ex9_demo")\n'
                     'hints = [_("q_1.hint.1")]\nm = Mistake(key="mistake.axis")\n')
    prefixes = _catalogue_prefixes(tree)
    found = {(c, k) for c, k in _string_calls(tree, {"text", "key", *prefixes})}
    assert prefixes == {"_": "ex9_demo"}
    assert ("_", "q_1.hint.1") in found and ("key", "mistake.axis") in found


@pytest.mark.parametrize("lang", ["en", *LANGUAGES])
def test_every_message_formats(lang, monkeypatch):
    """Does every message format with sample values in every language?"""
    monkeypatch.setenv("LEARNTOOLS_LANG", lang)
    for key, template in en.MESSAGES.items():
        sample = {f: 1.5 if f in ("factor", "offset", "seconds") else "v"
                  for f in messages.fields(template)}
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
    assert "请填空: 请把 `x` 里的 `____` 换成你的答案" in out
    assert "不正确: `x` 应该是 (2, 3)" in out
    assert "提示: 没有第 5 条提示：这道题只有一条提示" in out
    assert str(Feedback("correct")) == "正确"
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN.UTF-8")
    assert q.check_value((2, 3)).status is Status.CORRECT
    assert text("label.incorrect") == "不正确"


def test_no_label_is_repeated_in_its_body():
    """Is no feedback label repeated as the first words of its body ("Fill in: Fill in ...")?"""
    for lang in ["en", *LANGUAGES]:
        table = messages.messages(lang)
        for kind in ("blank", "correct", "incorrect", "uncheckable", "hint"):
            label = table[f"label.{kind}"].lower()
            starts = [k for k, v in table.items() if v.lower().startswith(label)
                      and not k.startswith(("label.", "hint.label"))]
            assert starts == [], (lang, kind, starts)


def test_an_unknown_language_falls_back_and_a_broken_translation_too(monkeypatch):
    """At run time, does an unknown LEARNTOOLS_LANG, or a translation with a bad
    placeholder, still give a message (English) rather than break a check?"""
    monkeypatch.setenv("LEARNTOOLS_LANG", "xx_YY")
    assert text("label.correct") == "Correct"
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN")
    monkeypatch.setitem(zh_CN.MESSAGES, "shape", "{nonsense}")
    assert text("shape", name="x", actual=(1,), expected=(2,)).startswith("`x` has shape")


def test_a_msg_is_looked_up_in_the_language_in_force_when_it_is_shown(monkeypatch):
    """Is a Msg formatted at display time, so switching the language after import works?"""
    from learntools_lite.core import Mistake, ThoughtQuestion, axis_mistakes
    from learntools_lite.messages import Msg, catalogue

    hint = catalogue("label")("hint")
    assert isinstance(hint, Msg) and hint.key == "label.hint"
    question = ThoughtQuestion(discussion=Msg("label.discussion"), hints=[hint])
    mistake = Mistake(Msg("undefined"))
    axis = axis_mistakes(__import__("numpy").sum, 0, 2)[1]
    monkeypatch.setenv("LEARNTOOLS_LANG", "en")
    assert question.hint_text(1) == "Hint"
    assert mistake.message("x").startswith("`x` is not defined")
    assert "axis" in axis.message("x")
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN")
    assert question.hint_text(1) == zh_CN.MESSAGES["label.hint"]
    assert zh_CN.MESSAGES["label.discussion"] in str(question.feedback())
    assert mistake.message("x") == zh_CN.MESSAGES["undefined"].format(name="x")
    assert "axis" not in axis.message("x") and "轴" in axis.message("x")

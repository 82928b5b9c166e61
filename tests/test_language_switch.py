"""Does the language switch link each page to the same page of the other edition?

The URLs are relative, computed from the page's name (book/_ext/language_switch.py);
tests/test_browser_book_zh.py follows them in a browser on the built book.
"""
import sys

import pytest

from notebooks import ROOT

sys.path.insert(0, str(ROOT / "book" / "_ext"))
from language_switch import edition_of, switch_items, url_in_edition  # noqa: E402


@pytest.mark.parametrize("pagename, current, target, url", [
    ("book/intro", "en", "zh_CN", "../zh_CN/book/intro.html"),
    ("book/intro", "zh_CN", "en", "../../book/intro.html"),
    ("exercises/ex1_tensors/ex1_tensors", "en", "zh_CN", "../../zh_CN/exercises/ex1_tensors/ex1_tensors.html"),
    ("exercises/ex1_tensors/ex1_tensors", "zh_CN", "en", "../../../exercises/ex1_tensors/ex1_tensors.html"),
    ("search", "en", "zh_CN", "zh_CN/search.html"),
    ("genindex", "zh_CN", "en", "../genindex.html"),
    ("book/intro", "en", "en", "../book/intro.html"),
])
def test_url_of_the_same_page_in_another_edition(pagename, current, target, url):
    assert url_in_edition(pagename, current, target) == url


def test_the_current_edition_is_marked_and_the_other_is_a_link():
    items = switch_items("book/01_tensors", "zh_CN")
    assert [(i["label"], i["current"]) for i in items] == [("English", False), ("中文", True)]
    assert items[0]["url"] == "../../book/01_tensors.html"
    assert [i["lang"] for i in items] == ["en", "zh-CN"]


@pytest.mark.parametrize("language, edition", [(None, "en"), ("en", "en"), ("zh_CN", "zh_CN"), ("fr", "en")])
def test_an_unknown_or_unset_language_builds_the_root_edition(language, edition):
    assert edition_of(language) == edition

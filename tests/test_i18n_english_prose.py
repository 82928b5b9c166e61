"""Does a page of the Chinese edition read in Chinese? No English sentence outside code, math and names.

A catalogue can be complete and the page still show English: an entry
translated by copying its English, a message Sphinx did not extract, a theme
string without a translation. This test reads the built HTML of every page
declared translated (locales/translated.txt) and fails on a run of English
words in its prose. Code, math, outputs, text marked `lang="en"` (the
glossary's English column), URLs and the names below are not prose.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from book import HTML, ensure_book
from test_i18n_catalogues import declared_translated

pytestmark = [pytest.mark.slow]

ZH_HTML = HTML / "zh_CN"
# Proper names and identifiers that a Chinese text writes in Latin letters.
NAMES = """
NumPy SciPy Keras TensorFlow PyTorch JupyterLab Jupyter JupyterHub Jupyter Book nbgrader Binder Colab
Google Colab MNIST Fashion-MNIST CIFAR ImageNet Adam RMSprop AdaGrad SGD ReLU Leaky ReLU GELU sigmoid tanh softmax
Dense Conv2D MaxPooling2D AveragePooling2D Flatten Dropout Sequential GradientTape tf.data LeNet AlexNet VGG
ResNet Adaline NETtalk Krizhevsky Rumelhart Hinton Williams Glorot He Xavier Kaggle Kaggle Learn learntools
learntools_lite micrograd Python Linux macOS Windows GitHub pip make bubblewrap Chromium Playwright MathJax
Sphinx Markdown MyST CSV JSON HTML CPU GPU PAM UCI Auto MPG red-wine Wine Quality XOR im2col LeCun Zeiler Fergus
Polyak Nesterov Kingma Ba Bottou Srivastava Ioffe Szegedy Goodfellow Bengio Courville Chollet Dive into Deep Learning
d2l d2l.ai Deep Learning with Python Hessian Jacobian Gaussian Bernoulli Euclid Taylor Fourier Monte Carlo Unix Docker
Kubernetes Zero to JupyterHub z2jh Helm Ubuntu Debian Notebook Lab Hub
""".split()
SKIP_TAGS = {"pre", "code", "script", "style", "math", "svg", "kbd", "samp", "mjx-container", "img"}
SKIP_CLASSES = {"math", "cell_input", "cell_output", "highlight", "headerlink", "pasted-text", "pasted-inline",
                "output", "MathJax", "notranslate"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Three English words in a row (a name removed first) is a sentence, not a term.
ENGLISH_RUN = re.compile(r"\b[A-Za-z][a-z']+(?:[\s,;:()-]+[A-Za-z][a-z']+){2,}\b")
URL = re.compile(r"\S+://\S+|\S+\.(?:ipynb|md|py|html|json|yml|csv)\b")
# Latin text a Chinese author quotes on purpose: a title in 《》, a message the
# software prints quoted in “”, the original of a term in （） after its translation.
QUOTED = re.compile(r"《[^》]*》|“[^”\u4e00-\u9fff]*”|（[A-Za-z][^（）\u4e00-\u9fff]*）")


class ProseText(HTMLParser):
    """The text of the page's article that a reader reads as prose."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is it (or an ancestor) skipped?
        self.in_article = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        skipped = (bool(self.stack) and self.stack[-1]) or tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) \
            or (attrs.get("lang") or "").startswith("en")
        self.stack.append(skipped)
        if tag == "article":
            self.in_article += 1
        if tag in {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "dt", "dd", "figcaption", "caption", "div"}:
            self.chunks.append("\n")

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        self.stack.pop()
        if tag == "article":
            self.in_article -= 1

    def handle_data(self, data):
        if self.in_article and not (self.stack and self.stack[-1]):
            self.chunks.append(data)


def english_sentences(html: str) -> list[str]:
    parser = ProseText()
    parser.feed(html)
    text = "".join(parser.chunks)
    text = QUOTED.sub(" ", URL.sub(" ", text))
    for name in sorted(NAMES, key=len, reverse=True):
        text = re.sub(rf"(?<![\w.]){re.escape(name)}(?![\w])", " ", text)
    return [m.group(0) for m in ENGLISH_RUN.finditer(text)]


def test_the_check_finds_english_and_allows_code_math_and_names():
    html = ("<article><p>张量有三个轴。We train the network here.</p>"
            "<p>用 <code>np.dot and more words</code> 与 <span class=\"math\">a and b or c</span> 计算。</p>"
            "<p>Keras 与 TensorFlow 的 Adam 优化器。</p><p><span lang=\"en\">mini-batch stochastic gradient"
            "</span> 小批量</p><div class=\"cell_output\"><pre>loss went down fast</pre></div>"
            "<p>见《Deep Learning with Python》与稳定性边缘（edge of stability），报告“a hidden test failed”。</p>"
            "<p>“这是中文 but then an English sentence follows”</p></article>"
            "<footer>Not in the article at all</footer>")
    assert english_sentences(html) == ["We train the network here", "but then an English sentence follows"]


@pytest.fixture(scope="module")
def built():
    ensure_book()
    return ZH_HTML


@pytest.mark.parametrize("docname", declared_translated())
def test_a_translated_page_has_no_english_prose(built, docname):
    page = built / f"{docname}.html"
    assert page.is_file(), f"{page} was not built"
    found = english_sentences(page.read_text(encoding="utf-8"))
    assert not found, f"English prose on the Chinese page {docname}:\n" + "\n".join(found[:30])

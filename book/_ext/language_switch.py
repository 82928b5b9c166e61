"""A language switch on every page: "English | 中文", to the same page in the other edition.

The English edition is the root of the published book (`_build/html/`), every
other edition a folder beside its pages (`_build/html/zh_CN/`, built by
scripts/build_book.py from the same sources). So the same page of another
edition is found by a relative link computed from the page's name alone:
it works offline, from a local folder as from a web server.

The switch is a template placed first in the theme's article header (the top
bar of every page); the current edition is shown as text marked
`aria-current`, the other as an ordinary link (keyboard accessible as any
link is). Each page also declares its other edition with
`<link rel="alternate" hreflang=...>`.
"""
from __future__ import annotations

from pathlib import Path

FILES = Path(__file__).parent / "language_switch_files"
TEMPLATE = "language-switch.html"
# (language as Sphinx names it, its label in its own language, the HTML lang tag).
# The first is the edition at the root of the book.
EDITIONS = (("en", "English", "en"), ("zh_CN", "中文", "zh-CN"))
ROOT_EDITION = EDITIONS[0][0]


def edition_of(language: str | None) -> str:
    """The edition a Sphinx `language` setting builds ("en" when unset)."""
    return language if language in {e[0] for e in EDITIONS} else ROOT_EDITION


def url_in_edition(pagename: str, current: str, target: str) -> str:
    """Relative URL, from page `pagename` of edition `current`, of the same page in edition `target`."""
    up = "../" * pagename.count("/")
    if current != ROOT_EDITION:
        up += "../"  # out of the edition's folder, to the book's root
    folder = "" if target == ROOT_EDITION else f"{target}/"
    return f"{up}{folder}{pagename}.html"


def switch_items(pagename: str, language: str | None) -> list[dict]:
    current = edition_of(language)
    return [{"language": code, "label": label, "lang": tag, "current": code == current,
             "url": url_in_edition(pagename, current, code)} for code, label, tag in EDITIONS]


def _configure(app, config):
    config.templates_path.append(str(FILES))
    config.html_static_path.append(str(FILES))
    options = config.html_theme_options
    header_end = list(options.get("article_header_end") or ["article-header-buttons.html"])
    if TEMPLATE not in header_end:
        header_end.insert(0, TEMPLATE)
    options["article_header_end"] = header_end


def _context(app, pagename, templatename, context, doctree):
    items = switch_items(pagename, app.config.language)
    context["language_switch"] = items
    alternates = "".join(f'<link rel="alternate" hreflang="{item["lang"]}" href="{item["url"]}" />\n'
                         for item in items if not item["current"])
    context["metatags"] = context.get("metatags", "") + alternates


def setup(app):
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _context)
    app.add_css_file("language_switch.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The table of contents' captions ("Chapters", "For instructors") in the edition's language.

sphinx-external-toc inserts the toctrees of _toc.yml after Sphinx has
translated the page, so their captions stayed English in the navigation of
every page of a translated edition. The captions are messages of the root
page's catalogue (locales/<language>/LC_MESSAGES/book/intro.po); this
extension looks them up there once the page is read.
"""
from __future__ import annotations

from pathlib import Path

from sphinx import addnodes
from sphinx.locale import init as init_locale
from sphinx.util.i18n import docname_to_domain


def _translate_captions(app, doctree):
    if app.config.language in (None, "", "en"):
        return
    toctrees = [n for n in doctree.findall(addnodes.toctree) if n.get("caption")]
    if not toctrees:
        return
    dirs = [str(Path(app.srcdir) / d) for d in app.config.locale_dirs]
    domain = docname_to_domain(app.env.docname, app.config.gettext_compact)
    catalog, found = init_locale(dirs, app.config.language, domain)
    if found:
        for node in toctrees:
            node["caption"] = catalog.gettext(node["caption"])


def setup(app):
    app.connect("doctree-read", _translate_captions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

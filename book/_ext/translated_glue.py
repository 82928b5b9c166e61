"""Measured numbers in translated text: `{glue:text}` inside a translation catalogue.

Sphinx parses each translated message on its own (sphinx.transforms.i18n), in
a small document that holds none of the notebook's outputs, so myst-nb's
`{glue:text}`key:fmt`` finds no `key` there: every number a translated page
quotes would be lost, with one warning each. This role keeps myst-nb's role
for ordinary pages and, inside a translated message, does what myst-nb does
for a value glued from another page (`page::key`): it leaves a pending
reference, which myst-nb resolves after reading from the glue data the
notebook stored when it was read, here the page's own. The catalogue keeps
the role exactly as in the English text.
"""
from __future__ import annotations

from myst_nb.ext.glue.roles import PasteTextRole
from myst_nb.ext.glue.utils import PendingGlueReference


def key_and_format(text: str) -> tuple[str, str]:
    """`key:fmt` -> (key, fmt), as myst-nb reads the role (no format: "s")."""
    parts = text.rsplit(":", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else (parts[0], "s")


class TranslatedPasteTextRole(PasteTextRole):
    def run(self):
        # sphinx.transforms.i18n names a message's document "<page>:<line>:<translated>".
        in_translation = str(self.document.get("source", "")).endswith("<translated>") \
            and "::" not in self.text
        env = getattr(self.document.settings, "env", None)
        if not in_translation or env is None:
            return super().run()
        key, fmt = key_and_format(self.text)
        ref = PendingGlueReference(refdoc=env.docname, key=key, inline=True, gtype="text", fmt_spec=fmt)
        ref.source, ref.line = self.source, self.line
        return [ref], []


def setup(app):
    app.add_role_to_domain("glue", "text", TranslatedPasteTextRole(), override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Emit each inline script once per page.

sphinx-thebe registers its inline configuration script on every
`env-before-read-docs`, which Jupyter Book fires more than once, so pages
declared `const THEBE_JS_URL` twice and the browser raised a SyntaxError on
every page. Keep the first of identical scripts.
"""


def _dedupe(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        attributes = getattr(script, "attributes", {}) or {}
        key = (str(getattr(script, "filename", script) or ""), repr(sorted(attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique


def setup(app):
    app.connect("html-page-context", _dedupe)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

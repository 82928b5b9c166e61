"""Serve MathJax from the built book instead of a CDN.

The MathJax 3.2.2 files come from the `django-static-mathjax` wheel (pinned in
requirements.txt, Apache-2.0). Its folder is added to Sphinx's static path,
so `_build/html/_static/mathjax/es5/tex-chtml.js` exists and `mathjax_path`
points at it: math renders with no network.
"""
from pathlib import Path


def _mathjax_root() -> Path:
    import mathjax  # the django-static-mathjax package

    return Path(mathjax.__file__).parent / "static"


def _add_static_path(app, config):
    root = _mathjax_root()
    if not (root / "mathjax" / "es5" / "tex-chtml.js").is_file():
        raise RuntimeError(f"MathJax files not found under {root}: "
                           "reinstall with `pip install -r requirements.txt`")
    config.html_static_path.append(str(root))


def setup(app):
    app.connect("config-inited", _add_static_path)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

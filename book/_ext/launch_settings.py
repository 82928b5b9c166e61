"""The JupyterHub launch button's URL is a setting of the build, not of the sources.

    make book JUPYTERHUB_URL=https://hub.example.edu     # the button opens pages on that hub
    make book                                             # no JupyterHub button

Jupyter Book 1 turns `launch_buttons` in _config.yml into the theme's options
before Sphinx starts; this extension replaces `jupyterhub_url` there with the
environment variable JUPYTERHUB_URL (empty or unset: no button; the theme
shows the button only for a non-empty URL). The Binder and Colab buttons open
the repository named by `repository.url` in _config.yml.
"""
import os
from urllib.parse import urlparse

from sphinx.errors import ConfigError

ENV = "JUPYTERHUB_URL"


def jupyterhub_url(value: str) -> str:
    """The hub's base URL from the setting's value, checked: '' (no button) or http(s)://host[/path]."""
    value = value.strip()
    if not value:
        return ""
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"{ENV}={value!r} is not a JupyterHub URL: give its address, e.g. "
                          f"https://hub.example.edu (or leave {ENV} empty for no JupyterHub button)")
    return value.rstrip("/")


def _apply(app, config):
    options = config.html_theme_options
    launch = dict(options.get("launch_buttons") or {})
    launch["jupyterhub_url"] = jupyterhub_url(os.environ.get(ENV, ""))
    options["launch_buttons"] = launch


def setup(app):
    app.connect("config-inited", _apply)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

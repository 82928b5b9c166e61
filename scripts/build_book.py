"""Build the book's editions, or its translation templates, with Jupyter Book's own Sphinx set-up.

    python scripts/build_book.py                 # both editions: _build/html (English), _build/html/zh_CN
    python scripts/build_book.py --language en   # one edition only
    python scripts/build_book.py --gettext       # message templates _build/gettext/**/*.pot (nothing executed)

Jupyter Book 1's command line cannot set Sphinx's `language` (upstream issue
#1791), so this script calls the function that command calls
(`jupyter_book.sphinx.build_sphinx`) with the same overrides (table of
contents, nitpicky, warnings are errors, keep going) plus the edition's own.

Every edition reads the same sources and the same jupyter-cache
(`_build/.jupyter_cache`): the first edition executes each changed notebook,
the next one finds it cached. An edition other than English is built in
`_build/<language>/` (its doctrees and notebook outputs stay there) and then
copied to `_build/html/<language>/`, beside the English pages, so the whole
book is one folder to publish.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "zh_CN")  # English first: its folder holds the others


def _sphinx(builder: str, output: Path, doctrees: Path, build_dir: Path, overrides: dict) -> None:
    from jupyter_book.sphinx import build_sphinx

    overrides = {
        "external_toc_path": (ROOT / "_toc.yml").as_posix(),
        "latex_individualpages": False,
        "nitpicky": True,
        "nb_execution_cache_path": str(build_dir / ".jupyter_cache"),
        **overrides,
    }
    result = build_sphinx(ROOT, output, noconfig=True, path_config=str(ROOT / "_config.yml"),
                          confoverrides=overrides, builder=builder, doctreedir=doctrees,
                          warningiserror=True, keep_going=True)
    if result != 0:
        raise SystemExit(f"the {builder} build into {output} failed (see the messages above)")


def edition_settings(language: str) -> dict:
    """The edition's translations of the book's settings (its title, footer): locales/<language>/config.yml."""
    import yaml

    path = ROOT / "locales" / language / "config.yml"
    if not path.is_file():
        return {}
    settings = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(settings, dict):
        raise SystemExit(f"{path.relative_to(ROOT)} must map Sphinx setting names to values")
    return settings


def _icon_at_the_root(folder: Path) -> None:
    """Jupyter Book's root index.html is a bare refresh to the first page, with no icon
    link, so a browser may ask for /favicon.ico before it moves on: serve the book's icon
    there (a PNG, which browsers take at that name) instead of a 404."""
    icon = folder / "_static" / "favicon.png"
    if icon.is_file():
        shutil.copyfile(icon, folder / "favicon.ico")


def build_edition(language: str, build_dir: Path) -> Path:
    """Build one edition's HTML; return the folder a reader opens."""
    html = build_dir / "html"
    if language == "en":
        _sphinx("html", html, build_dir / ".doctrees", build_dir, {})  # where `jupyter-book build` keeps them
        _icon_at_the_root(html)
        return html
    own = build_dir / language / "html"
    _sphinx("html", own, own.parent / ".doctrees", build_dir, {"language": language, **edition_settings(language)})
    _icon_at_the_root(own)
    # Replace the published folder in two renames, so a reader (or a test serving
    # the book) never finds it half-copied or missing for the length of a copy.
    published = html / language
    incoming, outgoing = html / f".{language}.incoming", html / f".{language}.outgoing"
    for stale in (incoming, outgoing):
        shutil.rmtree(stale, ignore_errors=True)
    shutil.copytree(own, incoming)
    if published.exists():
        published.rename(outgoing)
    incoming.rename(published)
    shutil.rmtree(outgoing, ignore_errors=True)
    return published


def build_templates(build_dir: Path) -> Path:
    """Extract every translatable message into .pot files, one per document.

    Code and outputs are not translated, so nothing is executed; glued values
    are then missing, which is all the warnings this step may give."""
    output = build_dir / "gettext"
    _sphinx("gettext", output, build_dir / ".doctrees-gettext", build_dir, {"nb_execution_mode": "off",
                                           "suppress_warnings": ["mystnb.unknown_mime_type", "mystnb.glue", "mystnb.glue_ref"]})
    return output


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=LANGUAGES, action="append",
                        help="an edition to build (repeatable; default: every edition)")
    parser.add_argument("--gettext", action="store_true", help="write the .pot message templates instead")
    parser.add_argument("--build-dir", type=Path, default=ROOT / "_build", help="default: _build")
    args = parser.parse_args(argv)
    build_dir = args.build_dir.resolve()
    if args.gettext:
        print(f"message templates in {build_templates(build_dir)}")
        return
    for language in sorted(args.language or LANGUAGES, key=LANGUAGES.index):
        start = time.perf_counter()
        folder = build_edition(language, build_dir)
        print(f"edition {language}: {folder / 'index.html'} ({time.perf_counter() - start:.0f} s)", flush=True)


if __name__ == "__main__":
    sys.exit(main())

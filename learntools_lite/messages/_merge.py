"""Join a language's catalogue modules into one dict (used by each language package)."""
from __future__ import annotations

import importlib
import pkgutil


def merged(package: str, path) -> dict[str, str]:
    """Every module's MESSAGES in the package, joined; a duplicated key raises."""
    out: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(path), key=lambda i: i.name):
        module = importlib.import_module(f"{package}.{info.name}")
        clash = set(out) & set(module.MESSAGES)
        if clash:
            raise KeyError(f"{package}.{info.name} redefines {sorted(clash)}")
        out.update(module.MESSAGES)
    return out

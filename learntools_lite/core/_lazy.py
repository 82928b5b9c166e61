"""NumPy, imported on first use, so `import learntools_lite.core` stays cheap.

`np.asarray` through the proxy imports NumPy once and then caches each name on
the proxy, so later look-ups cost what a module attribute costs.
"""
import importlib


class LazyModule:
    def __init__(self, name: str):
        self.__dict__["_name"] = name

    def __getattr__(self, attr):
        value = getattr(importlib.import_module(self.__dict__["_name"]), attr)
        self.__dict__[attr] = value
        return value


np = LazyModule("numpy")

"""learntools_lite: checkers, the animate_sgd explorer and offline datasets
for the course book "Deep learning from the math up".

`from learntools_lite import animate_sgd` imports matplotlib only when used.
The function lives in `sgd_explorer`, a module of another name, so importing
that module can never shadow the function on the package.
`learntools_lite.set_language("zh_CN")` shows every later message in
Simplified Chinese (the environment variable LEARNTOOLS_LANG does the same).
"""

from .messages import set_language

__all__ = ["animate_sgd", "set_language"]


def __getattr__(name):
    if name == "animate_sgd":
        from .sgd_explorer import animate_sgd

        return animate_sgd
    raise AttributeError(f"module 'learntools_lite' has no attribute {name!r}")

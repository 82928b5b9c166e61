"""The zh_CN catalogue: the union of this folder's modules (core.py for the
checker core, one module per exercise or tool), each holding a MESSAGES dict.
A key defined twice is an error, so two modules cannot disagree silently."""
from .._merge import merged

MESSAGES = merged(__name__, __path__)

"""Values as data between the trusted grader and the learner's kernel: JSON, arrays as .npy.

Everything that crosses is plain JSON. Tagged objects carry the types JSON
lacks: `{"$nd": base64 .npy}` (an array; a 0-d one is a NumPy scalar when
tagged `{"$np": ...}`), `{"$tuple": [...]}`, `{"$dict": {...}}`,
`{"$blank": 1}` (the learner left `____`), `{"$opaque": "type name"}` (a
value that is not data), and, from the grader only, `{"$fn": code, "env":
{...}, "cast": "float" | null}` (a test function the kernel rebuilds from
its source).

`decode` reads what the kernel sends and trusts none of it: arrays are
loaded with `allow_pickle=False` and must be numbers, booleans or text;
nesting depth, item count and total size are bounded; anything else raises
`BadReply` (the question then scores 0, with the reason recorded).
"""
from __future__ import annotations

import base64
import binascii
import io
import math

import numpy as np

MAX_DEPTH = 20
MAX_ITEMS = 200_000
ARRAY_KINDS = "biufcUS"   # bool, ints, floats, complex, text; never objects or records


class BadReply(ValueError):
    """The kernel's answer is not data of the expected shape."""


class Opaque:
    """A learner value that is not data (an object of some class); only its type name is known."""

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __repr__(self):
        return f"<{self.type_name} object>"


def _npy(array: np.ndarray) -> str:
    buf = io.BytesIO()
    np.save(buf, np.asarray(array), allow_pickle=False)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def encode(value, depth: int = 0):
    """A trusted value (a test input) as wire data."""
    if depth > MAX_DEPTH:
        raise ValueError("value nested too deeply to send")
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, np.ndarray):
        return {"$nd": _npy(value)}
    if isinstance(value, np.generic):
        return {"$np": _npy(np.asarray(value))}
    if isinstance(value, tuple):
        return {"$tuple": [encode(v, depth + 1) for v in value]}
    if isinstance(value, list):
        return [encode(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {"$dict": {str(k): encode(v, depth + 1) for k, v in value.items()}}
    spec = getattr(type(value), "wire_spec", None)
    if spec is not None:
        code, env, cast = value.wire_spec()
        return {"$fn": code, "env": {k: encode(v, depth + 1) for k, v in env.items()}, "cast": cast}
    raise TypeError(f"cannot send a {type(value).__name__} to the kernel")


class _Budget:
    def __init__(self):
        self.items = 0

    def spend(self, n: int = 1):
        self.items += n
        if self.items > MAX_ITEMS:
            raise BadReply(f"more than {MAX_ITEMS} items in one answer")


def _array(text, scalar: bool):
    if not isinstance(text, str):
        raise BadReply("an array is not base64 text")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
        array = np.load(io.BytesIO(raw), allow_pickle=False)
    except (binascii.Error, ValueError, OSError, UnicodeError, EOFError) as err:
        raise BadReply(f"not a valid .npy array ({err})") from None
    if not isinstance(array, np.ndarray) or array.dtype.kind not in ARRAY_KINDS \
            or array.dtype.fields is not None:
        raise BadReply(f"an array of dtype {getattr(array, 'dtype', '?')} is not data")
    if scalar:
        if array.ndim != 0:
            raise BadReply("a NumPy scalar must be a 0-d array")
        return array[()]
    return array


def decode(data, depth: int = 0, budget: _Budget | None = None):
    """Wire data from the kernel as Python values, or BadReply."""
    budget = budget or _Budget()
    budget.spend()
    if depth > MAX_DEPTH:
        raise BadReply("answer nested too deeply")
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        budget.spend(len(data))
        return [decode(v, depth + 1, budget) for v in data]
    if not isinstance(data, dict) or len(data) != 1:
        raise BadReply(f"unexpected {type(data).__name__} in an answer")
    (tag, body), = data.items()
    if tag in ("$nd", "$np"):
        return _array(body, scalar=tag == "$np")
    if tag == "$float":
        if body not in ("nan", "inf", "-inf"):
            raise BadReply("bad float")
        return float(body)
    if tag == "$tuple" and isinstance(body, list):
        budget.spend(len(body))
        return tuple(decode(v, depth + 1, budget) for v in body)
    if tag == "$dict" and isinstance(body, dict):
        budget.spend(len(body))
        return {str(k): decode(v, depth + 1, budget) for k, v in body.items()}
    if tag == "$blank":
        from ..core.blank import ____
        return ____
    if tag == "$opaque":
        return Opaque(str(body)[:100])
    raise BadReply(f"unknown tag {str(tag)[:40]!r} in an answer")

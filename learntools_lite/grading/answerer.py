"""The kernel's side of a data query: SENT AS SOURCE TEXT, never imported in the kernel.

The grader reads this file and sends its text, as a string literal that the
execute request exec's in a fresh namespace before calling
`_ltl_answer(request, globals())` (queries.py, `_query_code`). So
nothing the submission put on the kernel's path is used to answer, though
the learner's code can still change what this code does (patch NumPy, add
an input transformer that rewrites it): the grader treats every reply as
forged until `wire.decode` has validated it. The function publishes one
display_data message of type MIME with the reply as JSON text.

Requests: {"op": "describe", "name": "batch"} (a variable or `net.predict`),
{"op": "call", "name": ..., "args": [wire values]}.
"""


def _ltl_answer(request, user_ns):
    import base64
    import functools
    import io
    import json
    import math
    import sys
    import types

    import numpy as np
    from IPython.display import publish_display_data

    mime = "application/vnd.learntools-lite.reply+json"

    def npy(array):
        buf = io.BytesIO()
        np.save(buf, np.asarray(array), allow_pickle=False)
        return base64.b64encode(buf.getvalue()).decode("ascii")

    def is_blank(value):
        try:
            return getattr(type(value), "_learntools_blank", False) is True
        except Exception:
            return False

    def encode(value, depth=0):
        if depth > 18:
            raise TypeError("too deep")
        if is_blank(value):
            return {"$blank": 1}
        if value is None or type(value) in (bool, int, str):
            return value
        if type(value) is float:
            return value if math.isfinite(value) else {"$float": repr(value)}
        if isinstance(value, np.ndarray) and value.dtype.kind in "biufcUS":
            return {"$nd": npy(value)}
        if isinstance(value, np.generic) and np.asarray(value).dtype.kind in "biufcUS":
            return {"$np": npy(np.asarray(value))}
        if type(value) is tuple:
            return {"$tuple": [encode(v, depth + 1) for v in value]}
        if type(value) is list:
            return [encode(v, depth + 1) for v in value]
        if type(value) is dict:
            return {"$dict": {str(k): encode(v, depth + 1) for k, v in value.items()}}
        if "tensorflow" in sys.modules and hasattr(value, "numpy") and hasattr(value, "dtype"):
            return encode(np.asarray(value.numpy()), depth)  # an eager tf.Tensor
        return {"$opaque": type(value).__name__}

    def decode(data):
        if isinstance(data, list):
            return [decode(v) for v in data]
        if not isinstance(data, dict):
            return data
        if "$fn" in data:
            tag, body = "$fn", data["$fn"]
        else:
            (tag, body), = data.items()
        if tag in ("$nd", "$np"):
            array = np.load(io.BytesIO(base64.b64decode(body)), allow_pickle=False)
            return array[()] if tag == "$np" else array
        if tag == "$float":
            return float(body)
        if tag == "$tuple":
            return tuple(decode(v) for v in body)
        if tag == "$dict":
            return {k: decode(v) for k, v in body.items()}
        if tag == "$fn":
            env = {"np": np, **{k: decode(v) for k, v in data["env"].items()}}
            inner = eval(body, env)  # a test function's source, written by the instructor
            cast = data.get("cast")

            def f(x):
                y = inner(np.asarray(x, dtype=float))
                return float(y) if cast == "float" else y
            f.__name__ = f.__qualname__ = "f"
            return f
        raise ValueError(tag)

    def code_names(code):
        names = set(code.co_names) | set(code.co_varnames)
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                names |= code_names(const)
        return names

    def lookup(path):
        head, *rest = path.split(".")
        if head not in user_ns:
            raise KeyError(head)
        obj = user_ns[head]
        for attr in rest:
            obj = getattr(obj, attr)
        return obj

    def keras_kind(value):
        keras = sys.modules.get("keras")
        if keras is None:
            return None
        if isinstance(value, keras.Model):
            return "keras_model"
        if isinstance(value, keras.callbacks.History):
            return "keras_history"
        return None

    def describe(path):
        try:
            value = lookup(path)
        except (KeyError, AttributeError):
            return {"kind": "missing"}
        if is_blank(value):
            return {"kind": "blank"}
        func = value
        while isinstance(func, (types.MethodType, functools.partial)):
            func = func.__func__ if isinstance(func, types.MethodType) else func.func
        if isinstance(func, types.FunctionType):
            return {"kind": "function", "blank": "____" in code_names(func.__code__)}
        if isinstance(value, (types.BuiltinFunctionType, np.ufunc)):
            return {"kind": "function", "blank": False}
        kind = keras_kind(value)
        if kind == "keras_model":
            import keras
            reply = {"kind": kind, "built": bool(value.built), "compile_config": None,
                     "config": json.dumps(keras.saving.serialize_keras_object(value))}
            reply["weights"] = [npy(np.asarray(w)) for w in value.get_weights()]
            if getattr(value, "compiled", False):
                reply["compile_config"] = json.dumps(value.get_compile_config())
            return reply
        if kind == "keras_history":
            return {"kind": kind, "params": encode(dict(value.params or {})),
                    "history": encode({k: [float(x) for x in v] for k, v in value.history.items()})}
        encoded = encode(value)
        if isinstance(encoded, dict) and "$opaque" in encoded:
            return {"kind": "object", "type": type(value).__name__, "callable": callable(value)}
        return {"kind": "value", "value": encoded}

    def call(path, args):
        func = lookup(path)
        args = [decode(a) for a in args]
        try:
            out = func(*args)
        except Exception as exc:
            return {"error": f"{type(exc).__name__}: {exc}"[:300]}
        return {"value": encode(out), "args_after": [encode(a) for a in args]}

    try:
        if request.get("op") == "describe":
            reply = describe(request["name"])
        elif request.get("op") == "call":
            reply = call(request["name"], request["args"])
        else:
            reply = {"failed": "unknown request"}
    except Exception as exc:
        reply = {"failed": f"{type(exc).__name__}: {exc}"[:300]}
    reply["id"] = request.get("id")
    try:
        text = json.dumps(reply, allow_nan=False)
    except Exception as exc:
        text = json.dumps({"failed": f"answer not JSON: {exc}"[:300], "id": request.get("id")})
    publish_display_data({mime: text})

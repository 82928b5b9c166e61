"""The live explorer: the book's front end as an anywidget, with a kernel behind it.

The browser draws exactly as in the book (static/sgd_explorer.js); the
difference is where runs come from. Every slider move, menu choice or typed
value sends a `request` (the settings, exactly as chosen); the kernel checks
it with the same rules as `animate_sgd`, runs `sgd_trajectory.simulate` and
answers with a `bundle` of that one run (`sgd_payload.run_bundle`), or, for
a setting it cannot run, an `error` the explorer shows while keeping the
last run on screen.
"""
from __future__ import annotations

import dataclasses
import numbers

import anywidget
import traitlets

from .sgd_explorer import front_end
from .sgd_payload import run_bundle
from .sgd_trajectory import Settings, simulate

REQUESTABLE = ("learning_rate", "batch_size", "optimizer", "num_examples", "steps")


class SGDExplorer(anywidget.AnyWidget):
    """The live explorer widget (displays itself as a cell's last expression)."""

    _esm = traitlets.Unicode(front_end("sgd_explorer.js")).tag(sync=True)
    _css = traitlets.Unicode(front_end("sgd_explorer.css")).tag(sync=True)
    bundle = traitlets.Dict().tag(sync=True)
    request = traitlets.Dict().tag(sync=True)
    error = traitlets.Unicode("").tag(sync=True)

    def __init__(self, settings: Settings, interval=100):
        super().__init__()
        self.interval = interval
        self._views = {}
        self.show(settings)

    def show(self, settings: Settings, request_id=None):
        """Run `settings` and send it to the browser (shown at its last step)."""
        self.settings = settings
        self.trajectory = simulate(settings)
        bundle = run_bundle(self.trajectory, self.interval, self._views)
        bundle["request_id"] = request_id
        self.error = ""
        self.bundle = bundle

    @traitlets.observe("request")
    def _on_request(self, change):
        request = change["new"]
        try:
            settings = self.settings_from(request)
        except ValueError as error:
            self.error = str(error)
            return
        self.show(settings, request.get("id"))

    def settings_from(self, request):
        """The current settings with the request's values, checked by
        `Settings`. A batch larger than the examples is capped to all of
        them, so shrinking the data set never fails."""
        values = {name: request[name] for name in REQUESTABLE if name in request}
        examples = values.get("num_examples", self.settings.num_examples)
        batch = values.get("batch_size", self.settings.batch_size)
        if (isinstance(examples, numbers.Integral) and isinstance(batch, numbers.Integral)
                and 2 <= examples < batch):
            values["batch_size"] = examples
        return dataclasses.replace(self.settings, **values)


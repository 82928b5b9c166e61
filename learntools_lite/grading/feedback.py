"""Feedback preprocessors: what goes back to students must not reveal hidden tests."""
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, Unicode


class ShortenTestTracebacks(Preprocessor):
    """Replace each graded test cell's traceback by its last line.

    IPython's traceback quotes the source lines around the failing assert,
    which in a test cell are hidden tests. nbgrader's ClearHiddenTests removes
    hidden tests from the cell source but not from its error output, so a
    failing hidden test would show its own code in the feedback. The last
    line (`AssertionError: <message>`) is what the student needs; it carries
    the same message the checker showed them. Runs before ClearHiddenTests.
    """

    enabled = Bool(True, help="nbconvert preprocessors are off unless enabled; "
                   "listing this one in the config is the opt-in.").tag(config=True)
    # nbconvert's Preprocessor is disabled by default; nbgrader registers the
    # configured list without enabling it, so without this it would never run.
    enabled = Bool(True, help="Whether to use this preprocessor.").tag(config=True)

    note = Unicode("(details of the autograder tests are not shown)",
                   help="Line added under the shortened traceback.").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    message = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}".rstrip(": ")
                    output["traceback"] = [message, self.note]
        return cell, resources


class RedactHiddenTests(Preprocessor):
    """Remove every line of hidden-test source from every output of the notebook.

    A hostile submission can capture the hidden tests while they run (the
    IPython input history `In`, an input transformer, an exception raised
    from a patched function) and print them, into its own cells' outputs or
    into a test cell's error. This finds each hidden-test line in the
    autograded notebook's test cells and blanks it wherever it appears in an
    output. Runs before ClearHiddenTests, which needs the markers still there.
    """

    enabled = Bool(True, help="On once listed in a preprocessors list.").tag(config=True)
    enabled = Bool(True, help="Whether to use this preprocessor.").tag(config=True)

    begin = Unicode("### BEGIN HIDDEN TESTS", help="Start of a hidden test region.").tag(config=True)
    end = Unicode("### END HIDDEN TESTS", help="End of a hidden test region.").tag(config=True)
    replacement = Unicode("[hidden test redacted]", help="What a redacted line becomes.").tag(config=True)

    def preprocess(self, nb, resources):
        self._secret = set()
        for cell in nb.cells:
            inside = False
            for line in cell.source.splitlines():
                if self.begin in line:
                    inside = True
                if inside and len(line.strip()) >= 4:
                    self._secret.add(line.strip())
                if self.end in line:
                    inside = False
        return super().preprocess(nb, resources)

    def _clean(self, text: str) -> str:
        if not self._secret or not isinstance(text, str):
            return text
        lines = text.split("\n")
        return "\n".join(self.replacement if any(s in line for s in self._secret) else line
                         for line in lines)

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = self._clean(output["text"])
            for mime, value in output.get("data", {}).items():
                if isinstance(value, str):
                    output["data"][mime] = self._clean(value)
                elif isinstance(value, list):
                    output["data"][mime] = [self._clean(v) for v in value]
            if output.get("output_type") == "error":
                output["evalue"] = self._clean(output.get("evalue", ""))
                output["traceback"] = [self._clean(t) for t in output.get("traceback", [])]
        return cell, resources


class NeutraliseStudentMarkers(Preprocessor):
    """Write the hidden-test markers in cells the student wrote with underscores.

    nbgrader's ClearHiddenTests stops on a `BEGIN HIDDEN TESTS` outside a test
    cell ("Hidden test region detected in a non-grade cell", or "No end hidden
    tests statement found"), which failed `feedback` for the whole class. The
    student's own text stays readable (`BEGIN_HIDDEN_TESTS`) and can no longer
    be taken for a marker. The instructor's test cells (graded, not
    solutions, restored by autograde) keep theirs. Runs first.
    """

    enabled = Bool(True, help="Whether to use this preprocessor.").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        from .triage import MARKERS, written_by_student

        if written_by_student(cell):
            for marker in MARKERS:
                cell.source = cell.source.replace(marker, marker.replace(" ", "_"))
        return cell, resources
